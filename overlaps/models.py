"""The reasons given to go ahead despite an overlap warning (issue 26).

When a need is created, proposed or published, a pledge offered or approved, or a program
submitted or registered while something already covers the same thing (``overlaps.selectors``), the person
acting may go ahead only with a reason. The reason is kept here with what was done, the
overlaps shown at that moment (a snapshot: the overlapping rows may change later), who and when.
Notes are written only by ``overlaps.services`` and never deleted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OverlapAction(models.TextChoices):
    NEED_CREATED = "need_created", _("Need created")
    NEED_PROPOSED = "need_proposed", _("Need proposed by the facility")
    NEED_PUBLISHED = "need_published", _("Need published")
    PLEDGE_OFFERED = "pledge_offered", _("Pledge offered")
    PLEDGE_APPROVED = "pledge_approved", _("Pledge approved")
    PROGRAM_SUBMITTED = "program_submitted", _("Program submitted for registration")
    PROGRAM_REGISTERED = "program_registered", _("Program registered")


class OverlapNote(models.Model):
    action = models.CharField(_("what was done"), max_length=30, choices=OverlapAction.choices, db_index=True)
    need = models.ForeignKey(
        "facilities.Need",
        verbose_name=_("need"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="overlap_notes",
    )
    pledge = models.ForeignKey(
        "matching.Pledge",
        verbose_name=_("pledge"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="overlap_notes",
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="overlap_notes",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Where it happens: the facility's region or the program's first target; scopes the note."),
    )
    overlaps = models.JSONField(_("overlaps shown"), default=list)
    reason = models.TextField(_("reason to go ahead"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("overlap note")
        verbose_name_plural = _("overlap notes")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="overlapnote_reason_given"),
            models.CheckConstraint(
                condition=Q(need__isnull=False) | Q(pledge__isnull=False) | Q(program__isnull=False),
                name="overlapnote_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.subject}"

    @property
    def subject(self):
        return self.pledge or self.program or self.need

    @property
    def overlap_labels(self) -> list[str]:
        return [item.get("label", "") for item in self.overlaps]
