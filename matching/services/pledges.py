"""How pledges are made and lowered: a partner's offer (``pledge_offer``), a Dinsos proposal
(``pledge_propose``), each checked against the open need and its uncovered quantity, and the
reduction of a live pledge (``pledge_reduce``).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from facilities.models import Need, NeedStatus
from matching.errors import PledgeError
from matching.models import LIVE_STATES, Pledge, PledgeOrigin
from matching.services.moves import _apply, _bucket, _lock, _lock_need, _notify, _proposed, _record, _save_need
from matching.services.rules import _CANCEL, PARTNER, S, _check_actor, _require_area, _require_dinsos, _role
from partners.models import Company, CompanyStatus
from programs.models import Program


def _respond_by() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=settings.PLEDGE_RESPONSE_DAYS)


def _create(
    *,
    need: Need | int,
    company: Company,
    quantity: int,
    actor,
    origin: str,
    status: str,
    value: int | None,
    program: Program | None,
    note: str,
    expected_delivery_date: datetime.date | None,
    event: str,
) -> Pledge:
    need_id = need if isinstance(need, int) else need.pk
    locked = _lock_need(need_id)
    if origin == PledgeOrigin.PROPOSAL:
        _require_area(actor, locked)
    if locked.status != NeedStatus.OPEN:
        raise PledgeError(_("This need is no longer open for pledges."))
    if company.status == CompanyStatus.INACTIVE:
        raise PledgeError(_("This partner is inactive."))
    if program is not None and program.company_id != company.pk:
        raise PledgeError(_("The program belongs to another company."))
    if not isinstance(quantity, int) or quantity <= 0:
        raise PledgeError(_("The quantity must be a whole number above zero."))
    remaining = locked.quantity_remaining
    if quantity > remaining:
        raise PledgeError(
            _("Only %(remaining)s %(unit)s of this need remain uncovered; you asked for %(quantity)s.")
            % {"remaining": remaining, "unit": locked.unit, "quantity": quantity}
        )
    pledge = Pledge.objects.create(
        need=locked,
        company=company,
        program=program,
        quantity=quantity,
        value=value if value is not None else quantity * locked.unit_cost,
        origin=origin,
        status=status,
        note=note,
        expected_delivery_date=expected_delivery_date,
        respond_by=_respond_by(),
        created_by=actor,
    )
    locked.quantity_pending += quantity
    locked.quantity_proposed += _proposed(status, quantity)
    _save_need(locked)
    _record(pledge, "", actor)
    _notify(pledge, event, actor=actor)
    return pledge


@transaction.atomic
def pledge_offer(
    *,
    need: Need | int,
    company: Company,
    quantity: int,
    actor,
    value: int | None = None,
    program: Program | None = None,
    note: str = "",
    expected_delivery_date: datetime.date | None = None,
) -> Pledge:
    """A partner offers to cover part or all of a need; Dinsos approves or rejects it."""
    if _role(actor, company.pk) != PARTNER:
        raise PledgeError(_("Only an officer of this company can make an offer in its name."))
    return _create(
        need=need,
        company=company,
        quantity=quantity,
        actor=actor,
        origin=PledgeOrigin.OFFER,
        status=S.OFFERED,
        value=value,
        program=program,
        note=note,
        expected_delivery_date=expected_delivery_date,
        event="offered",
    )


@transaction.atomic
def pledge_propose(
    *,
    need: Need | int,
    company: Company,
    quantity: int,
    actor,
    value: int | None = None,
    program: Program | None = None,
    note: str = "",
    expected_delivery_date: datetime.date | None = None,
) -> Pledge:
    """Dinsos proposes a match to a partner; the partner accepts or declines it."""
    _require_dinsos(actor, "matching.propose_pledge")
    return _create(
        need=need,
        company=company,
        quantity=quantity,
        actor=actor,
        origin=PledgeOrigin.PROPOSAL,
        status=S.PROPOSED,
        value=value,
        program=program,
        note=note,
        expected_delivery_date=expected_delivery_date,
        event="proposed",
    )


@transaction.atomic
def pledge_reduce(*, pledge: Pledge | int, quantity: int, actor, reason: str) -> Pledge:
    """Lower a live pledge's quantity, freeing the rest of the need. Down to what was already
    reported delivered, at which point the pledge counts as delivered."""
    pledge_id = pledge if isinstance(pledge, int) else pledge.pk
    locked, need = _lock(pledge_id)
    _check_actor(_CANCEL, actor, locked.company_id, need)
    reason = (reason or "").strip()
    if not reason:
        raise PledgeError(_("Please give a reason."))
    if locked.status not in LIVE_STATES:
        raise PledgeError(_("Only a pledge that is still open can be reduced."))
    if not isinstance(quantity, int) or quantity <= 0 or quantity >= locked.quantity:
        raise PledgeError(
            _("The new quantity must be above zero and below the current %(q)s.") % {"q": locked.quantity}
        )
    if quantity < locked.quantity_reported:
        raise PledgeError(
            _("%(reported)s were already reported delivered; the pledge cannot go below that.")
            % {"reported": locked.quantity_reported}
        )
    freed = locked.quantity - quantity
    bucket = _bucket(locked.status)
    setattr(need, bucket, getattr(need, bucket) - freed)
    need.quantity_proposed -= _proposed(locked.status, freed)
    _save_need(need)
    unit_value = locked.value // locked.quantity if locked.quantity else 0
    old_quantity = locked.quantity
    locked.quantity = quantity
    locked.value = unit_value * quantity
    locked.status_reason = reason
    locked.save(update_fields=["quantity", "value", "status_reason", "updated_at"])
    change_reason = _("Reduced from %(old)s to %(new)s: %(reason)s") % {
        "old": old_quantity,
        "new": quantity,
        "reason": reason,
    }
    _record(locked, locked.status, actor, change_reason)
    _notify(locked, "reduced", actor=actor, reason=change_reason)
    if locked.quantity_reported == locked.quantity:
        _apply(locked, need, S.DELIVERED, actor, "")
    return locked
