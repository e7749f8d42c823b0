"""Exports from the changelists: current filters, xlsx and CSV, every formula-like cell escaped;
the downloadable templates; and the rupiah summary per partner, field and facility."""

import datetime
import io

import openpyxl
import pytest

from core.spreadsheets.preview import run_import
from core.spreadsheets.reading import read_table
from core.spreadsheets.writing import column_widths
from facilities.models import Facility, Need, NeedStatus
from facilities.resources import NeedResource
from matching.models import PledgeStatus
from partners.models import Company
from programs.models import Program
from regions.models import PovertyFigure
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, field, pledge_in_state
from tests.imports.helpers import admin_url, export, read_csv, read_xlsx

pytestmark = pytest.mark.django_db

DANGEROUS = {
    "title": '=HYPERLINK("http://contoh.invalid","klik")',
    "description": "+1+cmd|' /C calc'!A0",
    "unit": "@SUM(A1)",
    "source": "-2+3",
}


@pytest.fixture
def dangerous_need(facility):
    return NeedFactory(facility=facility, **DANGEROUS, source_date=datetime.date(2025, 1, 15))


def test_xlsx_export_escapes_formulas_and_keeps_numbers_and_dates_typed(staff_client, dangerous_need):
    rows = read_xlsx(export(staff_client, Need, "xlsx").content)

    header, values = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:3] == ["Kode Panti", "Nama Panti", "Judul Kebutuhan"]
    assert values["Judul Kebutuhan"] == "'" + DANGEROUS["title"]
    assert values["Deskripsi"] == "'" + DANGEROUS["description"]
    assert values["Satuan"] == "'" + DANGEROUS["unit"]
    assert values["Sumber Data"] == "'" + DANGEROUS["source"]
    assert values["Harga Satuan (Rp)"] == 1_250_000
    assert values["Tanggal Sumber Data"] == datetime.datetime(2025, 1, 15)
    assert values["Jumlah Sudah Dijanjikan"] == 0
    workbook = openpyxl.load_workbook(io.BytesIO(export(staff_client, Need, "xlsx").content))
    assert not [cell for row in workbook.active.iter_rows() for cell in row if cell.data_type == "f"]


def test_csv_export_escapes_formulas_and_is_utf8_with_bom(staff_client, dangerous_need):
    response = export(staff_client, Need, "csv")

    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response.content)
    values = dict(zip(rows[0], rows[1], strict=True))
    for column, key in [("Judul Kebutuhan", "title"), ("Deskripsi", "description"), ("Satuan", "unit")]:
        assert values[column] == "'" + DANGEROUS[key]
    assert values["Sumber Data"] == "'" + DANGEROUS["source"]
    assert values["Harga Satuan (Rp)"] == "1250000"


def test_tab_and_carriage_return_cells_are_escaped_but_plain_negative_numbers_are_not(staff_client):
    FacilityFactory(slug="panti-tab", name="\tPanti", contact_phone="\r021", latitude="-6.200000")

    rows = read_csv(export(staff_client, Facility, "csv").content)

    values = dict(zip(rows[0], rows[1], strict=True))
    assert values["Nama Panti"] == "'\tPanti"
    assert values["Telepon"] == "'\r021"
    assert values["Lintang"] == "-6.200000"


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_escaped_export_imports_back_to_the_exact_values(staff_client, staff, dangerous_need, file_format):
    content = export(staff_client, Need, file_format).content
    Need.objects.filter(pk=dangerous_need.pk).update(title="dirubah", unit="x", description="", source="")
    dangerous_need.refresh_from_db()

    table = read_table(content, f"kebutuhan.{file_format}", NeedResource.column_spec())
    # The title is the key: the changed need no longer matches, so compare a fresh import.
    Need.objects.all().delete()
    outcome, _result = run_import(NeedResource, table, actor=staff, file_name="x", dry_run=False)

    assert outcome.ok, outcome.problem_lines()
    need = Need.objects.get()
    assert {key: getattr(need, key) for key in DANGEROUS} == DANGEROUS


