"""The only way a CSR program and its registration change.

A company's officers write their programs in the partner portal and submit them; the agency of
the program's target regions (``Program.agency``) registers them, asks for changes with a
comment, or declines them. Every move is in ``TRANSITIONS`` and goes through ``program_move``
(or the create and update functions, which use it): it locks the row, checks the table and the
actor, writes a ``ProgramStatusChange`` and records the notices (in-app and e-mail, sent after
commit) for the side that did not act.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.scope import agency_for_region, ancestor_codes, deciding_staff, staff_scope
from core.models import CsrField
from core.roles import is_dinsos, officer_company_id
from notifications import services as notify
from partners import services as partner_services
from partners.models import Company
from programs.errors import ProgramError
from programs.models import EDITABLE_STATES, Program, ProgramForm, ProgramStatus, ProgramStatusChange
from programs.rules import target_problems
from programs.sdg import sdg_problems
from regions.models import Region, RegionLevel

S = ProgramStatus
OFFICER, STAFF = "officer", "staff"


@dataclass(frozen=True)
class Move:
    by: frozenset[str]
    event: str
    # Who must give a reason (a comment for the company, or why it was cancelled).
    reason_from: frozenset[str] = frozenset()
    # Moves made only by editing the program (program_update), never by a button.
    by_edit: bool = False


def _move(by: set[str], event: str, reason_from: set[str] = frozenset(), by_edit: bool = False) -> Move:
    return Move(frozenset(by), event, frozenset(reason_from), by_edit)


_STARTED = _move({OFFICER, STAFF}, "program_started")
_COMPLETED = _move({OFFICER, STAFF}, "program_completed")
_REGISTERED = _move({STAFF}, "program_registered")
_CHANGED = _move({OFFICER}, "program_changed", by_edit=True)
_CANCELLED = _move({OFFICER, STAFF}, "program_cancelled", reason_from={OFFICER, STAFF})

# The one table of allowed moves: (from, to) -> who may make it.
TRANSITIONS: dict[tuple[str, str], Move] = {
    (S.DRAFT, S.SUBMITTED): _move({OFFICER}, "program_submitted"),
    (S.CHANGES_REQUESTED, S.SUBMITTED): _move({OFFICER}, "program_resubmitted"),
    # Registering: planned when the program starts later, active when it has started.
    (S.SUBMITTED, S.PLANNED): _REGISTERED,
    (S.SUBMITTED, S.ACTIVE): _REGISTERED,
    (S.SUBMITTED, S.CHANGES_REQUESTED): _move({STAFF}, "program_changes_requested", reason_from={STAFF}),
    (S.SUBMITTED, S.DECLINED): _move({STAFF}, "program_declined", reason_from={STAFF}),
    # A registered program the company changes goes back to the agency.
    (S.PLANNED, S.SUBMITTED): _CHANGED,
    (S.ACTIVE, S.SUBMITTED): _CHANGED,
    (S.PLANNED, S.ACTIVE): _STARTED,
    (S.PLANNED, S.COMPLETED): _COMPLETED,
    (S.ACTIVE, S.COMPLETED): _COMPLETED,
    # A draft is the company's own: the agency has not seen it.
    (S.DRAFT, S.CANCELLED): _move({OFFICER}, "program_cancelled"),
    (S.SUBMITTED, S.CANCELLED): _CANCELLED,
    (S.CHANGES_REQUESTED, S.CANCELLED): _CANCELLED,
    (S.PLANNED, S.CANCELLED): _CANCELLED,
    (S.ACTIVE, S.CANCELLED): _CANCELLED,
}
# Registered programs an officer may still edit: the change goes back to the agency.
RESUBMIT_ON_EDIT = frozenset({S.PLANNED, S.ACTIVE})


# --- who is acting ---------------------------------------------------------------------------


def _role(actor, program: Program) -> str | None:
    """An officer of the program's company, or staff (not a viewer) whose area holds the
    registering agency's region; None for anyone else."""
    if actor is None or not actor.is_active:
        return None
    if officer_company_id(actor) == program.company_id:
        return OFFICER
    if is_dinsos(actor) and program.agency_id is not None:
        scope = staff_scope(actor)
        # The registering agency's own staff, or staff of an agency whose area holds it.
        if not scope.read_only and scope.covers(program.agency.region_id or ""):
            return STAFF
    return None


def move_problem(program: Program, to: str, actor, *, by_edit: bool = False) -> str | None:
    """Why ``actor`` may not move ``program`` to ``to`` now, or None. A reason, where the move
    needs one, is asked for separately."""
    if to not in S.values:
        return _("There is no such status.")
    move = TRANSITIONS.get((program.status, to))
    if move is None or move.by_edit != by_edit:
        return _("A program that is “%(old)s” cannot become “%(new)s”.") % {
            "old": S(program.status).label,
            "new": S(to).label,
        }
    role = _role(actor, program)
    if role is None or role not in move.by:
        return _("You are not allowed to make this change to this program.")
    if to == S.SUBMITTED and program.agency_id is None:
        return _("No agency on this portal covers the program's target regions.")
    return None


