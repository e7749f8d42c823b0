"""The pieces every open dataset is made of: its columns (with HXL hashtags and a dictionary
entry), the dataset itself (Satu Data metadata and how its rows are read) and absolute links.

A dataset reads its rows either as plain values of a query over ``.iterator()`` (one query
however many rows, flat memory, so a file of any size streams) or, for figures added up per
region, from a function that returns them all (``records``).
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CHUNK_SIZE = 2000


@dataclass(frozen=True)
class Column:
    name: str
    hxl: str
    description: Promise
    type: str = "string"  # string, integer, number, date, datetime


def region_columns() -> list[Column]:
    return [
        Column("adm1_code", "#adm1+code", _("Kemendagri code of the province")),
        Column("adm1_name", "#adm1+name", _("Province")),
        Column("adm2_code", "#adm2+code", _("Kemendagri code of the regency or city")),
        Column("adm2_name", "#adm2+name", _("Regency or city")),
        Column("adm3_code", "#adm3+code", _("Kemendagri code of the kecamatan (district)")),
        Column("adm3_name", "#adm3+name", _("Kecamatan (district)")),
        Column("region_code", "#loc+code", _("Kemendagri code of the exact region (kecamatan or village)")),
    ]


def tag_columns() -> list[Column]:
    """The SDG (TPB) goals and TJSL pillars a program serves: lists in JSON, joined by
    semicolons in CSV."""
    return [
        Column("sdg_goals", "#sector+sdg", _("SDG (TPB) goals the program serves: numbers 1 to 17, separated by ;")),
        Column(
            "tjsl_pillars",
            "#sector+tjsl",
            _("TJSL pillars of a state-owned company's program (economic, social, environment, law_governance)"),
        ),
    ]


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Promise
    description: Promise
    frequency: Promise
    # ISO 8601 repeating duration of the update frequency, for DCAT's accrualPeriodicity.
    periodicity: str
    columns: list[Column]
    queryset: Callable[..., QuerySet] | None = None
    value_fields: tuple[str, ...] = ()
    # row(values, links, lookups): one record of the file from one ``.values()`` row.
    row: Callable[..., dict[str, Any]] | None = None
    keywords: tuple[str, ...] = ()
    filters: tuple[str, ...] = ("region",)
    # lookups(queryset): what the rows of that query look up besides their own values (one query,
    # e.g. the SDG goals of their programs), handed to ``row`` as ``lookups``.
    lookups: Callable[[QuerySet], Any] | None = None
    # records(links, **filters): every record at once, for figures added up per region.
    records: Callable[..., list[dict[str, Any]]] | None = None

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def page(self, links: "Links", *, offset: int, limit: int, **filters) -> list[dict[str, Any]]:
        """Rows ``offset`` to ``offset + limit`` and one more (which tells whether a next page
        exists, without counting): one query (and one for ``lookups``)."""
        if self.records is not None:
            return self.records(links, **filters)[offset : offset + limit + 1]
        queryset = self.queryset(**filters)
        lookups = self.lookups(queryset) if self.lookups else None
        values = queryset.values(*self.value_fields)[offset : offset + limit + 1]
        return [self.row(item, links, lookups) for item in values]

    def rows(self, links: "Links", **filters) -> Iterator[dict[str, Any]]:
        if self.records is not None:
            yield from self.records(links, **filters)
            return
        queryset = self.queryset(**filters)
        lookups = self.lookups(queryset) if self.lookups else None
        for item in queryset.values(*self.value_fields).iterator(chunk_size=CHUNK_SIZE):
            yield self.row(item, links, lookups)


class Links:
    """Absolute URLs of needs and facilities without a ``reverse()`` per row."""

    def __init__(self, base: str):
        marker = "0123456789"
        need = base + reverse("facilities:need_detail", kwargs={"pk": marker})
        facility = base + reverse("facilities:facility_detail", kwargs={"slug": marker})
        self._need = need.split(marker)
        self._facility = facility.split(marker)

    def need(self, pk: int) -> str:
        return f"{self._need[0]}{pk}{self._need[1]}"

    def facility(self, slug: str) -> str:
        return f"{self._facility[0]}{slug}{self._facility[1]}"


def iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None
