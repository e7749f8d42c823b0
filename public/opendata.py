"""Open data: the public needs as CSV (streamed, every matching row) and JSON (in pages).

Both take the filters of the listing. Rows are read as plain values from a cursor
(``.iterator(chunk_size=...)``: a server-side cursor on PostgreSQL), in chunks, and the CSV is
written out in batches of lines, so the memory and the number of queries stay flat however
many needs match.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

# Column name -> the value it reads (a Need field path, or a name computed in ``_row``).
VALUE_FIELDS = (
    "id",
    "title",
    "status",
    "facility__name",
    "facility__slug",
    "facility__facility_type",
    "facility__region_id",
    "facility__region__name",
    "facility__region__parent__name",
    "facility__region__parent__parent__name",
    "field_id",
    "kind",
    "quantity",
    "unit",
    "quantity_pending",
    "quantity_covered",
    "quantity_delivered",
    "unit_cost",
    "priority",
    "needed_by",
    "beneficiaries",
    "created_at",
)
COLUMNS = (
    "id",
    "url",
    "title",
    "status",
    "facility",
    "facility_url",
    "facility_type",
    "region_code",
    "region",
    "field",
    "kind",
    "quantity",
    "unit",
    "quantity_pending",
    "quantity_covered",
    "quantity_delivered",
    "quantity_remaining",
    "unit_cost",
    "estimated_value",
    "remaining_value",
    "priority",
    "needed_by",
    "beneficiaries",
    "created_at",
)
CHUNK_SIZE = 2000  # rows fetched from the database cursor at a time
LINES_PER_WRITE = 500  # CSV lines handed to the server at a time
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class UrlBuilder:
    """Absolute URLs of needs and facilities without a ``reverse()`` per row."""

    def __init__(self, base: str):
        marker = "0123456789"
        self.need_prefix, self.need_suffix = (base + reverse("facilities:need_detail", kwargs={"pk": marker})).split(
            marker
        )
        self.facility_prefix, self.facility_suffix = (
            base + reverse("facilities:facility_detail", kwargs={"slug": marker})
        ).split(marker)

    def need(self, pk: int) -> str:
        return f"{self.need_prefix}{pk}{self.need_suffix}"

    def facility(self, slug: str) -> str:
        return f"{self.facility_prefix}{slug}{self.facility_suffix}"


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _row(values: dict[str, Any], urls: UrlBuilder) -> dict[str, Any]:
    remaining = values["quantity"] - values["quantity_pending"] - values["quantity_covered"]
    region_names = [
        values["facility__region__name"],
        values["facility__region__parent__name"],
        values["facility__region__parent__parent__name"],
    ]
    return {
        "id": values["id"],
        "url": urls.need(values["id"]),
        "title": values["title"],
        "status": values["status"],
        "facility": values["facility__name"],
        "facility_url": urls.facility(values["facility__slug"]),
        "facility_type": values["facility__facility_type"],
        "region_code": values["facility__region_id"],
        "region": ", ".join(name for name in region_names if name),
        "field": values["field_id"],
        "kind": values["kind"],
        "quantity": values["quantity"],
        "unit": values["unit"],
        "quantity_pending": values["quantity_pending"],
        "quantity_covered": values["quantity_covered"],
        "quantity_delivered": values["quantity_delivered"],
        "quantity_remaining": remaining,
        "unit_cost": values["unit_cost"],
        "estimated_value": values["quantity"] * values["unit_cost"],
        "remaining_value": remaining * values["unit_cost"],
        "priority": values["priority"],
        "needed_by": _iso(values["needed_by"]),
        "beneficiaries": values["beneficiaries"],
        "created_at": _iso(values["created_at"]),
    }


def rows(needs: QuerySet, urls: UrlBuilder, *, chunked: bool = True) -> Iterator[dict[str, Any]]:
    values = needs.values(*VALUE_FIELDS)
    source: Iterable[dict[str, Any]] = values.iterator(chunk_size=CHUNK_SIZE) if chunked else values
    for item in source:
        yield _row(item, urls)


def csv_safe(value: Any) -> Any:
    """Neutralise a text cell that a spreadsheet would run as a formula: prefix a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_lines(records: Iterable[dict[str, Any]], *, batch: int | None = None) -> Iterator[str]:
    """The header, then one line per record, handed to the server ``batch`` lines at a time
    (one write to the socket per batch, not per line); the byte order mark first, so that
    Excel reads the file as UTF-8 (as the admin's exports do)."""
    batch = batch or LINES_PER_WRITE
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    for count, record in enumerate(records, 1):
        writer.writerow([csv_safe("" if record[name] is None else record[name]) for name in COLUMNS])
        if count % batch == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
