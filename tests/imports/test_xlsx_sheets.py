"""The two xlsx readers give the import the same rows, and files calamine cannot be given go to
openpyxl: formulas, error values, DTDs, cells without references, cells spread too far."""

import datetime
import io
import zipfile

import openpyxl
import pytest
import python_calamine
from django.utils import translation

from core.spreadsheets import xlsx_sheets
from core.spreadsheets.cells import FormulaCell, is_blank
from core.spreadsheets.limits import ImportFileError
from core.spreadsheets.reading import read_table
from core.spreadsheets.writing import Sheet, write_workbook
from facilities.resources import NeedResource
from tests.imports.helpers import need_row, with_sheet_xml, xlsx

SPEC = NeedResource.column_spec()

VALUES = [
    "Kasur busa",
    " spasi di tepi ",
    "dua\nbaris",
    "Kasur 2×1 m² – café",
    "'=SUM(A1)",  # an exported text that Excel would run, escaped
    "''+62 812",
    "-5",
    "   ",
    0,
    58,
    -7,
    58.5,
    1_250_000,
    3_201_234_567_890_123,  # a NIK typed as a number
    1e20,
    True,
    False,
    datetime.date(2026, 12, 31),
    datetime.datetime(2027, 1, 5, 13, 30),
    None,
]


def _rows(content: bytes, reader) -> dict[str, list[tuple[int, list]]]:
    """Each sheet's non-blank rows with their numbers, blanks as None, trailing blanks dropped."""
    sheets = {}
    for sheet in reader(content):
        rows = []
        for number, cells in sheet.rows:
            values = [None if is_blank(value) else value for value in map(sheet.value, cells)]
            while values and values[-1] is None:
                values.pop()
            if values:
                rows.append((number, values))
        sheets[sheet.title] = rows
    return sheets


def _with_calamine(content):
    return list(xlsx_sheets._calamine_sheets(python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))))


def _with_openpyxl(content):
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    return list(xlsx_sheets._openpyxl_sheets(workbook))


