"""Breakdowns by SDG (TPB) goal and TJSL pillar (issue 27).

The Forum TSLP report's: per goal (and, for state-owned companies' programs, per pillar), the
programs of the report and the rupiah they realised (verified realisation reports). The
regional report's and the staff dashboard's: all CSR planned and realised per goal (pledges and
deliveries to needs tagged with it, and programs) and per pillar (programs). A need or program
tagged with several goals counts in each of them; those with none make a row of their own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.models import SdgGoal
from partners.models import CompanyKind
from programs.models import TJSL_PILLARS, Program
from reports.selectors.activity import (
    DELIVERY_SUMS,
    PLEDGE_SUMS,
    Figures,
    deliveries_counted,
    pledges_counted,
)
from reports.selectors.periods import Period
from reports.selectors.programs import program_sums


@dataclass
class SdgRow:
    number: int | None  # None: the programs with no goal
    label: str
    programs: int = 0
    realised: int = 0


def by_sdg_goal(realised_by_program: Iterable[tuple[int, int]]) -> list[SdgRow]:
    """Rows by goal number for these (program id, verified rupiah) pairs, then the row of the
    programs with no goal when there are any; goals no program serves are left out.

    One query, whatever the number of programs and goals: the program-goal links of the
    programs with their goals joined."""
    realised = dict(realised_by_program)
    links = (
        Program.sdg_goals.through.objects.filter(program_id__in=list(realised))
        .select_related("sdggoal")
        .order_by("sdggoal_id", "program_id")
    )
    rows: dict[int, SdgRow] = {}
    tagged: set[int] = set()
    for link in links:
        goal = link.sdggoal
        row = rows.setdefault(goal.number, SdgRow(goal.number, str(goal)))
        row.programs += 1
        row.realised += realised[link.program_id]
        tagged.add(link.program_id)
    result = list(rows.values())
    untagged = [pk for pk in realised if pk not in tagged]
    if untagged:
        result.append(SdgRow(None, _("No SDG goal"), len(untagged), sum(realised[pk] for pk in untagged)))
    return result


@dataclass
class PillarRow:
    code: str | None  # None: state-owned companies' programs with no pillar
    label: str
    programs: int = 0
    realised: int = 0


def _pillar_label(name: str) -> str:
    return _(name)  # the pillars' names are msgids (programs.models.TJSL_PILLARS)


def by_tjsl_pillar(realised_by_program: Iterable[tuple[int, int]]) -> list[PillarRow]:
    """Rows by TJSL pillar, in the pillars' order, for the programs of state-owned companies
    among these (program id, verified rupiah) pairs, then the row of those with no pillar;
    other companies' programs are left out. One query."""
    realised = dict(realised_by_program)
    links = (
        Program.objects.filter(pk__in=list(realised), company__kind=CompanyKind.STATE_OWNED)
        .values_list("pk", "tjsl_pillars", "tjsl_pillars__name")
        .order_by("tjsl_pillars__order", "pk")
    )
    rows: dict[str, PillarRow] = {}
    untagged = PillarRow(None, _("No TJSL pillar"))
    for pk, code, name in links:
        row = untagged if code is None else rows.setdefault(code, PillarRow(code, _pillar_label(name)))
        row.programs += 1
        row.realised += realised[pk]
    return [*rows.values(), *([untagged] if untagged.programs else [])]


# --- the regional report and the staff dashboard: CSR planned and realised by goal and pillar ---


@dataclass
class GoalFigures:
    """All CSR planned and realised of one goal (or pillar): pledges and deliveries to needs
    tagged with it, and the programs tagged with it."""

    key: object
    name: str
    figures: Figures = field(default_factory=Figures)
    programs: int = 0


@dataclass
class TagBreakdown:
    goals: list[GoalFigures]
    pillars: list[GoalFigures]


PROGRAM_PARTS = (("realised_programs", "realised"), ("programs_awaiting", "awaiting"), ("planned_programs", "planned"))


def _add_program(row: GoalFigures, sums) -> None:
    row.programs += 1
    for name, part in PROGRAM_PARTS:
        setattr(row.figures, name, getattr(row.figures, name) + sum(getattr(sums, part).values()))


def by_goal_and_pillar(period: Period, scope_code: str = "") -> TagBreakdown:
    """CSR planned and realised in the period and scope by SDG goal (pledges and deliveries to
    needs tagged with the goal, and the programs tagged with it, counted as the region table
    counts them) and, for state-owned companies' programs, by TJSL pillar. A need or program
    with several goals counts in each; those with none make a row of their own.

    Six queries, whatever the data: pledges and deliveries summed per goal by the database,
    the two of ``programs.program_sums``, the programs' goals and pillars, the goals."""
    goals: dict[int | None, GoalFigures] = {}

    def goal_row(number: int | None) -> GoalFigures:
        if number not in goals:
            goals[number] = GoalFigures(number, "")
        return goals[number]

    pledges = pledges_counted(period, scope_code).values_list("need__sdg_goals").annotate(**PLEDGE_SUMS)
    for number, *values in pledges.order_by():
        goal_row(number).figures.add_values(tuple(PLEDGE_SUMS), values)
    deliveries = deliveries_counted(period, scope_code).values_list("pledge__need__sdg_goals")
    for number, *values in deliveries.annotate(**DELIVERY_SUMS).order_by():
        goal_row(number).figures.add_values(tuple(DELIVERY_SUMS), values)

    sums = program_sums(period, scope_code)
    # The programs' goals and, for state-owned companies, pillars: one query, run even when no
    # program counts (an empty ``__in`` would skip it), so that a page's query count is fixed.
    tags = (
        Program.objects.filter(pk__in=list(sums) or [0])
        .values_list("pk", "sdg_goals", "company__kind", "tjsl_pillars", "tjsl_pillars__name")
        .order_by("pk", "sdg_goals", "tjsl_pillars__order")
    )
    program_goals: dict[int, list[int | None]] = {}
    program_pillars: dict[int, list[tuple[str | None, str]]] = {}
    for pk, number, kind, code, name in tags:
        if number not in program_goals.setdefault(pk, []):
            program_goals[pk].append(number)
        if kind == CompanyKind.STATE_OWNED and (code, name) not in program_pillars.setdefault(pk, []):
            program_pillars[pk].append((code, name))
    for pk, numbers in program_goals.items():
        for number in numbers:
            _add_program(goal_row(number), sums[pk])
    names = {goal.number: str(goal) for goal in SdgGoal.objects.all()}  # 17 rows
    ordered = [goals[number] for number in sorted(n for n in goals if n is not None)]
    for row in ordered:
        row.name = names.get(row.key, str(row.key))
    if None in goals:
        goals[None].name = _("No SDG goal")
        ordered.append(goals[None])

    pillars: dict[str | None, GoalFigures] = {}
    order = {code: index for index, (code, _name) in enumerate(TJSL_PILLARS)}
    for pk, pairs in program_pillars.items():
        for code, name in pairs:
            if code not in pillars:
                pillars[code] = GoalFigures(code, _pillar_label(name) if code else _("No TJSL pillar"))
            _add_program(pillars[code], sums[pk])
    by_pillar = sorted(
        (row for code, row in pillars.items() if code is not None), key=lambda row: order.get(row.key, 99)
    )
    if None in pillars:
        by_pillar.append(pillars[None])
    return TagBreakdown(ordered, by_pillar)
