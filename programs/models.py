"""Partners' CSR programs (the Forum TSLP's programs), their registration by the agency of the
target region, and the realisation reports (laporan realisasi) a company files per period.

Nothing here is changed except through ``programs.services``; nothing here is ever deleted.
"""

import uuid

from django.conf import settings
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
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting registration")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested by the agency")
    DECLINED = "declined", _("Declined by the agency")
    PLANNED = "planned", _("Registered, not started")
    ACTIVE = "active", _("Registered, running")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# Programs the agency has registered: they count in the forum's plans and take realisation reports.
REGISTERED_STATES = frozenset({ProgramStatus.PLANNED, ProgramStatus.ACTIVE, ProgramStatus.COMPLETED})
# Programs the company may still edit before (re)submitting them.
EDITABLE_STATES = frozenset({ProgramStatus.DRAFT, ProgramStatus.CHANGES_REQUESTED})


class TjslPillar(models.Model):
    """One of the four pillars of TJSL (Tanggung Jawab Sosial dan Lingkungan) that a state-owned
    company's program serves (Peraturan Menteri BUMN PER-1/MBU/03/2023). A tiny lookup table
    rather than an array, so that it works on SQLite as on PostgreSQL; its four rows come from
    the data migration."""

    code = models.SlugField(_("code"), max_length=20, primary_key=True)
    name = models.CharField(_("name"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("TJSL pillar")
        verbose_name_plural = _("TJSL pillars")

    def __str__(self) -> str:
        return str(_(self.name))


# The four pillars of PER-1/MBU/03/2023, in its order: (code, name). The names are msgids.
TJSL_PILLARS = [
    ("economic", "Economic pillar"),
    ("social", "Social pillar"),
    ("environment", "Environmental pillar"),
    ("law_governance", "Law and governance pillar"),
]
# So that makemessages finds the names.
_PILLAR_NAMES = [_("Economic pillar"), _("Social pillar"), _("Environmental pillar"), _("Law and governance pillar")]


def tjsl_pillars_ensure(model=TjslPillar) -> None:
    """Create or refresh the four pillars (the data migration; tests after a flush)."""
    for order, (code, name) in enumerate(TJSL_PILLARS, start=1):
        model.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Program(models.Model):
    """A company's CSR program."""

    company = models.ForeignKey(
        "partners.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="programs"
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("registering agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        help_text=_("The agency of the program's target region, which registers it and verifies its reports."),
    )
    title = models.CharField(_("title"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    form = models.CharField(_("form"), max_length=30, choices=ProgramForm.choices)
    fields = models.ManyToManyField("core.CsrField", verbose_name=_("fields"), related_name="programs")
    sdg_goals = models.ManyToManyField("core.SdgGoal", verbose_name=_("SDG goals"), blank=True, related_name="programs")
    sdg_targets = models.ManyToManyField(
        "core.SdgTarget",
        verbose_name=_("SDG targets"),
        blank=True,
        related_name="programs",
        help_text=_("Only targets of the chosen goals."),
    )
    tjsl_pillars = models.ManyToManyField(
        TjslPillar,
        verbose_name=_("TJSL pillars"),
        blank=True,
        related_name="programs",
        help_text=_("For programs of state-owned companies (PER-1/MBU/03/2023) only."),
    )
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
    status_reason = models.TextField(_("reason for the last change"), blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    government_program = models.CharField(
        _("government program supported"),
        max_length=250,
        blank=True,
        help_text=_("For example PKH, the regency's poverty reduction plan, or a panti's rehabilitation program."),
    )
    donor_iati_ref = models.CharField(
        _("donor's IATI organisation identifier"),
        max_length=100,
        blank=True,
        help_text=_(
            "For a program funded by an international donor: the donor's IATI identifier (KOICA: KR-GOV-010). "
            "The program is then published as an IATI 2.03 activity."
        ),
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

    @property
    def is_registered(self) -> bool:
        return self.status in REGISTERED_STATES


class ProgramStatusChange(models.Model):
    """One move of a program's status, with who made it and why."""

    program = models.ForeignKey(Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="changes")
    old_status = models.CharField(_("from"), max_length=20, choices=ProgramStatus.choices, blank=True)
    new_status = models.CharField(_("to"), max_length=20, choices=ProgramStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("program status change")
        verbose_name_plural = _("program status changes")

    def __str__(self) -> str:
        return f"{self.program_id}: {self.old_status or '-'} → {self.new_status}"


class RealisationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, awaiting verification")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned for correction")


class Realisation(models.Model):
    """A realisation report (laporan realisasi) of a program for a period: a quarter of a year,
    or the whole year (``quarter`` 0), as the registering agency asks. The rupiah realised is
    split over kecamatan or villages (``RealisationShare``); beneficiaries are counts, never names."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="realisations"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), default=0, help_text=_("1 to 4 for a quarterly report; 0 for the whole year.")
    )
    amount = models.PositiveBigIntegerField(_("rupiah realised"))
    households = models.PositiveIntegerField(_("households reached"), default=0)
    persons = models.PositiveIntegerField(_("persons reached"), default=0)
    women = models.PositiveIntegerField(_("of whom women"), null=True, blank=True)
    children = models.PositiveIntegerField(_("of whom children"), null=True, blank=True)
    elderly = models.PositiveIntegerField(_("of whom elderly"), null=True, blank=True)
    disabled = models.PositiveIntegerField(_("of whom persons with disability"), null=True, blank=True)
    activities = models.TextField(_("activities"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RealisationStatus.choices,
        default=RealisationStatus.SUBMITTED,
        db_index=True,
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(_("first reported at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("last submitted at"), db_index=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    review_note = models.TextField(_("reason for returning it / verification note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-quarter", "program__title"]
        verbose_name = _("realisation report")
        verbose_name_plural = _("realisation reports")
        permissions = [
            ("import_realisation", _("Can import realisation reports from a spreadsheet")),
            ("export_realisation", _("Can export realisation reports to a spreadsheet")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["program", "year", "quarter"], name="realisation_one_per_period"),
            models.CheckConstraint(condition=Q(quarter__lte=4), name="realisation_quarter_valid"),
            models.CheckConstraint(condition=Q(status__in=RealisationStatus.values), name="realisation_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.program.title}: {self.period_label}"

    @property
    def period_label(self) -> str:
        return f"{self.year} Q{self.quarter}" if self.quarter else str(self.year)

    def delete(self, *args, **kwargs):
        raise PermissionError("Realisation reports are never deleted.")


class RealisationShare(models.Model):
    """The part of a realisation spent in one kecamatan or village."""

    realisation = models.ForeignKey(
        Realisation, verbose_name=_("realisation report"), on_delete=models.CASCADE, related_name="shares"
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("kecamatan or village"), on_delete=models.PROTECT, related_name="+"
    )
    amount = models.PositiveBigIntegerField(_("rupiah realised"))
    households = models.PositiveIntegerField(_("households reached"), default=0)

    class Meta:
        ordering = ["region_id"]
        verbose_name = _("realisation by region")
        verbose_name_plural = _("realisation by region")
        constraints = [
            models.UniqueConstraint(fields=["realisation", "region"], name="realisation_share_one_per_region"),
        ]

    def __str__(self) -> str:
        return f"{self.region_id}: {self.amount}"


class RealisationEvidenceKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    DOCUMENT = "document", _("Document (PDF)")


def realisation_evidence_path(instance: "RealisationEvidence", filename: str) -> str:
    # Random names: nothing about the beneficiaries or the file's original name in the path.
    extension = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf"}.get(
        instance.content_type, "bin"
    )
    return f"evidence/programs/{instance.realisation.program_id}/{uuid.uuid4().hex}.{extension}"


class RealisationEvidence(models.Model):
    """A photo or a document attached to a realisation report. Under the same rules as delivery
    evidence: stored under MEDIA_ROOT, which no URL serves, handed out only to staff of the
    registering agency and to the owning company."""

    realisation = models.ForeignKey(
        Realisation, verbose_name=_("realisation report"), on_delete=models.PROTECT, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=RealisationEvidenceKind.choices)
    file = models.FileField(_("file"), upload_to=realisation_evidence_path, max_length=200)
    content_type = models.CharField(_("content type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    original_name = models.CharField(_("original file name"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("realisation evidence file")
        verbose_name_plural = _("realisation evidence files")

    def __str__(self) -> str:
        return self.original_name or self.file.name
