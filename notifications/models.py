from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An in-app notice for one user (a partner officer or a Dinsos staff member)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    event = models.CharField(_("event"), max_length=40)
    detail = models.TextField(_("detail"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    pledge = models.ForeignKey(
        "matching.Pledge",
        verbose_name=_("pledge"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    # For notices about a need rather than a pledge (a facility proposing a need or a change).
    need = models.ForeignKey(
        "facilities.Need",
        verbose_name=_("need"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    # For notices about a company's CSR program (its registration by the agency).
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The notice in the reader's current language."""
        from notifications.messages import describe

        return describe(self.event, self.pledge, self.detail, need=self.need, program=self.program)


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will retry")
    GAVE_UP = "gave_up", _("Failed, gave up")


class OutgoingEmail(models.Model):
    """Every e-mail the portal sends, kept so that a failed send stays visible and is retried."""

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"))
    event = models.CharField(_("event"), max_length=40, blank=True)
    # The account the e-mail is about, for e-mails whose secret link is made at send time.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # Delivery is at least once (notifications.delivery): every attempt carries this same
    # Message-ID, so a message sent again after a worker died mid-send can be recognised, and
    # the attempt is written in the log.
    message_id = models.CharField(_("Message-ID"), max_length=250, blank=True)
    claimed_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    log = models.TextField(_("delivery log"), blank=True)
    # Attempts cut off mid-send: each may have reached the recipient, so >0 on a sent e-mail
    # means it may have arrived more than once (with the same Message-ID).
    interrupted_attempts = models.PositiveSmallIntegerField(_("interrupted attempts"), default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
