"""Staff decisions on possible duplicates and the record of every merge.

A pair is named by its kind and the two primary keys (smaller first), not by foreign keys: a
decision outlives a merge that deletes one of the two, and a merge must not have to move its
own bookkeeping.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class DuplicateKind(models.TextChoices):
    FACILITY = "facility", _("Facility")
    COMPANY = "company", _("Company")
    NEED = "need", _("Need")


class Decision(models.TextChoices):
    SAME = "same", _("Same (a duplicate)")
    DIFFERENT = "different", _("Different")


class DuplicateDecision(models.Model):
    """Staff said whether two records are the same; the pair is not offered again."""

    kind = models.CharField(_("kind"), max_length=20, choices=DuplicateKind.choices)
    first_id = models.PositiveBigIntegerField(_("first record"))
    second_id = models.PositiveBigIntegerField(_("second record"))
    first_label = models.CharField(_("first record's name"), max_length=200, blank=True)
    second_label = models.CharField(_("second record's name"), max_length=200, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("duplicate decision")
        verbose_name_plural = _("duplicate decisions")
        constraints = [
            models.CheckConstraint(condition=Q(first_id__lt=F("second_id")), name="duplicate_pair_ordered"),
            models.UniqueConstraint(fields=["kind", "first_id", "second_id"], name="duplicate_pair_decided_once"),
        ]

    def __str__(self) -> str:
        return f"{self.first_label} / {self.second_label}: {self.get_decision_display()}"


class MergeRecord(models.Model):
    """One merge: which record was kept, which removed (with a snapshot of its fields), how
    many rows moved per table, who merged and why."""

    kind = models.CharField(_("kind"), max_length=20, choices=DuplicateKind.choices)
    kept_id = models.PositiveBigIntegerField(_("kept record"))
    kept_label = models.CharField(_("kept record's name"), max_length=200)
    removed_id = models.PositiveBigIntegerField(_("removed record"))
    removed_label = models.CharField(_("removed record's name"), max_length=200)
    snapshot = models.JSONField(_("the removed record's fields"), encoder=DjangoJSONEncoder)
    moved = models.JSONField(_("rows moved per table"), default=dict)
    #: Rows of the removed record that the kept one already had (the same link, the same
    #: agency's partnership): combined into the kept one's row, per table.
    combined = models.JSONField(_("rows combined per table"), default=dict)
    filled = models.JSONField(_("empty fields of the kept record filled in"), default=list)
    reason = models.TextField(_("reason"))
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("merged by"), on_delete=models.PROTECT, related_name="+"
    )
    merged_at = models.DateTimeField(_("merged at"), auto_now_add=True)

    class Meta:
        ordering = ["-merged_at", "-id"]
        verbose_name = _("merge")
        verbose_name_plural = _("merges")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="merge_has_reason"),
            models.CheckConstraint(condition=Q(kind__in=["facility", "company"]), name="merge_kind_merged"),
        ]

    def __str__(self) -> str:
        return f"{self.removed_label} → {self.kept_label}"
