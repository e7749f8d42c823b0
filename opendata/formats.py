"""Writing a dataset's rows as CSV, HXL CSV (the HXL hashtags as the second row) and JSON, one
piece at a time, for a streamed response."""

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from opendata.datasets import Dataset

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Neutralise a text cell that a spreadsheet would run as a formula: prefix a quote."""
    if value is None:
        return ""
    if isinstance(value, list):
        # A list (the SDG goals of a program): its items joined by semicolons; a list in JSON.
        return ";".join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose ``write`` hands back the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def csv_lines(dataset: Dataset, records: Iterable[dict[str, Any]], *, hxl: bool = False) -> Iterator[str]:
    """The header (and, for HXL, the hashtag row), then one line per record; the byte order mark
    first, so that Excel reads the file as UTF-8 (as the site's other CSV files do)."""
    writer = csv.writer(_Echo())
    names = dataset.column_names
    yield "\ufeff" + writer.writerow(names)
    if hxl:
        yield writer.writerow([column.hxl for column in dataset.columns])
    for record in records:
        yield writer.writerow([csv_safe(record[name]) for name in names])


def json_pieces(head: dict[str, Any], records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """``head``'s keys, then ``"data": [...]`` with one record per piece: valid JSON once joined."""
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    opening = encoder.encode(head)
    yield opening[:-1] + (', "data": [' if head else '"data": [')
    for index, record in enumerate(records):
        yield ("," if index else "") + "\n" + encoder.encode(record)
    yield "\n]}\n"


def dumps(value: Any) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
