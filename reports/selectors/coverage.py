"""Government coverage beside CSR (issue 26): for each region of the region table, the poor
households, the households the government's programs (APBD, bansos, other central programs)
reached and their rupiah, beside all CSR realised; and, as an option, the gap ranking that
counts the government's rupiah with CSR's.

Government coverage is recorded per kecamatan or facility (``coverage``); a region's row adds up
the records of every kecamatan in it whose period meets the report's. One grouped query.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from coverage.models import GovernmentCoverage
from coverage.selectors import coverage_during
from regions.models import RegionLevel, in_area
from regions.selectors import own_figures
from reports.selectors.households import UNKNOWN_HOUSEHOLDS, Households
from reports.selectors.periods import Period
from reports.selectors.regional import RegionReport, figures_by_district


@dataclass
class CoverageRow:
    code: str
    name: str
    households: Households = UNKNOWN_HOUSEHOLDS
    government_households: int = 0
    government_amount: int = 0
    records: int = 0
    csr_realised: int = 0

    @property
    def uncovered_households(self) -> int | None:
        """Poor households the government's programs did not reach (never below zero), when
        the count is complete."""
        if not self.households.complete or self.households.value is None:
            return None
        return max(self.households.value - self.government_households, 0)


@dataclass
class GovernmentCoverageReport:
    rows: list[CoverageRow]
    total: CoverageRow

    @property
    def any(self) -> bool:
        return self.total.records > 0


def _sums(period: Period, scope_code: str) -> dict[str, tuple[int, int, int]]:
    records = GovernmentCoverage.objects.filter(in_area(scope_code, "region") if scope_code else Q())
    if period.year is not None:
        records = records.filter(coverage_during(period.start, period.end))
    rows = (
        records.values("region_id")
        .annotate(households=Sum("households"), amount=Sum("amount"), records=Count("pk"))
        .values_list("region_id", "households", "amount", "records")
        .order_by()
    )
    return {code: (households or 0, amount or 0, count) for code, households, amount, count in rows}


def government_beside_csr(period: Period, regions: RegionReport) -> GovernmentCoverageReport:
    """The rows of the region table (``regions``) with the government's coverage beside their
    poor households and all CSR realised. One query."""
    scope_code = regions.scope.code if regions.scope else ""
    sums = _sums(period, scope_code)
    rows = []
    for region_row in regions.rows:
        row = CoverageRow(
            region_row.code, region_row.name, region_row.households, csr_realised=region_row.figures.csr_realised
        )
        for code, (households, amount, count) in sums.items():
            if code == row.code or code.startswith(f"{row.code}."):
                row.government_households += households
                row.government_amount += amount
                row.records += count
        rows.append(row)
    total = CoverageRow(
        regions.total.code,
        regions.total.name,
        regions.total.households,
        csr_realised=regions.total.figures.csr_realised,
    )
    for households, amount, count in sums.values():
        total.government_households += households
        total.government_amount += amount
        total.records += count
    return GovernmentCoverageReport(rows, total)


@dataclass
class GovernmentGapRow:
    rank: int
    code: str
    name: str
    households: int
    csr_realised: int
    government_amount: int

    @property
    def realised_per_household(self) -> int:
        return round((self.csr_realised + self.government_amount) / self.households)


def gap_counting_government(period: Period, scope_code: str, *, limit: int = 10) -> list[GovernmentGapRow]:
    """The gap ranking (``reports.selectors.regional``) with the government's rupiah counted
    beside CSR's: the districts where CSR and the government together realised least per poor
    household, ties broken by more households. The option staff choose with ``?gap=government``
    (README, "Government coverage")."""
    figures = own_figures(period.year, scope_code)
    # Only rupiah realised count here, never the open needs the public flag narrows.
    by_district = figures_by_district(period, scope_code, public=True)
    # Records lie in kecamatan (districts): their region is the district.
    government = defaultdict(int)
    for code, (_households, amount, _count) in _sums(period, scope_code).items():
        government[code] += amount
    ranked = []
    for code, (name, level, households, _year) in figures.items():
        if level != RegionLevel.DISTRICT or not households:
            continue
        realised = by_district[code].csr_realised if code in by_district else 0
        ranked.append(((realised + government[code]) / households, -households, code, name, households, realised))
    return [
        GovernmentGapRow(rank, code, name, households, realised, government[code])
        for rank, (_ratio, _minus, code, name, households, realised) in enumerate(heapq.nsmallest(limit, ranked), 1)
    ]
