"""The only way pledges and deliveries change.

Every function here is keyword-only, takes the acting user as ``actor`` (``None`` for the
system, e.g. the lapse command), runs in one transaction, locks the need row before the
pledge row (always in that order, so two moves never deadlock), refuses an illegal move with
``PledgeError`` and writes a ``PledgeStatusChange`` row for every change. Notifications are
recorded in the same transaction and sent by a background job after commit.

Coverage (docs/decisions.md): proposals and offers reserve their quantity
(``Need.quantity_pending``, of which unanswered proposals are ``Need.quantity_proposed``);
accepted, approved, delivered and verified pledges cover it (``Need.quantity_covered``);
verified deliveries are ``Need.quantity_delivered``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.scope import agency_for_region, deciding_staff, staff_scope
from core.roles import is_dinsos, officer_company_id
from facilities.models import Need, NeedStatus
from facilities.services import settled_status
from matching import evidence as evidence_checks
from matching.bast import bast_allocate
from matching.confirmation import override_problem
from matching.errors import PledgeError
from matching.models import (
    COVERING_STATES,
    DELIVERABLE_STATES,
    LIVE_STATES,
    PENDING_STATES,
    DeliveryReport,
    DeliveryStatus,
    Evidence,
    Pledge,
    PledgeOrigin,
    PledgeStatus,
    PledgeStatusChange,
)
from notifications import services as notify
from partners.models import Company, CompanyStatus
from programs.models import Program

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


# --- coverage arithmetic ---------------------------------------------------------------------


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


def delivery_report_submit(
    *,
    pledge: Pledge | int,
    actor,
    delivered_on: datetime.date,
    quantity: int,
    value: int | None = None,
    beneficiaries_reached: int = 0,
    notes: str = "",
    files: list[tuple[UploadedFile, str]] | None = None,
) -> DeliveryReport:
    """A partner reports (part of) a delivery, with photos and the BAST as evidence.

    Files are checked by content before anything is written; if the transaction fails after
    they were stored, they are removed again."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            return _delivery_report_submit(
                pledge=pledge,
                actor=actor,
                delivered_on=delivered_on,
                quantity=quantity,
                value=value,
                beneficiaries_reached=beneficiaries_reached,
                notes=notes,
                files=files or [],
                stored=stored,
            )
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise


