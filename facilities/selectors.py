"""Reads of the registry that anyone may see: public needs and published facilities.

Every queryset here starts from ``Need.objects.public()`` or ``Facility.objects.published()``,
so internal needs, drafts, cancelled needs and unpublished facilities never leak, and none
of them loads contacts or notes. Each returns a queryset with its joins already applied, so a
page costs the same number of queries whatever the data size. The public site and the partner
portal both read through here.
"""

from django.db.models import Count, F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from facilities.models import Facility, Need, NeedStatus
from regions.models import in_area

# The columns a need card, the detail page and the open-data files read. Everything else
# (description aside) stays in the database, as do the facility's contacts.
NEED_CARD_FIELDS = (
    "id",
    "title",
    "kind",
    "quantity",
    "unit",
    "unit_cost",
    "priority",
    "needed_by",
    "beneficiaries",
    "status",
    "quantity_pending",
    "quantity_covered",
    "quantity_delivered",
    "created_at",
    "field__code",
    "field__name",
    "field__name_en",
    "facility__id",
    "facility__name",
    "facility__slug",
    "facility__facility_type",
    "facility__region__code",
    "facility__region__name",
    "facility__region__level",
    "facility__region__parent__code",
    "facility__region__parent__name",
    "facility__region__parent__parent__code",
    "facility__region__parent__parent__name",
)


def remaining_value_expression():
    return (F("quantity") - F("quantity_pending") - F("quantity_covered")) * F("unit_cost")


def public_needs() -> QuerySet[Need]:
    """Public needs (open and fulfilled) with their facility, region (two levels up) and field."""
    return Need.objects.public().select_related("field", "facility__region__parent__parent").only(*NEED_CARD_FIELDS)


def need_for_public(pk: int) -> Need | None:
    """One public need with what its detail page shows, or None."""
    return public_needs().only(*NEED_CARD_FIELDS, "description").filter(pk=pk).first()


def published_facilities() -> QuerySet[Facility]:
    """Published facilities with their region and the number of their open public needs.

    The count is a correlated subquery rather than a join and GROUP BY, so PostgreSQL computes
    it only for the rows of the page.
    """
    open_needs = (
        Need.objects.public()
        .open()
        .filter(facility=OuterRef("pk"))
        .order_by()
        .values("facility")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Facility.objects.published()
        .select_related("region__parent__parent")
        .only(
            "id",
            "name",
            "slug",
            "facility_type",
            "operator",
            "capacity",
            "residents",
            "region__code",
            "region__name",
            "region__level",
            "region__parent__code",
            "region__parent__name",
            "region__parent__parent__code",
            "region__parent__parent__name",
        )
        .annotate(open_need_count=Coalesce(Subquery(open_needs), Value(0)))
    )


def facility_for_public(slug: str) -> Facility | None:
    """One published facility with its public profile (never its contacts), or None."""
    return (
        Facility.objects.published()
        .select_related("region__parent__parent")
        .defer("head_name", "contact_phone", "contact_email", "address", "latitude", "longitude")
        .filter(slug=slug)
        .first()
    )


def needs_of_facility(facility: Facility, *, status: str, limit: int) -> list[Need]:
    """Up to ``limit`` public needs of one facility in one status, most urgent first."""
    needs = public_needs().filter(facility=facility, status=status)
    if status == NeedStatus.FULFILLED:
        needs = needs.order_by("-updated_at", "-id")
    else:
        needs = needs.order_by("priority", F("needed_by").asc(nulls_last=True), "-created_at", "-id")
    return list(needs[:limit])


def most_urgent_needs(*, limit: int = 6, area: str = "") -> list[Need]:
    """The open public needs to show first (of one area, or everywhere): most urgent, soonest
    needed, newest."""
    needs = public_needs().open().filter(in_area(area, "facility__region"))
    return list(needs.order_by("priority", F("needed_by").asc(nulls_last=True), "-created_at", "-id")[:limit])
