"""Spreadsheets in and out: what every registry's import and export share (issue #6).

Dinsos staff and facility heads work in Excel, so the registries (facilities, needs, companies,
programs, poverty figures) go in and out as spreadsheets through django-import-export. This
module holds what the resources in ``<app>/resources.py`` have in common:

* reading an upload safely: a size limit, a row limit, xlsx through openpyxl with defusedxml
  and a cap on the unzipped size, CSV in UTF-8 (with or without BOM), UTF-16, cp1252 or
  latin-1, with ``,``, ``;`` or tab between columns; the header row is found among the first
  rows of whichever sheet holds the expected columns;
* widgets that accept what people type: rupiah as ``Rp 1.250.000``, ``1.250.000`` or
  ``1250000``; dates as ``31/12/2025`` or ``2025-12-31`` (or a real Excel date); choices by
  code, Indonesian label or English label; registries by their natural keys (Kemendagri code,
  facility code or name, company name, CSR field code or name), never by database ids;
* :class:`SpreadsheetResource`, the base of every resource: Indonesian column headers,
  natural-key identity, a row-by-row report with the sheet's own row numbers, no writes at all
  when any row fails, nothing rewritten (and no history) for unchanged rows, lookups and
  existing rows loaded once per file instead of once per row, bulk writes that still record
  history, and the ``quantity_*`` counters of a need never touched;
* exports that escape every cell a spreadsheet would run as a formula (the library does not
  by default) and give xlsx cells real numbers and dates;
* the two services the admin calls, :func:`import_preview` and :func:`import_confirm`, which
  also keep the :class:`core.models.ImportRecord` of every upload.

Messages shown to staff are written in Indonesian (the msgids themselves are Indonesian:
the only readers are Dinsos staff, and column headers are a file format, not prose).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import logging
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import openpyxl
import tablib
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ImproperlyConfigured, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.transaction import TransactionManagementError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from import_export import fields as ie_fields
from import_export import resources, widgets
from import_export.formats import base_formats
from import_export.instance_loaders import BaseInstanceLoader
from import_export.results import Result, RowResult
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.models import ImportRecord

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------
# Limits. Settings may override them (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_UNZIPPED_BYTES).

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_ROWS = 20_000
# An xlsx is a zip: 5 MB of upload can unzip to gigabytes. A 20,000-row sheet unzips to ~30 MB.
DEFAULT_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
# Staff spreadsheets often start with a title line or two; the header row is looked for here.
HEADER_SEARCH_ROWS = 10
# How many rows of each kind the preview lists (the counts always cover the whole file).
PREVIEW_ROWS = 100
# How many problems an ImportRecord keeps in its text.
RECORDED_PROBLEMS = 50


def max_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_rows() -> int:
    return getattr(settings, "IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS)


def max_unzipped_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_UNZIPPED_BYTES", DEFAULT_MAX_UNZIPPED_BYTES)


def format_count(number: int) -> str:
    """``20000`` → ``20.000``: counts in messages read the Indonesian way."""
    return f"{number:,}".replace(",", ".")


class ImportFileError(Exception):
    """The file as a whole cannot be imported. The message is for staff."""


@dataclass(frozen=True)
class FormulaCell:
    """An xlsx cell holding a formula. Imports take values, never formulas: the widget that
    meets one reports it on its row and column."""

    formula: str


# ---------------------------------------------------------------------------------------------
# Formula escaping (exports) and its inverse (imports).

# A cell starting with one of these is run as a formula by Excel or LibreOffice when the file
# is opened (CSV), or written as a formula by openpyxl (xlsx, "=").
_NEEDS_ESCAPE = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")
# A plain signed number (a latitude, "-5") is not a formula and is left as it is.
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")


def escape_formula(value: Any) -> Any:
    """Prefix an apostrophe to text a spreadsheet would run as a formula.

    Text already starting with apostrophes before such a character gets one more, so that
    :func:`unescape_formula` gives back exactly what was exported.
    """
    if isinstance(value, str) and _NEEDS_ESCAPE.match(value) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def unescape_formula(value: str) -> str:
    """Undo :func:`escape_formula`, so an exported file imports back to the same values."""
    if _ESCAPED.match(value):
        return value[1:]
    return value


# ---------------------------------------------------------------------------------------------
# Reading uploads.


@dataclass
class ColumnSpec:
    """The columns a resource knows, and the required ones. Each required entry is a tuple of
    alternatives: the row needs at least one of them (``("Kode Panti", "Nama Panti")``)."""

    columns: list[str]
    required: list[tuple[str, ...]]


@dataclass
class Table:
    """An upload read into a dataset: canonical headers, values, and for each dataset row the
    row number staff see in their spreadsheet."""

    dataset: tablib.Dataset
    row_numbers: list[int]
    file_format: str
    sheet_name: str = ""
    encoding: str = ""
    ignored_columns: list[str] = field(default_factory=list)


def normalize_header(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()).casefold()


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_NOT_XLSX = (
    "Berkas '%(name)s' bukan berkas Excel (.xlsx) yang dapat dibaca. Buka di Excel lalu simpan "
    "sebagai 'Excel Workbook (*.xlsx)', atau simpan sebagai CSV."
)


def read_table(content: bytes, file_name: str, spec: ColumnSpec, *, row_limit: int | None = None) -> Table:
    """Read an upload into a :class:`Table`, or raise :class:`ImportFileError` with a message
    for staff. The format comes from the content (an xlsx is a zip), not from the name."""
    row_limit = max_rows() if row_limit is None else row_limit
    if not content:
        raise ImportFileError(_("Berkas '%(name)s' kosong (0 byte).") % {"name": file_name})
    lower_name = file_name.lower()
    if content[:4] == b"PK\x03\x04":
        return _read_xlsx(content, file_name, spec, row_limit)
    if content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFileError(
            _(
                "Berkas '%(name)s' berformat Excel 97-2003 (.xls), yang tidak diterima. Buka di Excel "
                "lalu simpan sebagai 'Excel Workbook (*.xlsx)'."
            )
            % {"name": file_name}
        )
    if lower_name.endswith((".xlsx", ".xlsm", ".xls")):
        raise ImportFileError(_(_NOT_XLSX) % {"name": file_name})
    if not lower_name.endswith((".csv", ".txt")):
        raise ImportFileError(
            _("Jenis berkas '%(name)s' tidak diterima: unggah berkas .xlsx atau .csv.") % {"name": file_name}
        )
    return _read_csv(content, file_name, spec, row_limit)


def _check_zip(content: bytes, file_name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ImportFileError(_(_NOT_XLSX) % {"name": file_name}) from error
    unzipped = sum(member.file_size for member in members)
    if unzipped > max_unzipped_bytes():
        raise ImportFileError(
            _(
                "Isi berkas '%(name)s' terlalu besar setelah dibuka (%(size)s MB; batas %(limit)s MB). "
                "Pecah menjadi beberapa berkas."
            )
            % {
                "name": file_name,
                "size": format_count(unzipped // (1024 * 1024)),
                "limit": format_count(max_unzipped_bytes() // (1024 * 1024)),
            }
        )


def _xlsx_cell_value(cell: Any) -> Any:
    value = cell.value
    if value is None:
        return None
    if getattr(cell, "data_type", None) == "f":
        return FormulaCell(str(value))
    if isinstance(value, str):
        return unescape_formula(value)
    return value


def _read_xlsx(content: bytes, file_name: str, spec: ColumnSpec, row_limit: int) -> Table:
    if not openpyxl.DEFUSEDXML:
        # openpyxl parses with defusedxml when it is installed (it is pinned in requirements.txt);
        # without it an xlsx could carry an XML bomb, so refuse rather than parse unsafely.
        logger.error("defusedxml is not available to openpyxl: xlsx imports are refused")
        raise ImportFileError(_("Server belum siap membaca berkas xlsx dengan aman. Hubungi admin sistem."))
    _check_zip(content, file_name)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
        logger.info("unreadable xlsx %r: %r", file_name, error)
        raise ImportFileError(_(_NOT_XLSX) % {"name": file_name}) from error
    try:
        searched: list[tuple[str, list[str]]] = []
        has_content = False
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # some writers record a wrong size; read what is there
            # One pass over the sheet: the first rows for the header, then the rest.
            rows = enumerate(sheet.iter_rows(), start=1)
            head_cells = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
            head = [(number, [_xlsx_cell_value(cell) for cell in cells]) for number, cells in head_cells]
            if any(not is_blank(value) for _number, values in head for value in values):
                has_content = True
            found = _find_header(head, spec)
            if isinstance(found, list):
                searched.append((sheet.title, found))
                continue
            header_number, mapping, ignored = found
            after_header = [(number, cells) for number, cells in head_cells if number > header_number]
            dataset, row_numbers = _collect_rows(
                itertools.chain(after_header, rows), mapping, row_limit, convert=_xlsx_cell_value
            )
            return Table(dataset, row_numbers, "xlsx", sheet_name=sheet.title, ignored_columns=ignored)
    except ImportFileError:
        raise
    except Exception as error:  # a damaged sheet, an XML bomb stopped by defusedxml, ...
        logger.info("unreadable xlsx sheet in %r: %r", file_name, error)
        raise ImportFileError(_(_NOT_XLSX) % {"name": file_name}) from error
    finally:
        workbook.close()
    if not has_content:
        raise ImportFileError(_("Berkas tidak berisi data: semua lembar kosong."))
    raise ImportFileError(_missing_columns_message(searched))


def _decode(content: bytes, file_name: str) -> tuple[str, str]:
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise ImportFileError(_("Berkas CSV '%(name)s' rusak (UTF-16 tidak sah).") % {"name": file_name}) from error
    if b"\x00" in content[:8192]:
        raise ImportFileError(
            _("Berkas '%(name)s' bukan berkas CSV (teks). Unggah berkas .xlsx atau .csv.") % {"name": file_name}
        )
    if content.startswith(codecs.BOM_UTF8):
        try:
            return content[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as error:
            raise ImportFileError(_("Berkas CSV '%(name)s' rusak (UTF-8 tidak sah).") % {"name": file_name}) from error
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Excel on Windows saves "CSV (Comma delimited)" in the ANSI code page: cp1252 here.
    try:
        return content.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return content.decode("latin-1"), "latin-1"


def _sniff_delimiter(text: str) -> tuple[str, str]:
    """The delimiter and the text without an Excel ``sep=`` line. Excel in an Indonesian locale
    saves CSV with ``;``; elsewhere ``,``; "Unicode text" uses tabs."""
    first_line, _newline, rest = text.partition("\n")
    stripped = first_line.strip().strip('"')
    if stripped.lower().startswith("sep=") and len(stripped) == 5:
        return stripped[4], rest
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return (best if counts[best] else ","), text


def _read_csv(content: bytes, file_name: str, spec: ColumnSpec, row_limit: int) -> Table:
    text, encoding = _decode(content, file_name)
    delimiter, text = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def numbered() -> Iterator[tuple[int, list[Any]]]:
        # Records, not lines: a quoted cell may hold line breaks and is still one spreadsheet row.
        try:
            for number, values in enumerate(reader, start=1):
                yield number, [unescape_formula(value) for value in values]
        except csv.Error as error:
            raise ImportFileError(
                _("Berkas CSV '%(name)s' rusak di sekitar baris %(row)s: %(error)s")
                % {"name": file_name, "row": reader.line_num, "error": error}
            ) from error

    rows = numbered()
    head = []
    for number, values in rows:
        head.append((number, values))
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    if not any(not is_blank(value) for _number, values in head for value in values):
        raise ImportFileError(_("Berkas tidak berisi data."))
    found = _find_header(head, spec)
    if isinstance(found, list):
        raise ImportFileError(_missing_columns_message([("", found)]))
    header_number, mapping, ignored = found
    remaining_head = [(number, values) for number, values in head if number > header_number]
    dataset, row_numbers = _collect_rows(itertools.chain(remaining_head, rows), mapping, row_limit)
    return Table(dataset, row_numbers, "csv", encoding=encoding, ignored_columns=ignored)


def _find_header(
    head: list[tuple[int, list[Any]]], spec: ColumnSpec
) -> tuple[int, list[tuple[int, str]], list[str]] | list[str]:
    """The header row among the first rows: ``(row number, [(position, column)], ignored)``,
    or, when no row has the required columns, the required columns missing from the best row."""
    canonical = {normalize_header(column): column for column in spec.columns}
    best_missing: list[str] | None = None
    for number, values in head:
        present: dict[str, int] = {}
        mapping: list[tuple[int, str]] = []
        ignored: list[str] = []
        duplicates: list[str] = []
        for position, value in enumerate(values):
            if isinstance(value, FormulaCell) or is_blank(value):
                continue
            column = canonical.get(normalize_header(value))
            if column is None:
                ignored.append(str(value).strip())
            elif column in present:
                duplicates.append(column)
            else:
                present[column] = position
                mapping.append((position, column))
        missing = [group[0] for group in spec.required if not any(alternative in present for alternative in group)]
        if not missing:
            if duplicates:
                raise ImportFileError(
                    _("Kolom %(columns)s muncul lebih dari sekali di baris judul (baris %(row)s).")
                    % {"columns": _quoted(duplicates), "row": number}
                )
            return number, mapping, ignored
        if best_missing is None or len(missing) < len(best_missing):
            best_missing = missing
    return best_missing if best_missing is not None else [group[0] for group in spec.required]


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def _missing_columns_message(searched: list[tuple[str, list[str]]]) -> str:
    if not searched:
        return _("Berkas tidak berisi lembar kerja (sheet) apa pun.")
    if len(searched) == 1:
        sheet, missing = searched[0]
        if sheet:
            return _(
                "Kolom wajib tidak ditemukan di lembar '%(sheet)s': %(columns)s. Baris judul harus ada di "
                "%(rows)s baris pertama; unduh templat dari halaman admin untuk melihat kolom yang benar."
            ) % {"sheet": sheet, "columns": _quoted(missing), "rows": HEADER_SEARCH_ROWS}
        return _(
            "Kolom wajib tidak ditemukan: %(columns)s. Baris judul harus ada di %(rows)s baris pertama; "
            "unduh templat dari halaman admin untuk melihat kolom yang benar."
        ) % {"columns": _quoted(missing), "rows": HEADER_SEARCH_ROWS}
    details = "; ".join(
        _("lembar '%(sheet)s' tidak punya %(columns)s") % {"sheet": sheet, "columns": _quoted(missing)}
        for sheet, missing in searched
    )
    return _(
        "Tidak ada lembar kerja (sheet) dengan kolom yang dibutuhkan: %(details)s. Pastikan data ada di "
        "lembar yang benar, atau unduh templat dari halaman admin."
    ) % {"details": details}


def _collect_rows(
    rows: Iterable[tuple[int, Sequence[Any]]],
    mapping: list[tuple[int, str]],
    row_limit: int,
    convert: Callable[[Any], Any] = lambda value: value,
) -> tuple[tablib.Dataset, list[int]]:
    values_rows: list[list[Any]] = []
    row_numbers: list[int] = []
    for number, values in rows:
        picked = [convert(values[position]) if position < len(values) else None for position, _column in mapping]
        if all(is_blank(value) for value in picked):
            continue  # blank lines and formatted-but-empty rows
        if len(values_rows) >= row_limit:
            raise ImportFileError(
                _("Berkas berisi lebih dari %(limit)s baris data. Pecah menjadi beberapa berkas.")
                % {"limit": format_count(row_limit)}
            )
        values_rows.append(picked)
        row_numbers.append(number)
    if not values_rows:
        raise ImportFileError(_("Berkas hanya berisi baris judul, tanpa baris data."))
    dataset = tablib.Dataset(*values_rows, headers=[column for _position, column in mapping])
    return dataset, row_numbers


# ---------------------------------------------------------------------------------------------
# Exports: escaped, with real numbers and dates in xlsx.


def _xlsx_value(value: Any) -> Any:
    value = escape_formula(value)
    if isinstance(value, str):
        # Control characters are not allowed in xlsx; none belong in our data anyway.
        return ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", value)
    return value


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    number_formats: Sequence[str | None] = ()
    text_columns: Sequence[int] = ()


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    """An xlsx of the given sheets, every text cell escaped. Write-only mode keeps memory flat
    for large exports."""
    workbook = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    dimensions = []
    for spec in sheets:
        sheet = workbook.create_sheet(title=spec.title[:31])
        sheet.freeze_panes = "A2"
        for index, header in enumerate(spec.headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(max(len(str(header)) + 4, 12), 50)
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
        for row in spec.rows:
            row_count += 1
            width = max(width, len(row))
            cells = []
            for index, value in enumerate(row):
                cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
                if index < len(formats) and formats[index] and value not in (None, ""):
                    cell.number_format = formats[index]
                cells.append(cell)
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


# ---------------------------------------------------------------------------------------------
# Widgets. ``clean`` raises ValueError with an Indonesian message (no row or column: the report
# adds them); ``render`` gives native values for xlsx and text for CSV.


# Cell values of yes/no columns: part of the file format, the same whatever the page language.
YES, NO = "Ya", "Tidak"


def _text_of(value: Any) -> str:
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def shown(value: Any, limit: int = 60) -> str:
    text = _text_of(value).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def norm_key(value: str) -> str:
    """How natural keys written by people are compared: spaces collapsed, case ignored."""
    return " ".join(value.split()).casefold()


class CellWidget(widgets.Widget):
    """Base widget: a required cell reports an empty value; an empty optional cell takes the
    default (the model's default, or None)."""

    number_format: str | None = None
    text_column = False

    def __init__(self, *, required: bool = False, default: Any = None):
        super().__init__(coerce_to_string=True)
        self.required = required
        self.default = default

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            if self.required:
                raise ValueError(_("wajib diisi."))
            return self.default
        return self.parse(value, row)

    def parse(self, value: Any, row: dict | None) -> Any:
        raise NotImplementedError  # abstract: every subclass defines it

    def render(self, value, obj=None, **kwargs):
        native = bool(kwargs.get("force_native_type"))
        if value is None:
            return None if native else ""
        return self.format(value, native)

    def format(self, value: Any, native: bool) -> Any:
        return value if native else _text_of(value)

    def describe(self) -> str:
        """What the cell accepts, for the hint sheet of the template."""
        return ""


class TextWidget(CellWidget):
    text_column = True

    def __init__(
        self, *, required: bool = False, max_length: int | None = None, lower: bool = False, default: str = ""
    ):
        super().__init__(required=required, default=default)
        self.max_length = max_length
        self.lower = lower

    def parse(self, value, row):
        text = _text_of(value).replace("\r\n", "\n").replace("\r", "\n").strip()
        if "\x00" in text:
            raise ValueError(_("berisi karakter NUL yang tidak terlihat; ketik ulang isinya."))
        if self.lower:
            text = text.lower()
        if self.max_length is not None and len(text) > self.max_length:
            raise ValueError(
                _("terlalu panjang: paling banyak %(limit)s karakter (tertulis %(length)s).")
                % {"limit": self.max_length, "length": len(text)}
            )
        return text

    def format(self, value, native):
        return str(value)

    def describe(self):
        if self.max_length:
            return _("Teks, paling banyak %(limit)s karakter.") % {"limit": self.max_length}
        return _("Teks bebas.")


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_WHOLE = re.compile(r"[+-]?\d+")
_GROUPED_DOT = re.compile(r"([+-]?\d{1,3}(?:\.\d{3})+)(?:,0+)?")
_GROUPED_COMMA = re.compile(r"([+-]?\d{1,3}(?:,\d{3})+)(?:\.0+)?")
_ZERO_DECIMALS = re.compile(r"([+-]?\d+)[.,]0+")


def parse_whole_number(text: str) -> int:
    """``1250000``, ``1.250.000``, ``1.250.000,00``, ``1,250,000`` and ``40,0`` are whole
    numbers; ``1,5`` and ``empat puluh`` are not (ValueError)."""
    compact = _SPACES.sub("", text)
    if _WHOLE.fullmatch(compact):
        return int(compact)
    for pattern, separator in ((_GROUPED_DOT, "."), (_GROUPED_COMMA, ",")):
        match = pattern.fullmatch(compact)
        if match:
            return int(match.group(1).replace(separator, ""))
    match = _ZERO_DECIMALS.fullmatch(compact)
    if match:
        return int(match.group(1))
    raise ValueError(text)


class IntegerWidget(CellWidget):
    number_format = "0"

    def __init__(
        self,
        *,
        required: bool = False,
        default: int | None = None,
        min_value: int | None = 0,
        max_value: int | None = 2_147_483_647,
    ):
        super().__init__(required=required, default=default)
        self.min_value = min_value
        self.max_value = max_value

    def to_int(self, value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, int):
            return value
        if isinstance(value, float | Decimal):
            if value != value or value in (float("inf"), float("-inf")) or value != int(value):
                raise ValueError(value)
            return int(value)
        return parse_whole_number(str(value))

    def parse(self, value, row):
        try:
            number = self.to_int(value)
        except (ValueError, OverflowError):
            raise ValueError(self.not_a_number(value)) from None
        if self.min_value is not None and number < self.min_value:
            if self.min_value == 0:
                raise ValueError(_("tidak boleh negatif (tertulis %(value)s).") % {"value": number})
            raise ValueError(
                _("harus paling sedikit %(min)s (tertulis %(value)s).") % {"min": self.min_value, "value": number}
            )
        if self.max_value is not None and number > self.max_value:
            raise ValueError(
                _("terlalu besar: paling banyak %(max)s (tertulis %(value)s).")
                % {"max": format_count(self.max_value), "value": format_count(number)}
            )
        return number

    def not_a_number(self, value: Any) -> str:
        return _("harus berupa bilangan bulat, bukan '%(value)s'.") % {"value": shown(value)}

    def format(self, value, native):
        return int(value) if native else str(int(value))

    def describe(self):
        if self.min_value is not None and self.min_value > 0:
            return _("Bilangan bulat, paling sedikit %(min)s.") % {"min": self.min_value}
        return _("Bilangan bulat, tidak negatif.")


_RUPIAH_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)


