"""The table of allowed pledge moves (``TRANSITIONS``) and who may make them: whether an actor
acts as Dinsos, as the pledging partner or as the system, in which agency's area, with which
permission; and why a move or a delivery report is refused now (``move_problem``,
``delivery_problem``). Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from agencies.scope import staff_scope
from core.roles import is_dinsos, officer_company_id
from facilities.models import Need
from matching.errors import PledgeError
from matching.models import DELIVERABLE_STATES, Pledge, PledgeOrigin, PledgeStatus

S = PledgeStatus
DINSOS, PARTNER, SYSTEM = "dinsos", "partner", "system"


@dataclass(frozen=True)
class Move:
    by: frozenset[str]
    event: str
    permission: str = ""  # what a Dinsos actor needs besides being staff
    reason_required: bool = False


def _move(by: set[str], event: str, permission: str = "", reason_required: bool = False) -> Move:
    return Move(frozenset(by), event, permission, reason_required)


_CANCEL = _move({DINSOS, PARTNER}, "cancelled", "matching.cancel_pledge", reason_required=True)
# A partner answers a proposal by declining it; withdrawing it is for Dinsos, who made it.
_CANCEL_PROPOSAL = _move({DINSOS}, "cancelled", "matching.cancel_pledge", reason_required=True)
_LAPSE = _move({SYSTEM}, "lapsed")
_DELIVERED = _move({DINSOS, PARTNER}, "delivered")
_REOPENED = _move({DINSOS}, "delivery_reopened", "matching.verify_delivery")

# The one table of allowed moves: (from, to) -> who may make it.
TRANSITIONS: dict[tuple[str, str], Move] = {
    (S.PROPOSED, S.ACCEPTED): _move({PARTNER}, "proposal_accepted"),
    (S.PROPOSED, S.DECLINED): _move({PARTNER}, "proposal_declined"),
    (S.OFFERED, S.APPROVED): _move({DINSOS}, "offer_approved", "matching.decide_pledge"),
    (S.OFFERED, S.REJECTED): _move({DINSOS}, "offer_rejected", "matching.decide_pledge", reason_required=True),
    (S.ACCEPTED, S.DELIVERED): _DELIVERED,
    (S.APPROVED, S.DELIVERED): _DELIVERED,
    (S.DELIVERED, S.VERIFIED): _move({DINSOS}, "verified", "matching.verify_delivery"),
    # A rejected delivery report reopens a fully reported pledge.
    (S.DELIVERED, S.ACCEPTED): _REOPENED,
    (S.DELIVERED, S.APPROVED): _REOPENED,
    (S.PROPOSED, S.CANCELLED): _CANCEL_PROPOSAL,
    (S.OFFERED, S.CANCELLED): _CANCEL,
    (S.ACCEPTED, S.CANCELLED): _CANCEL,
    (S.APPROVED, S.CANCELLED): _CANCEL,
    (S.PROPOSED, S.LAPSED): _LAPSE,
    (S.OFFERED, S.LAPSED): _LAPSE,
}


# --- who is acting ---------------------------------------------------------------------------


def _role(actor: AbstractBaseUser | None, company_id: int, need: Need | None = None) -> str | None:
    """Who is acting on a pledge of ``company_id`` for ``need``. Dinsos staff act only on needs
    of facilities in their agency's area, and never with a read-only (viewer) account."""
    if actor is None:
        return SYSTEM
    if not actor.is_active:
        return None
    if officer_company_id(actor) == company_id:
        return PARTNER
    if is_dinsos(actor) and (need is None or _decides_for(actor, need)):
        return DINSOS
    return None


def _decides_for(actor, need: Need) -> bool:
    scope = staff_scope(actor)
    return not scope.read_only and scope.covers(need.facility.region_id)


def _require_area(actor, need: Need) -> None:
    if actor is not None and not _decides_for(actor, need):
        raise PledgeError(_("This need belongs to another agency's area."))


def _actor_problem(move: Move, actor, company_id: int, need: Need | None = None) -> str | None:
    role = _role(actor, company_id, need)
    if role is None or role not in move.by:
        return _("You are not allowed to make this change to this pledge.")
    if role == DINSOS and move.permission and not actor.has_perm(move.permission):
        return _("Your account lacks the permission for this action.")
    return None


def _check_actor(move: Move, actor, company_id: int, need: Need | None = None) -> None:
    if problem := _actor_problem(move, actor, company_id, need):
        raise PledgeError(problem)


def move_problem(pledge: Pledge, to: str, actor) -> str | None:
    """Why ``actor`` may not move ``pledge`` to ``to`` now, or None: the table, who is acting,
    and what the pledge's deliveries allow. A reason, where the move needs one, is asked for
    separately."""
    old = pledge.status
    move = TRANSITIONS.get((old, to))
    if move is None:
        return _("A pledge that is “%(old)s” cannot become “%(new)s”.") % {"old": S(old).label, "new": S(to).label}
    if problem := _actor_problem(move, actor, pledge.company_id, pledge.need):
        return problem
    if to == S.DELIVERED and pledge.quantity_reported != pledge.quantity:
        return _("A pledge is delivered only when reports cover its whole quantity.")
    if to == S.VERIFIED and pledge.quantity_verified != pledge.quantity:
        return _("Verify every delivery report of this pledge first.")
    if to in (S.ACCEPTED, S.APPROVED) and old == S.DELIVERED:
        expected = S.ACCEPTED if pledge.origin == PledgeOrigin.PROPOSAL else S.APPROVED
        if to != expected or pledge.quantity_reported >= pledge.quantity:
            return _("This pledge cannot be reopened that way.")
    if to == S.CANCELLED and pledge.quantity_reported:
        return _("Deliveries were already reported for this pledge: reduce it to what was delivered instead.")
    return None


def pledge_moves_for(pledge: Pledge, actor) -> frozenset[str]:
    """The states this actor may move the pledge to now, derived from ``TRANSITIONS``: what
    the partner portal and the admin offer as buttons, and exactly what
    ``pledge_transition`` would accept."""
    return frozenset(
        to for (frm, to) in TRANSITIONS if frm == pledge.status and move_problem(pledge, to, actor) is None
    )


def delivery_problem(pledge: Pledge, actor) -> str | None:
    """Why ``actor`` may not report a delivery on this pledge now, or None."""
    if _role(actor, pledge.company_id) != PARTNER:
        return _("Only an officer of the pledging company can report its delivery.")
    if pledge.status not in DELIVERABLE_STATES:
        return _("Deliveries can be reported only for an accepted or approved pledge.")
    if pledge.quantity_outstanding <= 0:
        return _("Everything pledged has been reported already.")
    return None


def _require_dinsos(actor, permission: str) -> None:
    if not is_dinsos(actor):
        raise PledgeError(_("Only Dinsos staff can do this."))
    if not actor.has_perm(permission):
        raise PledgeError(_("Your account lacks the permission for this action."))