def program_moves_for(program: Program, actor) -> frozenset[str]:
    """The states ``actor`` may move the program to now (the buttons the portal and the admin
    offer), derived from ``TRANSITIONS``."""
    return frozenset(
        to for (frm, to) in TRANSITIONS if frm == program.status and move_problem(program, to, actor) is None
    )


def reason_needed(program: Program, to: str, actor) -> bool:
    move = TRANSITIONS.get((program.status, to))
    return bool(move and _role(actor, program) in move.reason_from)


def registered_state(program: Program, today: datetime.date | None = None) -> str:
    """What registering makes of a program: planned if it starts later, else active."""
    today = today or timezone.localdate()
    return S.PLANNED if program.start_date > today else S.ACTIVE


# --- notices ---------------------------------------------------------------------------------


def partner_url(program: Program) -> str:
    return reverse("partner:program_detail", args=[program.pk])


def staff_url(program: Program) -> str:
    return reverse("admin:programs_program_change", args=[program.pk])


def _notify(program: Program, event: str, role: str, reason: str) -> None:
    """The side that did not act hears of it: the agency's deciding staff when the company
    acted, the company's active officers when the agency did."""
    signature = program.agency.name if program.agency_id else ""
    if role == OFFICER:
        if program.agency_id is None:
            return
        users = deciding_staff(program.agency)
        url = staff_url(program)
    else:
        users = get_user_model().objects.filter(officer__company_id=program.company_id, is_active=True)
        url = partner_url(program)
    notify.program_event(program, event, users=users, url=url, reason=reason, signature=signature)


# --- moves -----------------------------------------------------------------------------------


def _lock(program: Program | int) -> Program:
    pk = program if isinstance(program, int) else program.pk
    return Program.objects.select_for_update(of=("self",)).select_related("company", "agency").get(pk=pk)


def _record(program: Program, old: str, actor, reason: str = "") -> None:
    ProgramStatusChange.objects.create(
        program=program, old_status=old, new_status=program.status, actor=actor, reason=reason
    )


def _apply(program: Program, to: str, actor, reason: str, *, by_edit: bool = False) -> None:
    """A move on a locked row."""
    if problem := move_problem(program, to, actor, by_edit=by_edit):
        raise ProgramError(problem)
    reason = (reason or "").strip()
    if reason_needed(program, to, actor) and not reason:
        raise ProgramError(_("Please give a reason."))
    old = program.status
    move = TRANSITIONS[(old, to)]
    role = _role(actor, program)
    program.status = to
    program.status_reason = reason
    program.save(update_fields=["status", "status_reason", "updated_at"])
    _record(program, old, actor, reason)
    if old != S.DRAFT or to != S.CANCELLED:  # a draft's end is the company's own business
        _notify(program, move.event, role, reason)


@transaction.atomic
def program_move(*, program: Program | int, to: str, actor, reason: str = "") -> Program:
    """Move a program to another state, if the table allows it and the actor may."""
    locked = _lock(program)
    _apply(locked, to, actor, reason)
    return locked


@transaction.atomic
def program_register(*, program: Program | int, actor, reason: str = "") -> Program:
    """The agency registers a submitted program: planned if it starts later, else active."""
    locked = _lock(program)
    _apply(locked, registered_state(locked), actor, reason)
    # The agency that registers a company's program works with the company (partners.selectors).
    partner_services.partnership_ensure(agency=locked.agency, company=locked.company, actor=actor)
    return locked


# --- writing a program -----------------------------------------------------------------------


def common_ancestor(codes: Iterable[str]) -> str:
    """The deepest region code all ``codes`` lie in ("" when they share no province)."""
    codes = list(codes)
    if not codes:
        return ""
    common = ancestor_codes(codes[0])
    for code in codes[1:]:
        ancestors = set(ancestor_codes(code))
        common = [c for c in common if c in ancestors]
    return common[-1] if common else ""


def agency_for_targets(regions: Iterable[Region]) -> Agency | None:
    """The registering agency of a program: the most local agency whose area holds every target."""
    return agency_for_region(common_ancestor(region.code for region in regions))


FIELDS = (
    "title",
    "title_en",
    "form",
    "budget",
    "start_date",
    "end_date",
    "target_beneficiaries",
    "description",
    "description_en",
    "government_program",
    "donor_iati_ref",
)


