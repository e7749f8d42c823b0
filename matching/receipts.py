"""The facility's side of a delivery: it confirms what it received, or disputes the report.

Only an account of the receiving facility (facilities.FacilityMember) answers, for a delivery
report on one of its own needs that Dinsos has not rejected. A confirmation says how much
arrived (never more than was reported), when (never in the future), in what condition, and
may carry a photo, checked by its content and stored without metadata like evidence photos.
A dispute needs a reason. The facility may correct its answer until Dinsos reviews the
report; every answer stays in the receipt's history. The agency's staff and the company's
officers hear of it. Dinsos still verifies (matching.services.delivery_verify), and needs a
reason to verify against a dispute or without a timely confirmation (matching.confirmation).
"""

from __future__ import annotations

import datetime

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.roles import facility_id_of
from matching import evidence as evidence_checks
from matching.errors import PledgeError
from matching.models import (
    THANK_YOU_MAX_LENGTH,
    DeliveryReceipt,
    DeliveryReport,
    DeliveryStatus,
    EvidenceKind,
    ReceiptCondition,
    ReceiptOutcome,
)
from matching.services.moves import _notify

REASON_MAX = 2000


def receipt_problem(report: DeliveryReport, actor) -> str | None:
    """Why ``actor`` may not answer for this delivery report now, or None."""
    if actor is None or not actor.is_active or facility_id_of(actor) != report.pledge.need.facility_id:
        return _("Only an account of the receiving facility can confirm or dispute this delivery.")
    if report.status == DeliveryStatus.REJECTED:
        return _("Dinsos did not accept this delivery report; there is nothing to confirm.")
    if report.status == DeliveryStatus.VERIFIED:
        return _("Dinsos has already verified this delivery.")
    return None


def _lock(report: DeliveryReport | int) -> DeliveryReport:
    report_id = report if isinstance(report, int) else report.pk
    return (
        DeliveryReport.objects.select_for_update(of=("self",))
        .select_related("pledge__need__facility", "pledge__company")
        .get(pk=report_id)
    )


def _receipt(locked: DeliveryReport) -> DeliveryReceipt:
    return DeliveryReceipt.objects.filter(report=locked).first() or DeliveryReceipt(report=locked)


def _answer(receipt: DeliveryReceipt, actor, values: dict) -> DeliveryReceipt:
    """Save the answer; simple-history keeps the previous one (with its photo's name)."""
    for name, value in values.items():
        setattr(receipt, name, value)
    receipt.answered_by = actor
    receipt.answered_at = timezone.now()
    receipt._history_user = actor
    receipt.save()
    return receipt


def delivery_receipt_confirm(
    *,
    report: DeliveryReport | int,
    actor,
    quantity_received: int,
    received_on: datetime.date,
    condition: str,
    note: str = "",
    photo: UploadedFile | None = None,
    thank_you: str = "",
) -> DeliveryReceipt:
    """The facility confirms receipt. A photo file stored by a failed confirmation is removed.
    ``thank_you`` is the facility's short note to the company, public on the need's page once
    Dinsos has verified the delivery."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = _lock(report)
            if problem := receipt_problem(locked, actor):
                raise PledgeError(problem)
            if not isinstance(quantity_received, int) or quantity_received <= 0:
                raise PledgeError(_("The quantity received must be a whole number above zero."))
            if quantity_received > locked.quantity:
                raise PledgeError(
                    _("The company reported %(reported)s %(unit)s; you cannot confirm more than that.")
                    % {"reported": locked.quantity, "unit": locked.pledge.need.unit}
                )
            if received_on is None or received_on > timezone.localdate():
                raise PledgeError(_("The date received cannot be in the future."))
            if condition not in ReceiptCondition.values:
                raise PledgeError(_("Please choose the condition of what arrived."))
            values = {
                "outcome": ReceiptOutcome.CONFIRMED,
                "quantity_received": quantity_received,
                "received_on": received_on,
                "condition": condition,
                "reason": "",
                "note": (note or "").strip()[:REASON_MAX],
                "thank_you": " ".join((thank_you or "").split())[:THANK_YOU_MAX_LENGTH],
            }
            receipt = _receipt(locked)
            if photo is not None:
                content_type = evidence_checks.check_file(photo, EvidenceKind.PHOTO)
                content = evidence_checks.stored_content(photo, EvidenceKind.PHOTO, content_type)
                receipt.photo_content_type = content_type
                receipt.photo.save(photo.name or "receipt", content, save=False)
                stored.append(receipt.photo.name)
            saved = _answer(receipt, actor, values)
            reported = locked.quantity
            detail = (
                ""
                if quantity_received == reported
                else _("%(received)s of %(reported)s received.")
                % {
                    "received": quantity_received,
                    "reported": reported,
                }
            )
            _notify(locked.pledge, "receipt_confirmed", actor=actor, reason=detail)
            return saved
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise


@transaction.atomic
def delivery_receipt_dispute(
    *, report: DeliveryReport | int, actor, reason: str, quantity_received: int | None = None
) -> DeliveryReceipt:
    """The facility disputes the report (nothing arrived, less than reported, not what was
    promised), with a reason that Dinsos and the company read."""
    locked = _lock(report)
    if problem := receipt_problem(locked, actor):
        raise PledgeError(problem)
    reason = (reason or "").strip()
    if not reason:
        raise PledgeError(_("Please say what is wrong with this delivery."))
    if quantity_received is not None and (
        not isinstance(quantity_received, int) or quantity_received < 0 or quantity_received > locked.quantity
    ):
        raise PledgeError(
            _("The quantity received must be between 0 and the %(reported)s reported.") % {"reported": locked.quantity}
        )
    saved = _answer(
        _receipt(locked),
        actor,
        {
            "outcome": ReceiptOutcome.DISPUTED,
            "quantity_received": quantity_received,
            "received_on": None,
            "condition": "",
            "reason": reason[:REASON_MAX],
            "note": "",
            "thank_you": "",
        },
    )
    _notify(locked.pledge, "receipt_disputed", actor=actor, reason=saved.reason)
    return saved
