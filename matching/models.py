"""Pledges against needs, their status history, delivery reports and evidence.

Nothing here is changed except through ``matching.services``; nothing here is ever deleted.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PledgeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed by Dinsos")
    OFFERED = "offered", _("Offered by partner")
    ACCEPTED = "accepted", _("Accepted by partner")
    APPROVED = "approved", _("Approved by Dinsos")
    DELIVERED = "delivered", _("Delivered, awaiting verification")
    VERIFIED = "verified", _("Delivery verified")
    DECLINED = "declined", _("Declined by partner")
    REJECTED = "rejected", _("Rejected by Dinsos")
    CANCELLED = "cancelled", _("Cancelled")
    LAPSED = "lapsed", _("Lapsed (no answer in time)")


# Which states hold quantity of the need (see docs/decisions.md, "Coverage"):
# a proposal or offer reserves its quantity while it waits for an answer, so two partners can
# never be promised the same mattresses; accepted and approved pledges (and their deliveries)
# cover the need; closed pledges hold nothing.
PENDING_STATES = frozenset({PledgeStatus.PROPOSED, PledgeStatus.OFFERED})
COVERING_STATES = frozenset(
    {PledgeStatus.ACCEPTED, PledgeStatus.APPROVED, PledgeStatus.DELIVERED, PledgeStatus.VERIFIED}
)
LIVE_STATES = PENDING_STATES | {PledgeStatus.ACCEPTED, PledgeStatus.APPROVED}
# States in which a partner reports deliveries.
DELIVERABLE_STATES = frozenset({PledgeStatus.ACCEPTED, PledgeStatus.APPROVED})


class PledgeOrigin(models.TextChoices):
    OFFER = "offer", _("Offered by partner")
    PROPOSAL = "proposal", _("Proposed by Dinsos")


class PledgeQuerySet(models.QuerySet):
    def delete(self):
        raise PermissionError("Pledges are never deleted; cancel them instead.")

    def for_company(self, company):
        return self.filter(company=company)


class Pledge(models.Model):
    need = models.ForeignKey(
        "facilities.Need", verbose_name=_("need"), on_delete=models.PROTECT, related_name="pledges"
    )
    company = models.ForeignKey(
        "partners.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="pledges"
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    value = models.PositiveBigIntegerField(_("value (Rp)"), default=0)
    origin = models.CharField(_("origin"), max_length=10, choices=PledgeOrigin.choices)
    status = models.CharField(_("status"), max_length=20, choices=PledgeStatus.choices, db_index=True)
    note = models.TextField(_("note"), blank=True)
    expected_delivery_date = models.DateField(_("expected delivery date"), null=True, blank=True)
    respond_by = models.DateTimeField(_("answer expected by"), null=True, blank=True, db_index=True)
    quantity_reported = models.PositiveIntegerField(_("quantity reported delivered"), default=0, editable=False)
    quantity_verified = models.PositiveIntegerField(_("quantity verified"), default=0, editable=False)
    status_reason = models.TextField(_("reason for the last change"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        permissions = [
            ("propose_pledge", _("Can propose a pledge to a partner")),
            ("decide_pledge", _("Can approve or reject an offer")),
            ("verify_delivery", _("Can verify a delivery")),
            ("cancel_pledge", _("Can cancel or reduce a pledge")),
        ]
        indexes = [models.Index(fields=["company", "status"], name="pledge_company_status_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="pledge_quantity_positive"),
            models.CheckConstraint(
                condition=Q(quantity__gte=F("quantity_reported")), name="pledge_reported_within_quantity"
            ),
            models.CheckConstraint(
                condition=Q(quantity_reported__gte=F("quantity_verified")),
                name="pledge_verified_within_reported",
            ),
            models.CheckConstraint(condition=Q(status__in=PledgeStatus.values), name="pledge_status_valid"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.company} → {self.need.title} ({self.quantity})"

    def delete(self, *args, **kwargs):
        raise PermissionError("Pledges are never deleted; cancel them instead.")

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_STATES

    @property
    def quantity_outstanding(self) -> int:
        """What the partner still has to report as delivered."""
        return self.quantity - self.quantity_reported


class PledgeStatusChange(models.Model):
    """One row per move of a pledge: the history that nobody edits."""

    pledge = models.ForeignKey(Pledge, verbose_name=_("pledge"), on_delete=models.PROTECT, related_name="changes")
    old_status = models.CharField(_("from"), max_length=20, choices=PledgeStatus.choices, blank=True)
    new_status = models.CharField(_("to"), max_length=20, choices=PledgeStatus.choices)
    quantity = models.PositiveIntegerField(_("quantity"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("pledge status change")
        verbose_name_plural = _("pledge status changes")

    def __str__(self) -> str:
        return f"{self.old_status or '∅'} → {self.new_status}"


class DeliveryStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class DeliveryReportQuerySet(models.QuerySet):
    def delete(self):
        raise PermissionError("Delivery reports are never deleted.")


class DeliveryReport(models.Model):
    """What a partner actually delivered (realisasi), with evidence, and Dinsos's verification."""

    pledge = models.ForeignKey(Pledge, verbose_name=_("pledge"), on_delete=models.PROTECT, related_name="deliveries")
    delivered_on = models.DateField(_("delivery date"))
    quantity = models.PositiveIntegerField(_("quantity delivered"))
    value = models.PositiveBigIntegerField(_("value delivered (Rp)"), default=0)
    beneficiaries_reached = models.PositiveIntegerField(_("beneficiaries reached"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.SUBMITTED, db_index=True
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    review_note = models.TextField(_("verification note"), blank=True)
    # Why Dinsos verified although the facility disputed the delivery or had not confirmed it
    # within RECEIPT_CONFIRM_DAYS (matching.confirmation).
    override_reason = models.TextField(_("reason for verifying without the facility's confirmation"), blank=True)

    objects = DeliveryReportQuerySet.as_manager()

    class Meta:
        ordering = ["-delivered_on", "-id"]
        verbose_name = _("delivery report")
        verbose_name_plural = _("delivery reports")
        # The staff's list of reports in its order: PostgreSQL walks it and stops after a page
        # instead of sorting every report (docs/performance.md, "The delivery reports' list, the
        # new program form, possible duplicates").
        indexes = [models.Index(F("delivered_on").desc(), F("id").desc(), name="delivery_report_order_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="delivery_quantity_positive"),
            models.CheckConstraint(
                condition=Q(status=DeliveryStatus.SUBMITTED) | Q(verified_at__isnull=False),
                name="delivery_reviewed_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.pledge.need.unit} ({self.delivered_on:%d/%m/%Y})"

    def delete(self, *args, **kwargs):
        raise PermissionError("Delivery reports are never deleted.")

    @property
    def has_signed_bast(self) -> bool:
        """Whether the signed BAST came back as evidence (reads the prefetched evidence)."""
        return any(item.kind == EvidenceKind.BAST for item in self.evidence.all())


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    BAST = "bast", _("Signed handover record (BAST)")


def evidence_path(instance: "Evidence", filename: str) -> str:
    # Random names: nothing about the resident or the file's original name in the path.
    extension = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf"}.get(
        instance.content_type, "bin"
    )
    return f"evidence/{instance.report.pledge_id}/{uuid.uuid4().hex}.{extension}"


class Evidence(models.Model):
    """A photo or a BAST attached to a delivery report. Stored under MEDIA_ROOT, which no URL
    serves: only ``matching.views.evidence_download`` hands it out, to staff and the owning
    company."""

    report = models.ForeignKey(
        DeliveryReport, verbose_name=_("delivery report"), on_delete=models.PROTECT, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=200)
    content_type = models.CharField(_("content type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    original_name = models.CharField(_("original file name"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.original_name or self.file.name


THANK_YOU_MAX_LENGTH = 300


class ReceiptOutcome(models.TextChoices):
    CONFIRMED = "confirmed", _("Receipt confirmed")
    DISPUTED = "disputed", _("Disputed")


class ReceiptCondition(models.TextChoices):
    GOOD = "good", _("Good")
    PARTLY_DAMAGED = "partly_damaged", _("Partly damaged")
    DAMAGED = "damaged", _("Damaged or unusable")


def receipt_photo_path(instance: "DeliveryReceipt", filename: str) -> str:
    extension = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}.get(instance.photo_content_type, "bin")
    return f"receipts/{instance.report.pledge_id}/{uuid.uuid4().hex}.{extension}"


class DeliveryReceipt(models.Model):
    """The facility's side of a delivery report: it confirms what it received, or disputes the
    report with a reason. Written only by ``matching.receipts``; each answer is kept in the
    history (a facility may correct its answer until Dinsos has reviewed the report)."""

    report = models.OneToOneField(
        DeliveryReport, verbose_name=_("delivery report"), on_delete=models.PROTECT, related_name="receipt"
    )
    outcome = models.CharField(_("answer"), max_length=20, choices=ReceiptOutcome.choices)
    quantity_received = models.PositiveIntegerField(_("quantity received"), null=True, blank=True)
    received_on = models.DateField(_("date received"), null=True, blank=True)
    condition = models.CharField(_("condition"), max_length=20, choices=ReceiptCondition.choices, blank=True)
    reason = models.TextField(_("reason for the dispute"), blank=True)
    note = models.TextField(_("note"), blank=True)
    # Public once Dinsos has verified the delivery (shown on the need's page), never before:
    # the facility is told so on the form, and writes no resident's name in it.
    thank_you = models.CharField(_("thank-you note"), max_length=THANK_YOU_MAX_LENGTH, blank=True)
    photo = models.FileField(_("photo"), upload_to=receipt_photo_path, max_length=200, blank=True)
    photo_content_type = models.CharField(_("photo content type"), max_length=50, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("receipt by the facility")
        verbose_name_plural = _("receipts by the facilities")
        constraints = [
            models.CheckConstraint(condition=Q(outcome__in=ReceiptOutcome.values), name="receipt_outcome_valid"),
            models.CheckConstraint(
                condition=~Q(outcome=ReceiptOutcome.CONFIRMED) | Q(quantity_received__gt=0, received_on__isnull=False),
                name="receipt_confirmed_has_quantity_and_date",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=ReceiptOutcome.DISPUTED) | ~Q(reason=""), name="receipt_disputed_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.report})"

    def delete(self, *args, **kwargs):
        raise PermissionError("Receipts are never deleted.")


class BastCounter(models.Model):
    """The last BAST number an agency gave out in a year. Locked (select_for_update) by
    ``matching.bast.bast_allocate`` so that two workers never take the same number and no
    number is skipped; never decremented, so a number is never reused."""

    agency = models.ForeignKey("agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("BAST counter")
        verbose_name_plural = _("BAST counters")
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="bastcounter_agency_year_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"


def bast_token() -> str:
    return uuid.uuid4().hex


class Bast(models.Model):
    """The numbered handover certificate (berita acara serah terima) of a delivery report,
    allocated in the transaction that records the report. Its public page
    (``matching:bast_verify``) is found by ``token``, never by the guessable number."""

    report = models.OneToOneField(
        DeliveryReport, verbose_name=_("delivery report"), on_delete=models.PROTECT, related_name="bast"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="basts"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("number"), max_length=120, unique=True)
    token = models.CharField(_("verification code"), max_length=32, unique=True, default=bast_token, editable=False)
    issued_on = models.DateField(_("date"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("BAST")
        verbose_name_plural = _("BASTs")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "sequence"], name="bast_agency_year_sequence_unique"),
            models.CheckConstraint(condition=Q(sequence__gt=0), name="bast_sequence_positive"),
        ]

    def __str__(self) -> str:
        return self.number

    def delete(self, *args, **kwargs):
        raise PermissionError("BASTs are never deleted: their numbers are never reused.")
