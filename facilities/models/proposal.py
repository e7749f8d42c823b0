"""Changes to a need proposed by its facility, for Dinsos to apply or decline."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from facilities.models.need import Need


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for Dinsos")
    APPLIED = "applied", _("Applied")
    DECLINED = "declined", _("Declined")


class NeedProposal(models.Model):
    """A change to a need proposed by its facility. Dinsos applies it (through
    ``facilities.services.need_update``) or declines it with a reason; the need itself changes
    only then. ``changes`` maps an editable field to its proposed value as the form gave it
    (a CSR field by its code, a date in ISO form)."""

    need = models.ForeignKey(Need, verbose_name=_("need"), on_delete=models.PROTECT, related_name="proposals")
    changes = models.JSONField(_("proposed changes"))
    note = models.TextField(_("note from the facility"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PENDING, db_index=True
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("Dinsos's note"), blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("proposed need change")
        verbose_name_plural = _("proposed need changes")

    def __str__(self) -> str:
        return f"{self.need.title}: {', '.join(sorted(self.changes))}"
