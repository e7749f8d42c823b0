"""What companies' own CSR programs add to the reports, beside pledges and deliveries to
facility needs (see docs/decisions.md, "Reports", "Programs in the figures"):

* realised_programs: the rupiah of **verified** realisation reports whose period (year, and
  quarter or the whole year) lies inside the report's period, counted in the kecamatan or village
  of each share of the split; reports awaiting verification are shown apart (programs_awaiting),
  returned reports never count;
* planned_programs: the budget of each **registered** program (planned, running or completed)
  that runs at some time in the period, split equally over its target regions (a program
  without targets counts in its agency's region, and nowhere without either); a multi-year
  program counts in full in every period it runs in;
* by field, a program's rupiah are split equally over its fields, so the field table adds up to
  the total.

Two queries, whatever the data: the shares summed by the database per (program, district), and
the programs concerned with their fields and target regions.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Substr

from programs.models import REGISTERED_STATES, Program, RealisationShare, RealisationStatus
from regions.models import in_area
from regions.selectors import DISTRICT_CODE_LENGTH
from reports.selectors.periods import Period
from reports.selectors.sums import zero_sum

COUNTED_REALISATION_STATES = (RealisationStatus.SUBMITTED, RealisationStatus.VERIFIED)


def realisation_periods(period: Period, prefix: str = "") -> Q:
    """Realisation reports whose period lies inside ``period``: all of a year's reports (each
    quarter and the whole year) for a year; only that quarter's for a quarter."""
    if period.year is None:
        return Q()
    if period.quarter:
        return Q(**{f"{prefix}year": period.year, f"{prefix}quarter": period.quarter})
    return Q(**{f"{prefix}year": period.year})


def running_in(period: Period, prefix: str = "") -> Q:
    """Programs running at some time in the period."""
    if period.year is None:
        return Q()
    return Q(**{f"{prefix}start_date__lte": period.end}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": period.start})
    )


def runs_in(start: datetime.date, end: datetime.date | None, period: Period) -> bool:
    """``running_in`` for one program in Python."""
    if period.year is None:
        return True
    return start <= period.end and (end is None or end >= period.start)


def shares_counted(period: Period, scope_code: str = "") -> QuerySet[RealisationShare]:
    """Shares of realisation reports that count: verified or awaiting verification, of a report
    whose period lies inside ``period``, in a region inside the scope."""
    return (
        RealisationShare.objects.filter(realisation__status__in=COUNTED_REALISATION_STATES)
        .filter(realisation_periods(period, "realisation__"))
        .filter(in_area(scope_code, "region"))
        .order_by()
    )


def planned_programs(period: Period, scope_code: str = "") -> QuerySet[Program]:
    """Registered programs running in the period with a target region in scope (or, without
    targets, whose agency's region is in scope)."""
    targets = Program.target_regions.through.objects.filter(program=OuterRef("pk"))
    in_scope = Exists(targets.filter(in_area(scope_code, "region")))
    untargeted = ~Exists(targets) & Q(agency__region__isnull=False) & in_area(scope_code, "agency__region")
    return (
        Program.objects.filter(status__in=REGISTERED_STATES)
        .filter(running_in(period))
        .filter(in_scope | untargeted)
        .order_by()
    )


def split(amount: int, parts: int) -> list[int]:
    """``amount`` in ``parts`` equal whole rupiah, the remainder one rupiah each to the first
    parts: the parts always add up to the amount."""
    if parts <= 0:
        return []
    base, rest = divmod(amount, parts)
    return [base + (1 if index < rest else 0) for index in range(parts)]


def _in_scope(code: str, scope_code: str) -> bool:
    return not scope_code or code == scope_code or code.startswith(scope_code + ".")


@dataclass
class ProgramSums:
    """One program's rupiah in the period, per district code."""

    company_id: int
    fields: list[str] = field(default_factory=list)
    realised: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    awaiting: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    planned: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def program_sums(period: Period, scope_code: str = "", *, company_ids: list[int] | None = None):
    """Per program: its realised, awaiting and planned rupiah per district code (or a shorter
    code, for a program aimed at a whole regency), and its fields. Two queries."""
    verified = Q(realisation__status=RealisationStatus.VERIFIED)
    shares = shares_counted(period, scope_code)
    planned = planned_programs(period, scope_code)
    if company_ids is not None:
        shares = shares.filter(realisation__program__company_id__in=company_ids)
        planned = planned.filter(company_id__in=company_ids)
    rows = list(
        shares.values(program=F("realisation__program_id"), district=Substr("region_id", 1, DISTRICT_CODE_LENGTH))
        .annotate(
            realised=zero_sum("amount", filter=verified),
            awaiting=zero_sum("amount", filter=Q(realisation__status=RealisationStatus.SUBMITTED)),
        )
        .values_list("program", "district", "realised", "awaiting")
    )
    programs = (
        Program.objects.filter(Q(pk__in=shares.values("realisation__program_id")) | Q(pk__in=planned.values("pk")))
        .values_list(
            "pk", "company_id", "budget", "status", "start_date", "end_date", "agency__region_id", "fields",
            "target_regions",
        )
        .order_by("pk", "fields", "target_regions")
    )  # fmt: skip
    result: dict[int, ProgramSums] = {}
    targets: dict[int, list[str]] = defaultdict(list)
    plans: dict[int, tuple[int, str]] = {}
    for pk, company_id, budget, status, start, end, agency_region, field_code, target in programs:
        sums = result.get(pk)
        if sums is None:
            sums = result[pk] = ProgramSums(company_id)
        if field_code and field_code not in sums.fields:
            sums.fields.append(field_code)
        if target and target not in targets[pk]:
            targets[pk].append(target)
        if status in REGISTERED_STATES and runs_in(start, end, period):
            plans[pk] = (budget, agency_region or "")
    for pk, district, realised, awaiting in rows:
        result[pk].realised[district] += realised
        result[pk].awaiting[district] += awaiting
    for pk, (budget, agency_region) in plans.items():
        codes = sorted(targets.get(pk) or ([agency_region] if agency_region else []))
        for code, part in zip(codes, split(budget, len(codes)), strict=True):
            if _in_scope(code, scope_code):
                result[pk].planned[code[:DISTRICT_CODE_LENGTH]] += part
    return result
