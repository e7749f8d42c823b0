"""The sheets of an xlsx, row by row, for :mod:`core.spreadsheets.reading`.

Two readers give the same rows (``tests/imports/test_xlsx_sheets.py`` compares them):

* **python-calamine** (Rust), for most files: ``read_table`` of a 10,000-row needs file takes
  about a quarter of openpyxl's CPU, half of it the search below (docs/performance.md,
  "Excel import").
* **openpyxl** in read-only mode with defusedxml, for the files calamine cannot be given, told
  from the sheet XML before anything is parsed (:func:`needs_openpyxl`):

  - a formula: the import refuses formulas cell by cell, and calamine gives only the value
    Excel last computed, so a formula would go in as a value;
  - an error value (``#N/A``): calamine gives an empty cell, so it would go in as a blank;
  - a DTD: defusedxml refuses entity declarations (XML bombs) with a message;
  - a cell without its reference, or cells spread over more than :data:`CALAMINE_CELLS`:
    calamine holds the whole rectangle from the first to the last cell in memory (one cell in
    XFD1048576 asks for 512 GB and aborts the process), where openpyxl reads row by row.

Both are bounded by the zip's declared sizes, which ``reading`` checks first: Python's zipfile
and calamine's zip reader both refuse a member larger than it declares.
"""

import datetime
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import openpyxl
import python_calamine

from core.spreadsheets.cells import FormulaCell, unescape_formula

# The most cells calamine may be asked to hold (rows × columns from A1 to the furthest cell): a
# fixed bound on its memory, about 32 bytes a cell in calamine and a Python value each when the
# rows are handed over. 20,000 rows (the default row limit) of 100 columns; a wider or longer
# sheet is read by openpyxl, row by row.
CALAMINE_CELLS = 2_000_000

# What sends a file to openpyxl: a formula element (<f>, <x:f>) or a DTD; an error cell (t="e").
# Two searches: one pattern with both alternatives takes three times as long.
_FORMULA_OR_DTD = re.compile(rb"<(?:(?:[\w.-]+:)?f[\s/>]|!DOCTYPE|!ENTITY)")
_ERROR_CELL = re.compile(rb"t\s*=\s*[\"']e[\"']")
_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_CELL_REFERENCE = re.compile(rb'\sr\s*=\s*"([A-Z]{1,3})([0-9]{1,7})"')
_LARGEST_EXACT_INTEGER = 2**53


@dataclass
class SheetRows:
    """One sheet: its title, its rows as ``(sheet row number, raw cells)``, and how a raw cell
    becomes the value the widgets read (applied only to the columns the import uses)."""

    title: str
    rows: Iterator[tuple[int, Sequence[Any]]]
    value: Callable[[Any], Any]


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _needs_openpyxl_part(xml: bytes) -> bool:
    if _FORMULA_OR_DTD.search(xml) or _ERROR_CELL.search(xml):
        return True
    references = _CELL_REFERENCE.findall(xml)
    if len(references) != len(_CELL.findall(xml)):
        return True  # a cell without its reference (calamine places it by counting), or a stray match
    if not references:
        return False
    rows = max(int(row) for _column, row in references)
    columns = max(_column_number(column) for column in {column for column, _row in references})
    return rows * columns > CALAMINE_CELLS


def needs_openpyxl(content: bytes) -> bool:
    """Whether the xlsx holds anything calamine cannot be given (see the module's text)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for member in archive.infolist():
            if member.filename.lower().endswith((".xml", ".rels")) and _needs_openpyxl_part(archive.read(member)):
                return True
    return False


def _openpyxl_value(cell: Any) -> Any:
    value = cell.value
    if value is None:
        return None
    if getattr(cell, "data_type", None) == "f":
        return FormulaCell(str(value))
    if isinstance(value, str):
        return unescape_formula(value)
    return value


def _calamine_value(value: Any) -> Any:
    """A calamine value as openpyxl gives it: ``None`` for an empty cell, whole numbers as
    ``int`` (calamine gives every number as ``float``), dates as midnight ``datetime``."""
    if isinstance(value, str):
        return unescape_formula(value) if value else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < _LARGEST_EXACT_INTEGER else value
    if type(value) is datetime.date:
        return datetime.datetime.combine(value, datetime.time())
    return value


def _openpyxl_sheets(workbook: Any) -> Iterator[SheetRows]:
    for sheet in workbook.worksheets:
        sheet.reset_dimensions()  # some writers record a wrong size; read what is there
        yield SheetRows(sheet.title, enumerate(sheet.iter_rows(), start=1), _openpyxl_value)


class CalaminePanic(ValueError):
    """python-calamine gave up on a file with a Rust panic."""


@contextmanager
def _panic_as_error() -> Iterator[None]:
    """A panic in python-calamine reaches Python as pyo3's ``PanicException``, a
    ``BaseException`` (no ``except Exception`` catches it, and it cannot be imported by name):
    it is made an error of the file, which the import reports as unreadable."""
    try:
        yield
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
        raise CalaminePanic(str(error)) from error


def _calamine_sheets(workbook: python_calamine.CalamineWorkbook) -> Iterator[SheetRows]:
    with _panic_as_error():
        sheets = workbook.sheets_metadata
    for sheet in sheets:
        if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet:
            with _panic_as_error():
                rows = workbook.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
            yield SheetRows(sheet.name, enumerate(rows, start=1), _calamine_value)


@contextmanager
def xlsx_sheets(content: bytes) -> Iterator[Iterator[SheetRows]]:
    """The worksheets of an xlsx in the workbook's order, each read when it is reached. Raises
    what the readers raise on a damaged file; the caller turns that into a message."""
    if needs_openpyxl(content):
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        try:
            yield _openpyxl_sheets(workbook)
        finally:
            workbook.close()
    else:
        with _panic_as_error():
            workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
        try:
            yield _calamine_sheets(workbook)
        finally:
            workbook.close()
