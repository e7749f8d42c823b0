from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.identifiers import compact_registration, errors_on_fields
from core.images import variant_widths
from core.roles import is_officer
from facilities.units import unit_label


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
        # The public directory lists facilities by name, a page at a time.
        indexes = [models.Index(fields=["name", "id"], name="facility_name_idx")]
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


class NeedKind(models.TextChoices):
    GOODS = "goods", _("Goods")
    SERVICES = "services", _("Services or training")
    WORKS = "works", _("Works (construction, repair)")
    PLACEMENTS = "placements", _("Job placements")
    VOLUNTEERS = "volunteers", _("Volunteers")
    FUNDS = "funds", _("Funds")


class Priority(models.IntegerChoices):
    # Lower number, more urgent: ordering by priority ascending puts the urgent first.
    URGENT = 1, _("Urgent")
    HIGH = 2, _("High")
    NORMAL = 3, _("Normal")
    LOW = 4, _("Low")


class NeedStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    FULFILLED = "fulfilled", _("Fulfilled")
    CANCELLED = "cancelled", _("Cancelled")


def shown_need() -> Q:
    """What makes a need public, apart from its facility's publication: the condition of
    ``NeedQuerySet.public()`` and of the listing's partial indexes, one definition for both."""
    return Q(is_public=True, status__in=[NeedStatus.OPEN, NeedStatus.FULFILLED])


class NeedQuerySet(models.QuerySet):
    def _shown(self):
        return self.filter(shown_need())

    def public(self):
        """Needs anyone may see: public, not draft or cancelled, at a published facility."""
        return self._shown().filter(facility__is_published=True)

    def public_of(self, facility):
        """``public()`` needs of one facility already read (as published, or not: then none),
        without the join that checks its publication again."""
        if not facility.is_published:
            return self.none()
        return self._shown().filter(facility=facility)

    def open(self):
        return self.filter(status=NeedStatus.OPEN)


def open_value() -> models.Expression:
    """``Need.open_value`` in SQL: what is still open to the public of a need, in rupiah,
    ``quantity_open`` (a Dinsos proposal no partner has answered holds nothing) times the unit
    cost. The public listing's "largest remaining value" order and the index that serves it
    (``need_public_value_idx``) are both this one expression, so that the index cannot fall
    behind the order."""
    return (F("quantity") - F("quantity_pending") + F("quantity_proposed") - F("quantity_covered")) * F("unit_cost")


