"""Cell values: formulas and their escaping, blanks, natural keys and how a value is quoted in
a message. Shared by reading, writing, the widgets and the resources."""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


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


class ColumnError(ValueError):
    """A cell's problem that belongs to another column than the one being read: the need's
    facility looked for by the name the clerk wrote in 'Nama Panti' because 'Kode Panti' is
    empty. The report names ``column``."""

    def __init__(self, message: str, *, column: str):
        super().__init__(message)
        self.column = column


def normalize_header(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()).casefold()


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# The cell that clears an optional value: in an update row a blank cell keeps what is stored.
CLEAR_MARKER = "-"


def is_clear_marker(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == CLEAR_MARKER


def quoted(names: Iterable[str]) -> str:
    """``['Jumlah', 'Satuan']`` → ``'Jumlah', 'Satuan'``, for messages."""
    return ", ".join(f"'{name}'" for name in names)


# Spaces people and spreadsheets put inside numbers and codes (no-break and narrow no-break too).
SPACES = re.compile(r"[\s\u00a0\u202f]+")


# Cell values of yes/no columns: part of the file format, the same whatever the page language.
YES, NO = "Ya", "Tidak"


def text_of(value: Any) -> str:
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
    text = text_of(value).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def norm_key(value: str) -> str:
    """How natural keys written by people are compared: spaces collapsed, case ignored."""
    return " ".join(value.split()).casefold()


_NOT_ALNUM = re.compile(r"[\W_]+")


def loose_key(value: str) -> str:
    """How names of registries are matched: case, spaces and punctuation ignored, so that
    ``PSBR Taruna Jaya-1`` and ``psbr tarunajaya 1`` are the same name."""
    return _NOT_ALNUM.sub("", value.casefold())


def chunks(values: Iterable[Any], size: int = 500) -> Iterator[list[Any]]:
    """Batches of ``size`` values: ``IN (...)`` lists that every database accepts."""
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
