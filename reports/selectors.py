"""Reads behind the reports: CSR pledged and delivered beside poverty, by region, field,
facility and company; the gap ranking; reporting discipline; the Forum TSLP annual report.

The definitions are in docs/decisions.md ("Reports"). In short:

* pledged: the value of pledges in a covering state (accepted, approved, delivered, verified)
  made (``created_at``) in the period; cancelled, declined, rejected, lapsed pledges and
  proposals or offers still waiting for an answer are not counted;
* delivered: the value of verified delivery reports dated (``delivered_on``) in the period;
  reports awaiting verification are shown apart, rejected reports never count;
* a pledge or delivery counts in the region of its need's facility, and in every region above;
* poor households: the latest figure of a year up to the period's year; a region without its
  own figure sums those of its children, marked partial when some are missing, and stays
  unknown (never zero) when none has one.

Every sum is computed by the database: pledges and deliveries are each read once per page and
summed per facility and per field (``activity``); Python adds those rows, at most one per
facility, up the region tree and sorts them. Each function issues a fixed number of queries,
whatever the size of the data (see docs/performance.md, "Reports dashboard").
"""

from __future__ import annotations

import calendar
import datetime
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.models import CsrField
from facilities.models import Facility, Need
from matching.models import COVERING_STATES, DELIVERABLE_STATES, DeliveryReport, DeliveryStatus, Pledge, PledgeStatus
from partners.models import Company
from programs.models import Program, ProgramForm, ProgramStatus
from regions.models import PovertyFigure, PovertySource, Region, RegionLevel
from reports.models import Reminder

# Length of a Kemendagri code at each level: "62", "62.11", "62.11.01".
CODE_LENGTH = {RegionLevel.PROVINCE: 2, RegionLevel.REGENCY: 5, RegionLevel.DISTRICT: 8}
DISTRICT_CODE_LENGTH = CODE_LENGTH[RegionLevel.DISTRICT]

COMPLETE, PARTIAL, UNKNOWN = "complete", "partial", "unknown"

# When one region has figures of several sources for the same year, the newest national data
# set wins: DTSEN (which replaces DTKS), then DTKS, then BPS.
SOURCE_RANK = Case(
    When(source=PovertySource.DTSEN, then=Value(0)),
    When(source=PovertySource.DTKS, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)

# A district is a "wide gap" for the suggestions when it has at least this many poor households
# and its rupiah delivered per poor household is in the lowest third of the districts that do.
GAP_MIN_HOUSEHOLDS = 100
GAP_MIN_DISTRICTS = 3

COUNTED_DELIVERY_STATES = (DeliveryStatus.SUBMITTED, DeliveryStatus.VERIFIED)
DELIVERED_PLEDGE_STATES = (PledgeStatus.DELIVERED, PledgeStatus.VERIFIED)


def _zero_sum(expression, **kwargs):
    """A sum that is 0 rather than NULL, and an integer: PostgreSQL sums bigints as numeric,
    which Python would receive as slower Decimals."""
    return Coalesce(Cast(Sum(expression, **kwargs), BigIntegerField()), Value(0), output_field=BigIntegerField())


# --- period ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A year, a quarter of a year, or all time (``year`` None)."""

    year: int | None = None
    quarter: int | None = None

    def __post_init__(self):
        if self.quarter is not None and (self.year is None or not 1 <= self.quarter <= 4):
            raise ValueError("A quarter needs a year and lies between 1 and 4.")

    @property
    def start(self) -> datetime.date | None:
        if self.year is None:
            return None
        return datetime.date(self.year, 3 * (self.quarter - 1) + 1 if self.quarter else 1, 1)

    @property
    def end(self) -> datetime.date | None:
        """The last day of the period."""
        if self.year is None:
            return None
        month = 3 * self.quarter if self.quarter else 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def label(self) -> str:
        if self.year is None:
            return _("All years")
        if self.quarter:
            return _("Q%(quarter)s %(year)s") % {"quarter": self.quarter, "year": self.year}
        return str(self.year)

    def dates(self, path: str) -> Q:
        """Dates (``delivered_on``) within the period."""
        if self.year is None:
            return Q()
        return Q(**{f"{path}__gte": self.start, f"{path}__lte": self.end})

    def moments(self, path: str) -> Q:
        """Timestamps (``created_at``) within the period, in the portal's time zone."""
        if self.year is None:
            return Q()
        start = timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))
        end = timezone.make_aware(datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min))
        return Q(**{f"{path}__gte": start, f"{path}__lt": end})


# --- the rows counted ------------------------------------------------------------------------


