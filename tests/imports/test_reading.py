"""Reading what staff send: encodings and delimiters of CSV, where the header row and the data
sheet are, and the values people type (rupiah, dates, choices, codes Excel mangled)."""

import datetime
import io

import openpyxl
import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from core.spreadsheets.cells import escape_formula, unescape_formula
from core.spreadsheets.limits import ImportFileError
from core.spreadsheets.preview import run_import
from core.spreadsheets.reading import read_table
from core.spreadsheets.widgets import ChoiceWidget, RupiahWidget
from facilities.models import NeedKind, Priority
from facilities.resources import FacilityResource, NeedResource
from partners.resources import CompanyResource
from programs.resources import ProgramResource
from regions.resources import PovertyFigureResource
from tests.factories import region
from tests.imports.helpers import NEED_HEADERS, POVERTY_HEADERS, csv_bytes, need_row, xlsx

pytestmark = pytest.mark.django_db

SPEC = NeedResource.column_spec()


def _first(table, column):
    return table.dataset[column][0]


@pytest.mark.parametrize(
    ("encoding", "title", "detected"),
    [
        ("utf-8", "Kasur 2×1 m² – café", "utf-8"),
        ("utf-8-sig", "Kasur 2×1 m² – café", "utf-8-sig"),
        ("cp1252", "Kasur 2×1 m² – café", "cp1252"),
        ("latin-1", "Kasur 2×1 m² café", "cp1252"),  # the two agree on every printable character
        ("utf-16", "Kasur 2×1 m² – café", "utf-16"),
    ],
)
def test_csv_in_excels_usual_encodings(encoding, title, detected):
    content = csv_bytes([need_row(title=title)], encoding=encoding)

    table = read_table(content, "kebutuhan.csv", SPEC)

    assert _first(table, "Judul Kebutuhan") == title
    assert table.encoding == detected


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    content = csv_bytes([need_row(title="Kasur")], encoding="latin-1").replace(b"Kasur", b"Kasur\x81")

    table = read_table(content, "kebutuhan.csv", SPEC)

    assert (_first(table, "Judul Kebutuhan"), table.encoding) == ("Kasur\x81", "latin-1")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_csv_delimiters_of_different_excel_locales(delimiter):
    content = csv_bytes([need_row(**{"Harga Satuan (Rp)": "1.250.000,00"})], delimiter=delimiter)

    table = read_table(content, "kebutuhan.csv", SPEC)

    assert _first(table, "Harga Satuan (Rp)") == "1.250.000,00"


def test_excel_sep_line_sets_the_delimiter():
    content = b"sep=;\r\n" + csv_bytes([need_row()], delimiter=";")

    table = read_table(content, "kebutuhan.csv", SPEC)

    assert table.row_numbers == [2]  # Excel hides the sep line: the data row shows as row 2
    assert _first(table, "Kode Panti") == "panti-sosial-1"


def test_header_row_found_below_title_lines_and_rows_keep_their_sheet_numbers():
    content = xlsx(
        [need_row(title="A"), [None] * len(NEED_HEADERS), need_row(title="B")],
        before=[["Daftar kebutuhan panti 2026"], ["Dinas Sosial Provinsi DKI Jakarta"], []],
    )

    table = read_table(content, "kebutuhan.xlsx", SPEC)

    assert table.row_numbers == [5, 7]  # the title lines and the blank row 6 are skipped
    assert list(table.dataset["Judul Kebutuhan"]) == ["A", "B"]


def test_data_sheet_found_behind_a_hint_sheet():
    content = xlsx([need_row()], first_sheet=("Petunjuk", [["Isi lembar Kebutuhan"], ["Jumlah: angka"]]))

    table = read_table(content, "kebutuhan.xlsx", SPEC)

    assert table.sheet_name == "Kebutuhan"