class RupiahWidget(IntegerWidget):
    """Whole rupiah: ``Rp 1.250.000``, ``1.250.000``, ``1250000`` or a number cell."""

    number_format = '"Rp "#,##0'

    def __init__(self, *, required: bool = False, default: int | None = 0):
        super().__init__(required=required, default=default, min_value=0, max_value=9_000_000_000_000_000)

    def to_int(self, value):
        if isinstance(value, str):
            value = _RUPIAH_PREFIX.sub("", value.strip())
        return super().to_int(value)

    def not_a_number(self, value):
        return _(
            "bukan nilai rupiah yang dikenali: '%(value)s'. Tulis seperti Rp 1.250.000, 1.250.000 atau 1250000 "
            "(tanpa sen)."
        ) % {"value": shown(value)}

    def describe(self):
        return _("Rupiah tanpa sen: Rp 1.250.000, 1.250.000 atau 1250000.")


class DecimalWidget(CellWidget):
    number_format = "0.000000"

    def __init__(self, *, decimal_places: int, min_value: Decimal, max_value: Decimal):
        super().__init__(required=False, default=None)
        self.quantum = Decimal(1).scaleb(-decimal_places)
        self.min_value = min_value
        self.max_value = max_value

    def parse(self, value, row):
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            if isinstance(value, float | int):
                number = Decimal(str(value))
            else:
                text = _SPACES.sub("", str(value))
                if "," in text and "." not in text:
                    text = text.replace(",", ".")  # Indonesian decimal comma
                number = Decimal(text)
            if not number.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise ValueError(_("harus berupa angka, bukan '%(value)s'.") % {"value": shown(value)}) from None
        number = number.quantize(self.quantum, rounding=ROUND_HALF_UP)
        if not self.min_value <= number <= self.max_value:
            raise ValueError(
                _("harus antara %(min)s dan %(max)s (tertulis %(value)s).")
                % {"min": self.min_value, "max": self.max_value, "value": number}
            )
        return number

    def format(self, value, native):
        return value if native else str(value)

    def describe(self):
        return _("Angka desimal antara %(min)s dan %(max)s (titik atau koma desimal).") % {
            "min": self.min_value,
            "max": self.max_value,
        }


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M:%S")
# Excel serial numbers of 1/1/1960 to 31/12/2100: a date cell that lost its date format.
EXCEL_SERIAL_RANGE = (21916, 73415)


