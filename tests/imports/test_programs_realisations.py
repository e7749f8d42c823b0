"""Realisation reports from the forum secretariat's spreadsheets, through the import services
(preview, then confirmation), as the admin calls them: natural keys, every bad row of the issue
with its message and nothing written, the round trip."""

import datetime
import io

import openpyxl
import pytest
import tablib
from django.utils import timezone, translation

from core.spreadsheets.preview import build_template, import_confirm, import_preview
from core.spreadsheets.writing import EscapedXLSX
from programs.models import Program, ProgramStatus, Realisation, RealisationShare, RealisationStatus
from programs.realisation_resources import RealisationResource
from tests.factories import CompanyFactory, ProgramFactory, StaffFactory, agency, realisation, region
from tests.imports.helpers import read_xlsx, xlsx

pytestmark = pytest.mark.django_db

HEADERS = [
    "Perusahaan",
    "Judul Program",
    "Tahun",
    "Triwulan",
    "Realisasi (Rp)",
    "Rincian Wilayah",
    "KK",
    "Jiwa",
    "Perempuan",
    "Anak",
    "Kegiatan",
    "Tanggal Lapor",
]
LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture(autouse=True)
def indonesian():
    """The import speaks Indonesian first; an earlier request in English must not leak in."""
    with translation.override("id"):
        yield


@pytest.fixture
def pulpis():
    for code, name in (("62.11.01", "Pandih Batu"), ("62.11.05", "Kahayan Hilir"), ("62.11.07", "Jabiren Raya")):
        region(code, name)
    return agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")


@pytest.fixture
def staff(pulpis):
    return StaffFactory(agency=pulpis)


@pytest.fixture
def program(pulpis):
    company = CompanyFactory(name="PT Kahayan Sawit Lestari")
    program = ProgramFactory(company=company, title="Jalan desa", agency=pulpis, status=ProgramStatus.ACTIVE)
    program.target_regions.set([region("62.11.01"), region("62.11.05")])
    return program


def row(**overrides):
    values = {
        "Perusahaan": "PT Kahayan Sawit Lestari",
        "Judul Program": "Jalan desa",
        "Tahun": LAST_YEAR,
        "Triwulan": None,
        "Realisasi (Rp)": "Rp 150.000.000",
        "Rincian Wilayah": "62.11.05 Kahayan Hilir: Rp 100.000.000; 62.11.01: 50.000.000 (40 KK)",
        "KK": 120,
        "Jiwa": 480,
        "Perempuan": 230,
        "Anak": None,
        "Kegiatan": "Perbaikan 3 km jalan desa",
        "Tanggal Lapor": f"15/01/{LAST_YEAR + 1}",
    }
    values.update(overrides)
    return values


def preview(rows, staff, area="62.11", headers=HEADERS):
    content = xlsx(rows, headers, sheet="Laporan Realisasi")
    outcome, record = import_preview(
        resource_class=RealisationResource, content=content, file_name="realisasi.xlsx", actor=staff, area=area
    )
    return outcome, record, content


def imported(rows, staff, area="62.11", headers=HEADERS):
    outcome, record, content = preview(rows, staff, area, headers)
    assert outcome.ok, outcome.problem_lines()
    outcome, _result = import_confirm(
        record=record, resource_class=RealisationResource, content=content, actor=staff, area=area
    )
    assert outcome.ok, outcome.problem_lines()
    return outcome


def lines(rows, staff, area="62.11"):
    return preview(rows, staff, area)[0].problem_lines()


def test_a_yearly_report_split_over_two_kecamatan_is_previewed_then_recorded_as_submitted(staff, program):
    outcome, _record, _content = preview([row()], staff)
    assert (outcome.new, outcome.problems) == (1, [])
    assert not Realisation.objects.exists()  # the preview writes nothing

    imported([row()], staff)

    report = Realisation.objects.get()
    assert (report.program, report.year, report.quarter, report.amount) == (program, LAST_YEAR, 0, 150_000_000)
    assert (report.households, report.persons, report.women, report.children) == (120, 480, 230, None)
    assert report.status == RealisationStatus.SUBMITTED
    assert (report.reported_by, report.verified_by) == (staff, None)
    assert timezone.localtime(report.submitted_at).date() == datetime.date(LAST_YEAR + 1, 1, 15)
    assert list(report.shares.values_list("region_id", "amount", "households")) == [
        ("62.11.01", 50_000_000, 40),
        ("62.11.05", 100_000_000, 0),
    ]
    assert report.history.get().history_user == staff


