"""The rules of a program's SDG (TPB) tags and TJSL pillars, shared by the partner portal's
service, the admin form and the spreadsheet import so that all three refuse the same things."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from core.models import SdgGoal, SdgTarget
from partners.models import Company, CompanyKind
from programs.models import TjslPillar


def sdg_problems(
    *,
    company: Company | None,
    goals: Iterable[SdgGoal],
    targets: Iterable[SdgTarget],
    pillars: Iterable[TjslPillar],
) -> dict[str, str]:
    """What is wrong with these tags, by the name of the field at fault (empty when nothing is).

    A target must belong to one of the chosen goals; TJSL pillars are for programs of
    state-owned companies (BUMN/BUMD) only."""
    problems: dict[str, str] = {}
    goal_numbers = {goal.number for goal in goals}
    stray = sorted((t for t in targets if t.goal_id not in goal_numbers), key=lambda t: t.order)
    if stray:
        problems["sdg_targets"] = _("%(targets)s: choose the goal of each target too.") % {
            "targets": ", ".join(t.code for t in stray)
        }
    pillars = list(pillars)
    if pillars and company is not None and company.kind != CompanyKind.STATE_OWNED:
        problems["tjsl_pillars"] = _(
            "TJSL pillars are for programs of state-owned companies (BUMN/BUMD) only; %(company)s is not one."
        ) % {"company": company.name}
    return problems
