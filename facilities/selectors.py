"""Reads for the public site: what anyone may see of facilities, needs and partners.

Every queryset here starts from ``Need.objects.public()`` or ``Facility.objects.published()``,
so internal needs, drafts, cancelled needs and unpublished facilities never leak, and none
of them loads contacts, notes or evidence. Each returns a queryset with its joins already
applied, so a page costs the same number of queries whatever the data size.
"""

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from facilities.models import Facility, Need, NeedStatus
from matching.models import COVERING_STATES, Pledge
from partners.models import Company
from regions.models import Region, RegionLevel

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


def partners_of_need(need: Need) -> QuerySet:
    """Companies that cover this need, with whether they have delivered: names only."""
    return (
        Pledge.objects.filter(need=need, status__in=COVERING_STATES)
        .values("company__name")
        .annotate(delivered=Max("quantity_verified"))
        .order_by("company__name")
    )


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


def partners_thanked(*, facility: Facility | None = None, limit: int = 24) -> QuerySet[Company]:
    """Companies with a pledge that covers a public need (of one facility, or anywhere).

    Names only: the queryset loads nothing else of the company.
    """
    needs = Need.objects.public()
    if facility is not None:
        needs = needs.filter(facility=facility)
    covering = Pledge.objects.filter(company=OuterRef("pk"), status__in=COVERING_STATES, need__in=needs.values("pk"))
    return Company.objects.filter(Exists(covering)).only("id", "name").order_by("name")[:limit]


def most_urgent_needs(*, limit: int = 6) -> list[Need]:
    """The open public needs to show first: most urgent, soonest needed, newest."""
    return list(
        public_needs().open().order_by("priority", F("needed_by").asc(nulls_last=True), "-created_at", "-id")[:limit]
    )


def region_choices(code: str) -> dict[str, list[Region]]:
    """Provinces, and the regencies and districts under the chosen code, in one query.

    Feeds the three region selects of the filter form: without JavaScript, choosing a province
    and submitting offers its regencies, and so on down.
    """
    parts = code.split(".") if code else []
    province = parts[0] if parts else None
    regency = ".".join(parts[:2]) if len(parts) >= 2 else None
    query = Q(level=RegionLevel.PROVINCE)
    if province:
        query |= Q(parent_id=province, level=RegionLevel.REGENCY)
    if regency:
        query |= Q(parent_id=regency, level=RegionLevel.DISTRICT)
    grouped: dict[str, list[Region]] = {"provinces": [], "regencies": [], "districts": []}
    key = {RegionLevel.PROVINCE: "provinces", RegionLevel.REGENCY: "regencies", RegionLevel.DISTRICT: "districts"}
    for region in Region.objects.filter(query).only("code", "name", "level").order_by("code"):
        grouped[key[region.level]].append(region)
    return grouped