def within(code: str, path: str) -> Q:
    """Rows whose region (at ``path``) is ``code`` or lies below it; everything for ``""``."""
    if not code:
        return Q()
    return Q(**{path: code}) | Q(**{f"{path}__startswith": f"{code}."})


def pledges_counted(period: Period, scope_code: str = "") -> QuerySet[Pledge]:
    """Pledges that count as pledged in the period (see the module docstring)."""
    return (
        Pledge.objects.filter(status__in=COVERING_STATES)
        .filter(period.moments("created_at"))
        .filter(within(scope_code, "need__facility__region__code"))
        .order_by()
    )


def deliveries_counted(period: Period, scope_code: str = "") -> QuerySet[DeliveryReport]:
    """Delivery reports that count: verified or awaiting verification, dated in the period, of a
    pledge that still covers its need."""
    return (
        DeliveryReport.objects.filter(status__in=COUNTED_DELIVERY_STATES, pledge__status__in=COVERING_STATES)
        .filter(period.dates("delivered_on"))
        .filter(within(scope_code, "pledge__need__facility__region__code"))
        .order_by()
    )


def open_needs(scope_code: str = "", *, public: bool) -> QuerySet[Need]:
    """Open needs today (not tied to the period): the public ones on the public page."""
    needs = Need.objects.public().open() if public else Need.objects.open()
    return needs.filter(within(scope_code, "facility__region__code")).order_by()


# On time: delivered no later than the pledge's expected date; a pledge without an expected date
# is on time whenever it is reported.
ON_TIME = Q(pledge__expected_delivery_date__isnull=True) | Q(delivered_on__lte=F("pledge__expected_delivery_date"))

PLEDGE_SUMS = {"pledged": _zero_sum("value"), "pledges": Count("pk")}
DELIVERY_SUMS = {
    "delivered": _zero_sum("value", filter=Q(status=DeliveryStatus.VERIFIED)),
    "awaiting": _zero_sum("value", filter=Q(status=DeliveryStatus.SUBMITTED)),
    "beneficiaries": _zero_sum("beneficiaries_reached", filter=Q(status=DeliveryStatus.VERIFIED)),
    "reports": Count("pk"),
    "on_time": Count("pk", filter=ON_TIME),
}
NEED_SUMS = {
    "open_needs": Count("pk"),
    "open_value": _zero_sum((F("quantity") - F("quantity_pending") - F("quantity_covered")) * F("unit_cost")),
}


@dataclass(slots=True)
class Figures:
    """The money and counts of one row of a report."""

    pledged: int = 0
    pledges: int = 0
    delivered: int = 0
    awaiting: int = 0
    beneficiaries: int = 0
    reports: int = 0
    on_time: int = 0
    open_needs: int = 0
    open_value: int = 0
    overdue: int = 0

    def add(self, values: dict) -> None:
        """Add the figures found in a ``values()`` row (other keys are ignored)."""
        for name in FIGURE_NAMES:
            if name in values:
                setattr(self, name, getattr(self, name) + (values[name] or 0))

    def add_values(self, names: tuple[str, ...], values) -> None:
        for name, value in zip(names, values, strict=True):
            setattr(self, name, getattr(self, name) + value)

    def merge(self, other: Figures) -> None:
        # Spelled out: this runs once per facility and district of the country on a large report.
        self.pledged += other.pledged
        self.pledges += other.pledges
        self.delivered += other.delivered
        self.awaiting += other.awaiting
        self.beneficiaries += other.beneficiaries
        self.reports += other.reports
        self.on_time += other.on_time
        self.open_needs += other.open_needs
        self.open_value += other.open_value
        self.overdue += other.overdue

    @property
    def on_time_percent(self) -> int | None:
        """Share of delivery reports on time, or None when nothing was reported."""
        return round(100 * self.on_time / self.reports) if self.reports else None


FIGURE_NAMES = tuple(Figures.__dataclass_fields__)  # in the order of Figures(*values)


@dataclass
class Activity:
    """Pledged and delivered in a period per facility and per field, with each facility's region
    and whether it is published: what the region table, the gap, the field table and the
    facility list all add up, so that each large table is read once per page."""

    per_facility: dict[int, Figures]
    per_field: dict[str, Figures]
    facilities: dict[int, tuple[str, bool]]

    def per_district(self) -> dict[str, Figures]:
        """Per district code, or a shorter code for facilities recorded above a district."""
        result: dict[str, Figures] = defaultdict(Figures)
        for facility_id, figures in self.per_facility.items():
            region, _published = self.facilities.get(facility_id, ("", False))
            result[region[:DISTRICT_CODE_LENGTH]].merge(figures)
        return result