def test_verified_on_import_records_the_importing_account(staff, program):
    imported([row(Status="Terverifikasi")], staff, headers=[*HEADERS, "Status"])

    report = Realisation.objects.get()
    assert (report.status, report.verified_by) == (RealisationStatus.VERIFIED, staff)
    assert report.verified_at is not None


@pytest.mark.parametrize("cell", ["Q2", "TW II", "2", 2, "Triwulan 2", "tw-2"])
def test_quarters_as_clerks_write_them(staff, program, pulpis, cell):
    pulpis.realisation_period = "quarter"
    pulpis.save()
    imported([row(Triwulan=cell)], staff)
    assert Realisation.objects.get().quarter == 2


def test_the_natural_key_updates_a_report_and_an_unchanged_file_writes_nothing(staff, program):
    imported([row()], staff)
    report = Realisation.objects.get()

    again = preview([row()], staff)[0]
    assert (again.new, again.updated, again.unchanged) == (0, 0, 1)

    changed = row(
        **{"Realisasi (Rp)": 160_000_000, "Rincian Wilayah": "62.11.05: 110.000.000; 62.11.01: 50.000.000 (40 KK)"}
    )
    outcome = preview([changed], staff)[0]
    assert (outcome.new, outcome.updated) == (0, 1)
    assert ("Realisasi (Rp)", "Rp 150.000.000", "Rp 160.000.000") in outcome.updated_rows[0].changes
    split = next(change for change in outcome.updated_rows[0].changes if change[0] == "Rincian Wilayah")
    assert split[1].startswith("62.11.01 Pandih Batu: Rp 50.000.000 (40 KK); 62.11.05")
    assert split[2].startswith("62.11.05 Kahayan Hilir: Rp 110.000.000; 62.11.01")
    imported([changed], staff)
    report.refresh_from_db()
    assert report.amount == 160_000_000
    assert dict(report.shares.values_list("region_id", "amount")) == {"62.11.01": 50_000_000, "62.11.05": 110_000_000}
    assert Realisation.objects.count() == 1


def test_a_verified_report_is_not_changed_by_a_file(staff, program):
    realisation(program, LAST_YEAR, shares={"62.11.05": 100_000_000})

    assert lines([row()], staff) == [
        "Baris 2, kolom 'Status': laporan ini sudah diverifikasi dan tidak diubah lewat impor. Bila perlu "
        "dikoreksi, kembalikan laporannya lewat admin lebih dulu."
    ]