def _check(data: dict[str, Any], agency: Agency | None, regions: list[Region], company: Company) -> list[str]:
    problems = list(
        sdg_problems(
            company=company,
            goals=data.get("sdg_goals") or [],
            targets=data.get("sdg_targets") or [],
            pillars=data.get("tjsl_pillars") or [],
        ).values()
    )
    if not (data.get("title") or "").strip():
        problems.append(_("Give the program a title."))
    if data.get("form") not in ProgramForm.values:
        problems.append(_("Choose one of the four forms of the Perbup."))
    if not data.get("fields"):
        problems.append(_("Choose at least one field."))
    budget = data.get("budget")
    if budget is None or budget < 0:
        problems.append(_("The budget cannot be negative."))
    target_beneficiaries = data.get("target_beneficiaries") or 0
    if target_beneficiaries < 0:
        problems.append(_("The number of beneficiaries cannot be negative."))
    start, end = data.get("start_date"), data.get("end_date")
    if start is None:
        problems.append(_("Give the start date."))
    elif end is not None and end < start:
        problems.append(_("The program cannot end before it starts."))
    not_local = [r for r in regions if r.level < RegionLevel.DISTRICT]
    if not_local:
        problems.append(
            _("%(regions)s: choose kecamatan or villages as targets.")
            % {"regions": ", ".join(f"{r.name} ({r.code})" for r in not_local)}
        )
    elif regions and agency is None:
        problems.append(
            _(
                "No one agency on this portal covers all of %(regions)s: a program is registered with the "
                "agency of its target region, so choose targets in one agency's area."
            )
            % {"regions": ", ".join(f"{r.name} ({r.code})" for r in regions)}
        )
    else:
        problems.extend(target_problems(agency, regions))
    return problems


def _write(program: Program, data: dict[str, Any], regions: list[Region], fields: list[CsrField]) -> None:
    for name in FIELDS:
        if name in data:
            value = data[name]
            if isinstance(value, str):
                value = value.strip()
            setattr(program, name, value)
    program.target_beneficiaries = program.target_beneficiaries or 0
    program.save()
    program.fields.set(fields)
    program.target_regions.set(regions)
    # The SDG tags and TJSL pillars (issue 27); left as they are when the caller does not send them.
    for name in ("sdg_goals", "sdg_targets", "tjsl_pillars"):
        if name in data:
            getattr(program, name).set(list(data[name] or []))


def _require_officer(actor, company: Company) -> None:
    if actor is None or not actor.is_active or officer_company_id(actor) != company.pk:
        raise ProgramError(_("Only an officer of this company can write its programs."))


@transaction.atomic
def program_create(*, company: Company, actor, data: dict[str, Any], submit: bool = False) -> Program:
    """A company's officer writes a new program: a draft, or submitted to the agency of its
    target regions at once. ``data`` holds the model's fields, ``fields`` (CSR fields) and
    ``target_regions``; every problem is refused with one ``ProgramError`` listing them all."""
    _require_officer(actor, company)
    regions = list(data.get("target_regions") or [])
    fields = list(data.get("fields") or [])
    agency = agency_for_targets(regions)
    problems = _check(data, agency, regions, company)
    if problems:
        raise ProgramError(" ".join(problems))
    program = Program(company=company, agency=agency, status=S.DRAFT)
    _write(program, data, regions, fields)
    _record(program, "", actor)
    if submit:
        program = _lock(program)
        _apply(program, S.SUBMITTED, actor, "")
    return program


@transaction.atomic
def program_update(*, program: Program | int, actor, data: dict[str, Any], submit: bool = False) -> Program:
    """An officer changes a program: freely while a draft or when the agency asked for
    changes; a registered (planned or running) program goes back to the agency, submitted
    again. Once the agency has seen a program its targets stay in that agency's area."""
    locked = _lock(program)
    if _role(actor, locked) != OFFICER:
        raise ProgramError(_("Only an officer of this company can write its programs."))
    editable = locked.status in EDITABLE_STATES or locked.status in RESUBMIT_ON_EDIT
    if not editable:
        raise ProgramError(_("A program that is “%(status)s” cannot be changed.") % {"status": S(locked.status).label})
    regions = list(data.get("target_regions") or [])
    fields = list(data.get("fields") or [])
    agency = agency_for_targets(regions) if locked.status == S.DRAFT else locked.agency
    problems = _check(data, agency, regions, locked.company)
    if problems:
        raise ProgramError(" ".join(problems))
    locked.agency = agency
    _write(locked, data, regions, fields)
    if locked.status in RESUBMIT_ON_EDIT:
        _apply(locked, S.SUBMITTED, actor, "", by_edit=True)
    elif submit:
        _apply(locked, S.SUBMITTED, actor, "")
    return locked


def program_staff_saved(*, program: Program, actor, created: bool) -> Program:
    """After staff save a program in the admin: the registering agency follows the targets
    when none is set, and a new program's first status is recorded."""
    if program.agency_id is None:
        agency = agency_for_targets(program.target_regions.all())
        if agency is not None:
            program.agency = agency
            program.save(update_fields=["agency", "updated_at"])
    if created:
        _record(program, "", actor)
    return program