def _openpyxl_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    data = workbook.active
    data.title = "Kebutuhan"
    data["C3"] = "Judul di C3, di bawah dua baris kosong"
    for offset, value in enumerate(VALUES):
        data.cell(row=5 + offset, column=2 + offset % 4, value=value)
    data.cell(row=4, column=2, value=datetime.date(2026, 1, 2)).number_format = "DD/MM/YYYY"
    hidden = workbook.create_sheet("Tersembunyi")
    hidden.sheet_state = "hidden"
    hidden.append(["di lembar tersembunyi", 12])
    workbook.create_sheet("Kosong")
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _excel_like_workbook() -> bytes:
    """A workbook in the shape Excel saves: shared strings, a date as a styled serial number,
    a boolean, a number with its decimals."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/>'
            '<Relationship Id="rId3" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
            'Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            "</styleSheet>"
        ),
        "xl/sharedStrings.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">'
            "<si><t>Judul Kebutuhan</t></si><si><t>Tanggal</t></si>"
            '<si><r><t xml:space="preserve">Kasur </t></r><r><rPr><b/></rPr><t xml:space="preserve">busa </t></r></si>'
            "<si><t>Rp 1.250.000</t></si></sst>"
        ),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<dimension ref="A1:D2"/><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" s="1"><v>46387</v></c>'
            '<c r="C3" t="s"><v>3</v></c><c r="D3" t="b"><v>1</v></c><c r="E3"><v>12.75</v></c>'
            '<c r="F3"><v>40</v></c></row>'
            "</sheetData></worksheet>"
        ),
    }
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return stream.getvalue()


def _portal_export() -> bytes:
    return write_workbook(
        [Sheet("Kebutuhan", ["Judul", "Jumlah", "Nilai", "Tanggal"], [[value, 3, 1_250_000, None] for value in VALUES])]
    )


@pytest.mark.parametrize("make", [_openpyxl_workbook, _excel_like_workbook, _portal_export, lambda: xlsx([need_row()])])
def test_both_readers_give_the_same_rows(make):
    content = make()

    assert not xlsx_sheets.needs_openpyxl(content)
    assert _rows(content, _with_calamine) == _rows(content, _with_openpyxl)


def test_values_read_as_the_widgets_expect_them():
    sheets = _rows(_excel_like_workbook(), _with_calamine)

    assert sheets["Data"] == [
        (1, ["Judul Kebutuhan", "Tanggal"]),
        (3, ["Kasur busa ", datetime.datetime(2026, 12, 31), "Rp 1.250.000", True, 12.75, 40]),
    ]
    assert type(sheets["Data"][1][1][5]) is int


def _formula() -> bytes:
    return xlsx([need_row(Jumlah="=2+2")])  # openpyxl writes text starting with "=" as a formula


def _error_value() -> bytes:
    return with_sheet_xml(
        _excel_like_workbook(), lambda xml: xml.replace(b'<c r="F3"><v>40</v>', b'<c r="F3" t="e"><v>#N/A</v>')
    )


def _far_cell() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Judul Kebutuhan"
    workbook.active["XFD1048576"] = "jauh"
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _cell_without_reference() -> bytes:
    return with_sheet_xml(_excel_like_workbook(), lambda xml: xml.replace(b'<c r="F3">', b"<c>"))


def _prefixed_formula() -> bytes:
    return with_sheet_xml(
        _excel_like_workbook(), lambda xml: xml.replace(b'<c r="F3"><v>40</v>', b'<c r="F3"><x:f>2*20</x:f><v>40</v>')
    )


def _doctype() -> bytes:
    return with_sheet_xml(
        _excel_like_workbook(),
        lambda xml: xml.replace(b"<worksheet ", b'<!DOCTYPE worksheet [<!ENTITY a "Kasur">]><worksheet ', 1),
    )


@pytest.mark.parametrize(
    "make", [_formula, _error_value, _far_cell, _cell_without_reference, _prefixed_formula, _doctype]
)
def test_files_calamine_cannot_be_given_go_to_openpyxl(make):
    assert xlsx_sheets.needs_openpyxl(make())


def test_a_formula_is_still_reported_and_an_error_value_is_not_read_as_blank():
    formula = read_table(_formula(), "kebutuhan.xlsx", SPEC)
    error = _rows(_error_value(), _with_openpyxl)

    assert formula.dataset["Jumlah"] == [FormulaCell("=2+2")]
    assert error["Data"][1][1][5] == "#N/A"


def test_a_cell_in_the_last_column_and_row_is_read_without_holding_the_whole_sheet():
    with translation.override("id"), pytest.raises(ImportFileError, match="Kolom wajib tidak ditemukan"):
        read_table(_far_cell(), "kebutuhan.xlsx", SPEC)


def test_sheets_spread_over_more_cells_than_calamine_may_hold_go_to_openpyxl(monkeypatch):
    content = xlsx([need_row() for _ in range(3)])
    monkeypatch.setattr(xlsx_sheets, "CALAMINE_CELLS", 20)

    assert xlsx_sheets.needs_openpyxl(content)
    assert len(read_table(content, "kebutuhan.xlsx", SPEC).dataset) == 3


class PanicException(BaseException):
    """What pyo3 raises when Rust code panics: a BaseException that cannot be imported by name."""


@pytest.mark.parametrize("step", ["from_filelike", "to_python"])
def test_a_panic_of_calamine_is_reported_as_an_unreadable_file(monkeypatch, step):
    """Fuzzing never made python-calamine panic; if a file ever does, the clerk gets the message
    of an unreadable file, not a server error."""
    content = xlsx([need_row()])
    real = python_calamine.CalamineWorkbook

    class Panicking:
        def __init__(self, workbook):
            self.workbook = workbook

        def __getattr__(self, name):
            found = getattr(self.workbook, name)
            if name == "get_sheet_by_name" and step == "to_python":
                return lambda sheet_name: Panicking(found(sheet_name))
            if name == step:
                raise PanicException("called `Option::unwrap()` on a `None` value")
            return found

        @classmethod
        def from_filelike(cls, stream):
            if step == "from_filelike":
                raise PanicException("index out of bounds")
            return cls(real.from_filelike(stream))

    monkeypatch.setattr(xlsx_sheets.python_calamine, "CalamineWorkbook", Panicking)

    with translation.override("id"), pytest.raises(ImportFileError, match="bukan berkas Excel"):
        read_table(content, "kebutuhan.xlsx", SPEC)


def test_other_base_exceptions_pass_through_the_reader(monkeypatch):
    class Interrupted:
        @classmethod
        def from_filelike(cls, stream):
            raise KeyboardInterrupt

    monkeypatch.setattr(xlsx_sheets.python_calamine, "CalamineWorkbook", Interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_table(xlsx([need_row()]), "kebutuhan.xlsx", SPEC)
