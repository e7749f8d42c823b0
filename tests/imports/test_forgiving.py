"""Imports that forgive how clerks type (issue 14): synonyms of choices, region codes without
dots, names of facilities and partners whatever their case, spaces and punctuation, with a
suggestion for a near miss; and a blank cell of an update row never erases what is stored."""

from datetime import date

import pytest

from core.spreadsheets.preview import build_template
from facilities.models import Facility, Need, NeedKind, Priority
from facilities.resources import NeedResource
from partners.resources import CompanyWidget
from programs.models import Program
from regions.widgets import RegionWidget, dotted
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, agency, region
from tests.imports.helpers import NEED_HEADERS, confirm, need_row, problems, read_xlsx, upload, xlsx

pytestmark = pytest.mark.django_db

HEADERS = [*NEED_HEADERS, "Nama Panti", "Deskripsi", "Sumber Data", "Tanggal Sumber Data"]


def _stored_need(facility):
    return NeedFactory(
        facility=facility,
        title="Kasur busa",
        quantity=40,
        priority=Priority.HIGH,
        description="Kasur untuk asrama putra",
        source="Asesmen kebutuhan 2025",
        source_date=date(2025, 1, 15),
        needed_by=date(2026, 12, 31),
    )


def test_a_clerks_needs_file_imports_and_a_near_miss_gets_its_suggestion(staff_client, facility):
    stored = _stored_need(facility)
    FacilityFactory(name="PSBI Bangun Daya 1", slug="psbi-bangun-daya-1")
    rows = [
        # An update with blank optional cells, and the everyday word for "normal".
        need_row(title="Kasur busa", Prioritas="sedang"),
        need_row(title="Lemari", Prioritas=" Medium ", **{"Jenis Kebutuhan": "goods"}),
        need_row(slug=None, title="Selimut", **{"Nama Panti": "PSBI Bangun Daja 1", "Jenis Kebutuhan": "uang"}),
    ]

    refused = upload(staff_client, Need, xlsx(rows, HEADERS))

    assert problems(refused) == [
        "Baris 4, kolom 'Nama Panti': panti bernama 'PSBI Bangun Daja 1' tidak terdaftar — maksud Anda "
        "'PSBI Bangun Daya 1'? Bila bukan, daftarkan pantinya lebih dulu."
    ]
    assert Need.objects.count() == 1

    rows[2]["Nama Panti"] = "psbi bangun-daya 1"  # the clerk's fix: case, spaces and punctuation aside
    preview = upload(staff_client, Need, xlsx(rows, HEADERS))
    assert problems(preview) == []
    outcome = preview.context["outcome"]
    assert (outcome.new, outcome.updated) == (2, 1)
    assert outcome.updated_rows[0].changes == [("Prioritas", "Tinggi", "Normal")]

    confirm(staff_client, Need, preview)

    stored.refresh_from_db()
    assert stored.priority == Priority.NORMAL
    assert (stored.description, stored.source, stored.source_date) == (
        "Kasur untuk asrama putra",
        "Asesmen kebutuhan 2025",
        date(2025, 1, 15),
    )
    cupboard = Need.objects.get(title="Lemari")
    assert (cupboard.priority, cupboard.kind) == (Priority.NORMAL, NeedKind.GOODS)
    blankets = Need.objects.get(title="Selimut")
    assert (blankets.facility.slug, blankets.kind) == ("psbi-bangun-daya-1", NeedKind.FUNDS)


def test_the_dash_clears_an_optional_value_and_a_blank_keeps_it(staff_client, facility):
    stored = _stored_need(facility)
    content = xlsx([need_row(**{"Deskripsi": "-", "Sumber Data": " - "})], HEADERS)

    confirm(staff_client, Need, upload(staff_client, Need, content))

    stored.refresh_from_db()
    assert (stored.description, stored.source, stored.source_date) == ("", "", date(2025, 1, 15))


def test_a_dash_in_a_required_cell_is_still_required(staff_client, facility):
    content = xlsx([need_row(Satuan="-")])

    assert problems(upload(staff_client, Need, content)) == ["Baris 2, kolom 'Satuan': wajib diisi."]
    assert not Need.objects.exists()


def test_a_new_row_with_blank_cells_takes_the_defaults(staff_client, facility):
    confirm(staff_client, Need, upload(staff_client, Need, xlsx([need_row(Prioritas=None)], HEADERS)))

    need = Need.objects.get()
    assert (need.priority, need.description, need.source_date) == (Priority.NORMAL, "", None)


