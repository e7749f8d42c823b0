"""Poverty figures (end to end in the admin), facilities and partners (programs: test_programs.py)."""

import datetime

import pytest

from core.spreadsheets.preview import run_import
from core.spreadsheets.reading import read_table
from facilities.models import Facility, FacilityType, Operator
from partners.models import Company, CompanyKind, CompanyStatus
from partners.resources import CompanyResource
from regions.models import PovertyFigure, PovertySource
from tests.factories import CompanyFactory, PovertyFigureFactory, region
from tests.imports.helpers import POVERTY_HEADERS, confirm, csv_bytes, export, problems, read_xlsx, upload, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def districts():
    return [region("62.11.01", "Kahayan Hilir"), region("62.11.02", "Pandih Batu")]


def test_field_officer_csv_of_poverty_figures_previewed_and_confirmed(staff_client, staff, districts):
    # Excel in an Indonesian locale saves CSV with semicolons, in cp1252, with thousands dots.
    rows = [
        ["62.11.01", "2024", "1.200", "4.300", "DTKS", "31/12/2024", "Rekap petugas – Desa Mantaren"],
        ["62.11.02", "2024", "845", "", "dtks", "2024-12-31", ""],
    ]
    content = csv_bytes(rows, [*POVERTY_HEADERS, "Catatan"], encoding="cp1252", delimiter=";")

    preview = upload(staff_client, PovertyFigure, content, "kemiskinan-pulpis.csv")

    outcome = preview.context["outcome"]
    assert (outcome.new, outcome.failed, outcome.encoding) == (2, 0, "cp1252")
    assert not PovertyFigure.objects.exists()
    assert confirm(staff_client, PovertyFigure, preview).status_code == 302
    figure = PovertyFigure.objects.get(region_id="62.11.01")
    assert (figure.poor_households, figure.poor_individuals, figure.source) == (1200, 4300, PovertySource.DTKS)
    assert figure.source_date == datetime.date(2024, 12, 31)
    assert figure.notes == "Rekap petugas – Desa Mantaren"
    assert PovertyFigure.objects.get(region_id="62.11.02").poor_individuals is None
    assert figure.history.first().history_user == staff


def test_poverty_figures_updated_by_region_year_and_source(staff_client, districts):
    figure = PovertyFigureFactory(region=districts[0], year=2024, poor_households=1000)
    PovertyFigureFactory(region=districts[0], year=2023, poor_households=900)
    content = xlsx(
        [["62.11.01", 2024, 1100, 4300, "DTKS", "31/12/2024"], ["62.11.01", 2024, 1500, 5000, "BPS", "31/12/2024"]],
        POVERTY_HEADERS,
        sheet="Angka Kemiskinan",
    )

    preview = upload(staff_client, PovertyFigure, content, "kemiskinan.xlsx")

    outcome = preview.context["outcome"]
    assert (outcome.new, outcome.updated, outcome.unchanged) == (1, 1, 0)
    confirm(staff_client, PovertyFigure, preview)
    figure.refresh_from_db()
    assert figure.poor_households == 1100
    assert PovertyFigure.objects.count() == 3
    again = upload(staff_client, PovertyFigure, content, "kemiskinan.xlsx").context["outcome"]
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


def test_poverty_year_out_of_range(staff_client, districts):
    content = xlsx([["62.11.01", 1990, 10, 20, "DTKS", "31/12/1990"]], POVERTY_HEADERS, sheet="Angka Kemiskinan")

    assert problems(upload(staff_client, PovertyFigure, content, "x.xlsx")) == [
        "Baris 2, kolom 'Tahun': harus paling sedikit 2000 (tertulis 1990)."
    ]


FACILITY_HEADERS = ["Kode Panti", "Nama Panti", "Jenis Panti", "Pengelola", "Kode Wilayah", "Lintang", "Kapasitas"]


def test_facilities_by_acronym_and_region_code(staff_client):
    region("31.74.01", "Tebet")
    content = xlsx(
        [
            ["psbr-taruna-jaya-1", "PSBR Taruna Jaya 1", "PSBR", "Dinsos", "31.74.01", "-6,2268", 120],
            ["lks-kasih-ibu", "LKS Kasih Ibu", "Anak (PSAA)", "LKS", "31.74.01", None, None],
        ],
        FACILITY_HEADERS,
        sheet="Panti",
    )

    confirm(staff_client, Facility, upload(staff_client, Facility, content, "panti.xlsx"))

    taruna = Facility.objects.get(slug="psbr-taruna-jaya-1")
    assert (taruna.facility_type, taruna.operator, taruna.region_id) == (
        FacilityType.YOUTH,
        Operator.DINSOS,
        "31.74.01",
    )
    assert str(taruna.latitude) == "-6.226800"
    lks = Facility.objects.get(slug="lks-kasih-ibu")
    assert (lks.facility_type, lks.operator, lks.capacity) == (FacilityType.CHILDREN, Operator.COMMUNITY, None)
    assert lks.is_published  # blank "Tampil di Publik" column absent: the model's default


