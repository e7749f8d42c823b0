from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ProgramForm(models.TextChoices):
    """The four forms of a TSLP program (Perbup Pulang Pisau 24/2020)."""

    EMPOWERMENT = "empowerment", _("Community empowerment")
    ENVIRONMENT_SOCIAL = "environment_social", _("Environmental and social development")
    DONATION = "donation", _("Donations and promotion")
    MICRO_BUSINESS = "micro_business", _("Micro-business and cooperative partnership")


class ProgramStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Program(models.Model):
    """A company's CSR program."""

    company = models.ForeignKey(
        "partners.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="programs"
    )
    title = models.CharField(_("title"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    form = models.CharField(_("form"), max_length=30, choices=ProgramForm.choices)
    fields = models.ManyToManyField("core.CsrField", verbose_name=_("fields"), related_name="programs")
    budget = models.PositiveBigIntegerField(_("budget (Rp)"), default=0)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    target_regions = models.ManyToManyField(
        "regions.Region", verbose_name=_("target regions"), blank=True, related_name="programs"
    )
    target_beneficiaries = models.PositiveIntegerField(_("target beneficiaries"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=ProgramStatus.choices, default=ProgramStatus.PLANNED, db_index=True
    )
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    government_program = models.CharField(
        _("government program supported"),
        max_length=250,
        blank=True,
        help_text=_("For example PKH, the regency's poverty reduction plan, or a panti's rehabilitation program."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("CSR program")
        verbose_name_plural = _("CSR programs")
        permissions = [
            ("import_program", _("Can import programs from a spreadsheet")),
            ("export_program", _("Can export programs to a spreadsheet")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="program_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.company})"
