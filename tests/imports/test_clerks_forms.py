"""The forms clerks write values in (issue 25), cell by cell: rupiah as written, company names
without or with a moved legal form, every equally close name suggested, a blank cell of an update
row keeping the stored value in a required column too. Whole files written the way the clerks
write them are in ``test_clerks_files``."""

import pytest
from django.contrib.messages import get_messages
from import_export import widgets as library_widgets

from core.models import ImportRecord
from core.spreadsheets.clerks import close_matches, region_name_key, scaled_rupiah, without_legal_form
from core.spreadsheets.widgets import DATE_FORMATS, DateWidget, RupiahWidget
from facilities.models import Need
from partners.resources import CompanyWidget
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory
from tests.imports.helpers import NEED_HEADERS, admin_url, confirm, need_row, problems, upload, xlsx

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "rupiah"),
    [
        ("Rp 48.000.000,-", 48_000_000),
        ("48.000.000,00", 48_000_000),
        ("Rp. 48.000.000", 48_000_000),
        ("Rp48.000.000,-", 48_000_000),
        ("Rp 48.000.000.-", 48_000_000),
        ("48 jt", 48_000_000),
        ("Rp 70jt", 70_000_000),
        ("Rp. 2,5 juta", 2_500_000),
        ("2.5 jt", 2_500_000),
        ("1.500 jt", 1_500_000_000),  # a dot before three digits groups thousands
        ("1,5 M", 1_500_000_000),  # M is miliar, never million
        ("2 miliar", 2_000_000_000),
        ("250 rb", 250_000),
        ("750RB", 750_000),
    ],
)
def test_rupiah_as_clerks_write_it(typed, rupiah):
    assert RupiahWidget().clean(typed) == rupiah


@pytest.mark.parametrize("typed", ["1,2345675 jt", "5 dolar", "1,5,2 M", "Rp 1.250.000,50"])
def test_rupiah_with_sen_or_an_unknown_word_is_refused_with_the_forms_accepted(typed):
    with pytest.raises(ValueError, match="48 jt atau 1,5 M"):
        RupiahWidget().clean(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "31/12/2025",
        "1/2/2026",
        "01.02.2026",
        "5-7-2027",
        "2026-01-15",
        "2026/1/5",
        " 2026-01-15 ",
        "2025-12-31 10:30:00",
        "31/12/2025 08:00:00",  # with a time: the library's formats
        "29/02/2024",
        "29/02/2025",
        "31/13/2026",
        "12/31/2025",
        "2025-31-12",
        "00/01/2026",
        "31/12-2025",
        "2026-01/15",
        "31/12/25",
        "٣١/١٢/٢٠٢٥",
        "1/ 2/2026",
        "kemarin",
    ],
)
def test_dates_read_as_the_librarys_formats_read_them(typed):
    """The two patterns read every date-only format at once; a date they take or refuse is the
    one the library's formats, tried one by one, take or refuse."""
    library = library_widgets.DateWidget()
    library.formats = DATE_FORMATS
    try:
        expected = library.clean(" ".join(typed.split()))
    except ValueError:
        with pytest.raises(ValueError, match="tidak dikenali"):
            DateWidget().clean(typed)
    else:
        assert DateWidget().clean(typed) == expected


def test_scaled_rupiah_is_none_without_a_word():
    assert scaled_rupiah("48.000.000") is None


@pytest.mark.parametrize(
    "typed",
    ["PT Sebangau Agro Mandiri", "Sebangau Agro Mandiri", "Sebangau Agro Mandiri, PT", "sebangau agro mandiri tbk"],
)
def test_a_company_name_without_or_with_a_moved_legal_form(typed):
    assert without_legal_form(typed) == "sebangauagromandiri"


def test_region_names_without_their_prefix():
    keys = {region_name_key(typed) for typed in ("Kec. Jabiren Raya", "Kecamatan Jabiren Raya", "JABIREN RAYA")}
    assert keys == {"jabirenraya"}


def test_every_equally_close_name_is_suggested():
    assert close_matches("psbdbudibhakti", ["psbdbudibhakti1", "psbdbudibhakti2", "psbrtarunajaya1"]) == [
        "psbdbudibhakti1",
        "psbdbudibhakti2",
    ]


