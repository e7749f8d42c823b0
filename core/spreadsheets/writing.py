"""Writing spreadsheets: xlsx and CSV with every cell a spreadsheet would run as a formula
escaped (the library does not by default), real numbers and dates in xlsx cells, and the two
export formats the admin offers (subclasses of the library's)."""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import openpyxl
from import_export.formats import base_formats
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.formatting import xml_safe
from core.spreadsheets.cells import escape_formula


def _xlsx_value(value: Any) -> Any:
    value = escape_formula(value)
    if isinstance(value, str):
        # Control characters are not allowed in xlsx; none belong in our data anyway.
        return xml_safe(value)
    return value


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    number_formats: Sequence[str | None] = ()
    text_columns: Sequence[int] = ()


# Column widths, in characters: at least the header's (in bold) and at most this, so a long text
# column stays readable on a laptop screen (its cells wrap when opened).
MIN_WIDTH, MAX_WIDTH = 8, 60


def shown_width(value: Any, number_format: str | None = None) -> int:
    """How many characters a cell shows: rupiah grouped (``Rp 1.250.000``), a date as
    ``31/12/2025``, the longest line of a text."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return 5
    if isinstance(value, date):
        return 10
    if isinstance(value, int | float | Decimal):
        text = f"{value:,.0f}" if isinstance(value, int) or value == int(value) else f"{value:,}"
        return len(text) + (3 if number_format and "Rp" in number_format else 0)
    return max((len(line) for line in str(value).splitlines()), default=0)


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[Any]], formats: Sequence[str | None]) -> list[int]:
    """Each column's width fitted to its header and its widest cell (issue 25)."""
    widths = [len(str(header)) + 3 for header in headers]
    for row in rows:
        for index, value in enumerate(row):
            width = shown_width(value, formats[index] if index < len(formats) else None) + 2
            if index >= len(widths):
                widths.append(width)
            elif width > widths[index]:
                widths[index] = width
    return [min(max(width, MIN_WIDTH), MAX_WIDTH) for width in widths]


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    """An xlsx of the given sheets, every text cell escaped, each column as wide as its content.
    Write-only mode keeps the workbook's memory flat for large exports (the rows are read once
    before writing, to size the columns)."""
    workbook = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    dimensions = []
    for spec in sheets:
        sheet = workbook.create_sheet(title=spec.title[:31])
        sheet.freeze_panes = "A2"
        rows = [list(row) for row in spec.rows]
        widths = column_widths(spec.headers, rows, list(spec.number_formats))
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for index in spec.text_columns:
            sheet.column_dimensions[get_column_letter(index + 1)].number_format = "@"
        header_cells = []
        for header in spec.headers:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(str(header)))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        formats = list(spec.number_formats)
        row_count, width = 1, max(len(spec.headers), 1)
        for row in rows:
            row_count += 1
            width = max(width, len(row))
            cells = []
            for index, value in enumerate(row):
                value = _xlsx_value(value)
                if index < len(formats) and formats[index] and value not in (None, ""):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = formats[index]
                    cells.append(cell)
                else:
                    # A plain value: openpyxl needs no cell object for it (one per cell cost the
                    # national Forum TSLP workbook about 25 ms of its 180 ms of CPU).
                    cells.append(value)
            sheet.append(cells)
        dimensions.append(f"A1:{get_column_letter(width)}{row_count}")
    stream = io.BytesIO()
    workbook.save(stream)
    return _with_dimensions(stream.getvalue(), dimensions)


def _with_dimensions(content: bytes, dimensions: list[str]) -> bytes:
    """Add each sheet's ``<dimension>``, which openpyxl's write-only mode leaves out: without it,
    a reader in read-only mode (ours, on re-import) parses the whole sheet once more to size it."""
    source, target = io.BytesIO(content), io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if match and int(match.group(1)) <= len(dimensions) and b"<dimension" not in data:
                element = f'<dimension ref="{dimensions[int(match.group(1)) - 1]}"/>'.encode()
                position = data.find(b"<sheetViews")
                if position < 0:
                    position = data.find(b"<sheetFormatPr")
                if position > 0:
                    data = data[:position] + element + data[position:]
            copy.writestr(item, data)
    return target.getvalue()


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text with every cell escaped; the admin sends it as UTF-8 with a BOM for Excel."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([escape_formula(str(header)) for header in headers])
    for row in rows:
        writer.writerow(["" if value is None else escape_formula(str(value)) for value in row])
    return stream.getvalue()


class EscapedXLSX(base_formats.XLSX):
    """xlsx export with formula escaping, typed cells and the resource's number formats."""

    def export_data(self, dataset, **kwargs):
        return write_workbook(
            [
                Sheet(
                    title=dataset.title or "Data",
                    headers=dataset.headers or [],
                    rows=iter(dataset),
                    number_formats=getattr(dataset, "number_formats", ()),
                    text_columns=getattr(dataset, "text_columns", ()),
                )
            ]
        )


class EscapedCSV(base_formats.CSV):
    """CSV export with formula escaping."""

    def export_data(self, dataset, **kwargs):
        return write_csv(dataset.headers or [], iter(dataset))


EXPORT_FORMATS = [EscapedXLSX, EscapedCSV]
