"""The region table (poor households beside all CSR planned and realised: pledges and deliveries
to facility needs, and programs' budgets and verified realisations), the districts with the
widest gap, and the dashboard that puts every table of the reports together."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.scope import agency_for_region
from regions.models import Region, RegionLevel
from regions.selectors import DISTRICT_CODE_LENGTH, own_figures
from reports.selectors.activity import NEED_SUMS, Activity, Figures, activity, open_needs
from reports.selectors.breakdowns import BreakdownRow, by_company, by_facility, by_field
from reports.selectors.households import UNKNOWN_HOUSEHOLDS, Households, HouseholdTree, children_counts
from reports.selectors.obligations import MemberPeriod, overdue_members
from reports.selectors.overdue import overdue_list
from reports.selectors.periods import Period
from reports.selectors.sdg import TagBreakdown, by_goal_and_pillar


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

    @property
    def planned_per_household(self) -> int | None:
        """All CSR planned (pledged + programs' budgets) per poor household."""
        return self.households.per(self.figures.csr_planned)

    @property
    def realised_per_household(self) -> int | None:
        """All CSR realised (verified deliveries + verified realisations) per poor household."""
        return self.households.per(self.figures.csr_realised)


@dataclass
class GapRow:
    rank: int
    code: str
    name: str
    households: int
    figure_year: int
    pledged: int
    delivered: int
    planned_programs: int = 0
    realised_programs: int = 0

    @property
    def csr_planned(self) -> int:
        return self.pledged + self.planned_programs

    @property
    def csr_realised(self) -> int:
        return self.delivered + self.realised_programs

    @property
    def realised_per_household(self) -> int:
        """All CSR realised per poor household: what the ranking orders by."""
        return round(self.csr_realised / self.households)


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
    beside all CSR planned and realised, and the districts with the widest gap.

    Four queries (five with a scope above district level), and the five of ``activity``
    unless ``data`` is given."""
    scope_code = scope.code if scope else ""
    if scope is None:
        shown = list(Region.objects.provinces().values_list("code", "name", "level"))
    elif scope.level < RegionLevel.DISTRICT:
        shown = list(Region.objects.filter(parent=scope).order_by("code").values_list("code", "name", "level"))
    else:
        shown = [(scope.code, scope.name, scope.level)]
    figures = own_figures(period.year, scope_code)
    tree = HouseholdTree(figures, children_counts(scope_code))
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

    # Districts with figures, least CSR realised per poor household first (ties: more households).
    empty = Figures()
    ranked = [
        (by_district.get(code, empty).csr_realised / households, -households, code, name, households, year)
        for code, (name, level, households, year) in figures.items()
        if level == RegionLevel.DISTRICT and households
    ]
    gap = []
    for rank, (_ratio, _minus, code, name, households, year) in enumerate(heapq.nsmallest(gap_limit, ranked), 1):
        values = by_district.get(code, empty)
        gap.append(
            GapRow(
                rank,
                code,
                name,
                households,
                year,
                values.pledged,
                values.delivered,
                values.planned_programs,
                values.realised_programs,
            )
        )
    has_unplaced = any(
        getattr(unplaced.figures, name)
        for name in ("pledges", "reports", "open_needs", "realised_programs", "programs_awaiting", "planned_programs")
    )
    return RegionReport(scope, total, list(rows.values()), unplaced if has_unplaced else None, gap, len(ranked))


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
    agency: Agency | None = None  # the agency whose area holds the scope (staff dashboard only)
    realisations_owed: list[MemberPeriod] = field(default_factory=list)
    # By SDG goal and, for state-owned companies' programs, by TJSL pillar (issue 27).
    tags: TagBreakdown | None = None


def dashboard(period: Period, scope: Region | None, *, public: bool) -> Dashboard:
    """Everything the public summary shows; the staff dashboard adds the overdue deliveries and
    the realisation reports the forum members of the scope's agency owe."""
    scope_code = scope.code if scope else ""
    data = activity(period, scope_code)
    result = Dashboard(
        period=period,
        scope=scope,
        regions=region_report(period, scope, public=public, data=data),
        fields=by_field(period, scope_code, data=data),
        companies=by_company(period, scope_code, data=data),
        facilities=by_facility(period, scope_code, public=public, data=data),
        tags=by_goal_and_pillar(period, scope_code),
    )
    if not public:
        result.overdue_count, result.overdue = overdue_list(scope_code)
        result.agency = agency_for_region(scope_code)
        if result.agency is not None:
            result.realisations_owed = overdue_members(result.agency)
    return result
