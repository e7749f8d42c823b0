"""What the reports app writes: the record of reminders (about overdue deliveries, per pledge and
day; about realisation reports owed, per company and period), so that a reminder goes out at
most once however often cron runs the command."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Reminder(models.Model):
    """One reminder about one overdue delivery, sent on one day to the company's officers."""

    pledge = models.ForeignKey(
        "matching.Pledge", verbose_name=_("pledge"), on_delete=models.PROTECT, related_name="reminders"
    )
    sent_on = models.DateField(_("sent on"))
    officers = models.PositiveSmallIntegerField(_("officers reminded"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("delivery reminder")
        verbose_name_plural = _("delivery reminders")
        constraints = [
            models.UniqueConstraint(fields=["pledge", "sent_on"], name="reminder_once_per_pledge_and_day"),
        ]

    def __str__(self) -> str:
        return f"#{self.pledge_id} {self.sent_on:%d/%m/%Y}"


class RealisationReminder(models.Model):
    """One reminder to a forum member about the realisation reports it owes an agency for one
    period: sent once per period, however often cron runs the command."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="realisation_reminders"
    )
    company = models.ForeignKey(
        "partners.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="realisation_reminders"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), default=0)
    sent_on = models.DateField(_("sent on"))
    officers = models.PositiveSmallIntegerField(_("officers reminded"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("realisation report reminder")
        verbose_name_plural = _("realisation report reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "company", "year", "quarter"], name="realisation_reminder_once_per_period"
            ),
        ]

    def __str__(self) -> str:
        period = f"{self.year} Q{self.quarter}" if self.quarter else str(self.year)
        return f"{self.company_id} · {period} · {self.sent_on:%d/%m/%Y}"


class FigureSnapshot(models.Model):
    """The newest figures of one report for one set of parameters (reports.figures): built by a
    background task after reported data changes, read by every visitor, never rebuilt inline
    unless none exists yet. ``data_version`` is the reports' data version the build started
    from; a snapshot whose version is no longer the current one is still shown while the task
    builds the next."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    builder = models.CharField(_("builder"), max_length=200, help_text=_("Dotted path of the function that builds it."))
    params = models.JSONField(_("parameters"), default=dict)
    data_version = models.BigIntegerField(_("data version"))
    computed_at = models.DateTimeField(_("computed at"))
    build_ms = models.PositiveIntegerField(_("build time (ms)"), default=0)
    read_on = models.DateField(_("last read on"))
    payload = models.BinaryField(_("payload"))

    class Meta:
        verbose_name = _("figure snapshot")
        verbose_name_plural = _("figure snapshots")
        indexes = [models.Index(fields=["read_on"], name="figuresnapshot_read_on")]

    def __str__(self) -> str:
        return self.key