@pytest.mark.parametrize(
    ("typed", "priority"),
    [
        ("sedang", Priority.NORMAL),
        ("Medium", Priority.NORMAL),
        ("biasa", Priority.NORMAL),
        ("NORMAL", Priority.NORMAL),
        ("segera", Priority.URGENT),
        ("urgent", Priority.URGENT),
        ("Mendesak", Priority.URGENT),
        ("darurat", Priority.URGENT),
        ("tinggi", Priority.HIGH),
        ("High", Priority.HIGH),
        ("penting", Priority.HIGH),
        ("rendah", Priority.LOW),
        (" low ", Priority.LOW),
    ],
)
def test_priority_synonyms(typed, priority):
    assert NeedResource.fields["priority"].widget.clean(typed) == priority


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("barang", NeedKind.GOODS),
        ("Goods", NeedKind.GOODS),
        ("jasa", NeedKind.SERVICES),
        ("pelatihan", NeedKind.SERVICES),
        ("services", NeedKind.SERVICES),
        ("pekerjaan", NeedKind.WORKS),
        ("works", NeedKind.WORKS),
        ("penempatan", NeedKind.PLACEMENTS),
        ("placements", NeedKind.PLACEMENTS),
        ("relawan", NeedKind.VOLUNTEERS),
        ("Volunteers", NeedKind.VOLUNTEERS),
        ("dana", NeedKind.FUNDS),
        ("UANG", NeedKind.FUNDS),
        ("funds", NeedKind.FUNDS),
    ],
)
def test_need_kind_synonyms(typed, kind):
    assert NeedResource.fields["kind"].widget.clean(typed) == kind


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("317203", "31.72.03"),
        ("3172031001", "31.72.03.1001"),
        ("3172", "31.72"),
        ("31", "31"),
        ("31.72.03", "31.72.03"),
        ("12345", "12345"),  # no code has five digits: left as written, and reported unknown
    ],
)
def test_region_codes_with_or_without_dots(typed, code):
    assert dotted(typed) == code


def test_region_code_typed_as_a_number_without_dots():
    assert RegionWidget().normalize(317203) == "31.72.03"
    assert RegionWidget().normalize(3172031001.0) == "31.72.03.1001"


def test_a_facilities_file_with_region_codes_without_dots(staff_client):
    region("31.72.03.1001")
    headers = ["Kode Panti", "Nama Panti", "Jenis Panti", "Kode Wilayah"]
    content = xlsx(
        [
            ["psbr-satu", "PSBR Satu", "PSBR", "317203"],
            ["psbr-dua", "PSBR Dua", "psbr", 3172031001],
            ["psbr-tiga", "PSBR Tiga", "PSBR", "3172"],
        ],
        headers,
        sheet="Panti",
    )

    confirm(staff_client, Facility, upload(staff_client, Facility, content, "panti.xlsx"))

    assert dict(Facility.objects.values_list("slug", "region_id")) == {
        "psbr-satu": "31.72.03",
        "psbr-dua": "31.72.03.1001",
        "psbr-tiga": "31.72",
    }


def test_a_near_miss_facility_code_gets_its_suggestion(staff_client, facility):
    assert problems(upload(staff_client, Need, xlsx([need_row("panti-sosial-l")]))) == [
        "Baris 2, kolom 'Kode Panti': panti dengan kode 'panti-sosial-l' tidak terdaftar — maksud Anda "
        "'panti-sosial-1'? Bila bukan, daftarkan pantinya lebih dulu."
    ]


def test_partner_names_ignore_punctuation_and_a_near_miss_gets_its_suggestion(django_assert_num_queries):
    company = CompanyFactory(name="PT Bank Kalteng", slug="bank-kalteng")
    widget = CompanyWidget()
    with django_assert_num_queries(1):
        widget.prime(["P.T. Bank-Kalteng", "PT Bank Kaltemg"])
        assert widget.clean("P.T. Bank-Kalteng") == company
        with pytest.raises(ValueError) as near_miss:
            widget.clean("PT Bank Kaltemg")

    assert str(near_miss.value) == (
        "mitra 'PT Bank Kaltemg' tidak terdaftar — maksud Anda 'PT Bank Kalteng'? Bila bukan, daftarkan mitranya "
        "lebih dulu."
    )


def test_program_file_names_a_partner_loosely(staff_client):
    company = CompanyFactory(name="PT Hyundai Motors Indonesia")
    agency("31")
    region("31.74.01", "Tebet")
    headers = ["Perusahaan", "Judul Program", "Bentuk", "Bidang", "Anggaran (Rp)", "Tanggal Mulai", "Wilayah Sasaran"]
    row = ["PT. Hyundai Motors, Indonesia", "Pelatihan", "Donasi", "Pendidikan", 0, "01/01/2025", "31.74.01"]

    preview = upload(staff_client, Program, xlsx([row], headers, sheet="Program CSR"), "program.xlsx")

    assert problems(preview) == []
    confirm(staff_client, Program, preview)
    assert Program.objects.get().company == company


def test_the_template_says_how_blank_cells_and_the_dash_work():
    lines = [line[0] for line in read_xlsx(build_template(NeedResource), "Petunjuk") if line and line[0]]

    assert any("sel kosong tidak mengubah isi yang tersimpan" in line and "-" in line for line in lines)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("pcs", "buah"), ("Bh.", "buah"), ("pieces", "buah"), ("org", "orang"), ("People", "orang"), ("pkt", "paket")],
)
def test_unit_synonyms_are_stored_as_the_indonesian_word(staff_client, facility, typed, stored):
    confirm(staff_client, Need, upload(staff_client, Need, xlsx([need_row(Satuan=typed)], HEADERS)))
    assert Need.objects.get().unit == stored


def test_an_unknown_unit_stays_as_typed(staff_client, facility):
    confirm(staff_client, Need, upload(staff_client, Need, xlsx([need_row(Satuan="  rim kertas ")], HEADERS)))
    assert Need.objects.get().unit == "rim kertas"
