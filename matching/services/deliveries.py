"""How deliveries are reported and reviewed: a partner's delivery report with its evidence
files and BAST number (``delivery_report_submit``), and Dinsos's verification
(``delivery_verify``) or rejection (``delivery_reject``) of it, which move the pledge and the
need on.
"""

from __future__ import annotations

import datetime

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from facilities.models import Need
from matching import evidence as evidence_checks
from matching.bast import bast_allocate
from matching.confirmation import override_problem
from matching.errors import PledgeError
from matching.models import DeliveryReport, DeliveryStatus, Evidence, Pledge, PledgeOrigin
from matching.services.moves import _apply, _lock, _notify, _save_need
from matching.services.rules import S, _require_area, _require_dinsos, delivery_problem


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
