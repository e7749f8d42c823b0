"""Facilities: the panti (UPT of Dinsos) and community LKS whose needs the portal shows."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.identifiers import compact_registration, errors_on_fields


class FacilityType(models.TextChoices):
    CHILDREN = "children", _("Children (PSAA)")
    YOUTH = "youth", _("Youth (PSBR)")
    ELDERLY = "elderly", _("Elderly (PSTW)")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial disability (PSBL)")
    VISUAL = "visual", _("Visual disability (PSBN)")
    INTELLECTUAL = "intellectual", _("Intellectual disability (PSBG)")
    PHYSICAL = "physical", _("Physical disability (PSBD)")
    HOMELESS = "homeless", _("Homeless, beggars and displaced people (PSBK/PSBI)")
    WOMEN = "women", _("Women (PSKW)")
    OTHER = "other", _("Other")


class Operator(models.TextChoices):
    DINSOS = "dinsos", _("Run by Dinsos (panti/UPT)")
    COMMUNITY = "community", _("Community-run (LKS)")


class FacilityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class AccreditationGrade(models.TextChoices):
    A = "A", _("A (very good)")
    B = "B", _("B (good)")
    C = "C", _("C (fair)")


class Facility(models.Model):
    """A residential social-care facility: a Dinsos panti (UPT) or a community LKS."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    facility_type = models.CharField(_("type"), max_length=20, choices=FacilityType.choices, db_index=True)
    operator = models.CharField(_("operator"), max_length=20, choices=Operator.choices, default=Operator.DINSOS)
    # Official identity as an LKS (Lembaga Kesejahteraan Sosial): its registration number and,
    # where known, its accreditation. Empty when not (yet) registered or accredited.
    lks_registration_number = models.CharField(
        _("LKS registration number"),
        max_length=100,
        blank=True,
        help_text=_("The number of the LKS registration certificate (tanda daftar LKS)."),
    )
    accreditation_grade = models.CharField(
        _("accreditation grade"), max_length=1, choices=AccreditationGrade.choices, blank=True
    )
    accreditation_date = models.DateField(_("accreditation date"), null=True, blank=True)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="facilities"
    )
    address = models.TextField(_("address"), blank=True)
    address_public = models.BooleanField(
        _("show the address on the public page"),
        default=True,
        help_text=_(
            "Turn off for a facility whose location must stay hidden, such as a safe house or a shelter for "
            "victims of violence or trafficking."
        ),
    )
    # The facility's own office number, shown on its public page with a call link; a person's
    # number belongs in contact_phone, which is never public.
    phone = models.CharField(
        _("office phone (public)"),
        max_length=50,
        blank=True,
        help_text=_("The facility's office number, shown on its public page. Never a person's own number."),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity (residents)"), null=True, blank=True)
    residents = models.PositiveIntegerField(_("current residents"), null=True, blank=True)
    background = models.TextField(_("background"), blank=True)
    background_en = models.TextField(_("background (English)"), blank=True)
    intervention_programs = models.TextField(_("intervention programs"), blank=True)
    intervention_programs_en = models.TextField(_("intervention programs (English)"), blank=True)
    # Contacts are for Dinsos staff and partners only: never shown on public pages.
    head_name = models.CharField(_("head of facility"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_published = models.BooleanField(_("published"), default=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = FacilityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        permissions = [
            ("import_facility", _("Can import facilities from a spreadsheet")),
            ("export_facility", _("Can export facilities to a spreadsheet")),
        ]
        indexes = [
            # The public directory lists facilities by name, a page at a time.
            models.Index(fields=["name", "id"], name="facility_name_idx"),
            # The ids of the published facilities: a public need's facility is checked against it
            # by an index-only probe, where PostgreSQL otherwise read and hashed every published
            # facility to count a province's needs (docs/performance.md, eighth session).
            models.Index(fields=["id"], condition=Q(is_published=True), name="facility_published_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="facility_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="facility_longitude_range",
            ),
            models.UniqueConstraint(
                fields=["lks_registration_number"],
                condition=~Q(lks_registration_number=""),
                name="facility_lks_registration_unique",
                violation_error_code="lks_registration_taken",
                violation_error_message=_("Another facility is registered with this LKS registration number."),
            ),
            models.CheckConstraint(
                condition=Q(accreditation_date__isnull=True) | ~Q(accreditation_grade=""),
                name="facility_accreditation_date_needs_grade",
                violation_error_code="accreditation_date_without_grade",
                violation_error_message=_("An accreditation date needs the accreditation grade."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.lks_registration_number = compact_registration(self.lks_registration_number)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("facilities:facility_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        self.lks_registration_number = compact_registration(self.lks_registration_number)

    def validate_constraints(self, exclude=None) -> None:
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            raise errors_on_fields(
                error,
                {
                    "lks_registration_taken": "lks_registration_number",
                    "accreditation_date_without_grade": "accreditation_date",
                },
            ) from None
