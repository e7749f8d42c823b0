"""Needs: what a facility needs, their kinds, priorities and states, and which of them the public sees."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from facilities.models.facility import Facility
from facilities.units import unit_label


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


# The columns of the public listing's indexes, by order (facilities.filters.SORTS).
PUBLIC_ORDER_COLUMNS = {
    "urgency": ("priority", "needed_by", F("created_at").desc(), F("id").desc()),
    "newest": (F("created_at").desc(), F("id").desc()),
    "needed_by": ("needed_by", "priority", F("id").desc()),
    "value": (open_value().desc(), "priority", F("id").desc()),
}


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
            *(
                models.Index(*columns, condition=shown_need(), name=f"need_public_{order}_idx")
                for order, columns in PUBLIC_ORDER_COLUMNS.items()
            ),
            # The same four within one CSR field, the filter companies look for needs by: with a
            # field and a province, PostgreSQL walks the field's needs (a ninth of them) instead
            # of every public need, where it dropped 22,000 needs of other fields and provinces to
            # find a page of 20 (docs/performance.md, seventh session).
            *(
                models.Index("field", *columns, condition=shown_need(), name=f"need_field_{order}_idx")
                for order, columns in PUBLIC_ORDER_COLUMNS.items()
            ),
            # The public needs of given facilities (a region's, named by id: FacilityRegionFilter),
            # with the columns the listing filters on besides. PostgreSQL counts a region's listing
            # from this index alone, without reading the needs (an index-only scan), where it read
            # 10,000-25,000 needs to count a province's (docs/performance.md, seventh session).
            models.Index(
                fields=["facility", "status", "field", "kind", "priority"],
                condition=shown_need(),
                name="need_public_facility_idx",
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
