"""What the reports app writes: the record of delivery reminders, so that a reminder goes out at
most once per pledge and day however often cron runs the command."""

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