def test_export_follows_the_changelist_filters(staff_client, facility):
    NeedFactory(facility=facility, title="Terbuka", status=NeedStatus.OPEN)
    NeedFactory(facility=facility, title="Draf", status=NeedStatus.DRAFT)

    changelist = staff_client.get(admin_url(Need, "changelist") + "?status__exact=draft")
    assert admin_url(Need, "export") + "?status__exact=draft" in changelist.content.decode()
    rows = read_xlsx(export(staff_client, Need, "xlsx", query="?status__exact=draft").content)

    assert [row[2] for row in rows[1:]] == ["Draf"]
    assert len(read_csv(export(staff_client, Need, "csv").content)) == 3


@pytest.mark.parametrize(
    ("model", "sheet", "first_columns"),
    [
        (Need, "Kebutuhan", ["Kode Panti", "Nama Panti", "Judul Kebutuhan", "Deskripsi", "Bidang"]),
        (Facility, "Panti", ["Kode Panti", "Nama Panti", "Jenis Panti", "Pengelola", "Kode Wilayah"]),
        (PovertyFigure, "Angka Kemiskinan", ["Kode Wilayah", "Tahun", "Jumlah Rumah Tangga Miskin"]),
        (Company, "Mitra", ["Nama Perusahaan", "Kode Perusahaan", "Jenis"]),
        (Program, "Program CSR", ["Perusahaan", "Judul Program", "Bentuk", "Bidang"]),
    ],
    ids=["needs", "facilities", "poverty-figures", "companies", "programs"],
)
def test_template_has_the_columns_and_a_hint_sheet(staff_client, model, sheet, first_columns):
    response = staff_client.get(admin_url(model, "import_template"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="templat-')
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [sheet, "Petunjuk"]
    headers = [cell.value for cell in next(workbook[sheet].iter_rows())]
    assert headers[: len(first_columns)] == first_columns
    assert "Jumlah Sudah Dijanjikan" not in headers  # read-only columns are not in the template
    hints = [row[0] for row in workbook["Petunjuk"].iter_rows(values_only=True)]
    assert headers[0] in hints


def test_template_imports_cleanly_once_filled_in(staff_client, facility):
    template = staff_client.get(admin_url(Need, "import_template")).content
    workbook = openpyxl.load_workbook(io.BytesIO(template))
    sheet = workbook["Kebutuhan"]
    headers = [cell.value for cell in sheet[1]]
    values = {"Kode Panti": "panti-sosial-1", "Judul Kebutuhan": "Kursi roda", "Bidang": "Health"}
    values.update({"Jenis Kebutuhan": "goods", "Jumlah": 3, "Satuan": "unit", "Harga Satuan (Rp)": 2_500_000})
    sheet.append([values.get(header) for header in headers])
    stream = io.BytesIO()
    workbook.save(stream)

    table = read_table(stream.getvalue(), "templat.xlsx", NeedResource.column_spec())

    assert table.sheet_name == "Kebutuhan"
    assert table.row_numbers == [2]


# --- the rupiah summary ------------------------------------------------------------------------


@pytest.fixture
def pledges():
    """Two partners, two facilities, two fields; pledges in covering, pending and closed states."""
    health, education = field("kesehatan"), field("pendidikan")
    panti_a = FacilityFactory(name="Panti A", slug="panti-a")
    panti_b = FacilityFactory(name="Panti B", slug="panti-b")
    beds = NeedFactory(facility=panti_a, field=health, quantity=40, unit_cost=1_000_000)
    books = NeedFactory(facility=panti_b, field=education, quantity=100, unit_cost=50_000)
    alpha, beta = CompanyFactory(name="PT Alfa"), CompanyFactory(name="PT Beta")
    pledge_in_state(PledgeStatus.APPROVED, need=beds, company=alpha, quantity=10)  # 10,000,000 pledged
    pledge_in_state(PledgeStatus.VERIFIED, need=beds, company=beta, quantity=5)  # 5,000,000 pledged and delivered
    pledge_in_state(PledgeStatus.ACCEPTED, need=books, company=alpha, quantity=20)  # 1,000,000 pledged
    pledge_in_state(PledgeStatus.OFFERED, need=books, company=beta, quantity=30)  # pending: not counted
    pledge_in_state(PledgeStatus.CANCELLED, need=books, company=beta, quantity=10)  # closed: not counted
    return {"panti_a": panti_a, "panti_b": panti_b}


def _sheets(content):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}


def test_summary_per_partner_field_and_facility(staff_client, pledges):
    response = staff_client.get(admin_url(Need, "summary", "xlsx"))

    assert response.status_code == 200
    sheets = _sheets(response.content)
    assert list(sheets) == ["Per Mitra", "Per Bidang", "Per Panti"]
    assert sheets["Per Mitra"] == [
        [
            "Mitra",
            "Janji Bantuan",
            "Nilai Dijanjikan (Rp)",
            "Nilai Tersalurkan Terverifikasi (Rp)",
            "Persen Tersalurkan",
        ],
        ["PT Alfa", 2, 11_000_000, 0, 0],
        ["PT Beta", 1, 5_000_000, 5_000_000, 100],
        ["Jumlah", 3, 16_000_000, 5_000_000, 31],
    ]
    assert sheets["Per Bidang"][1:] == [
        ["Kesehatan", 2, 15_000_000, 5_000_000, 33],
        ["Pendidikan", 1, 1_000_000, 0, 0],
        ["Jumlah", 3, 16_000_000, 5_000_000, 31],
    ]
    assert sheets["Per Panti"][1:] == [
        ["Panti A", 2, 15_000_000, 5_000_000, 33],
        ["Panti B", 1, 1_000_000, 0, 0],
        ["Jumlah", 3, 16_000_000, 5_000_000, 31],
    ]


def test_summary_follows_the_changelist_filters(staff_client, pledges):
    query = f"?id__exact={pledges['panti_b'].pk}"

    sheets = _sheets(staff_client.get(admin_url(Facility, "summary", "xlsx") + query).content)

    assert sheets["Per Panti"][1:] == [["Panti B", 1, 1_000_000, 0, 0], ["Jumlah", 1, 1_000_000, 0, 0]]
    assert sheets["Per Mitra"][1:] == [["PT Alfa", 1, 1_000_000, 0, 0], ["Jumlah", 1, 1_000_000, 0, 0]]


def test_summary_as_csv_from_the_partners_changelist(staff_client, pledges):
    response = staff_client.get(admin_url(Company, "summary", "csv") + "?q=Beta")

    assert response["Content-Disposition"].endswith('.csv"')
    rows = read_csv(response.content)
    assert rows[0][:3] == ["Kelompok", "Nama", "Janji Bantuan"]
    assert ["Per Mitra", "PT Beta", "1", "5000000", "5000000", "100"] in rows
    assert ["Per Mitra", "Jumlah", "1", "5000000", "5000000", "100"] in rows
    assert not [row for row in rows if row[1] == "PT Alfa"]


def test_summary_with_no_pledges_is_only_totals(staff_client):
    sheets = _sheets(staff_client.get(admin_url(Need, "summary", "xlsx")).content)

    assert sheets["Per Mitra"][1:] == [["Jumlah", 0, 0, 0, None]]


def test_summary_query_count_does_not_grow_with_pledges(staff_client, pledges, django_assert_max_num_queries):
    # 15: the changelist's filters include the SDG goals (one query for their choices).
    with django_assert_max_num_queries(15):
        staff_client.get(admin_url(Need, "summary", "xlsx"))
    pledge_in_state(PledgeStatus.APPROVED, need=Need.objects.first(), quantity=1)
    with django_assert_max_num_queries(15):
        staff_client.get(admin_url(Need, "summary", "xlsx"))


def test_xlsx_export_fits_each_column_to_its_content(staff_client, facility):
    NeedFactory(facility=facility, title="Perbaikan atap asrama putra dan putri lantai dua", unit_cost=48_000_000)
    NeedFactory(facility=facility, title="Kasur", unit_cost=750_000)

    workbook = openpyxl.load_workbook(io.BytesIO(export(staff_client, Need, "xlsx").content))

    sheet = workbook.active
    headers = [cell.value for cell in sheet[1]]
    width = {
        header: sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
        for i, header in enumerate(headers)
    }
    # The longest title (48 characters), the rupiah as shown ("Rp 48,000,000": 13), the header where it is wider.
    assert width["Judul Kebutuhan"] == len("Perbaikan atap asrama putra dan putri lantai dua") + 2
    assert width["Harga Satuan (Rp)"] == len("Harga Satuan (Rp)") + 3
    assert width["Kode Panti"] == len("panti-sosial-1") + 2
    assert max(width.values()) <= 60


def test_a_long_text_column_is_capped():
    assert column_widths(["Deskripsi", "Rp"], [["x" * 500, 1_500_000_000]], [None, '"Rp "#,##0']) == [60, 18]