# Per-row columns of the counted pledges and deliveries, summed per facility and per field by
# ``_sum_per_facility_and_field``: (name, SQL aggregate over the rows ``t``).
PLEDGE_ROW_SUMS = {"pledged": "CAST(SUM(t.pledged) AS BIGINT)", "pledges": "COUNT(*)"}
DELIVERY_ROW_SUMS = {
    "delivered": "CAST(SUM(t.delivered) AS BIGINT)",
    "awaiting": "CAST(SUM(t.awaiting) AS BIGINT)",
    "beneficiaries": "CAST(SUM(t.beneficiaries) AS BIGINT)",
    "reports": "COUNT(*)",
    "on_time": "CAST(SUM(t.on_time) AS BIGINT)",
}


def _sum_per_facility_and_field(rows: QuerySet, sums: dict[str, str]) -> list[tuple]:
    """Sum the rows of ``rows`` (a ``values()`` query with ``facility``, ``field`` and the
    columns summed) per facility and per field, in one query: ``GROUPING SETS`` on PostgreSQL
    (one pass over the rows), two ``GROUP BY`` over the same rows elsewhere (SQLite). Returns
    ``(facility_id, field_id, *sums)`` with one of the two ids set. The row set is the ORM's
    own SQL; only this grouping is written by hand, from the constants above."""
    try:
        inner, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return []
    connection = connections[rows.db]
    columns = ", ".join(sums.values())
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT t.facility, t.field, {columns} FROM ({inner}) t "  # noqa: S608 (constants and ORM SQL only)
            "GROUP BY GROUPING SETS ((t.facility), (t.field))"
        )
    else:
        sql = (
            f"SELECT t.facility, NULL, {columns} FROM ({inner}) t GROUP BY t.facility "  # noqa: S608
            f"UNION ALL SELECT NULL, t.field, {columns} FROM ({inner}) t GROUP BY t.field"
        )
        params = (*params, *params)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def activity(period: Period, scope_code: str = "", *, company_ids: list[int] | None = None) -> Activity:
    """Three queries: pledges and deliveries summed by the database per facility and per field,
    and the region of each facility in scope."""
    pledges, deliveries = pledges_counted(period, scope_code), deliveries_counted(period, scope_code)
    if company_ids is not None:
        pledges = pledges.filter(company_id__in=company_ids)
        deliveries = deliveries.filter(pledge__company_id__in=company_ids)
    zero = Value(0)
    verified, submitted = Q(status=DeliveryStatus.VERIFIED), Q(status=DeliveryStatus.SUBMITTED)
    counted = (
        (
            pledges.values(facility=F("need__facility_id"), field=F("need__field_id"), pledged=F("value")),
            PLEDGE_ROW_SUMS,
        ),
        (
            deliveries.values(
                facility=F("pledge__need__facility_id"),
                field=F("pledge__need__field_id"),
                delivered=Case(When(verified, then=F("value")), default=zero),
                awaiting=Case(When(submitted, then=F("value")), default=zero),
                beneficiaries=Case(When(verified, then=F("beneficiaries_reached")), default=zero),
                on_time=Case(When(ON_TIME, then=Value(1)), default=zero),
            ),
            DELIVERY_ROW_SUMS,
        ),
    )
    per_facility: dict[int, Figures] = defaultdict(Figures)
    per_field: dict[str, Figures] = defaultdict(Figures)
    for rows, sums in counted:
        names = tuple(sums)
        for facility_id, field_id, *values in _sum_per_facility_and_field(rows.order_by(), sums):
            target = per_facility[facility_id] if field_id is None else per_field[field_id]
            target.add_values(names, values)
    facilities = {
        pk: (region, published)
        for pk, region, published in Facility.objects.filter(within(scope_code, "region__code"))
        .values_list("pk", "region_id", "is_published")
        .order_by()
    }
    return Activity(dict(per_facility), dict(per_field), facilities)


# --- poor households -------------------------------------------------------------------------


@dataclass(frozen=True)
class Households:
    """Poor households of a region: a number with how complete it is, or unknown."""

    value: int | None = None
    status: str = UNKNOWN
    first_year: int | None = None
    last_year: int | None = None
    known_parts: int = 0
    parts: int = 0

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def complete(self) -> bool:
        return self.status == COMPLETE

    @property
    def partial(self) -> bool:
        return self.status == PARTIAL

    @property
    def years(self) -> str:
        if self.first_year is None:
            return ""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"

    def per(self, rupiah: int) -> int | None:
        """Rupiah per poor household; None unless the household count is complete and above zero
        (a partial count would overstate it)."""
        if not self.complete or not self.value:
            return None
        return round(rupiah / self.value)


