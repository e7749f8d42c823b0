"""Companies' NIB and NPWP and facilities' LKS registration numbers in spreadsheets: a row
naming a registered number updates that record, a wrong number is the row's error."""

import datetime

import pytest

from facilities.models import AccreditationGrade, Facility
from partners.models import Company
from tests.factories import CompanyFactory, FacilityFactory, region
from tests.imports.helpers import confirm, export, problems, read_xlsx, upload, xlsx

pytestmark = pytest.mark.django_db

COMPANY_HEADERS = ["Nama Perusahaan", "Jenis", "NIB", "NPWP"]
NPWP = "013121660091000"


def test_partner_row_with_a_registered_npwp_updates_that_company_under_another_name(staff_client):
    company = CompanyFactory(name="PT Sebangau Agro Mandiri", npwp=NPWP)
    content = xlsx(
        [["PT. Sebangau Agro Mandiri Tbk", "PT", 9120001234567, "01.312.166.0-091.000"]], COMPANY_HEADERS, sheet="Mitra"
    )

    preview = upload(staff_client, Company, content, "mitra.xlsx")

    assert (preview.context["outcome"].new, preview.context["outcome"].updated) == (0, 1)
    confirm(staff_client, Company, preview)
    assert Company.objects.count() == 1
    company.refresh_from_db()
    assert (company.name, company.nib, company.npwp) == ("PT. Sebangau Agro Mandiri Tbk", "9120001234567", NPWP)


def test_partner_rows_with_bad_numbers_are_refused_and_nothing_is_written(staff_client):
    content = xlsx(
        [
            ["PT Satu", "PT", "91200012345", ""],
            ["PT Dua", "PT", "91200O1234567", ""],
            ["PT Tiga", "PT", "", "01.312.166.1-091.000"],
        ],
        COMPANY_HEADERS,
        sheet="Mitra",
    )

    lines = problems(upload(staff_client, Company, content, "mitra.xlsx"))

    assert lines == [
        "Baris 2, kolom 'NIB': NIB terdiri atas 13 angka; yang ini 11 angka.",
        "Baris 3, kolom 'NIB': NIB hanya berisi angka.",
        "Baris 4, kolom 'NPWP': NPWP ini tidak sah: angka pemeriksanya atau salah satu bagiannya keliru.",
    ]
    assert not Company.objects.exists()


def test_partner_row_whose_npwp_belongs_to_another_registered_company_is_refused(staff_client):
    CompanyFactory(name="PT Pemilik Nomor", npwp=NPWP)
    CompanyFactory(name="PT Lain")
    content = xlsx([["PT Lain", "PT", "", NPWP]], COMPANY_HEADERS, sheet="Mitra")

    lines = problems(upload(staff_client, Company, content, "mitra.xlsx"))

    assert len(lines) == 1
    assert lines[0].startswith("Baris 2, kolom 'NPWP': NPWP '013121660091000' sudah terdaftar untuk PT Pemilik Nomor")
    assert not Company.objects.filter(name="PT Lain").exclude(npwp="").exists()


def test_one_nib_on_two_new_rows_of_a_file_is_refused(staff_client):
    content = xlsx(
        [["PT Satu", "PT", "9120001234567", ""], ["PT Dua", "PT", "9120-0012-34567", ""]],
        COMPANY_HEADERS,
        sheet="Mitra",
    )

    lines = problems(upload(staff_client, Company, content, "mitra.xlsx"))

    assert lines == ["Baris 3, kolom 'NIB': NIB '9120001234567' dipakai lebih dari satu baris berkas ini."]
    assert not Company.objects.exists()


def test_npwp_typed_as_a_number_in_excel_gets_its_leading_zero_back(staff_client):
    content = xlsx([["PT Angka", "PT", "", 13121660091000]], COMPANY_HEADERS, sheet="Mitra")

    confirm(staff_client, Company, upload(staff_client, Company, content, "mitra.xlsx"))

    assert Company.objects.get(name="PT Angka").npwp == NPWP


FACILITY_HEADERS = [
    "Kode Panti",
    "Nama Panti",
    "Jenis Panti",
    "Kode Wilayah",
    "Nomor Tanda Daftar LKS",
    "Akreditasi",
    "Tanggal Akreditasi",
]


def test_facility_row_with_a_registered_lks_number_updates_that_facility(staff_client):
    region("31.75.01", "Pasar Rebo")
    facility = FacilityFactory(name="LKS Kasih Ibu", lks_registration_number="460/123/DINSOS/2024")
    content = xlsx(
        [
            [
                "lks-kasih-ibu-pasar-rebo",
                "LKS Kasih Ibu Pasar Rebo",
                "PSBR",
                "31.75.01",
                "460/123/dinsos/2024",
                "B",
                "2024-05-17",
            ]
        ],
        FACILITY_HEADERS,
        sheet="Panti",
    )

    confirm(staff_client, Facility, upload(staff_client, Facility, content, "panti.xlsx"))

    assert Facility.objects.count() == 1
    facility.refresh_from_db()
    assert facility.name == "LKS Kasih Ibu Pasar Rebo"
    assert facility.lks_registration_number == "460/123/DINSOS/2024"
    assert (facility.accreditation_grade, facility.accreditation_date) == (
        AccreditationGrade.B,
        datetime.date(2024, 5, 17),
    )


def test_facility_accreditation_date_without_grade_is_a_row_error(staff_client):
    region("31.75.01", "Pasar Rebo")
    content = xlsx(
        [["lks-baru", "LKS Baru", "PSBR", "31.75.01", "", "", "2024-05-17"]], FACILITY_HEADERS, sheet="Panti"
    )

    lines = problems(upload(staff_client, Facility, content, "panti.xlsx"))

    assert lines == ["Baris 2, kolom 'Tanggal Akreditasi': tanggal akreditasi perlu nilai akreditasinya (A, B atau C)."]
    assert not Facility.objects.exists()


def test_exports_carry_the_official_numbers(staff_client):
    CompanyFactory(name="PT Ekspor", nib="9120001234567", npwp=NPWP)
    FacilityFactory(name="LKS Ekspor", lks_registration_number="460/9/2024", accreditation_grade="A")

    companies = read_xlsx(export(staff_client, Company).content)
    facilities = read_xlsx(export(staff_client, Facility).content)

    row = dict(zip(companies[0], companies[1], strict=False))
    assert (row["NIB"], row["NPWP"]) == ("9120001234567", NPWP)
    row = dict(zip(facilities[0], facilities[1], strict=False))
    assert (row["Nomor Tanda Daftar LKS"], row["Akreditasi"]) == ("460/9/2024", "A")