def test_a_company_without_its_legal_form_is_found_when_only_one_matches(django_assert_num_queries):
    sebangau = CompanyFactory(name="PT Sebangau Agro Mandiri")
    CompanyFactory(name="PT Kahayan Sawit Lestari")
    CompanyFactory(name="CV Kahayan Sawit Lestari")
    widget = CompanyWidget()
    with django_assert_num_queries(1):
        widget.prime([])
        assert widget.clean("Sebangau Agro Mandiri") == sebangau
        assert widget.clean("Sebangau Agro Mandiri, PT") == sebangau
        with pytest.raises(ValueError) as two:
            widget.clean("Kahayan Sawit Lestari")
        with pytest.raises(ValueError) as near:
            widget.clean("Sebangau Agro Mandri")

    assert str(two.value) == (
        "'Kahayan Sawit Lestari' cocok dengan lebih dari satu mitra: 'CV Kahayan Sawit Lestari' atau "
        "'PT Kahayan Sawit Lestari'. Tulis nama lengkapnya."
    )
    assert str(near.value) == (
        "mitra 'Sebangau Agro Mandri' tidak terdaftar — maksud Anda 'PT Sebangau Agro Mandiri'? Bila bukan, "
        "daftarkan mitranya lebih dulu."
    )


HEADERS = ["Kode Panti", "Nama Panti", *NEED_HEADERS[1:]]


def test_a_facility_name_suggests_every_equally_close_name_in_the_name_column(staff_client):
    FacilityFactory(name="PSBD Budi Bhakti 1", slug="psbd-budi-bhakti-1")
    FacilityFactory(name="PSBD Budi Bhakti 2", slug="psbd-budi-bhakti-2")
    FacilityFactory(name="PSBR Taruna Jaya 1", slug="psbr-taruna-jaya-1")
    rows = [
        need_row(slug=None, **{"Nama Panti": "PSBD Budi Bhakti"}),
        need_row(slug=None, **{"Nama Panti": "PSBR Taruna Jaya 2"}),
    ]

    assert problems(upload(staff_client, Need, xlsx(rows, HEADERS))) == [
        "Baris 2, kolom 'Nama Panti': panti bernama 'PSBD Budi Bhakti' tidak terdaftar — maksud Anda "
        "'PSBD Budi Bhakti 1' atau 'PSBD Budi Bhakti 2'? Bila bukan, daftarkan pantinya lebih dulu.",
        "Baris 3, kolom 'Nama Panti': panti bernama 'PSBR Taruna Jaya 2' tidak terdaftar — maksud Anda "
        "'PSBR Taruna Jaya 1'? Bila bukan, daftarkan pantinya lebih dulu.",
    ]
    assert not Need.objects.exists()


def test_two_facilities_of_one_name_ask_for_the_code_and_list_them(staff_client):
    FacilityFactory(name="Panti Kasih", slug="panti-kasih-tebet")
    FacilityFactory(name="Panti Kasih", slug="panti-kasih-bogor")

    assert problems(
        upload(staff_client, Need, xlsx([need_row(slug=None, **{"Nama Panti": "Panti Kasih"})], HEADERS))
    ) == [
        "Baris 2, kolom 'Nama Panti': ada 2 panti bernama 'Panti Kasih'; tulis kode panti di kolom 'Kode Panti': "
        "'panti-kasih-bogor' atau 'panti-kasih-tebet'."
    ]


def test_blank_required_cells_of_an_update_row_keep_the_stored_values(staff_client, facility):
    need = NeedFactory(facility=facility, title="Kasur busa", quantity=40, unit="buah", unit_cost=1_250_000)
    blank = {"Bidang": None, "Jenis Kebutuhan": None, "Jumlah": None, "Satuan": None}
    row = need_row(**blank, **{"Harga Satuan (Rp)": "Rp 1.500.000,-"})

    preview = upload(staff_client, Need, xlsx([row]))
    assert problems(preview) == []
    confirm(staff_client, Need, preview)

    need.refresh_from_db()
    assert (need.quantity, need.unit, need.unit_cost, need.kind) == (40, "buah", 1_500_000, "goods")
    again = upload(staff_client, Need, xlsx([row])).context["outcome"]
    assert (again.updated, again.unchanged) == (0, 1)


def test_blank_required_cells_of_a_new_row_are_still_required(staff_client, facility):
    assert problems(upload(staff_client, Need, xlsx([need_row(Jumlah=None, Satuan=None)]))) == [
        "Baris 2, kolom 'Jumlah': wajib diisi.",
        "Baris 2, kolom 'Satuan': wajib diisi.",
    ]