NEXT_YEAR = LAST_YEAR + 2


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param(
            {"Realisasi (Rp)": 140_000_000},
            "Baris 2, kolom 'Rincian Wilayah': Rincian berjumlah Rp 150.000.000, padahal total realisasi "
            "Rp 140.000.000.",
            id="split-not-adding-up",
        ),
        pytest.param(
            {"Realisasi (Rp)": 150_000_000, "Rincian Wilayah": "62.11.07: 150.000.000"},
            "Baris 2, kolom 'Rincian Wilayah': Jabiren Raya (62.11.07) tidak termasuk wilayah sasaran program.",
            id="kecamatan-outside-the-targets",
        ),
        pytest.param(
            {"Rincian Wilayah": "31.74.01: 150.000.000"},
            "Baris 2, kolom 'Rincian Wilayah': Tebet (31.74.01) berada di luar wilayah Dinas Sosial Kabupaten "
            "Pulang Pisau.",
            id="kecamatan-outside-the-agency",
        ),
        pytest.param(
            {"Rincian Wilayah": "62.11.01 Kahayan Hilir: 150.000.000"},
            "Baris 2, kolom 'Rincian Wilayah': kode 62.11.01 adalah Pandih Batu, bukan 'Kahayan Hilir'.",
            id="code-and-name-disagree",
        ),
        pytest.param(
            {"Rincian Wilayah": "Kahayan Hilir 150 juta"},
            "Baris 2, kolom 'Rincian Wilayah': 'Kahayan Hilir 150 juta' tidak dapat dibaca; tulis kode atau nama "
            "kecamatan/desa, titik dua, lalu rupiahnya.",
            id="split-unreadable",
        ),
        pytest.param(
            {"Rincian Wilayah": ""},
            "Baris 2, kolom 'Rincian Wilayah': Rinci rupiah terealisasi ke paling sedikit satu kecamatan atau desa.",
            id="split-missing",
        ),
        pytest.param(
            {"Tahun": NEXT_YEAR, "Tanggal Lapor": None},
            "Baris 2, kolom 'Tahun': Periode ini belum dimulai: laporan tidak dapat dibuat untuk masa depan.",
            id="period-in-the-future",
        ),
        pytest.param(
            {"Tanggal Lapor": f"01/01/{NEXT_YEAR}"},
            f"Baris 2, kolom 'Tanggal Lapor': tanggal lapor 01/01/{NEXT_YEAR} belum tiba.",
            id="reported-in-the-future",
        ),
        pytest.param(
            {"Triwulan": "Q2"},
            "Baris 2, kolom 'Tahun': Dinas Sosial Kabupaten Pulang Pisau meminta satu laporan per tahun, bukan "
            "per triwulan.",
            id="quarter-for-a-yearly-agency",
        ),
        pytest.param(
            {"Triwulan": "TW V"},
            "Baris 2, kolom 'Triwulan': triwulan 'TW V' tidak dikenali; tulis 1 sampai 4 (Q2, TW II), atau kosongkan "
            "untuk setahun.",
            id="quarter-unknown",
        ),
        pytest.param(
            {"KK": -5},
            "Baris 2, kolom 'KK': tidak boleh negatif (tertulis -5).",
            id="negative-households",
        ),
        pytest.param(
            {"Rincian Wilayah": "62.11.05: 150.000.000 (-3 KK)"},
            "Baris 2, kolom 'Rincian Wilayah': tidak boleh negatif (tertulis -3).",
            id="negative-households-in-a-kecamatan",
        ),
        pytest.param(
            {"Perempuan": 500},
            "Baris 2, kolom 'Jiwa': Satu kelompok penerima manfaat tidak boleh lebih banyak dari jiwa yang terjangkau "
            "(480).",
            id="group-larger-than-persons",
        ),
        pytest.param(
            {"Judul Program": "Jalan Desa Baru"},
            "Baris 2, kolom 'Judul Program': PT Kahayan Sawit Lestari tidak punya program berjudul 'Jalan Desa "
            "Baru'. Impor atau daftarkan programnya lebih dulu.",
            id="program-not-found",
        ),
        pytest.param(
            {"Judul Program": "Air bersih"},
            "Baris 2, kolom 'Judul Program': program 'Air bersih' bukan program PT Kahayan Sawit Lestari (terdaftar "
            "atas nama PT Sebangau Agro Mandiri). Laporan hanya dapat dicatat untuk program perusahaan itu sendiri.",
            id="another-companys-program",
        ),
        pytest.param(
            {"Judul Program": "Rencana baru"},
            "Baris 2, kolom 'Judul Program': program 'Rencana baru' belum terdaftar di dinas (status: Diajukan); "
            "laporan realisasi hanya untuk program yang terdaftar.",
            id="program-not-registered",
        ),
        pytest.param(
            {"Perusahaan": "PT Tidak Ada"},
            "Baris 2, kolom 'Perusahaan': mitra 'PT Tidak Ada' tidak terdaftar. Tambahkan mitra lebih dulu atau "
            "periksa namanya.",
            id="company-unknown-reported-once",
        ),
    ],
)
def test_bad_rows_are_refused_with_their_column_and_nothing_is_written(staff, program, pulpis, overrides, expected):
    region("31.74.01", "Tebet")
    other = ProgramFactory(company=CompanyFactory(name="PT Sebangau Agro Mandiri"), title="Air bersih", agency=pulpis)
    other.target_regions.set([region("62.11.05")])
    pending = ProgramFactory(company=program.company, title="Rencana baru", agency=pulpis)
    pending.status = ProgramStatus.SUBMITTED
    pending.save()
    pending.target_regions.set([region("62.11.05")])

    bad = row(Tahun=LAST_YEAR - 2, **{"Tanggal Lapor": None})
    bad.update(overrides)
    assert lines([row(), row(Tahun=LAST_YEAR - 1), bad], staff) == [expected.replace("Baris 2", "Baris 4")]
    assert not Realisation.objects.exists()
    assert not RealisationShare.objects.exists()


