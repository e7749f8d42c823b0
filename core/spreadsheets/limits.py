"""The limits of one uploaded spreadsheet, and the error that refuses a whole file.

Settings may override the limits (``IMPORT_MAX_BYTES``, ``IMPORT_MAX_ROWS``,
``IMPORT_MAX_UNZIPPED_BYTES``); see docs/decisions.md, "Spreadsheets".
"""

from django.conf import settings

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
