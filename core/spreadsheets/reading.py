"""Reading an upload safely into a dataset with the sheet's own row numbers.

* The format comes from the content (an xlsx is a zip), not from the name; Excel 97-2003 files
  are refused with a message saying how to save them.
* xlsx after a check of the unzipped size, through python-calamine, or openpyxl's read-only
  mode with defusedxml where calamine cannot be given the file (:mod:`.xlsx_sheets`); formula
  cells are kept as :class:`~core.spreadsheets.cells.FormulaCell` for the widgets to report.
* CSV in UTF-8 (with or without BOM), UTF-16, cp1252 or latin-1, with ``,``, ``;`` or tab
  between columns (or Excel's ``sep=`` line).
* The header row is found among the first :data:`~core.spreadsheets.limits.HEADER_SEARCH_ROWS`
  rows of whichever sheet holds the expected columns, in the same single pass as the data.
* Blank rows are skipped; more than the row limit refuses the file.
"""

import codecs
import csv
import io
import itertools
import logging
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import openpyxl
import tablib
from django.utils.translation import gettext as _

from core.spreadsheets.cells import FormulaCell, is_blank, normalize_header, quoted, unescape_formula
from core.spreadsheets.limits import HEADER_SEARCH_ROWS, ImportFileError, format_count, max_rows, max_unzipped_bytes
from core.spreadsheets.xlsx_sheets import xlsx_sheets

logger = logging.getLogger(__name__)


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


def _read_xlsx(content: bytes, file_name: str, spec: ColumnSpec, row_limit: int) -> Table:
    if not openpyxl.DEFUSEDXML:
        # openpyxl parses with defusedxml when it is installed (it is pinned in requirements.txt);
        # without it an xlsx could carry an XML bomb, so refuse rather than parse unsafely.
        logger.error("defusedxml is not available to openpyxl: xlsx imports are refused")
        raise ImportFileError(_("Server belum siap membaca berkas xlsx dengan aman. Hubungi admin sistem."))
    _check_zip(content, file_name)
    searched: list[tuple[str, list[str]]] = []
    has_content = False
    try:
        with xlsx_sheets(content) as sheets:
            for sheet in sheets:
                # One pass over the sheet: the first rows for the header, then the rest.
                head_cells = list(itertools.islice(sheet.rows, HEADER_SEARCH_ROWS))
                head = [(number, [sheet.value(cell) for cell in cells]) for number, cells in head_cells]
                if any(not is_blank(value) for _number, values in head for value in values):
                    has_content = True
                found = _find_header(head, spec)
                if isinstance(found, list):
                    searched.append((sheet.title, found))
                    continue
                header_number, mapping, ignored = found
                after_header = [(number, cells) for number, cells in head_cells if number > header_number]
                dataset, row_numbers = _collect_rows(
                    itertools.chain(after_header, sheet.rows), mapping, row_limit, convert=sheet.value
                )
                return Table(dataset, row_numbers, "xlsx", sheet_name=sheet.title, ignored_columns=ignored)
    except ImportFileError:
        raise
    except Exception as error:  # a damaged zip or sheet, an XML bomb stopped by defusedxml, ...
        logger.info("unreadable xlsx %r: %r", file_name, error)
        raise ImportFileError(_(_NOT_XLSX) % {"name": file_name}) from error
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
                    % {"columns": quoted(duplicates), "row": number}
                )
            return number, mapping, ignored
        if best_missing is None or len(missing) < len(best_missing):
            best_missing = missing
    return best_missing if best_missing is not None else [group[0] for group in spec.required]


def _missing_columns_message(searched: list[tuple[str, list[str]]]) -> str:
    if not searched:
        return _("Berkas tidak berisi lembar kerja (sheet) apa pun.")
    if len(searched) == 1:
        sheet, missing = searched[0]
        if sheet:
            return _(
                "Kolom wajib tidak ditemukan di lembar '%(sheet)s': %(columns)s. Baris judul harus ada di "
                "%(rows)s baris pertama; unduh templat dari halaman admin untuk melihat kolom yang benar."
            ) % {"sheet": sheet, "columns": quoted(missing), "rows": HEADER_SEARCH_ROWS}
        return _(
            "Kolom wajib tidak ditemukan: %(columns)s. Baris judul harus ada di %(rows)s baris pertama; "
            "unduh templat dari halaman admin untuk melihat kolom yang benar."
        ) % {"columns": quoted(missing), "rows": HEADER_SEARCH_ROWS}
    details = "; ".join(
        _("lembar '%(sheet)s' tidak punya %(columns)s") % {"sheet": sheet, "columns": quoted(missing)}
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
