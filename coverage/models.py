"""What the government already covers: an APBD program, a central social-aid (bansos) program
such as PKH or BPNT, or another central program, in one kecamatan or at one facility, for one
CSR field and period. Aggregates only (rupiah and households reached): never persons.

A record is always placed in a kecamatan (``region``): a record of a facility takes the
facility's kecamatan, so scoping, the reports and the overlap warnings read one column. Every
write goes through ``coverage.services``.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CoverageSource(models.TextChoices):
    APBD = "apbd", _("APBD (regional budget)")
    BANSOS = "bansos", _("Central social aid (bansos: PKH, BPNT)")
    CENTRAL = "central", _("Other central government program")
    OTHER = "other", _("Other government source")


class SupportKind(models.TextChoices):
    CASH = "cash", _("Cash transfer")
    FOOD = "food", _("Food aid")
    GOODS = "goods", _("Goods")
    SERVICES = "services", _("Services or training")
    WORKS = "works", _("Works (construction, repair)")
    OTHER = "other", _("Other support")


class GovernmentCoverage(models.Model):
    source = models.CharField(_("source"), max_length=20, choices=CoverageSource.choices, db_index=True)
    program_name = models.CharField(
        _("government program"), max_length=200, help_text=_("For example PKH, BPNT, or the APBD activity's name.")
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="government_coverage",
        help_text=_("The kecamatan covered (Kemendagri code). For a facility's record: the facility's kecamatan."),
    )
    facility = models.ForeignKey(
        "facilities.Facility",
        verbose_name=_("facility"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="government_coverage",
        help_text=_("Leave empty for a record of the whole kecamatan."),
    )
    field = models.ForeignKey(
        "core.CsrField", verbose_name=_("field"), on_delete=models.PROTECT, related_name="government_coverage"
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    kind = models.CharField(_("kind of support"), max_length=20, choices=SupportKind.choices)
    amount = models.PositiveBigIntegerField(_("amount (Rp)"), default=0)
    households = models.PositiveIntegerField(_("households reached"), default=0)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "region", "program_name"]
        verbose_name = _("government coverage")
        verbose_name_plural = _("government coverage")
        permissions = [
            ("import_governmentcoverage", _("Can import government coverage from a spreadsheet")),
            ("export_governmentcoverage", _("Can export government coverage to a spreadsheet")),
        ]
        indexes = [models.Index(fields=["field", "start_date", "end_date"], name="coverage_field_period_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="coverage_period_ordered"),
            models.CheckConstraint(
                condition=Q(amount__gt=0) | Q(households__gt=0), name="coverage_amount_or_households"
            ),
            models.CheckConstraint(condition=Q(source__in=CoverageSource.values), name="coverage_source_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.program_name} ({self.get_source_display()}, {self.start_date.year})"

    @property
    def period_label(self) -> str:
        start, end = self.start_date, self.end_date
        if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return str(start.year)
        return f"{self.start_date:%d-%m-%Y} – {self.end_date:%d-%m-%Y}"