UNKNOWN_HOUSEHOLDS = Households()


def latest_figures(year: int | None) -> QuerySet[PovertyFigure]:
    """The figures of ``OuterRef("pk")`` (a region), latest first, of a year up to ``year``."""
    figures = PovertyFigure.objects.filter(region=OuterRef("pk"))
    if year is not None:
        figures = figures.filter(year__lte=year)
    return figures.annotate(rank=SOURCE_RANK).order_by("-year", "rank")


def own_figures(year: int | None, scope_code: str = "", *, levels: Iterable[int] = (1, 2, 3), min_households=None):
    """``{code: (name, level, poor households, year)}`` of the regions in scope that have a figure
    of their own (at least ``min_households``, when given): one query, the latest figure picked
    by the database."""
    latest = latest_figures(year)
    rows = (
        Region.objects.filter(level__in=list(levels))
        .filter(within(scope_code, "code"))
        .annotate(
            households=Subquery(latest.values("poor_households")[:1]),
            figure_year=Subquery(latest.values("year")[:1]),
        )
        .filter(households__gte=min_households or 0)
        .values_list("code", "name", "level", "households", "figure_year")
        .order_by()
    )
    return {code: (name, level, households, figure_year) for code, name, level, households, figure_year in rows}


def _children_counts(scope_code: str) -> dict[str, int]:
    """How many regencies each province has, and districts each regency: one query."""
    rows = (
        Region.objects.filter(level__in=[RegionLevel.REGENCY, RegionLevel.DISTRICT])
        .filter(within(scope_code, "code") if scope_code else Q())
        .values("parent_id")
        .annotate(n=Count("pk"))
        .values_list("parent_id", "n")
        .order_by()
    )
    return dict(rows)


class HouseholdTree:
    """Effective poor households of any region in scope, rolled up from the own figures."""

    def __init__(self, figures: dict, children_counts: dict[str, int]):
        self.figures = figures
        self.children_counts = children_counts
        self.cache: dict[str, Households] = {}
        # Which codes below each region have figures, one level down at a time.
        self.children_with_data: dict[str, set[str]] = defaultdict(set)
        for code in figures:
            parts = code.split(".")
            for depth in range(1, len(parts)):
                self.children_with_data[".".join(parts[:depth])].add(".".join(parts[: depth + 1]))

    def of(self, code: str) -> Households:
        if code not in self.cache:
            self.cache[code] = self._compute(code)
        return self.cache[code]

    def _compute(self, code: str) -> Households:
        own = self.figures.get(code)
        if own is not None:
            return Households(own[2], COMPLETE, own[3], own[3], 1, 1)
        if code.count(".") >= 2:  # districts: villages are never summed
            return UNKNOWN_HOUSEHOLDS
        parts = [self.of(child) for child in sorted(self.children_with_data.get(code, ()))]
        return self.combine(parts, self.children_counts.get(code, 0))

    @staticmethod
    def combine(parts: list[Households], expected: int) -> Households:
        known = [part for part in parts if part.known]
        if not known:
            return UNKNOWN_HOUSEHOLDS
        complete = len(known) == expected and all(part.complete for part in known)
        return Households(
            sum(part.value for part in known),
            COMPLETE if complete else PARTIAL,
            min(part.first_year for part in known),
            max(part.last_year for part in known),
            len(known),
            expected,
        )


# --- regions ---------------------------------------------------------------------------------


@dataclass
class RegionRow:
    code: str
    name: str
    level: int
    households: Households = UNKNOWN_HOUSEHOLDS
    figures: Figures = field(default_factory=Figures)

    @property
    def pledged_per_household(self) -> int | None:
        return self.households.per(self.figures.pledged)

    @property
    def delivered_per_household(self) -> int | None:
        return self.households.per(self.figures.delivered)


@dataclass
class GapRow:
    rank: int
    code: str
    name: str
    households: int
    figure_year: int
    pledged: int
    delivered: int

    @property
    def delivered_per_household(self) -> int:
        return round(self.delivered / self.households)


@dataclass
class RegionReport:
    scope: Region | None
    total: RegionRow
    rows: list[RegionRow]
    unplaced: RegionRow | None  # needs of facilities recorded above the level shown
    gap: list[GapRow]
    gap_ranked: int  # districts with figures, of which ``gap`` shows the widest