def test_a_facilitys_public_office_phone_and_hidden_address_go_in_and_out(staff_client):
    region("31.74.01", "Tebet")
    headers = [*FACILITY_HEADERS, "Alamat", "Alamat Tampil di Publik", "Telepon Kantor (publik)"]
    row = [
        "rumah-aman-1",
        "Rumah Aman 1",
        "Anak (PSAA)",
        "LKS",
        "31.74.01",
        None,
        10,
        "Jl. Rahasia 1",
        "Tidak",
        "021-8400001",
    ]
    content = xlsx([row], headers, sheet="Panti")

    confirm(staff_client, Facility, upload(staff_client, Facility, content, "panti.xlsx"))

    facility = Facility.objects.get(slug="rumah-aman-1")
    assert (facility.address, facility.address_public, facility.phone) == ("Jl. Rahasia 1", False, "021-8400001")
    exported = dict(zip(*read_xlsx(export(staff_client, Facility, "xlsx").content)[:2], strict=True))
    assert (exported["Alamat Tampil di Publik"], exported["Telepon Kantor (publik)"]) == ("Tidak", "021-8400001")


def test_facility_latitude_out_of_range_and_bad_slug(staff_client):
    region("31.74.01", "Tebet")
    content = xlsx([["PSBR Taruna Jaya!", "PSBR", "PSBR", "", "31.74.01", 95, 10]], FACILITY_HEADERS, sheet="Panti")

    lines = problems(upload(staff_client, Facility, content, "panti.xlsx"))

    assert "Baris 2, kolom 'Lintang': harus antara -90 dan 90 (tertulis 95.000000)." in lines
    assert any(line.startswith("Baris 2, kolom 'Kode Panti': ") and "slug" in line.lower() for line in lines)
    assert not Facility.objects.exists()


COMPANY_HEADERS = ["Nama Perusahaan", "Jenis", "Negara Asal", "Bidang Fokus", "Wilayah Prioritas", "Status"]


def test_partners_with_fields_and_regions_and_a_code_made_from_the_name(staff_client):
    region("62.11", "Pulang Pisau")
    region("31.75", "Jakarta Timur")
    CompanyFactory(name="PT Lama", slug="pt-lg-electronics-indonesia")
    content = xlsx(
        [
            ["PT LG Electronics Indonesia", "PT", "Korea Selatan", "Pendidikan; Health", "62.11; 31.75", "Aktif"],
            ["Yayasan Peduli", "Yayasan", "", "Lainnya", "", ""],
        ],
        COMPANY_HEADERS,
        sheet="Mitra",
    )

    preview = upload(staff_client, Company, content, "mitra.xlsx")
    assert preview.context["outcome"].new == 2
    confirm(staff_client, Company, preview)

    lg = Company.objects.get(name="PT LG Electronics Indonesia")
    assert lg.slug == "pt-lg-electronics-indonesia-2"  # the plain code is taken
    assert (lg.kind, lg.country, lg.status) == (CompanyKind.COMPANY, "Korea Selatan", CompanyStatus.ACTIVE)
    assert sorted(lg.focus_fields.values_list("code", flat=True)) == ["kesehatan", "pendidikan"]
    assert sorted(lg.preferred_regions.values_list("code", flat=True)) == ["31.75", "62.11"]
    yayasan = Company.objects.get(name="Yayasan Peduli")
    assert (yayasan.kind, yayasan.country, yayasan.status) == (
        CompanyKind.FOUNDATION,
        "Indonesia",
        CompanyStatus.PROSPECT,
    )
    again = upload(staff_client, Company, content, "mitra.xlsx").context["outcome"]
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


def test_partner_found_by_name_whatever_the_case_and_a_changed_field_list_is_an_update(staff, staff_client):
    company = CompanyFactory(name="PT Bank Kalteng", slug="bank-kalteng")
    content = xlsx([["pt bank  KALTENG", "BUMD", "", "Pendidikan", "", "Aktif"]], COMPANY_HEADERS, sheet="Mitra")
    table = read_table(content, "mitra.xlsx", CompanyResource.column_spec())

    outcome, _result = run_import(CompanyResource, table, actor=staff, file_name="mitra.xlsx", dry_run=False)

    assert (outcome.new, outcome.updated) == (0, 1)
    company.refresh_from_db()
    assert (company.slug, company.kind) == ("bank-kalteng", CompanyKind.STATE_OWNED)
    assert list(company.focus_fields.values_list("code", flat=True)) == ["pendidikan"]


def test_partner_problems_in_list_cells(staff_client):
    # Forum TSLP membership is kept per agency on the company's page (partners.Partnership), no
    # longer in the companies' spreadsheet.
    headers = COMPANY_HEADERS
    content = xlsx([["PT Contoh", "", "", "Pendidikan; Antariksa", "99.99", ""]], headers, sheet="Mitra")

    lines = problems(upload(staff_client, Company, content, "mitra.xlsx"))

    assert lines == [
        "Baris 2, kolom 'Bidang Fokus': bidang 'Antariksa' tidak dikenal. Pilihan: Pendidikan, Kesehatan, "
        "Infrastruktur, Olahraga dan seni budaya, Sosial dan keagamaan, Pelestarian lingkungan hidup, "
        "Usaha ekonomi kerakyatan, Pemberdayaan masyarakat adat, Lainnya.",
        "Baris 2, kolom 'Wilayah Prioritas': kode wilayah 99.99 tidak dikenal.",
    ]
    assert not Company.objects.exists()