class DateWidget(CellWidget):
    number_format = "DD/MM/YYYY"

    def __init__(self, *, required: bool = False):
        super().__init__(required=required, default=None)

    def parse(self, value, row):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            if EXCEL_SERIAL_RANGE[0] <= value <= EXCEL_SERIAL_RANGE[1]:
                return from_excel(value).date()
            raise ValueError(self.unknown(value))
        text = " ".join(str(value).split())
        for pattern in DATE_FORMATS:
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(self.unknown(value))

    def unknown(self, value):
        return _("tanggal '%(value)s' tidak dikenali; tulis seperti 31/12/2025 atau 2025-12-31.") % {
            "value": shown(value)
        }

    def format(self, value, native):
        return value if native else value.isoformat()

    def describe(self):
        return _("Tanggal: 31/12/2025 atau 2025-12-31 (atau sel bertipe tanggal).")


class YesNoWidget(CellWidget):
    TRUE = frozenset({"ya", "y", "yes", "true", "benar", "1", "x", "v", "✓", "iya"})
    FALSE = frozenset({"tidak", "t", "no", "n", "false", "salah", "0", "bukan"})

    def __init__(self, *, default: bool):
        super().__init__(required=False, default=default)

    def parse(self, value, row):
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        text = norm_key(str(value))
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("isi dengan Ya atau Tidak, bukan '%(value)s'.") % {"value": shown(value)})

    def format(self, value, native):
        return YES if value else NO

    def describe(self):
        return _("Ya atau Tidak. Kosong berarti %(default)s.") % {"default": YES if self.default else NO}


