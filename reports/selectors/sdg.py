"""The Forum TSLP report's breakdown by SDG (TPB) goal (issue 27): per goal, the programs of the
report and the rupiah they realised (verified realisation reports). A program tagged with
several goals counts in each of them; programs with none make a row of their own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from programs.models import Program


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