def test_the_preview_shows_a_new_rows_quantity_price_and_dates(staff_client, facility):
    preview = upload(staff_client, Need, xlsx([need_row(Jumlah=12, **{"Harga Satuan (Rp)": "1,5 jt"})]))

    values = dict(preview.context["outcome"].new_rows[0].values)
    assert (values["Jumlah"], values["Harga Satuan (Rp)"], values["Dibutuhkan Paling Lambat"]) == (
        "12",
        "Rp 1.500.000",
        "31/12/2026",
    )
    assert "Harga Satuan (Rp): Rp 1.500.000" in preview.content.decode()


# -- Importing the good rows and skipping the bad ones, at the clerk's choice ------------------


def _confirm_skipping(client, preview):
    form = preview.context["confirm_form"]
    return client.post(
        admin_url(Need, "process_import"), {"record": form.initial["record"], "skip_rows": form.initial["skip_rows"]}
    )


def test_the_clerk_may_import_the_good_rows_and_skip_the_bad_ones(staff_client, facility):
    rows = [
        need_row(title="Kasur busa"),
        need_row(title="Lemari", Jumlah="empat puluh"),
        need_row(title="Selimut", **{"Harga Satuan (Rp)": "75 rb"}),
        need_row(title="Kompor", Satuan=None),
    ]
    preview = upload(staff_client, Need, xlsx(rows))
    assert preview.context["outcome"].skippable
    assert preview.context["confirm_form"].initial["skip_rows"] == "3,5"
    page = preview.content.decode()
    assert "Impor baris yang benar, lewati baris yang salah" in page
    assert "Hanya 2 baris yang benar akan disimpan" in page
    assert not Need.objects.exists()

    response = _confirm_skipping(staff_client, preview)

    assert response.status_code == 302
    assert dict(Need.objects.values_list("title", "unit_cost")) == {"Kasur busa": 1_250_000, "Selimut": 75_000}
    record = ImportRecord.objects.get()
    assert (record.confirmed, record.rows_new, record.rows_failed, record.rows_skipped) == (True, 2, 0, 2)
    assert "Baris 3, kolom 'Jumlah'" in record.problems and "Baris 5, kolom 'Satuan'" in record.problems
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("2 baris yang salah dilewati dan tidak mengubah apa pun: baris 3, 5." in text for text in shown)


def test_a_file_of_only_bad_rows_offers_no_confirmation_and_writes_nothing(staff_client, facility):
    preview = upload(staff_client, Need, xlsx([need_row(Jumlah="banyak"), need_row(title="Lemari", Satuan="-")]))

    assert not preview.context["outcome"].skippable
    assert "confirm_form" not in preview.context
    assert not Need.objects.exists()


def test_without_the_clerks_choice_a_bad_row_still_stops_the_whole_file(staff_client, facility):
    preview = upload(staff_client, Need, xlsx([need_row(), need_row(title="Lemari", Jumlah="banyak")]))
    record = preview.context["confirm_form"].initial["record"]

    staff_client.post(admin_url(Need, "process_import"), {"record": record})

    assert not Need.objects.exists()
    assert not ImportRecord.objects.get().confirmed


def test_skipping_writes_nothing_when_other_rows_fail_than_in_the_preview(staff_client, facility):
    rows = [need_row(), need_row(title="Lemari", Jumlah="banyak"), need_row(title="Selimut", Jumlah=5)]
    preview = upload(staff_client, Need, xlsx(rows))
    # Meanwhile a partner pledges 10 blankets: the row's 5 is now below what is held.
    blanket = NeedFactory(facility=facility, title="Selimut", quantity=10)
    Need.objects.filter(pk=blanket.pk).update(quantity_covered=10)

    response = _confirm_skipping(staff_client, preview)

    assert response.status_code == 200
    assert "Baris yang salah tidak lagi sama dengan pratinjau" in problems(response)[0]
    assert list(Need.objects.values_list("title", flat=True)) == ["Selimut"]
    assert not ImportRecord.objects.get().confirmed


def test_skipping_writes_nothing_when_a_skipped_row_passes_at_confirmation(staff_client, facility):
    rows = [need_row(), need_row(slug="panti-baru", title="Lemari")]
    preview = upload(staff_client, Need, xlsx(rows))
    FacilityFactory(name="Panti Baru", slug="panti-baru")  # registered meanwhile: row 3 would pass now

    response = _confirm_skipping(staff_client, preview)

    assert "Baris yang salah tidak lagi sama dengan pratinjau" in problems(response)[0]
    assert not Need.objects.exists()