def test_headers_match_regardless_of_case_and_spacing_and_unknown_columns_are_reported(staff):
    headers = [" kode  PANTI", "judul kebutuhan", "BIDANG", "Jenis Kebutuhan ", "jumlah", "Satuan", "Catatan Panti"]
    content = xlsx([["panti-sosial-1", "Kasur", "Kesehatan", "Barang", 2, "buah", "x"]], headers)

    table = read_table(content, "kebutuhan.xlsx", SPEC)

    assert table.dataset.headers[:2] == ["Kode Panti", "Judul Kebutuhan"]
    assert table.ignored_columns == ["Catatan Panti"]


def test_duplicate_header_is_refused():
    with pytest.raises(ImportFileError, match="Kolom 'Jumlah' muncul lebih dari sekali"):
        read_table(xlsx([], [*NEED_HEADERS, "Jumlah"]), "kebutuhan.xlsx", SPEC)


def test_xlsx_is_refused_without_defusedxml(monkeypatch):
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)

    with pytest.raises(ImportFileError, match="belum siap membaca berkas xlsx dengan aman"):
        read_table(xlsx([need_row()]), "kebutuhan.xlsx", SPEC)


def test_defusedxml_is_what_openpyxl_uses_here():
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize(
    "typed",
    ["Rp 1.250.000", "Rp1.250.000", "rp. 1.250.000", "1.250.000", "1250000", "1 250 000", "IDR 1,250,000", 1250000],
)
def test_rupiah_as_people_write_it(typed):
    assert RupiahWidget().clean(typed) == 1_250_000


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1.250.000,00", 1_250_000), (1250000.0, 1_250_000), ("0", 0), ("", 0), (None, 0)],
)
def test_rupiah_with_zero_cents_and_blanks(typed, expected):
    assert RupiahWidget().clean(typed) == expected


@pytest.mark.parametrize("typed", ["Rp 1.250.000,50", "1,2345675 juta", "48 dolar", "Rp -5.000", "12.5"])
def test_rupiah_refuses_what_is_not_whole_rupiah(typed):
    with pytest.raises(ValueError, match=r"bukan nilai rupiah yang dikenali|tidak boleh negatif"):
        RupiahWidget().clean(typed)


def _clean_row(staff, **overrides):
    content = xlsx([need_row(**overrides)])
    table = read_table(content, "kebutuhan.xlsx", SPEC)
    outcome, result = run_import(NeedResource, table, actor=staff, file_name="x.xlsx", dry_run=True)
    assert outcome.ok, outcome.problem_lines()
    return result.rows[0].instance


@pytest.mark.parametrize(
    "typed",
    ["31/12/2026", "2026-12-31", "31-12-2026", datetime.datetime(2026, 12, 31), datetime.date(2026, 12, 31), 46387],
    ids=["dd/mm/yyyy", "iso", "dd-mm-yyyy", "excel-date", "date", "excel-serial"],
)
def test_dates_as_people_write_them(staff, facility, typed):
    need = _clean_row(staff, **{"Dibutuhkan Paling Lambat": typed})

    assert need.needed_by == datetime.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("column", "typed", "attribute", "expected"),
    [
        ("Jenis Kebutuhan", "Barang", "kind", NeedKind.GOODS),
        ("Jenis Kebutuhan", "goods", "kind", NeedKind.GOODS),
        ("Jenis Kebutuhan", "GOODS", "kind", NeedKind.GOODS),
        ("Jenis Kebutuhan", "Services or training", "kind", NeedKind.SERVICES),
        ("Jenis Kebutuhan", "Pekerjaan (konstruksi, perbaikan)", "kind", NeedKind.WORKS),
        ("Prioritas", "Mendesak", "priority", Priority.URGENT),
        ("Prioritas", "urgent", "priority", Priority.URGENT),
        ("Prioritas", 1, "priority", Priority.URGENT),
        ("Prioritas", "", "priority", Priority.NORMAL),
        ("Bidang", "kesehatan", "field_id", "kesehatan"),
        ("Bidang", "Health", "field_id", "kesehatan"),
        ("Bidang", "Sports, arts and culture", "field_id", "olahraga-seni-budaya"),
        ("Bidang", "olahraga-seni-budaya", "field_id", "olahraga-seni-budaya"),
    ],
)
def test_choices_by_code_indonesian_or_english_label(staff, facility, column, typed, attribute, expected):
    need = _clean_row(staff, **{column: typed})

    assert getattr(need, attribute) == expected


