"""How a move is carried out on locked rows: the one lock order (the need, then the pledge),
the coverage arithmetic of the need's counters, the status history and the notices; then the
moves themselves, ``pledge_transition`` and the lapse of unanswered pledges
(``pledges_lapse_overdue``).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.scope import agency_for_region, deciding_staff
from facilities.models import Need
from facilities.services import settled_status
from matching.errors import PledgeError
from matching.models import COVERING_STATES, PENDING_STATES, Pledge, PledgeStatus, PledgeStatusChange
from matching.services.rules import TRANSITIONS, S, move_problem
from notifications import services as notify


def _bucket(status: str) -> str | None:
    if status in PENDING_STATES:
        return "quantity_pending"
    if status in COVERING_STATES:
        return "quantity_covered"
    return None


def _proposed(status: str, quantity: int) -> int:
    """What a pledge in ``status`` holds of ``Need.quantity_proposed``: a Dinsos proposal that the
    partner has not answered is part of the pending quantity, but nobody agreed to it yet."""
    return quantity if status == PledgeStatus.PROPOSED else 0


def _lock_need(need_id: int) -> Need:
    # The facility comes along (whose area decides who may act); only the need's row is locked.
    return Need.objects.select_for_update(of=("self",)).select_related("facility").get(pk=need_id)


def _lock(pledge_id: int) -> tuple[Pledge, Need]:
    """Lock the need, then the pledge: the one lock order used everywhere."""
    need_id = Pledge.objects.values_list("need_id", flat=True).get(pk=pledge_id)
    need = _lock_need(need_id)
    pledge = Pledge.objects.select_for_update().select_related("company").get(pk=pledge_id)
    pledge.need = need
    return pledge, need


def _notify(pledge: Pledge, event: str, *, actor, reason: str = "") -> None:
    """The workflow follows the facility's agency: its staff get the notices, its name signs
    the e-mails."""
    agency = agency_for_region(pledge.need.facility.region_id)
    staff = list(deciding_staff(agency))
    signature = agency.name if agency is not None else ""
    notify.pledge_event(pledge, event, actor=actor, reason=reason, staff=staff, signature=signature)


def _save_need(need: Need) -> None:
    need.status = settled_status(need, need.status)
    need.save(
        update_fields=[
            "quantity_pending",
            "quantity_proposed",
            "quantity_covered",
            "quantity_delivered",
            "status",
            "updated_at",
        ]
    )


def _record(pledge: Pledge, old: str, actor, reason: str = "") -> None:
    PledgeStatusChange.objects.create(
        pledge=pledge, old_status=old, new_status=pledge.status, quantity=pledge.quantity, actor=actor, reason=reason
    )


def _apply(pledge: Pledge, need: Need, to: str, actor, reason: str) -> str:
    """Perform a move on locked rows; returns the event name."""
    old = pledge.status
    if problem := move_problem(pledge, to, actor):
        raise PledgeError(problem)
    move = TRANSITIONS[(old, to)]
    reason = (reason or "").strip()
    if move.reason_required and not reason:
        raise PledgeError(_("Please give a reason."))

    source, target = _bucket(old), _bucket(to)
    if source != target or (old == PledgeStatus.PROPOSED) != (to == PledgeStatus.PROPOSED):
        if source:
            setattr(need, source, getattr(need, source) - pledge.quantity)
        if target:
            setattr(need, target, getattr(need, target) + pledge.quantity)
        need.quantity_proposed += _proposed(to, pledge.quantity) - _proposed(old, pledge.quantity)
        _save_need(need)
    pledge.status = to
    pledge.status_reason = reason
    if to not in PENDING_STATES:
        pledge.respond_by = None
    pledge.save(update_fields=["status", "status_reason", "respond_by", "updated_at"])
    _record(pledge, old, actor, reason)
    _notify(pledge, move.event, actor=actor, reason=reason)
    return move.event


@transaction.atomic
def pledge_transition(*, pledge: Pledge | int, to: str, actor, reason: str = "") -> Pledge:
    """Move a pledge to another state, if the table allows it and the actor may."""
    pledge_id = pledge if isinstance(pledge, int) else pledge.pk
    locked, need = _lock(pledge_id)
    _apply(locked, need, to, actor, reason)
    return locked


def pledges_lapse_overdue(*, now: datetime.datetime | None = None) -> int:
    """Lapse every proposal or offer left unanswered past its answer-by time. Each pledge in
    its own transaction, so one failure does not hold back the others. For cron."""
    now = now or timezone.now()
    due = Pledge.objects.filter(status__in=PENDING_STATES, respond_by__lt=now).values_list("pk", flat=True)
    lapsed = 0
    for pledge_id in list(due):
        try:
            with transaction.atomic():
                pledge, need = _lock(pledge_id)
                if pledge.status in PENDING_STATES and pledge.respond_by and pledge.respond_by < now:
                    _apply(pledge, need, S.LAPSED, None, "")  # the event says why, in each reader's language
                    lapsed += 1
        except PledgeError:
            continue
    return lapsed