class ChoiceWidget(CellWidget):
    """A choice by its code, its Indonesian label, its English label, its label in any active
    translation, or one of the extra aliases staff use (``PSBR``). Exports the Indonesian label."""

    def __init__(
        self,
        choices: type[models.Choices],
        labels_id: dict[Any, str],
        *,
        aliases: dict[str, Any] | None = None,
        required: bool = False,
        default: Any = None,
    ):
        super().__init__(required=required, default=default)
        missing = set(choices.values) - set(labels_id)
        if missing:
            raise ImproperlyConfigured(f"Indonesian labels missing for {choices.__name__}: {sorted(missing)}")
        self.choices = choices
        self.labels_id = labels_id
        self.aliases = aliases or {}
        self._lookup: dict[str, Any] | None = None

    def lookup_table(self) -> dict[str, Any]:
        if self._lookup is None:
            table: dict[str, Any] = {}

            def add(key: Any, code: Any) -> None:
                normalized = norm_key(str(key))
                if table.get(normalized, code) != code:
                    raise ImproperlyConfigured(f"{self.choices.__name__}: '{key}' names two choices")
                table[normalized] = code

            for code, label in self.choices.choices:
                add(code, code)
                add(self.labels_id[code], code)
                with translation.override("en"):
                    add(str(label), code)
            for alias, code in self.aliases.items():
                add(alias, code)
            # Labels of the translation catalogues come last and never displace the above: a
            # catalogue update cannot make a cell ambiguous.
            for code, label in self.choices.choices:
                for language, _name in settings.LANGUAGES:
                    with translation.override(language):
                        table.setdefault(norm_key(str(label)), code)
            self._lookup = table
        return self._lookup

    def parse(self, value, row):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        code = self.lookup_table().get(norm_key(str(value)))
        if code is None:
            raise ValueError(
                _("'%(value)s' bukan pilihan yang dikenal. Pilihan: %(choices)s.")
                % {"value": shown(value), "choices": self.choice_list()}
            )
        return code

    def choice_list(self) -> str:
        return ", ".join(self.labels_id[code] for code in self.choices.values)

    def format(self, value, native):
        return self.labels_id.get(value, str(value))

    def describe(self):
        return _("Salah satu: %(choices)s (boleh juga kode atau label bahasa Inggris).") % {
            "choices": self.choice_list()
        }