class Need(models.Model):
    """What a facility needs: goods, a course, works, placements, volunteers or funds.

    The three ``quantity_*`` counters are the one home of coverage. Only the pledge services
    move them, under a row lock on the need, and the database refuses any state in which
    pledges exceed the quantity:

    * ``quantity_pending``: held by proposals and offers still waiting for an answer;
    * ``quantity_proposed``: the part of ``quantity_pending`` held by Dinsos proposals that the
      partner has not answered yet: no company has agreed to it, so the public reads it as open
      ("proposed to a partner"), never as covered;
    * ``quantity_covered``: held by accepted or approved pledges (including delivered ones);
    * ``quantity_delivered``: delivered and verified by Dinsos.
    """

    facility = models.ForeignKey(Facility, verbose_name=_("facility"), on_delete=models.PROTECT, related_name="needs")
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    field = models.ForeignKey("core.CsrField", verbose_name=_("field"), on_delete=models.PROTECT, related_name="needs")
    sdg_goals = models.ManyToManyField("core.SdgGoal", verbose_name=_("SDG goals"), blank=True, related_name="needs")
    kind = models.CharField(_("kind"), max_length=20, choices=NeedKind.choices, db_index=True)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    unit = models.CharField(_("unit"), max_length=40, help_text=_("For example: pieces, people, packages, m²."))
    unit_cost = models.PositiveBigIntegerField(_("estimated unit cost (Rp)"), default=0)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL, db_index=True
    )
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    beneficiaries = models.PositiveIntegerField(_("beneficiaries"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.OPEN)
    is_public = models.BooleanField(_("public"), default=True)
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("For example the needs-assessment round.")
    )
    source_date = models.DateField(_("source date"), null=True, blank=True)
    quantity_pending = models.PositiveIntegerField(_("quantity awaiting an answer"), default=0, editable=False)
    quantity_proposed = models.PositiveIntegerField(_("quantity proposed to partners"), default=0, editable=False)
    quantity_covered = models.PositiveIntegerField(_("quantity covered"), default=0, editable=False)
    quantity_delivered = models.PositiveIntegerField(_("quantity delivered"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = NeedQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "needed_by", "-created_at"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        permissions = [
            ("import_need", _("Can import needs from a spreadsheet")),
            ("export_need", _("Can export needs to a spreadsheet")),
        ]
        indexes = [
            models.Index(fields=["status", "is_public", "priority"], name="need_listing_idx"),
            # The staff changelist's order (``ordering``, then ``-id`` as the admin adds), over
            # every need: its first page is read from the index instead of sorting them all.
            models.Index(fields=["priority", "needed_by", "-created_at", "-id"], name="need_staff_order_idx"),
            # The public listing's four orderings (facilities.filters.SORTS), over the public needs
            # of any status: PostgreSQL walks the index in order, skips the needs of the other
            # status when one is chosen, and stops after a page, at any data size. A leading
            # status column would serve one status only, and "open and fulfilled" would sort every
            # public need. ("needed_by" ascending keeps nulls last, PostgreSQL's default, as the
            # listing asks.)
            models.Index(
                "priority",
                "needed_by",
                F("created_at").desc(),
                F("id").desc(),
                condition=shown_need(),
                name="need_public_urgency_idx",
            ),
            models.Index(F("created_at").desc(), F("id").desc(), condition=shown_need(), name="need_public_newest_idx"),
            models.Index(
                "needed_by", "priority", F("id").desc(), condition=shown_need(), name="need_public_needed_by_idx"
            ),
            models.Index(
                open_value().desc(),
                "priority",
                F("id").desc(),
                condition=shown_need(),
                name="need_public_value_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0),
                name="need_quantity_positive",
                violation_error_message=_("The quantity must be above zero."),
            ),
            models.CheckConstraint(
                condition=Q(quantity_pending__gte=0, quantity_covered__gte=0, quantity_delivered__gte=0),
                name="need_counters_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(quantity__gte=F("quantity_pending") + F("quantity_covered")),
                name="need_not_pledged_beyond_quantity",
                violation_error_message=_(
                    "The quantity cannot be lower than what partners have already pledged; reduce or cancel "
                    "pledges first."
                ),
            ),
            models.CheckConstraint(
                condition=Q(quantity_proposed__gte=0, quantity_pending__gte=F("quantity_proposed")),
                name="need_proposed_within_pending",
            ),
            models.CheckConstraint(
                condition=Q(quantity_covered__gte=F("quantity_delivered")),
                name="need_delivered_within_covered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.facility})"

    def get_absolute_url(self) -> str:
        return reverse("facilities:need_detail", kwargs={"pk": self.pk})

    def title_for_reader(self) -> str:
        """The title in the active language: the English one for an English reader, when written."""
        if (get_language() or "").startswith("en") and self.title_en:
            return self.title_en
        return self.title

    def unit_for(self, quantity: int | None = None) -> str:
        """The unit in the active language, beside ``quantity`` ("30 pieces", not "30 buah")."""
        return unit_label(self.unit, quantity)

    @property
    def quantity_remaining(self) -> int:
        return self.quantity - self.quantity_pending - self.quantity_covered

    @property
    def quantity_offered(self) -> int:
        """Offered by partners, awaiting Dinsos's answer: a company stepped forward."""
        return self.quantity_pending - self.quantity_proposed

    @property
    def quantity_open(self) -> int:
        """What the public may still help with: nobody has agreed to it yet. A Dinsos proposal
        the partner has not answered leaves it open; an offer awaiting Dinsos does not."""
        return self.quantity - self.quantity_covered - self.quantity_offered

    @property
    def open_value(self) -> int:
        return self.quantity_open * self.unit_cost

    @property
    def estimated_value(self) -> int:
        return self.quantity * self.unit_cost

    @property
    def remaining_value(self) -> int:
        return self.quantity_remaining * self.unit_cost


class PhotoBasis(models.TextChoices):
    """Why staff may publish a photo: residents are often children (UU PDP, 2022)."""

    NO_RESIDENT = "no_resident", _("No resident can be identified in it")
    CONSENT = "consent", _("Consent of everyone identifiable is on file")


class Photo(models.Model):
    """A photo on the public site: stored re-encoded (metadata stripped) with its resized copies
    beside it (``core.images``), shown only once staff confirm why it may be published.

    ``image`` is the cleaned full-size JPEG; each width of ``variant_widths`` is a file named
    ``<stem>-<width>.jpg`` next to it. Written only through ``facilities.photos``.
    """

    image = models.FileField(_("photo"), max_length=200, editable=False)
    width = models.PositiveIntegerField(_("width (px)"), editable=False)
    height = models.PositiveIntegerField(_("height (px)"), editable=False)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=False)
    publish_basis = models.CharField(
        _("why it may be published"), max_length=20, choices=PhotoBasis.choices, blank=True
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published=False) | (~Q(publish_basis="") & Q(confirmed_at__isnull=False)),
                name="%(class)s_published_confirmed",
                violation_error_message=_("A photo is published only with the reason and who confirmed it."),
            )
        ]

    def __str__(self) -> str:
        return self.caption or self.image.name

    @property
    def variant_widths(self) -> list[int]:
        return variant_widths(self.width)


class FacilityPhoto(Photo):
    """The building, its rooms, an activity."""

    facility = models.ForeignKey(Facility, verbose_name=_("facility"), on_delete=models.CASCADE, related_name="photos")
    kind = "facility"

    class Meta(Photo.Meta):
        verbose_name = _("facility photo")
        verbose_name_plural = _("facility photos")
        indexes = [models.Index(fields=["facility", "published", "order", "id"], name="facility_photo_order_idx")]


class NeedPhoto(Photo):
    """What the need asks for: the worn mattresses, the leaking roof."""

    need = models.ForeignKey(Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="photos")
    kind = "need"

    class Meta(Photo.Meta):
        verbose_name = _("need photo")
        verbose_name_plural = _("need photos")
        indexes = [models.Index(fields=["need", "published", "order", "id"], name="need_photo_order_idx")]


class MemberRole(models.TextChoices):
    HEAD = "head", _("Head of the facility")
    STAFF = "staff", _("Facility staff")


class FacilityMember(models.Model):
    """A facility account: the head or a staff member of a panti or LKS, tied to exactly one
    facility. Facility accounts use the facility portal (``/facility/``) and never the admin;
    they are opened only by invitation (``facilities.accounts.member_invite``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="facility_member"
    )
    facility = models.ForeignKey(Facility, verbose_name=_("facility"), on_delete=models.PROTECT, related_name="members")
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.STAFF)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["facility__name", "user__username"]
        verbose_name = _("facility account")
        verbose_name_plural = _("facility accounts")

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} ({self.facility})"

    def save(self, *args, **kwargs) -> None:
        # Not only in forms: no path (admin, shell, import) ties a facility to the wrong account.
        self.check_account()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.check_account()

    def check_account(self) -> None:
        """The account is the one its invitation opened: a staff, superuser or CSR officer
        account never becomes a facility's, and a member never moves to another account."""
        if self.user_id is None:
            return
        if not self._state.adding:
            linked = FacilityMember.objects.filter(pk=self.pk).values_list("user_id", flat=True).first()
            if linked is not None and linked != self.user_id:
                raise ValidationError(
                    {"user": _("A facility account stays with the account it was invited with.")},
                    code="member_moved",
                )
            return
        user = self.user
        if user.is_staff or user.is_superuser or is_officer(user):
            raise ValidationError(
                {"user": _("A Dinsos staff, superuser or CSR officer account cannot become a facility account.")},
                code="member_other_account",
            )


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
