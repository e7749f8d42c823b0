"""Documents an agency circulates to companies and camat, and who acknowledged them.

A ``Circular`` is a regulation (the Perbup of a Forum TSLP), a draft of one, a circular letter or
another document of one agency, with its file. Each company or account it is sent to is a
``CircularRecipient``: acknowledged in the partner portal by an officer ("kami telah menerima
dan mempelajari"), or recorded by staff when the acknowledgement came at a meeting or by letter.
Every write goes through ``circulars.services``.

The file lives under MEDIA_ROOT, which no URL serves: only ``circulars.views.circular_file``
hands it out, to staff of the agency's area and to the recipients.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.documents import DOCUMENT_TYPES


class CircularKind(models.TextChoices):
    REGULATION = "regulation", _("Regulation (Perbup, Pergub)")
    DRAFT = "draft", _("Draft regulation")
    CIRCULAR = "circular", _("Circular letter")
    OTHER = "other", _("Other document")


def circular_path(instance: "Circular", filename: str) -> str:
    # A random name with the extension of the checked content: the uploaded name is not trusted.
    extension = DOCUMENT_TYPES.get(instance.content_type, "bin")
    return f"circulars/{instance.agency_id}/{uuid.uuid4().hex}.{extension}"


class Circular(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="circulars"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CircularKind.choices, default=CircularKind.REGULATION)
    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(
        _("number"),
        max_length=300,
        blank=True,
        help_text=_("For example: Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020."),
    )
    issued_on = models.DateField(_("issued on"))
    summary = models.TextField(_("summary"), blank=True)
    file = models.FileField(_("file"), upload_to=circular_path, max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    original_name = models.CharField(_("original file name"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["file"])

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("regulation or circular")
        verbose_name_plural = _("regulations and circulars")

    def __str__(self) -> str:
        return f"{self.number} – {self.title}" if self.number else self.title

    @property
    def file_extension(self) -> str:
        return DOCUMENT_TYPES.get(self.content_type, "bin")


class AcknowledgementChannel(models.TextChoices):
    PORTAL = "portal", _("In the portal")
    MEETING = "meeting", _("At a meeting")
    LETTER = "letter", _("By letter")
    OTHER = "other", _("Otherwise")


class CircularRecipient(models.Model):
    """One company (all its officers) or one account (a camat) that a circular was sent to."""

    circular = models.ForeignKey(
        Circular, verbose_name=_("document"), on_delete=models.PROTECT, related_name="recipients"
    )
    company = models.ForeignKey(
        "partners.Company",
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="circulars_received",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="circulars_received",
        help_text=_("An account of the agency, a camat for instance."),
    )
    sent_at = models.DateTimeField(_("sent"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    #: The day of the acknowledgement: today for the portal, the meeting's or letter's date otherwise.
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)
    #: When the acknowledgement was recorded in the portal.
    acknowledged_at = models.DateTimeField(_("acknowledgement recorded"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acknowledged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The officer or account that acknowledged in the portal."),
    )
    channel = models.CharField(_("how"), max_length=10, choices=AcknowledgementChannel.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The staff member who recorded an acknowledgement received outside the portal."),
    )

    class Meta:
        ordering = ["circular", "pk"]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            models.CheckConstraint(
                condition=Q(company__isnull=False, user__isnull=True) | Q(company__isnull=True, user__isnull=False),
                name="circular_recipient_company_or_user",
                violation_error_message=_("A recipient is either a company or an account."),
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_on__isnull=True, acknowledged_at__isnull=True, channel="")
                | Q(acknowledged_on__isnull=False, acknowledged_at__isnull=False) & ~Q(channel=""),
                name="circular_recipient_acknowledgement_complete",
            ),
            models.UniqueConstraint(
                fields=["circular", "company"], condition=Q(company__isnull=False), name="circular_recipient_company"
            ),
            models.UniqueConstraint(
                fields=["circular", "user"], condition=Q(user__isnull=False), name="circular_recipient_user"
            ),
        ]
        indexes = [models.Index(fields=["company", "acknowledged_on"], name="circular_recipient_company_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_on is not None

    @property
    def name(self) -> str:
        if self.company_id:
            return self.company.name
        return self.user.get_full_name() or self.user.get_username()