class LookupWidget(CellWidget):
    """A foreign key given by a natural key. :meth:`prime` loads every object the file names
    in one or two queries; without it (the library's way) each cell costs a query."""

    text_column = True

    def __init__(self, *, required: bool = True):
        super().__init__(required=required, default=None)
        self.cache: dict[str, Any] | None = None

    def normalize(self, value: Any) -> str:
        return norm_key(_text_of(value))

    def prime(self, values: Iterable[Any]) -> None:
        keys = set()
        for value in values:
            if is_blank(value) or isinstance(value, FormulaCell):
                continue
            try:
                keys.add(self.normalize(value))
            except ValueError:
                continue
        self.cache = self.load(keys)

    def load(self, keys: set[str]) -> dict[str, Any]:
        """Objects for these normalized keys, as ``{key: object or [objects]}``."""
        raise NotImplementedError  # abstract: every subclass defines it

    def fetch(self, key: str) -> Any:
        """One lookup in the database, when the cache was not primed."""
        found = self.load({key})
        return found.get(key)

    def find(self, key: str) -> Any:
        if self.cache is not None:
            return self.cache.get(key)
        return self.fetch(key)

    def parse(self, value, row):
        try:
            key = self.normalize(value)
        except ValueError:
            raise ValueError(self.unknown(value)) from None
        found = self.find(key)
        if isinstance(found, list):
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise ValueError(self.ambiguous(value))
            found = None
        if found is None:
            raise ValueError(self.unknown(value))
        return found

    def unknown(self, value: Any) -> str:
        raise NotImplementedError  # abstract: every subclass defines it

    def ambiguous(self, value: Any) -> str:
        return _("'%(value)s' cocok dengan lebih dari satu data.") % {"value": shown(value)}

    def format(self, value, native):
        return self.key_of(value)

    def key_of(self, obj: Any) -> str:
        raise NotImplementedError  # abstract: every subclass defines it


def chunks(values: Iterable[Any], size: int = 500) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


_REGION_CODE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")


class RegionWidget(LookupWidget):
    """A Kemendagri region code: ``31``, ``31.75``, ``31.75.01``, ``31.75.01.1001``. Excel may
    have turned ``62.10`` into the number 62.1: numbers get two decimals back."""

    def normalize(self, value):
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float | Decimal):
            return str(int(value)) if value == int(value) else f"{value:.2f}"
        return _SPACES.sub("", str(value)).replace(",", ".")

    def load(self, keys):
        from regions.models import Region

        codes = [key for key in keys if _REGION_CODE.fullmatch(key)]
        found = {}
        for batch in chunks(codes):
            for region in Region.objects.filter(code__in=batch).only("code", "name", "level"):
                found[region.code] = region
        return found

    def unknown(self, value):
        return _("kode wilayah %(value)s tidak dikenal.") % {"value": shown(value)}

    def key_of(self, obj):
        return obj.code

    def describe(self):
        return _("Kode wilayah Kemendagri, mis. 31.75.01 (kecamatan) atau 62.11 (kabupaten).")


class CsrFieldWidget(LookupWidget):
    """A CSR field by code, Indonesian name or English name; exports the Indonesian name."""

    def load(self, keys):
        from core.models import CsrField

        found: dict[str, Any] = {}
        for csr_field in CsrField.objects.all():
            for key in {norm_key(csr_field.code), norm_key(csr_field.name), norm_key(csr_field.name_en)}:
                found[key] = csr_field
        return found

    def fetch(self, key):
        from core.models import CsrField

        return CsrField.objects.filter(Q(code__iexact=key) | Q(name__iexact=key) | Q(name_en__iexact=key)).first()

    def unknown(self, value):
        from core.models import CsrField

        names = ", ".join(CsrField.objects.values_list("name", flat=True))
        return _("bidang '%(value)s' tidak dikenal. Pilihan: %(choices)s.") % {"value": shown(value), "choices": names}

    def key_of(self, obj):
        return obj.name

    def describe(self):
        from core.models import CsrField

        names = ", ".join(CsrField.objects.values_list("name", flat=True))
        return _("Bidang CSR: %(choices)s (boleh juga kode atau nama bahasa Inggris).") % {"choices": names}


class ManyLookupWidget(CellWidget):
    """Several registry entries in one cell, separated by ``;`` or line breaks."""

    text_column = True
    SEPARATOR = re.compile(r"[;\n\r]+")

    def __init__(self, inner: LookupWidget, *, required: bool = False):
        super().__init__(required=required, default=None)
        self.inner = inner

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            if self.required:
                raise ValueError(_("wajib diisi."))
            return []
        return self.parse(value, row)

    def parts(self, value: Any) -> list[str]:
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return [self.inner.normalize(value)]  # one code Excel turned into a number
        return [part.strip() for part in self.SEPARATOR.split(str(value)) if part.strip()]

    def prime(self, values):
        parts = []
        for value in values:
            if not is_blank(value) and not isinstance(value, FormulaCell):
                parts.extend(self.parts(value))
        self.inner.prime(parts)

    def parse(self, value, row):
        objects, problems = [], []
        for part in self.parts(value):
            try:
                obj = self.inner.parse(part, row)
            except ValueError as error:
                problems.append(str(error))
                continue
            if obj not in objects:
                objects.append(obj)
        if problems:
            raise ValueError(" ".join(problems))
        if self.required and not objects:
            raise ValueError(_("wajib diisi."))
        return objects

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return "; ".join(self.inner.key_of(item) for item in value.all())

    def describe(self):
        return _("Beberapa nilai dipisah titik koma (;). %(each)s") % {"each": self.inner.describe()}


class Column(ie_fields.Field):
    """A resource field with an Indonesian column header, a note for the template's hint sheet,
    and refusal of formula cells."""

    def __init__(
        self,
        attribute: str | None = None,
        column_name: str | None = None,
        widget: widgets.Widget | None = None,
        *,
        readonly: bool = False,
        help_text: str = "",
        example: str = "",
        dehydrate_method: str | None = None,
    ):
        super().__init__(
            attribute=attribute,
            column_name=column_name,
            widget=widget or TextWidget(),
            readonly=readonly,
            dehydrate_method=dehydrate_method,
        )
        self.help_text = help_text
        self.example = example

    def clean(self, row, **kwargs):
        value = row[self.column_name]
        if isinstance(value, FormulaCell):
            raise ValueError(
                _("sel berisi rumus Excel (%(formula)s); isi dengan nilainya saja, bukan rumus.")
                % {"formula": shown(value.formula, 40)}
            )
        return self.widget.clean(value, row=row, **kwargs)

    @property
    def required(self) -> bool:
        return bool(getattr(self.widget, "required", False))


# ---------------------------------------------------------------------------------------------
# Resources.