def _delivery_report_submit(
    *, pledge, actor, delivered_on, quantity, value, beneficiaries_reached, notes, files, stored
):
    pledge_id = pledge if isinstance(pledge, int) else pledge.pk
    locked, need = _lock(pledge_id)
    if problem := delivery_problem(locked, actor):
        raise PledgeError(problem)
    if not isinstance(quantity, int) or quantity <= 0:
        raise PledgeError(_("The quantity must be a whole number above zero."))
    if quantity > locked.quantity_outstanding:
        raise PledgeError(
            _("Only %(outstanding)s of this pledge remain to be delivered.")
            % {"outstanding": locked.quantity_outstanding}
        )
    if delivered_on > timezone.localdate():
        raise PledgeError(_("The delivery date cannot be in the future."))
    checked = [(evidence_checks.check_file(upload, kind), upload, kind) for upload, kind in files]
    report = DeliveryReport.objects.create(
        pledge=locked,
        delivered_on=delivered_on,
        quantity=quantity,
        value=value if value is not None else (locked.value // locked.quantity) * quantity,
        beneficiaries_reached=beneficiaries_reached,
        notes=notes,
        reported_by=actor,
    )
    bast_allocate(report=report, issued_on=timezone.localdate())
    for content_type, upload, kind in checked:
        content = evidence_checks.stored_content(upload, kind, content_type)
        item = Evidence(
            report=report,
            kind=kind,
            content_type=content_type,
            size=content.size,
            original_name=(upload.name or "")[-200:],
            uploaded_by=actor,
        )
        item.file.save(upload.name or "evidence", content, save=False)
        stored.append(item.file.name)
        item.save()
    locked.quantity_reported += quantity
    locked.save(update_fields=["quantity_reported", "updated_at"])
    _notify(locked, "delivery_reported", actor=actor)
    if locked.quantity_reported == locked.quantity:
        _apply(locked, need, S.DELIVERED, actor, "")
    return report


def _lock_report(report_id: int) -> tuple[DeliveryReport, Pledge, Need]:
    pledge_id = DeliveryReport.objects.values_list("pledge_id", flat=True).get(pk=report_id)
    pledge, need = _lock(pledge_id)
    report = DeliveryReport.objects.select_for_update().get(pk=report_id)
    report.pledge = pledge
    return report, pledge, need


@transaction.atomic
def delivery_verify(
    *, report: DeliveryReport | int, actor, note: str = "", override_reason: str = ""
) -> DeliveryReport:
    """Dinsos confirms receipt. The need's delivered quantity moves; a fully verified pledge
    becomes verified, and a need whose verified deliveries reach its quantity is fulfilled.

    A delivery the facility disputed, or has not confirmed within ``RECEIPT_CONFIRM_DAYS``,
    is verified only with an ``override_reason`` (matching.confirmation), kept on the report."""
    _require_dinsos(actor, "matching.verify_delivery")
    report_id = report if isinstance(report, int) else report.pk
    locked, pledge, need = _lock_report(report_id)
    _require_area(actor, need)
    if locked.status != DeliveryStatus.SUBMITTED:
        raise PledgeError(_("This delivery report was already reviewed."))
    override_reason = (override_reason or "").strip()
    if (problem := override_problem(locked)) and not override_reason:
        raise PledgeError(_("%(problem)s Give a reason to verify it anyway.") % {"problem": problem})
    locked.status = DeliveryStatus.VERIFIED
    locked.verified_by = actor
    locked.verified_at = timezone.now()
    locked.review_note = note
    locked.override_reason = override_reason if problem else ""
    locked.save(update_fields=["status", "verified_by", "verified_at", "review_note", "override_reason"])
    pledge.quantity_verified += locked.quantity
    pledge.save(update_fields=["quantity_verified", "updated_at"])
    need.quantity_delivered += locked.quantity
    _save_need(need)
    _notify(pledge, "delivery_verified", actor=actor, reason=" ".join(filter(None, [note, locked.override_reason])))
    if pledge.status == S.DELIVERED and pledge.quantity_verified == pledge.quantity:
        _apply(pledge, need, S.VERIFIED, actor, note)
    return locked


@transaction.atomic
def delivery_reject(*, report: DeliveryReport | int, actor, reason: str) -> DeliveryReport:
    """Dinsos does not accept a delivery report (wrong quantity, no BAST...). Its quantity is
    open to report again."""
    _require_dinsos(actor, "matching.verify_delivery")
    reason = (reason or "").strip()
    if not reason:
        raise PledgeError(_("Please give a reason."))
    report_id = report if isinstance(report, int) else report.pk
    locked, pledge, need = _lock_report(report_id)
    _require_area(actor, need)
    if locked.status != DeliveryStatus.SUBMITTED:
        raise PledgeError(_("This delivery report was already reviewed."))
    locked.status = DeliveryStatus.REJECTED
    locked.verified_by = actor
    locked.verified_at = timezone.now()
    locked.review_note = reason
    locked.save(update_fields=["status", "verified_by", "verified_at", "review_note"])
    pledge.quantity_reported -= locked.quantity
    pledge.save(update_fields=["quantity_reported", "updated_at"])
    _notify(pledge, "delivery_rejected", actor=actor, reason=reason)
    if pledge.status == S.DELIVERED:
        reopened = S.ACCEPTED if pledge.origin == PledgeOrigin.PROPOSAL else S.APPROVED
        _apply(pledge, need, reopened, actor, reason)
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