def figures_by_district(period: Period, scope_code: str, *, public: bool, data: Activity | None = None):
    """Figures per district code (or a shorter code, for facilities recorded above a district):
    the activity added up, and one grouped query for the needs open today."""
    data = data or activity(period, scope_code)
    result = data.per_district()
    needs = open_needs(scope_code, public=public).values_list("facility_id").annotate(**NEED_SUMS).order_by()
    for facility_id, *values in needs:
        region, _published = data.facilities.get(facility_id, ("", False))
        result[region[:DISTRICT_CODE_LENGTH]].add_values(tuple(NEED_SUMS), values)
    return result


def region_report(
    period: Period,
    scope: Region | None,
    *,
    public: bool,
    gap_limit: int = 10,
    data: Activity | None = None,
) -> RegionReport:
    """The region table (the children of ``scope``, or the provinces) with poor households
    beside rupiah pledged and delivered, and the districts with the widest gap.

    Four queries (five with a scope above district level), and the three of ``activity``
    unless ``data`` is given."""
    scope_code = scope.code if scope else ""
    if scope is None:
        shown = list(Region.objects.provinces().values_list("code", "name", "level"))
    elif scope.level < RegionLevel.DISTRICT:
        shown = list(Region.objects.filter(parent=scope).order_by("code").values_list("code", "name", "level"))
    else:
        shown = [(scope.code, scope.name, scope.level)]
    figures = own_figures(period.year, scope_code)
    tree = HouseholdTree(figures, _children_counts(scope_code))
    by_district = figures_by_district(period, scope_code, public=public, data=data)

    rows = {code: RegionRow(code, name, level, tree.of(code)) for code, name, level in shown}
    child_length = len(shown[0][0]) if shown else DISTRICT_CODE_LENGTH
    unplaced = RegionRow(scope_code, scope.name if scope else "", scope.level if scope else 0)
    total = RegionRow(scope_code, scope.name if scope else _("All provinces"), scope.level if scope else 0)
    for key, values in by_district.items():
        row = rows.get(key[:child_length]) if len(key) >= child_length else None
        (row or unplaced).figures.merge(values)
    for row in (*rows.values(), unplaced):
        total.figures.merge(row.figures)
    if scope is not None:
        total.households = tree.of(scope.code)
    else:
        total.households = HouseholdTree.combine([row.households for row in rows.values()], len(rows))

    # Districts with figures, least delivered per poor household first (ties: more households).
    empty = Figures()
    ranked = [
        (by_district.get(code, empty).delivered / households, -households, code, name, households, year)
        for code, (name, level, households, year) in figures.items()
        if level == RegionLevel.DISTRICT and households
    ]
    gap = []
    for rank, (_ratio, _minus, code, name, households, year) in enumerate(heapq.nsmallest(gap_limit, ranked), 1):
        values = by_district.get(code, empty)
        gap.append(GapRow(rank, code, name, households, year, values.pledged, values.delivered))
    has_unplaced = any(getattr(unplaced.figures, name) for name in ("pledges", "reports", "open_needs"))
    return RegionReport(scope, total, list(rows.values()), unplaced if has_unplaced else None, gap, len(ranked))


def wide_gap_districts() -> dict[str, str]:
    """``{district code: name}`` of the districts where CSR lags furthest behind poverty, for
    the suggestions: at least GAP_MIN_HOUSEHOLDS poor households (latest figure) and rupiah
    delivered per poor household, over all time, in the lowest third of those districts (ties
    included). Empty below GAP_MIN_DISTRICTS such districts: a ranking of one or two says
    nothing. Always two queries, both aggregated by the database."""
    figures = own_figures(None, levels=[RegionLevel.DISTRICT], min_households=GAP_MIN_HOUSEHOLDS)
    # Delivered over all time, from the needs' counters (verified quantity × unit cost, as the
    # home page counts it): the same as the verified reports' value unless a partner reported
    # another value, and a tenth of the work, which matters on every suggestions page.
    delivered = dict(
        Need.objects.filter(quantity_delivered__gt=0)
        .annotate(key=Substr("facility__region_id", 1, DISTRICT_CODE_LENGTH))
        .values("key")
        .annotate(total=_zero_sum(F("quantity_delivered") * F("unit_cost")))
        .values_list("key", "total")
        .order_by()
    )
    if len(figures) < GAP_MIN_DISTRICTS:
        return {}
    ratios = {code: (delivered.get(code) or 0) / row[2] for code, row in figures.items()}
    cutoff = sorted(ratios.values())[math.ceil(len(ratios) / 3) - 1]
    return {code: figures[code][0] for code, ratio in ratios.items() if ratio <= cutoff}


