"""The rows the reports count, and their sums per facility and per field in one pass.

* pledged: the value of pledges in a covering state (accepted, approved, delivered, verified)
  made (``created_at``) in the period; cancelled, declined, rejected, lapsed pledges and
  proposals or offers still waiting for an answer are not counted;
* delivered: the value of verified delivery reports dated (``delivered_on``) in the period;
  reports awaiting verification are shown apart, rejected reports never count;
* a pledge or delivery counts in the region of its need's facility, and in every region above;
* programs' realisations and plans (``programs``) count beside them: ``csr_realised`` =
  delivered + realised_programs, ``csr_planned`` = pledged + planned_programs.

Every sum is computed by the database: pledges and deliveries are each read once per page and
summed per facility and per field (``activity``), and programs' realisation shares once per
(program, district); the other modules add those rows up the region tree and sort them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, Count, F, Q, QuerySet, Value, When

from facilities.models import Facility, Need
from matching.models import COVERING_STATES, DeliveryReport, DeliveryStatus, Pledge, PledgeStatus
from regions.models import in_area
from regions.selectors import DISTRICT_CODE_LENGTH
from reports.selectors.periods import Period
from reports.selectors.programs import program_sums, split
from reports.selectors.sums import zero_sum

COUNTED_DELIVERY_STATES = (DeliveryStatus.SUBMITTED, DeliveryStatus.VERIFIED)
DELIVERED_PLEDGE_STATES = (PledgeStatus.DELIVERED, PledgeStatus.VERIFIED)


def pledges_counted(period: Period, scope_code: str = "") -> QuerySet[Pledge]:
    """Pledges that count as pledged in the period (see the module docstring)."""
    return (
        Pledge.objects.filter(status__in=COVERING_STATES)
        .filter(period.moments("created_at"))
        .filter(in_area(scope_code, "need__facility__region__code"))
        .order_by()
    )


def deliveries_counted(period: Period, scope_code: str = "") -> QuerySet[DeliveryReport]:
    """Delivery reports that count: verified or awaiting verification, dated in the period, of a
    pledge that still covers its need."""
    return (
        DeliveryReport.objects.filter(status__in=COUNTED_DELIVERY_STATES, pledge__status__in=COVERING_STATES)
        .filter(period.dates("delivered_on"))
        .filter(in_area(scope_code, "pledge__need__facility__region__code"))
        .order_by()
    )


def open_needs(scope_code: str = "", *, public: bool) -> QuerySet[Need]:
    """Open needs today (not tied to the period): the public ones on the public page."""
    needs = Need.objects.public().open() if public else Need.objects.open()
    return needs.filter(in_area(scope_code, "facility__region__code")).order_by()


# On time: delivered no later than the pledge's expected date; a pledge without an expected date
# is on time whenever it is reported.
ON_TIME = Q(pledge__expected_delivery_date__isnull=True) | Q(delivered_on__lte=F("pledge__expected_delivery_date"))

PLEDGE_SUMS = {"pledged": zero_sum("value"), "pledges": Count("pk")}
DELIVERY_SUMS = {
    "delivered": zero_sum("value", filter=Q(status=DeliveryStatus.VERIFIED)),
    "awaiting": zero_sum("value", filter=Q(status=DeliveryStatus.SUBMITTED)),
    "beneficiaries": zero_sum("beneficiaries_reached", filter=Q(status=DeliveryStatus.VERIFIED)),
    "reports": Count("pk"),
    "on_time": Count("pk", filter=ON_TIME),
}
NEED_SUMS = {
    "open_needs": Count("pk"),
    "open_value": zero_sum((F("quantity") - F("quantity_pending") - F("quantity_covered")) * F("unit_cost")),
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
    realised_programs: int = 0
    programs_awaiting: int = 0
    planned_programs: int = 0

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
        self.realised_programs += other.realised_programs
        self.programs_awaiting += other.programs_awaiting
        self.planned_programs += other.planned_programs

    @property
    def csr_realised(self) -> int:
        """All CSR realised: verified deliveries to facility needs and verified program realisations."""
        return self.delivered + self.realised_programs

    @property
    def csr_planned(self) -> int:
        """All CSR planned: pledges to facility needs and registered programs' budgets."""
        return self.pledged + self.planned_programs

    @property
    def csr_awaiting(self) -> int:
        """Reported, awaiting verification: delivery reports and realisation reports."""
        return self.awaiting + self.programs_awaiting

    @property
    def on_time_percent(self) -> int | None:
        """Share of delivery reports on time, or None when nothing was reported."""
        return round(100 * self.on_time / self.reports) if self.reports else None


FIGURE_NAMES = tuple(Figures.__dataclass_fields__)  # in the order of Figures(*values)


@dataclass
class Activity:
    """Pledged and delivered in a period per facility and per field, with each facility's region
    and whether it is published, and programs' realised and planned rupiah per district and per
    company: what the region table, the gap, the field and company tables and the facility list
    all add up, so that each large table is read once per page."""

    per_facility: dict[int, Figures]
    per_field: dict[str, Figures]
    facilities: dict[int, tuple[str, bool]]
    programs_per_region: dict[str, Figures] = field(default_factory=dict)
    programs_per_company: dict[int, Figures] = field(default_factory=dict)

    def per_district(self) -> dict[str, Figures]:
        """Per district code, or a shorter code for facilities (and programs) recorded above a
        district."""
        result: dict[str, Figures] = defaultdict(Figures)
        for facility_id, figures in self.per_facility.items():
            region, _published = self.facilities.get(facility_id, ("", False))
            result[region[:DISTRICT_CODE_LENGTH]].merge(figures)
        for code, figures in self.programs_per_region.items():
            result[code].merge(figures)
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
    """Five queries: pledges and deliveries summed by the database per facility and per field,
    the region of each facility in scope, and the two of ``programs.program_sums``."""
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
        for pk, region, published in Facility.objects.filter(in_area(scope_code, "region__code"))
        .values_list("pk", "region_id", "is_published")
        .order_by()
    }
    per_region: dict[str, Figures] = defaultdict(Figures)
    per_company: dict[int, Figures] = defaultdict(Figures)
    for sums in program_sums(period, scope_code, company_ids=company_ids).values():
        company = per_company[sums.company_id]
        parts = [
            ("realised_programs", sums.realised),
            ("programs_awaiting", sums.awaiting),
            ("planned_programs", sums.planned),
        ]
        for name, by_region in parts:
            for code, rupiah in by_region.items():
                setattr(per_region[code], name, getattr(per_region[code], name) + rupiah)
            amount = sum(by_region.values())
            setattr(company, name, getattr(company, name) + amount)
            # A program in several fields: its rupiah split equally over them.
            for code, part in zip(sums.fields, split(amount, len(sums.fields)), strict=True):
                setattr(per_field[code], name, getattr(per_field[code], name) + part)
    return Activity(dict(per_facility), dict(per_field), facilities, dict(per_region), dict(per_company))