class NaturalKeyInstanceLoader(BaseInstanceLoader):
    """Loads, in a few queries, every existing row the file names by its natural key, instead
    of one query per row (the library's ModelInstanceLoader)."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        keys = set()
        headers = dataset.headers or []
        for values in dataset:
            key = resource.row_key(dict(zip(headers, values, strict=False)))
            if key is not None:
                keys.add(key)
        self.index: dict[tuple, list[Any]] = {}
        if keys:
            for instance in resource.existing_instances(keys):
                self.index.setdefault(resource.instance_key(instance), []).append(instance)

    def get_instance(self, row):
        key = self.resource.row_key(row)
        if key is None:
            return None
        found = self.index.get(key, [])
        if len(found) > 1:
            raise ValidationError({self.resource.key_error_field(): [self.resource.ambiguous_message(row, len(found))]})
        return found[0] if found else None


@dataclass
class Problem:
    """One reason a row (or the file) cannot be imported."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("Baris %(row)s, kolom '%(column)s': %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row is not None:
            return _("Baris %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return self.message


@dataclass
class RowPreview:
    row: int
    label: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class ImportOutcome:
    """What an import would do (preview) or did (confirmation), for staff and for the record."""

    total: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    previews: dict[str, list[RowPreview]] = field(default_factory=dict)
    file_format: str = ""
    sheet_name: str = ""
    encoding: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and not self.failed

    def preview_rows(self, kind: str) -> list[RowPreview]:
        return self.previews.get(kind, [])

    @property
    def new_rows(self) -> list[RowPreview]:
        return self.preview_rows(RowResult.IMPORT_TYPE_NEW)

    @property
    def updated_rows(self) -> list[RowPreview]:
        return self.preview_rows(RowResult.IMPORT_TYPE_UPDATE)

    @property
    def unchanged_rows(self) -> list[RowPreview]:
        return self.preview_rows(RowResult.IMPORT_TYPE_SKIP)

    def problem_lines(self) -> list[str]:
        return [str(problem) for problem in self.problems]


class SpreadsheetResource(resources.ModelResource):
    """Base of every registry's resource. Subclasses declare :class:`Column` fields, the
    natural key in ``Meta.import_id_fields``, and :meth:`existing_instances` /
    :meth:`instance_key` to find the rows the file names."""

    #: Title of the data sheet in exports and templates.
    sheet_title = "Data"
    #: What one row is, for messages ("kebutuhan").
    row_noun = "data"
    #: Load lookups and existing rows once per file (False gives the library's per-row queries).
    prefetch_lookups = True
    #: Required columns that may be replaced by another column: {field name: (column, ...)}.
    column_alternatives: dict[str, tuple[str, ...]] = {}

    class Meta:
        instance_loader_class = NaturalKeyInstanceLoader
        skip_unchanged = True
        report_skipped = True
        skip_diff = True
        clean_model_instances = True
        use_transactions = True
        store_instance = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._row_numbers: list[int] = []
        self._seen_keys: dict[tuple, int] = {}
        self._user = None
        self._change_reason = ""

    # -- columns ----------------------------------------------------------------------------

    def import_columns(self) -> list[Column]:
        """This instance's writable fields (their widgets hold this import's lookups)."""
        return [f for f in self.fields.values() if not f.readonly and f.attribute]

    @classmethod
    def template_columns(cls) -> list[Column]:
        """The columns of the downloadable template: what is imported, plus alternatives."""
        columns = [f for f in cls.fields.values() if not f.readonly and f.attribute]
        alternative_names = {name for names in cls.column_alternatives.values() for name in names}
        extra = [f for f in cls.fields.values() if f.readonly and f.column_name in alternative_names]
        return [f for f in cls.ordered_fields() if f in columns or f in extra]

    @classmethod
    def ordered_fields(cls) -> list[Column]:
        """Fields in the order of ``Meta.fields`` (the order of exports and templates)."""
        return [cls.fields[name] for name in cls().get_export_order() if name in cls.fields]

    @classmethod
    def column_spec(cls) -> ColumnSpec:
        columns = [f.column_name for f in cls.fields.values()]
        required = []
        for name, f in cls.fields.items():
            if f.readonly or not f.attribute:
                continue
            if name in cls.column_alternatives:
                required.append(cls.column_alternatives[name])
            elif getattr(f.widget, "required", False):
                required.append((f.column_name,))
        return ColumnSpec(columns=columns, required=required)

    def column_for(self, key: str) -> str | None:
        if key == NON_FIELD_ERRORS:
            return None
        for name, f in self.fields.items():
            if key in (name, f.attribute) or (f.attribute and key == f"{f.attribute}_id"):
                return f.column_name
        return None

    def sheet_row(self, number: int) -> int:
        if 0 < number <= len(self._row_numbers):
            return self._row_numbers[number - 1]
        return number + 1

    def model_field(self, f: ie_fields.Field) -> models.Field | None:
        try:
            return self._meta.model._meta.get_field(f.attribute)
        except Exception:
            return None

    def update_field_names(self) -> list[str]:
        """Model fields an update writes: the imported ones, and ``updated_at``. Never the
        counters or anything else the file does not carry."""
        names = []
        for f in self.import_columns():
            model_field = self.model_field(f)
            if model_field is not None and model_field.concrete and not model_field.many_to_many:
                names.append(model_field.name)
        if any(model_field.name == "updated_at" for model_field in self._meta.model._meta.concrete_fields):
            names.append("updated_at")
        return names

    # -- natural keys -----------------------------------------------------------------------

    def row_key(self, row: dict) -> tuple | None:
        parts = []
        for name in self.get_import_id_fields():
            f = self.fields[name]
            if f.column_name not in row:
                return None
            try:
                value = f.clean(row)
            except (ValueError, ValidationError):
                return None
            if value in (None, ""):
                return None
            parts.append(self.key_part(value))
        return tuple(parts)

    @staticmethod
    def key_part(value: Any) -> Any:
        if isinstance(value, models.Model):
            return value.pk
        if isinstance(value, str):
            return norm_key(value)
        return value

    def existing_instances(self, keys: set[tuple]) -> Iterable[models.Model]:
        raise NotImplementedError  # abstract: every subclass defines it

    def instance_key(self, instance: models.Model) -> tuple:
        raise NotImplementedError  # abstract: every subclass defines it

    def key_error_field(self) -> str:
        return self.fields[self.get_import_id_fields()[-1]].attribute

    def describe_key(self, row: dict) -> str:
        parts = []
        for name in self.get_import_id_fields():
            f = self.fields[name]
            parts.append(f"{f.column_name} '{shown(row.get(f.column_name) or '')}'")
        return ", ".join(parts)

    def ambiguous_message(self, row: dict, count: int) -> str:
        return _(
            "ada %(count)s %(noun)s dengan %(key)s di basis data; bedakan lebih dulu lewat admin, lalu impor ulang."
        ) % {"count": count, "noun": self.row_noun, "key": self.describe_key(row)}

    # -- the import workflow ----------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self._row_numbers = list(kwargs.get("row_numbers") or range(2, len(dataset) + 2))
        self._seen_keys = {}
        self._user = kwargs.get("user")
        file_name = kwargs.get("file_name") or ""
        self._change_reason = (_("Impor spreadsheet: %(name)s") % {"name": file_name})[:100]
        headers = list(dataset.headers or [])
        for columns in self.column_alternatives.values():
            for column in columns:
                if column not in headers:
                    dataset.append_col([None] * len(dataset), header=column)
                    headers.append(column)
        if self.prefetch_lookups:
            for f in self.fields.values():
                if hasattr(f.widget, "prime") and f.column_name in headers:
                    f.widget.prime(dataset[f.column_name])

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        row_result.number = self.sheet_row(kwargs["row_number"])
        return row_result

    def before_import_row(self, row, **kwargs):
        key = self.row_key(row)
        if key is None:
            return
        number = self.sheet_row(kwargs["row_number"])
        first = self._seen_keys.setdefault(key, number)
        if first != number:
            raise ValidationError(
                {
                    self.key_error_field(): [
                        _("baris ini mengulang baris %(first)s (%(key)s). Setiap %(noun)s cukup satu baris.")
                        % {"first": first, "key": self.describe_key(row), "noun": self.row_noun}
                    ]
                }
            )

    def after_init_instance(self, instance, new, row, **kwargs):
        if not new:
            instance._import_snapshot = self.snapshot(instance)

    def snapshot(self, instance) -> dict[str, Any]:
        values = {}
        for f in self.import_columns():
            model_field = self.model_field(f)
            if model_field is None:
                continue
            if model_field.many_to_many:
                values[f.attribute] = {obj.pk for obj in getattr(instance, f.attribute).all()}
            else:
                values[f.attribute] = getattr(instance, model_field.attname)
        return values

    def import_instance(self, instance, row, **kwargs):
        # As the library's, but many-to-many cells are checked here too (the library checks
        # them only while saving them, after the row is written), so that their problems are
        # reported with the row's others; save_m2m sets them once the row is saved.
        errors = {}
        for f in self.import_columns():
            if f.column_name not in row:
                continue
            try:
                if isinstance(f.widget, ManyLookupWidget):
                    f.clean(row)
                else:
                    self.import_field(f, instance, row, **kwargs)
            except ValueError as error:
                errors[f.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            return
        for f in self.import_columns():
            if isinstance(f.widget, ManyLookupWidget) and f.column_name in row:
                getattr(instance, f.attribute).set(f.clean(row))

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not self._meta.skip_unchanged or import_validation_errors:
            return False
        if not self._meta.skip_diff:
            return super().skip_row(instance, original, row, import_validation_errors)
        snapshot = getattr(instance, "_import_snapshot", None)
        if snapshot is None:
            return False
        for f in self.import_columns():
            if f.column_name not in row or f.attribute not in snapshot:
                continue
            model_field = self.model_field(f)
            if model_field.many_to_many:
                current = {obj.pk for obj in f.clean(row)}
            else:
                current = getattr(instance, model_field.attname)
            if not _same(current, snapshot[f.attribute]):
                return False
        return True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if self._meta.clean_model_instances:
            # Lookups are already checked by their widgets; uniqueness and constraints are
            # checked in Python by check_instance (one query per row and constraint otherwise),
            # and the database still enforces them.
            exclude = set(errors)
            for f in self.fields.values():
                if isinstance(f.widget, LookupWidget | ManyLookupWidget) and f.attribute:
                    exclude.add(f.attribute)
            try:
                instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if not errors:
            for attribute, message in self.check_instance(instance).items():
                errors.setdefault(attribute, []).append(message)
        if errors:
            raise ValidationError(errors)

    def check_instance(self, instance) -> dict[str, str]:
        """The model's constraints, in Python and in Indonesian: {field: message}."""
        return {}

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk is not None and hasattr(instance, "updated_at"):
            instance.updated_at = timezone.now()  # bulk_update does not run auto_now
        instance._history_user = self._user
        instance._change_reason = self._change_reason

    def do_instance_save(self, instance, is_create):
        if is_create:
            instance.save(force_insert=True)
        else:
            instance.save(update_fields=self.update_field_names())

    def _has_history(self) -> bool:
        # django-simple-history marks the models it tracks.
        return hasattr(self._meta.model._meta, "simple_history_manager_attribute")

    # The preview (a dry run) writes nothing: every row has been checked in Python against the
    # rules the database enforces, so the library's insert-then-roll-back would only double the
    # cost. The confirmation writes in one transaction; any refusal there rolls everything back.

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if dry_run:
            self.create_instances.clear()
            return
        if self.create_instances:
            try:
                if self._has_history():
                    bulk_create_with_history(
                        self.create_instances,
                        self._meta.model,
                        batch_size=batch_size,
                        default_user=self._user,
                        default_change_reason=self._change_reason,
                    )
                else:
                    self._meta.model.objects.bulk_create(self.create_instances, batch_size=batch_size)
            except Exception as error:
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.create_instances.clear()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if dry_run:
            self.update_instances.clear()
            return
        if self.update_instances:
            try:
                if self._has_history():
                    bulk_update_with_history(
                        self.update_instances,
                        self._meta.model,
                        fields=self.update_field_names(),
                        batch_size=batch_size,
                        default_user=self._user,
                        default_change_reason=self._change_reason,
                    )
                else:
                    self._meta.model.objects.bulk_update(
                        self.update_instances, self.update_field_names(), batch_size=batch_size
                    )
            except Exception as error:
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.update_instances.clear()

    def after_import(self, dataset, result, **kwargs):
        # ModelResource resets the table's id sequence after inserts, for imports that carry
        # ids. Ours never do, and on PostgreSQL a reset can race with concurrent inserts.
        pass

    # -- preview ----------------------------------------------------------------------------

    def row_label(self, instance) -> str:
        return str(instance)

    def describe_changes(self, instance) -> list[tuple[str, str, str]]:
        snapshot = getattr(instance, "_import_snapshot", None) or {}
        changes = []
        for f in self.import_columns():
            if f.attribute not in snapshot:
                continue
            model_field = self.model_field(f)
            if model_field.many_to_many:
                continue
            old, new = snapshot[f.attribute], getattr(instance, model_field.attname)
            if _same(old, new):
                continue
            if isinstance(model_field, models.ForeignKey):
                old_text, new_text = str(old or ""), str(new or "")  # both as codes
            else:
                old_text = f.widget.render(old) if old is not None else ""
                new_text = f.widget.render(new) if new is not None else ""
            changes.append((f.column_name, shown(old_text), shown(new_text)))
        return changes

    # -- export -----------------------------------------------------------------------------

    def filter_export(self, queryset, **kwargs):
        # What the columns show, in a fixed number of queries whatever the number of rows.
        related = [f.attribute for f in self.fields.values() if isinstance(f.widget, LookupWidget)]
        many = [f.attribute for f in self.fields.values() if isinstance(f.widget, ManyLookupWidget)]
        if related:
            queryset = queryset.select_related(*related)
        if many:
            queryset = queryset.prefetch_related(*many)
        return queryset

    def export(self, queryset=None, **kwargs):
        dataset = super().export(queryset=queryset, **kwargs)
        dataset.title = self.sheet_title
        export_fields = self.get_export_fields(kwargs.get("export_fields"))
        dataset.number_formats = [getattr(f.widget, "number_format", None) for f in export_fields]
        dataset.text_columns = [i for i, f in enumerate(export_fields) if getattr(f.widget, "text_column", False)]
        return dataset

    @classmethod
    def get_display_name(cls):
        return cls.sheet_title


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.replace("\r\n", "\n") == b.replace("\r\n", "\n")
    return a == b


# ---------------------------------------------------------------------------------------------
# Templates.

GENERAL_HINTS = [
    gettext_noop("Isi data mulai baris 2 lembar pertama; jangan ubah judul kolom. Baris kosong dilewati."),
    gettext_noop("Baris yang kuncinya sudah ada di portal akan diperbarui; yang belum ada akan ditambahkan."),
    gettext_noop(
        "Jika ada satu baris saja yang salah, tidak ada data yang disimpan: pratinjau menunjukkan "
        "nomor baris, kolom dan penyebabnya."
    ),
    gettext_noop("Rupiah: Rp 1.250.000, 1.250.000 atau 1250000. Tanggal: 31/12/2025 atau 2025-12-31."),
    gettext_noop("Pilihan boleh ditulis dengan label bahasa Indonesia, label bahasa Inggris, atau kodenya."),
    gettext_noop("Isi nilai, bukan rumus Excel. Simpan sebagai .xlsx, atau CSV (UTF-8)."),
]


def build_template(resource_class: type[SpreadsheetResource]) -> bytes:
    """An xlsx with the data sheet (headers only, first and active) and a hint sheet."""
    columns = resource_class.template_columns()
    spec = resource_class.column_spec()
    required = {name for group in spec.required for name in group}
    hint_rows: list[list[Any]] = [[_(line)] for line in GENERAL_HINTS]
    hint_rows.append([])
    hint_rows.append([_("Kolom"), _("Wajib"), _("Isi yang diterima"), _("Contoh"), _("Keterangan")])
    for column in columns:
        alternatives = next((group for group in spec.required if column.column_name in group and len(group) > 1), None)
        if alternatives:
            mandatory = _("salah satu dari %(columns)s") % {"columns": _quoted(alternatives)}
        else:
            mandatory = _("Ya") if column.column_name in required else _("Tidak")
        widget_note = column.widget.describe() if hasattr(column.widget, "describe") else ""
        hint_rows.append([column.column_name, mandatory, widget_note, column.example, column.help_text])
    hint_rows.append([])
    hint_rows.append(
        [
            _("Batas: %(rows)s baris data dan %(size)s MB per berkas.")
            % {"rows": format_count(max_rows()), "size": format_count(max_bytes() // (1024 * 1024))}
        ]
    )
    text_columns = [index for index, column in enumerate(columns) if getattr(column.widget, "text_column", False)]
    return write_workbook(
        [
            Sheet(
                title=resource_class.sheet_title,
                headers=[c.column_name for c in columns],
                rows=[],
                text_columns=text_columns,
            ),
            Sheet(title=_("Petunjuk"), headers=[_("Petunjuk pengisian")], rows=hint_rows),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Services: preview and confirmation, each recorded.


def outcome_from_result(resource: SpreadsheetResource, result: Result, table: Table) -> ImportOutcome:
    outcome = ImportOutcome(
        total=len(table.dataset),
        new=result.totals[RowResult.IMPORT_TYPE_NEW],
        updated=result.totals[RowResult.IMPORT_TYPE_UPDATE],
        unchanged=result.totals[RowResult.IMPORT_TYPE_SKIP],
        failed=result.totals[RowResult.IMPORT_TYPE_INVALID] + result.totals[RowResult.IMPORT_TYPE_ERROR],
        file_format=table.file_format,
        sheet_name=table.sheet_name,
        encoding=table.encoding,
    )
    if table.ignored_columns:
        outcome.notices.append(
            _("Kolom berikut tidak dikenal dan diabaikan: %(columns)s.") % {"columns": _quoted(table.ignored_columns)}
        )
    for error in result.base_errors:
        outcome.problems.append(Problem(None, None, _unexpected(error.error)))
    for invalid in result.invalid_rows:
        number = resource.sheet_row(invalid.number)
        for key, messages in invalid.error_dict.items():
            column = resource.column_for(key)
            for message in messages:
                outcome.problems.append(Problem(number, column, str(message)))
    for error_row in result.error_rows:
        number = resource.sheet_row(error_row.number)
        for error in error_row.errors:
            if isinstance(error.error, TransactionManagementError):
                continue  # follows an earlier database error, which is reported itself
            outcome.problems.append(Problem(number, None, _unexpected(error.error)))
    outcome.problems.sort(key=lambda problem: problem.row or 0)
    for row_result in result.rows:
        kind = row_result.import_type
        if kind not in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE, RowResult.IMPORT_TYPE_SKIP):
            continue
        listed = outcome.previews.setdefault(kind, [])
        if len(listed) >= PREVIEW_ROWS or row_result.instance is None:
            continue
        changes = resource.describe_changes(row_result.instance) if kind == RowResult.IMPORT_TYPE_UPDATE else []
        listed.append(RowPreview(row_result.number, resource.row_label(row_result.instance), changes))
    return outcome


def _unexpected(error: BaseException) -> str:
    if isinstance(error, ImportFileError):
        return str(error)
    logger.error("unexpected import error", exc_info=error)
    return _("data tidak dapat disimpan (%(error)s). Tidak ada yang diubah; hubungi admin sistem bila berulang.") % {
        "error": f"{type(error).__name__}: {shown(error, 200)}"
    }


def run_import(
    resource_class: type[SpreadsheetResource],
    table: Table,
    *,
    actor,
    file_name: str,
    dry_run: bool,
) -> tuple[ImportOutcome, Result]:
    """Import a read table. Any failing row (or any database error) rolls everything back."""
    resource = resource_class()
    result = resource.import_data(
        table.dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
        user=actor,
        file_name=file_name,
        row_numbers=table.row_numbers,
        retain_instance_in_row_result=True,  # the preview lists rows, the admin log needs them
    )
    return outcome_from_result(resource, result, table), result


def _file_format_of(content: bytes) -> str:
    return "xlsx" if content[:4] == b"PK\x03\x04" else "csv"


def import_preview(
    *, resource_class: type[SpreadsheetResource], content: bytes, file_name: str, actor
) -> tuple[ImportOutcome, ImportRecord]:
    """Read an upload and import it in a transaction that is always rolled back; record what it
    would do. Nothing else is written."""
    try:
        table = read_table(content, file_name, resource_class.column_spec())
        outcome, _result = run_import(resource_class, table, actor=actor, file_name=file_name, dry_run=True)
    except ImportFileError as error:
        outcome = ImportOutcome(problems=[Problem(None, None, str(error))], file_format=_file_format_of(content))
    except Exception as error:  # uploaded input must never end in a server error
        outcome = ImportOutcome(
            problems=[Problem(None, None, _unexpected(error))], file_format=_file_format_of(content)
        )
    record = ImportRecord.objects.create(
        user=actor,
        content_type=ContentType.objects.get_for_model(resource_class._meta.model),
        resource=resource_class.__name__,
        file_name=file_name[:255],
        file_format=outcome.file_format,
        file_size=len(content),
        file_sha256=hashlib.sha256(content).hexdigest(),
        **_counts(outcome),
    )
    return outcome, record


def import_confirm(
    *, record: ImportRecord, resource_class: type[SpreadsheetResource], content: bytes, actor
) -> tuple[ImportOutcome, Result | None]:
    """Import a previewed upload for real. All rows or none: if any row fails now (the data
    changed since the preview), nothing is written and the record stays unconfirmed."""
    with transaction.atomic():
        record = ImportRecord.objects.select_for_update().get(pk=record.pk)
        if record.confirmed:
            raise ImportFileError(_("Impor berkas '%(name)s' sudah dikonfirmasi.") % {"name": record.file_name})
        if hashlib.sha256(content).hexdigest() != record.file_sha256:
            raise ImportFileError(_("Berkas yang disimpan tidak sama dengan yang dipratinjau; unggah ulang."))
        try:
            table = read_table(content, record.file_name, resource_class.column_spec())
            with transaction.atomic():  # a savepoint: an unexpected error undoes the import, not the record
                outcome, result = run_import(
                    resource_class, table, actor=actor, file_name=record.file_name, dry_run=False
                )
        except ImportFileError as error:
            outcome, result = ImportOutcome(problems=[Problem(None, None, str(error))]), None
        except Exception as error:  # uploaded input must never end in a server error
            outcome, result = ImportOutcome(problems=[Problem(None, None, _unexpected(error))]), None
        for name, value in _counts(outcome).items():
            setattr(record, name, value)
        record.stored_file = ""
        if outcome.ok:
            record.confirmed = True
            record.confirmed_at = timezone.now()
        record.save()
    return outcome, result


def _counts(outcome: ImportOutcome) -> dict[str, Any]:
    return {
        "rows_total": outcome.total,
        "rows_new": outcome.new,
        "rows_updated": outcome.updated,
        "rows_unchanged": outcome.unchanged,
        "rows_failed": outcome.failed,
        "problems": "\n".join(outcome.problem_lines()[:RECORDED_PROBLEMS]),
    }