def annotate_need_gap(needs: QuerySet[Need]) -> QuerySet[Need]:
    """Needs with ``in_gap`` (their facility lies in a wide-gap district, see
    ``wide_gap_districts``) and ``gap_region`` (that district's name, or ""), for the
    suggestions. Two queries to find the districts; the needs' query only grows by the list."""
    codes = sorted(wide_gap_districts())
    if not codes:
        return needs.annotate(
            in_gap=Value(False, output_field=BooleanField()), gap_region=Value("", output_field=CharField())
        )
    # A facility is placed in a district or in one of its villages.
    district_name = Case(
        When(facility__region__level__gt=RegionLevel.DISTRICT, then=F("facility__region__parent__name")),
        default=F("facility__region__name"),
    )
    return (
        needs.annotate(facility_district=Substr("facility__region_id", 1, DISTRICT_CODE_LENGTH))
        .annotate(
            in_gap=Case(
                When(facility_district__in=codes, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .annotate(gap_region=Case(When(in_gap=True, then=district_name), default=Value(""), output_field=CharField()))
    )


# --- by field, facility and company ----------------------------------------------------------


@dataclass
class BreakdownRow:
    key: object
    name: str
    figures: Figures = field(default_factory=Figures)
    slug: str = ""
    extra: str = ""
    programs: int = 0


def by_field(
    period: Period, scope_code: str = "", *, company_ids: list[int] | None = None, data: Activity | None = None
) -> list[BreakdownRow]:
    """Every CSR field, in the Perbup's order, with its figures (of some companies only, when
    ``company_ids`` is given): one query, and the three of ``activity`` unless ``data`` is given."""
    data = data or activity(period, scope_code, company_ids=company_ids)
    return [
        BreakdownRow(csr_field.code, csr_field.label, data.per_field.get(csr_field.code, Figures()))
        for csr_field in CsrField.objects.all()
    ]


def by_company(period: Period, scope_code: str = "", *, limit: int = 15) -> list[BreakdownRow]:
    """The companies that pledged most in the period, with what they delivered in it, their
    share of reports on time and their deliveries overdue today: four queries (one when nothing
    was pledged)."""
    top = list(
        pledges_counted(period, scope_code)
        .values("company_id")
        .annotate(**PLEDGE_SUMS)
        .order_by("-pledged", "company_id")
        .values_list("company_id", *PLEDGE_SUMS)[:limit]
    )
    if not top:
        return []
    ids = [row[0] for row in top]
    names = dict(Company.objects.filter(pk__in=ids).values_list("pk", "name"))
    rows = {}
    for company_id, *values in top:
        rows[company_id] = BreakdownRow(company_id, names.get(company_id, ""))
        rows[company_id].figures.add_values(tuple(PLEDGE_SUMS), values)
    deliveries = (
        deliveries_counted(period, scope_code)
        .filter(pledge__company_id__in=ids)
        .values_list("pledge__company_id")
        .annotate(**DELIVERY_SUMS)
        .order_by()
    )
    for company_id, *values in deliveries:
        rows[company_id].figures.add_values(tuple(DELIVERY_SUMS), values)
    overdue = overdue_pledges(scope_code).filter(company_id__in=ids).values_list("company_id").annotate(n=Count("pk"))
    for company_id, count in overdue.order_by():
        rows[company_id].figures.overdue = count
    return list(rows.values())


def by_facility(
    period: Period, scope_code: str = "", *, public: bool, limit: int = 15, data: Activity | None = None
) -> list[BreakdownRow]:
    """The facilities that received most pledges in the period (then most deliveries), published
    ones only on the public page: one query for their names, and the three of ``activity``
    unless ``data`` is given."""
    data = data or activity(period, scope_code)
    candidates = [
        (facility_id, figures)
        for facility_id, figures in data.per_facility.items()
        if not public or data.facilities.get(facility_id, ("", False))[1]
    ]
    candidates.sort(key=lambda pair: (-pair[1].pledged, -pair[1].delivered, pair[0]))
    top = dict(candidates[:limit])
    if not top:
        return []
    names = {
        pk: (name, slug, region)
        for pk, name, slug, region in Facility.objects.filter(pk__in=list(top)).values_list(
            "pk", "name", "slug", "region__name"
        )
    }
    return [
        BreakdownRow(key, names[key][0], figures, names[key][1], names[key][2])
        for key, figures in top.items()
        if key in names
    ]


# --- reporting discipline --------------------------------------------------------------------


def overdue_pledges(scope_code: str = "", *, today: datetime.date | None = None) -> QuerySet[Pledge]:
    """Accepted or approved pledges past their expected delivery date with quantity still
    unreported (a pledge fully reported is "delivered", no longer in these states)."""
    today = today or timezone.localdate()
    return (
        Pledge.objects.filter(status__in=DELIVERABLE_STATES, expected_delivery_date__lt=today)
        .filter(within(scope_code, "need__facility__region__code"))
        .order_by()
    )


def overdue_list(scope_code: str = "", *, limit: int = 50, today: datetime.date | None = None):
    """``(count, the oldest ``limit`` overdue pledges)`` with need, facility, company and the day
    of their last reminder: two queries."""
    overdue = overdue_pledges(scope_code, today=today)
    # The oldest ids first, then their details: the joins touch ``limit`` rows, not all overdue.
    oldest = overdue.order_by("expected_delivery_date", "pk").values("pk")[:limit]
    rows = list(
        Pledge.objects.filter(pk__in=Subquery(oldest))
        .select_related("need__facility", "company")
        .annotate(
            last_reminded=Subquery(
                Reminder.objects.filter(pledge=OuterRef("pk")).order_by("-sent_on").values("sent_on")[:1]
            )
        )
        .order_by("expected_delivery_date", "pk")[:limit]
    )
    return overdue.count(), rows


@dataclass
class Discipline:
    reports: int
    on_time: int
    overdue: int

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.on_time / self.reports) if self.reports else None


def company_discipline(company: Company) -> Discipline:
    """All-time delivery reports of a company, how many on time, and its deliveries overdue
    today: two queries."""
    reports = (
        deliveries_counted(Period())
        .filter(pledge__company=company)
        .aggregate(reports=Count("pk"), on_time=Count("pk", filter=ON_TIME))
    )
    return Discipline(reports["reports"], reports["on_time"], overdue_pledges().filter(company=company).count())


# --- the dashboard ---------------------------------------------------------------------------


@dataclass
class Dashboard:
    period: Period
    scope: Region | None
    regions: RegionReport
    fields: list[BreakdownRow]
    companies: list[BreakdownRow]
    facilities: list[BreakdownRow]
    overdue_count: int = 0
    overdue: list = field(default_factory=list)


def dashboard(period: Period, scope: Region | None, *, public: bool) -> Dashboard:
    """Everything the public summary shows; the staff dashboard adds the overdue list."""
    scope_code = scope.code if scope else ""
    data = activity(period, scope_code)
    result = Dashboard(
        period=period,
        scope=scope,
        regions=region_report(period, scope, public=public, data=data),
        fields=by_field(period, scope_code, data=data),
        companies=by_company(period, scope_code),
        facilities=by_facility(period, scope_code, public=public, data=data),
    )
    if not public:
        result.overdue_count, result.overdue = overdue_list(scope_code)
    return result


# --- Forum TSLP annual report ----------------------------------------------------------------


@dataclass
class FormRow:
    form: str
    label: str
    programs: int = 0
    budget: int = 0
    target_beneficiaries: int = 0


@dataclass
class ForumRow:
    """A company (or the whole forum) in the annual report."""

    key: object
    name: str
    slug: str = ""
    programs: int = 0
    budget: int = 0
    figures: Figures = field(default_factory=Figures)
    pledges_delivered: int = 0
    pledges_verified: int = 0
    districts: int = 0


@dataclass
class ForumReport:
    year: int
    scope: Region | None
    company: Company | None
    total: ForumRow
    by_form: list[FormRow]
    by_field: list[BreakdownRow]
    companies: list[ForumRow]
    programs: list[Program]
    district_names: list[str]

    @property
    def period(self) -> Period:
        return Period(self.year)


def forum_members() -> QuerySet[Company]:
    return Company.objects.filter(forum_member=True).order_by("name")


def programs_in_year(year: int) -> QuerySet[Program]:
    """Programs running at some time in the year, cancelled ones aside."""
    return Program.objects.exclude(status=ProgramStatus.CANCELLED).filter(
        Q(start_date__lte=datetime.date(year, 12, 31)),
        Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1)),
    )