@pytest.mark.parametrize("typed", [62.1, "62.10", "62,10", " 62.10 "], ids=["float", "text", "comma", "spaces"])
def test_region_code_that_excel_turned_into_a_number(staff, typed):
    region("62.10", "Kabupaten Contoh")
    content = xlsx([[typed, 2024, 10, None, "DTKS", "31/12/2024"]], POVERTY_HEADERS, sheet="Angka Kemiskinan")
    table = read_table(content, "x.xlsx", PovertyFigureResource.column_spec())

    outcome, result = run_import(PovertyFigureResource, table, actor=staff, file_name="x", dry_run=True)

    assert outcome.ok, outcome.problem_lines()
    assert result.rows[0].instance.region_id == "62.10"


def test_row_numbers_in_messages_are_the_sheet_rows(staff, facility):
    content = xlsx([need_row(title="A"), need_row(title="B", Jumlah=0)], before=[["Judul laporan"]])
    table = read_table(content, "kebutuhan.xlsx", SPEC)

    outcome, _result = run_import(NeedResource, table, actor=staff, file_name="x", dry_run=True)

    assert outcome.problem_lines() == ["Baris 4, kolom 'Jumlah': harus paling sedikit 1 (tertulis 0)."]


@given(st.text(max_size=30))
def test_escaping_is_undone_exactly_on_import(text):
    escaped = escape_formula(text)

    assert unescape_formula(escaped) == text
    if escaped and escaped[0] in "=+-@\t\r":
        assert escaped.lstrip("+-").replace(".", "").replace(",", "").isdigit()  # a plain number


@pytest.mark.parametrize("text", ["=1+1", "+1+1", "-", "-x", "@x", "\tx", "\rx", "'=x", "''+x"])
def test_formula_like_text_is_escaped(text):
    assert escape_formula(text) == "'" + text


def test_xlsx_header_only_file_from_another_tool_with_wrong_dimensions():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Kebutuhan"
    sheet.append(NEED_HEADERS)
    sheet.append(list(need_row().values()))
    stream = io.BytesIO()
    workbook.save(stream)
    # Some writers record a one-cell size; the reader does not trust it.
    content = stream.getvalue()

    assert read_table(content, "kebutuhan.xlsx", SPEC).row_numbers == [2]


def test_csv_row_numbers_count_records_not_lines(staff, facility):
    content = csv_bytes(
        [need_row(title="A", Deskripsi="baris satu\nbaris dua\nbaris tiga"), need_row(title="B", Jumlah="x")],
        [*NEED_HEADERS, "Deskripsi"],
    )
    table = read_table(content, "kebutuhan.csv", SPEC)

    outcome, _result = run_import(NeedResource, table, actor=staff, file_name="x", dry_run=True)

    assert table.row_numbers == [2, 3]
    assert outcome.problem_lines() == ["Baris 3, kolom 'Jumlah': harus berupa bilangan bulat, bukan 'x'."]


@pytest.mark.parametrize(
    "resource_class",
    [
        pytest.param(NeedResource, id="needs"),
        pytest.param(PovertyFigureResource, id="poverty-figures"),
        pytest.param(FacilityResource, id="facilities"),
        pytest.param(CompanyResource, id="companies"),
        pytest.param(ProgramResource, id="programs"),
    ],
)
def test_every_choice_column_accepts_each_code_and_label_unambiguously(resource_class):
    for column in resource_class.fields.values():
        widget = column.widget
        if not isinstance(widget, ChoiceWidget):
            continue
        table = widget.lookup_table()  # raises if one word named two choices
        for code, label in widget.choices.choices:
            assert widget.clean(code) == code
            assert widget.clean(widget.labels_id[code]) == code
            with translation.override("en"):
                assert widget.clean(str(label)) == code
        assert set(table.values()) == set(widget.choices.values)
