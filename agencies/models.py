"""The agencies one portal hosts, and which agency each staff account works for.

An agency is a Dinas Sosial of a province or a regency/city (or a national body). Its **area**
is its Kemendagri region and everything below it: its staff see and decide only what lies
there. Staff of a national agency, and superusers, see everything. Companies stay one shared
registry; what is between a company and an agency (Forum TSLP membership, meetings, notes) is
kept per agency (partners.Partnership, partners.Engagement).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class AgencyLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency/city")


class ReportingPeriod(models.TextChoices):
    YEAR = "year", _("Yearly")
    QUARTER = "quarter", _("Quarterly")


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    level = models.CharField(_("level"), max_length=20, choices=AgencyLevel.choices)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        help_text=_("The agency's area is this region and everything below it. Empty for a national agency."),
    )
    logo = models.ImageField(_("logo"), upload_to="agencies/logos/", blank=True)
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    forum_name = models.CharField(
        _("forum"), max_length=200, blank=True, help_text=_("For example: Forum TSLP Kabupaten Pulang Pisau.")
    )
    forum_regulation = models.CharField(
        _("forum regulation"),
        max_length=300,
        blank=True,
        help_text=_("For example: Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020."),
    )
    realisation_period = models.CharField(
        _("realisation reports"),
        max_length=10,
        choices=ReportingPeriod.choices,
        default=ReportingPeriod.YEAR,
        help_text=_("How often the forum's members report what their programs realised."),
    )
    realisation_due_days = models.PositiveSmallIntegerField(
        _("days to report after a period ends"),
        default=30,
        help_text=_("A realisation report is on time when it is submitted within this many days of the period's end."),
    )
    is_public = models.BooleanField(_("listed on the public site"), default=True)
    iati_identifier = models.CharField(
        _("IATI organisation identifier"),
        max_length=100,
        blank=True,
        help_text=_(
            "The agency's identifier as registered with IATI (the IATI organisation identifier). Programs "
            "funded by international donors are published as IATI activities only when it is set."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.CheckConstraint(
                condition=Q(level="national", region__isnull=True) | ~Q(level="national") & Q(region__isnull=False),
                name="agency_region_matches_level",
                violation_error_message=_("A national agency has no region; every other agency has one."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("agencies:agency_detail", kwargs={"slug": self.slug})

    @property
    def area_code(self) -> str:
        """The Kemendagri code of the area; "" for the whole country."""
        return self.region_id or ""


class StaffRole(models.TextChoices):
    ADMIN = "admin", _("Agency administrator")
    STAFF = "staff", _("Staff")
    VIEWER = "viewer", _("Viewer (read-only)")


class AgencyStaff(models.Model):
    """A staff account of an agency. ``region`` narrows a viewer's area further (a camat
    follows their own kecamatan); it must lie inside the agency's area."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="agency_staff"
    )
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="staff")
    role = models.CharField(_("role"), max_length=20, choices=StaffRole.choices, default=StaffRole.STAFF)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("narrower area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Optional: limit this account to a part of the agency's area (a camat to a kecamatan)."),
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("For a viewer: Bappeda, Disnakertrans, DPMPTSP…")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name", "user__username"]
        verbose_name = _("agency staff account")
        verbose_name_plural = _("agency staff accounts")

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.agency.short_name}, {self.get_role_display()})"
