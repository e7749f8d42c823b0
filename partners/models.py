from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.identifiers import compact_nib, compact_npwp, errors_on_fields, validate_nib, validate_npwp
from core.roles import is_facility_member


class CompanyKind(models.TextChoices):
    COMPANY = "company", _("Company")
    STATE_OWNED = "state_owned", _("State-owned company (BUMN/BUMD)")
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    INTERNATIONAL = "international", _("International agency")


class CompanyStatus(models.TextChoices):
    PROSPECT = "prospect", _("Prospect")
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")


class Company(models.Model):
    """A partner: a company, state-owned company, association, foundation or agency."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CompanyKind.choices, default=CompanyKind.COMPANY)
    # Official identifiers, stored digits only; empty when not known (associations and
    # international agencies have none).
    nib = models.CharField(
        _("NIB"),
        max_length=20,
        blank=True,
        validators=[validate_nib],
        help_text=_("Nomor Induk Berusaha from OSS: 13 digits."),
    )
    npwp = models.CharField(
        _("NPWP"),
        max_length=24,
        blank=True,
        validators=[validate_npwp],
        help_text=_("Tax number: 15 digits (01.234.567.8-901.000) or 16 digits."),
    )
    country = models.CharField(_("country of origin"), max_length=100, default="Indonesia")
    business_scope = models.TextField(_("business scope"), blank=True)
    address = models.TextField(_("address"), blank=True)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="companies",
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    csr_strategy = models.TextField(_("CSR strategy and past cases"), blank=True)
    focus_fields = models.ManyToManyField(
        "core.CsrField", verbose_name=_("CSR focus fields"), blank=True, related_name="companies"
    )
    preferred_regions = models.ManyToManyField(
        "regions.Region", verbose_name=_("preferred regions"), blank=True, related_name="preferred_by"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CompanyStatus.choices, default=CompanyStatus.PROSPECT, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        permissions = [
            ("import_company", _("Can import companies from a spreadsheet")),
            ("export_company", _("Can export companies to a spreadsheet")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["nib"],
                condition=~Q(nib=""),
                name="company_nib_unique",
                violation_error_code="nib_taken",
                violation_error_message=_("Another company is registered with this NIB."),
            ),
            models.UniqueConstraint(
                fields=["npwp"],
                condition=~Q(npwp=""),
                name="company_npwp_unique",
                violation_error_code="npwp_taken",
                violation_error_message=_("Another company is registered with this NPWP."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Every path (admin, import, shell) stores the numbers compact, so that the unique
        # constraints compare numbers and not the way they were typed.
        self.nib = compact_nib(self.nib)
        self.npwp = compact_npwp(self.npwp)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.nib = compact_nib(self.nib)
        self.npwp = compact_npwp(self.npwp)

    def validate_constraints(self, exclude=None) -> None:
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            raise errors_on_fields(error, {"nib_taken": "nib", "npwp_taken": "npwp"}) from None


class Partnership(models.Model):
    """What is between one company and one agency: membership of the agency's forum (Forum
    TSLP) and since when, and the agency's internal notes. A company works with several
    agencies; each agency sees and keeps only its own row."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="partnerships"
    )
    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.PROTECT, related_name="partnerships"
    )
    forum_member = models.BooleanField(_("forum member"), default=False)
    forum_member_since = models.DateField(_("forum member since"), null=True, blank=True)
    notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name", "company__name"]
        verbose_name = _("partnership with an agency")
        verbose_name_plural = _("partnerships with agencies")
        constraints = [
            models.UniqueConstraint(fields=["agency", "company"], name="partnership_once_per_agency"),
            models.CheckConstraint(
                condition=Q(forum_member=True) | Q(forum_member_since__isnull=True),
                name="partnership_forum_since_needs_membership",
                violation_error_message=_("A membership date needs the forum membership ticked."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} · {self.agency.short_name}"


class OfficerRole(models.TextChoices):
    COORDINATOR = "coordinator", _("CSR coordinator")
    STAFF = "staff", _("CSR staff")


class Officer(models.Model):
    """A CSR officer: a user account tied to exactly one company. Officers use the partner
    portal and never the admin."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="officer"
    )
    company = models.ForeignKey(Company, verbose_name=_("company"), on_delete=models.PROTECT, related_name="officers")
    role = models.CharField(_("role"), max_length=20, choices=OfficerRole.choices, default=OfficerRole.STAFF)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["company__name", "user__username"]
        verbose_name = _("CSR officer")
        verbose_name_plural = _("CSR officers")

    def __str__(self) -> str:
        full_name = self.user.get_full_name()
        return f"{full_name or self.user.username} ({self.company})"

    def save(self, *args, **kwargs) -> None:
        # Not only in forms: no path (admin, shell, import) links an officer to the wrong account.
        self.check_account()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.check_account()

    def check_account(self) -> None:
        """An officer's account is the one its invitation opened (partners.services.officer_invite):
        a Dinsos staff or superuser account never becomes an officer, which would lose its
        admin and give a company its rights, and an officer is never moved to another account."""
        if self.user_id is None:
            return
        if not self._state.adding:
            linked = Officer.objects.filter(pk=self.pk).values_list("user_id", flat=True).first()
            if linked is not None and linked != self.user_id:
                raise ValidationError(
                    {"user": _("An officer stays with the account it was invited with.")}, code="officer_moved"
                )
            return
        user = self.user
        if user.is_staff or user.is_superuser:
            raise ValidationError(
                {"user": _("A Dinsos staff or superuser account cannot become a CSR officer.")},
                code="officer_staff_account",
            )
        if is_facility_member(user):
            raise ValidationError(
                {"user": _("A facility account cannot become a CSR officer.")}, code="officer_facility_account"
            )


class EngagementKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    VISIT = "visit", _("Site visit")
    CALL = "call", _("Call")
    CORRESPONDENCE = "correspondence", _("Letter or e-mail")


class Engagement(models.Model):
    """The log of meetings and contacts between Dinsos and its partners."""

    date = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EngagementKind.choices, default=EngagementKind.MEETING)
    subject = models.CharField(_("subject"), max_length=250)
    location = models.CharField(_("location"), max_length=250, blank=True)
    companies = models.ManyToManyField(Company, verbose_name=_("companies"), related_name="engagements")
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="engagements",
        help_text=_("The agency that met the partners; its staff see this record."),
    )
    staff_present = models.TextField(_("Dinsos staff present"), blank=True)
    others_present = models.TextField(_("others present"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.subject}"


class InterestStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    CLOSED = "closed", _("Closed")


class PartnerInterest(models.Model):
    """A would-be partner stepping forward from a public page; reaches Dinsos staff in the admin."""

    name = models.CharField(_("your name"), max_length=200)
    organisation = models.CharField(_("company or organisation"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    need = models.ForeignKey(
        "facilities.Need",
        verbose_name=_("need"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interests",
    )
    message = models.TextField(_("message"), max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=InterestStatus.choices, default=InterestStatus.NEW)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partnership request")
        verbose_name_plural = _("partnership requests")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.name})"