def _district_key():
    return Substr("pledge__need__facility__region_id", 1, DISTRICT_CODE_LENGTH)


def forum_report(year: int, *, company: Company | None = None, scope: Region | None = None) -> ForumReport:
    """The Forum TSLP annual report: for the whole forum (its member companies) or one company.

    Programs running in the year by form and field; rupiah pledged (pledges made in the year)
    and delivered (deliveries dated in the year); beneficiaries reached and districts reached
    by verified deliveries; pledges delivered and verified. A fixed number of queries: eight
    for the forum, eight for one company."""
    period = Period(year)
    scope_code = scope.code if scope else ""
    companies = {company.pk: company} if company else {c.pk: c for c in forum_members()}
    ids = list(companies)
    programs = programs_in_year(year).filter(company_id__in=ids)
    pledges = pledges_counted(period, scope_code).filter(company_id__in=ids)
    deliveries = deliveries_counted(period, scope_code).filter(pledge__company_id__in=ids)
    reached = deliveries.filter(status=DeliveryStatus.VERIFIED, pledge__need__facility__region__level__gte=3)

    pledge_sums = {
        **PLEDGE_SUMS,
        "pledges_delivered": Count("pk", filter=Q(status__in=DELIVERED_PLEDGE_STATES)),
        "pledges_verified": Count("pk", filter=Q(status=PledgeStatus.VERIFIED)),
    }
    program_sums = {
        "programs": Count("pk"),
        "budget": _zero_sum("budget"),
        "target_beneficiaries": _zero_sum("target_beneficiaries"),
    }
    rows = {pk: ForumRow(pk, c.name, c.slug) for pk, c in companies.items()}
    for values in programs.values(key=F("company_id")).annotate(**program_sums).order_by():
        rows[values["key"]].programs = values["programs"]
        rows[values["key"]].budget = values["budget"]
    for values in pledges.values(key=F("company_id")).annotate(**pledge_sums).order_by():
        row = rows[values["key"]]
        row.figures.add(values)
        row.pledges_delivered = values["pledges_delivered"]
        row.pledges_verified = values["pledges_verified"]
    for values in deliveries.values(key=F("pledge__company_id")).annotate(**DELIVERY_SUMS).order_by():
        rows[values["key"]].figures.add(values)
    per_company_districts = (
        reached.annotate(district=_district_key())
        .values(key=F("pledge__company_id"))
        .annotate(n=Count("district", distinct=True))
        .order_by()
    )
    for values in per_company_districts:
        rows[values["key"]].districts = values["n"]

    # Districts reached by the forum as a whole: a district reached by two companies counts once.
    district_codes = list(reached.annotate(district=_district_key()).values_list("district", flat=True).distinct())
    total = ForumRow(None, company.name if company else _("Forum TSLP"), company.slug if company else "")
    for row in rows.values():
        total.programs += row.programs
        total.budget += row.budget
        total.figures.merge(row.figures)
        total.pledges_delivered += row.pledges_delivered
        total.pledges_verified += row.pledges_verified
    total.districts = len(district_codes)

    forms = {value: FormRow(value, label) for value, label in ProgramForm.choices}
    for values in programs.values(key=F("form")).annotate(**program_sums).order_by():
        form_row = forms[values["key"]]
        form_row.programs = values["programs"]
        form_row.budget = values["budget"]
        form_row.target_beneficiaries = values["target_beneficiaries"]

    fields = by_field(period, scope_code, company_ids=ids)
    for key, count in programs.values(key=F("fields")).annotate(n=Count("pk")).values_list("key", "n").order_by():
        for row in fields:
            if row.key == key:
                row.programs = count
    program_list = (
        list(programs.prefetch_related("fields").order_by("start_date", "title")) if company is not None else []
    )
    district_names = (
        list(Region.objects.filter(code__in=district_codes).order_by("name").values_list("name", flat=True))
        if company is not None
        else []
    )
    return ForumReport(
        year=year,
        scope=scope,
        company=company,
        total=total,
        by_form=list(forms.values()),
        by_field=fields,
        companies=sorted(rows.values(), key=lambda row: (-row.figures.pledged, row.name)),
        programs=program_list,
        district_names=district_names,
    )


def company_discipline_text(company: Company) -> str:
    """The on-time rate of a company in words, for its profile in the admin."""
    discipline = company_discipline(company)
    if discipline.reports:
        text = _("%(on_time)s of %(reports)s delivery reports on time (%(percent)s%%)") % {
            "on_time": discipline.on_time,
            "reports": discipline.reports,
            "percent": discipline.on_time_percent,
        }
    else:
        text = _("No delivery reported yet")
    if discipline.overdue:
        text += "; " + (
            ngettext(
                "%(count)s delivery overdue without a report today",
                "%(count)s deliveries overdue without a report today",
                discipline.overdue,
            )
            % {"count": discipline.overdue}
        )
    return text