def test_a_returned_report_needs_its_reason(staff, program):
    headers = [*HEADERS, "Status", "Catatan Pemeriksaan"]
    assert lines_with(headers, [row(Status="Dikembalikan")], staff) == [
        "Baris 2, kolom 'Catatan Pemeriksaan': laporan yang dikembalikan perlu alasannya di kolom ini."
    ]
    imported([row(Status="Dikembalikan", **{"Catatan Pemeriksaan": "Lampirkan BAST"})], staff, headers=headers)
    assert Realisation.objects.get().review_note == "Lampirkan BAST"


def lines_with(headers, rows, staff):
    return preview(rows, staff, headers=headers)[0].problem_lines()


def test_a_report_outside_the_importing_account_area_is_refused(program):
    jakarta_staff = StaffFactory(agency=agency("31", "Dinas Sosial Provinsi DKI Jakarta"))
    assert lines([row()], jakarta_staff, area="31") == [
        "Baris 2, kolom 'Rincian Wilayah': wilayah 62.11.05; 62.11.01 berada di luar wilayah dinas Anda (31)."
    ]


def _to_xlsx(dataset: tablib.Dataset) -> bytes:
    return EscapedXLSX().export_data(dataset)


def test_export_gives_the_import_layout_back_and_imports_unchanged(staff, program):
    imported([row(), row(Tahun=LAST_YEAR - 1, **{"Tanggal Lapor": None})], staff)
    resource = RealisationResource()

    dataset = resource.export(queryset=resource.filter_export(Realisation.objects.all()), force_native_type=True)
    content = _to_xlsx(dataset)

    exported = read_xlsx(content)
    assert exported[0] == [column.column_name for column in RealisationResource.template_columns()]
    first = dict(zip(exported[0], exported[1], strict=True))
    assert (
        first["Rincian Wilayah"]
        == "62.11.01 Pandih Batu: Rp 50.000.000 (40 KK); 62.11.05 Kahayan Hilir: Rp 100.000.000"
    )
    assert first["Triwulan"] is None
    outcome, _record = import_preview(
        resource_class=RealisationResource, content=content, file_name="ekspor.xlsx", actor=staff, area="62.11"
    )
    assert (outcome.new, outcome.updated, outcome.unchanged, outcome.problems) == (0, 0, 2, [])


def test_the_template_has_the_columns_and_explains_the_split():
    workbook = openpyxl.load_workbook(io.BytesIO(build_template(RealisationResource)))
    data, hints = workbook.worksheets
    headers = [cell.value for cell in data[1]]
    assert headers[:6] == ["Perusahaan", "Judul Program", "Tahun", "Triwulan", "Realisasi (Rp)", "Rincian Wilayah"]
    assert "Tanggal Lapor" in headers
    hint_text = " ".join(str(cell.value) for line in hints.iter_rows() for cell in line if cell.value)
    assert "62.11.05 Kahayan Hilir: Rp 100.000.000" in hint_text


def test_one_report_per_program_and_period_in_a_file(staff, program):
    assert lines([row(), row()], staff) == [
        "Baris 3, kolom 'Triwulan': baris ini mengulang baris 2 (Perusahaan 'PT Kahayan Sawit Lestari', Judul "
        f"Program 'Jalan desa', Tahun '{LAST_YEAR}', Triwulan ''). Setiap laporan realisasi cukup satu baris."
    ]
    assert Program.objects.count() == 1
