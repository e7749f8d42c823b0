"""What a facility asks of Dinsos about its needs, and how Dinsos answers.

A facility account (facilities.FacilityMember) proposes a **new need**, which is created at once
as a draft of its own facility (``need_create(publish=False)``) for Dinsos to check and publish,
or a **change** to one of its needs, kept as a ``NeedProposal`` until Dinsos applies it (through
``need_update``, with every rule of the need services) or declines it with a reason. Either way
the staff of the facility's agency get a notice. Nothing here writes a need except through
``facilities.services``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.scope import agency_for_region, deciding_staff, staff_scope
from core.roles import facility_id_of, is_dinsos
from facilities import services
from facilities.models import Need, NeedProposal, NeedStatus, ProposalStatus
from facilities.services import NeedError
from notifications.services import need_event

# What a facility may propose to change; publishing, visibility and the facility stay with Dinsos.
PROPOSABLE_FIELDS = (
    "title",
    "description",
    "field",
    "kind",
    "quantity",
    "unit",
    "unit_cost",
    "priority",
    "needed_by",
    "beneficiaries",
)


def _tell_staff(need: Need, event: str, detail: str = "") -> None:
    agency = agency_for_region(need.facility.region_id)
    need_event(need, event, staff=deciding_staff(agency), detail=detail, signature=agency.name if agency else "")


def _require_member_of(actor, facility_id: int) -> None:
    if actor is None or not actor.is_active or facility_id_of(actor) != facility_id:
        raise NeedError(_("Only an account of this facility can propose changes to its needs."))


def _stored(name: str, value: Any) -> Any:
    """A proposed value as JSON keeps it: a CSR field by its code, a date as ISO text."""
    if name == "field":
        return value.pk
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _applied(name: str, value: Any) -> tuple[str, Any]:
    if name == "field":
        return "field_id", value
    if name == "needed_by" and value:
        return name, datetime.date.fromisoformat(value)
    return name, value


@transaction.atomic
def need_propose(*, actor, facility_id: int, values: Mapping[str, Any], note: str = "") -> Need:
    """A new need proposed by the facility: a draft of its own facility, waiting for Dinsos."""
    _require_member_of(actor, facility_id)
    unknown = set(values) - set(PROPOSABLE_FIELDS)
    if unknown:
        raise TypeError(f"need_propose got fields a facility may not set: {sorted(unknown)}")
    need = services.need_create(actor=actor, publish=False, facility_id=facility_id, **values)
    _tell_staff(need, "need_proposed", (note or "").strip())
    return need


@transaction.atomic
def need_change_propose(*, actor, need: Need, changes: Mapping[str, Any], note: str = "") -> NeedProposal:
    """Proposed changes to one of the facility's needs; only fields that differ are kept."""
    _require_member_of(actor, need.facility_id)
    unknown = set(changes) - set(PROPOSABLE_FIELDS)
    if unknown:
        raise TypeError(f"need_change_propose got fields a facility may not set: {sorted(unknown)}")
    locked = Need.objects.select_for_update(of=("self",)).select_related("facility").get(pk=need.pk)
    if locked.status == NeedStatus.CANCELLED:
        raise NeedError(_("This need was cancelled; propose a new need instead."))
    differing = {
        name: _stored(name, value)
        for name, value in changes.items()
        if _stored(name, value) != _stored(name, getattr(locked, "field" if name == "field" else name))
    }
    if not differing:
        raise NeedError(_("Nothing differs from the need as it stands."))
    if "quantity" in differing and (problem := services.quantity_problem(locked, differing["quantity"])):
        raise NeedError(problem, field="quantity")
    proposal = NeedProposal.objects.create(
        need=locked, changes=differing, note=(note or "").strip()[:2000], proposed_by=actor
    )
    _tell_staff(locked, "need_change_proposed", proposal.note)
    return proposal


def _lock_pending(proposal: NeedProposal, actor) -> NeedProposal:
    locked = NeedProposal.objects.select_for_update(of=("self",)).select_related("need__facility").get(pk=proposal.pk)
    if not is_dinsos(actor) or not actor.has_perm("facilities.change_needproposal"):
        raise NeedError(_("Only Dinsos staff can do this."))
    scope = staff_scope(actor)
    if scope.read_only or not scope.covers(locked.need.facility.region_id):
        raise NeedError(_("This facility belongs to another agency's area."))
    if locked.status != ProposalStatus.PENDING:
        raise NeedError(_("This proposal was already answered."))
    return locked


@transaction.atomic
def need_proposal_apply(*, proposal: NeedProposal, actor) -> Need:
    """Dinsos applies the proposed changes through ``need_update`` (every rule applies)."""
    locked = _lock_pending(proposal, actor)
    changes = dict(_applied(name, value) for name, value in locked.changes.items())
    need = services.need_update(need=locked.need, actor=actor, changes=changes)
    locked.status = ProposalStatus.APPLIED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    return need


@transaction.atomic
def need_proposal_decline(*, proposal: NeedProposal, actor, reason: str) -> NeedProposal:
    reason = (reason or "").strip()
    if not reason:
        raise NeedError(_("Please give a reason."))
    locked = _lock_pending(proposal, actor)
    locked.status = ProposalStatus.DECLINED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.decision_note = reason[:2000]
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return locked
