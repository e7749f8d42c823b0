"""Reads of the registry that anyone may see: public needs and published facilities.

Every queryset here starts from ``Need.objects.public()`` or ``Facility.objects.published()``,
so internal needs, drafts, cancelled needs and unpublished facilities never leak, and none
of them loads contacts or notes. Each returns a queryset with its joins already applied, so a
page costs the same number of queries whatever the data size. The public site and the partner
portal both read through here.
"""

from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.models import CsrField, SdgGoal
from facilities.models import Facility, FacilityPhoto, Need, NeedPhoto, NeedStatus
from regions.models import in_area

# What the public never reads of a facility.
FACILITY_PRIVATE_FIELDS = ("head_name", "contact_phone", "contact_email")
# What a need card does not show of its facility (a facility page does) nor of the need itself.
LONG_TEXTS = ("background", "background_en", "intervention_programs", "intervention_programs_en")
NEED_LONG_TEXTS = ("description", "description_en")
NEED_CARD_DEFERRED = (
    *NEED_LONG_TEXTS,
    *(f"facility__{name}" for name in (*FACILITY_PRIVATE_FIELDS, *LONG_TEXTS)),
)


def _published_photos(model: type[NeedPhoto] | type[FacilityPhoto], owner: str, outer: str) -> QuerySet:
    """The published photos of the outer query's row, first first."""
    return model.objects.filter(**{owner: OuterRef(outer)}, published=True).order_by("order", "id")


def first_photo(model: type[NeedPhoto] | type[FacilityPhoto], owner: str, prefix: str, outer: str = "pk") -> dict:
    """Annotations naming the first published photo of each row (``<prefix>_id``, ``_width``,
    ``_height``): subqueries in the same query, so a card's photo costs no query of its own."""
    photos = _published_photos(model, owner, outer)
    return {f"{prefix}_{name}": Subquery(photos.values(name)[:1]) for name in ("id", "width", "height")}


def first_photo_id(model: type[NeedPhoto] | type[FacilityPhoto], owner: str, outer: str = "pk") -> Subquery:
    """The id of the first published photo of each row alone, as a subquery of the same query
    (its size comes with the photo, when it is read)."""
    return Subquery(_published_photos(model, owner, outer).values("id")[:1])


def with_photo(needs: QuerySet[Need]) -> QuerySet[Need]:
    """Needs with their first published photo (``photo_id``, ``photo_width``, ``photo_height``)."""
    return needs.annotate(**first_photo(NeedPhoto, "need", "photo"))


def _public_needs_without_field() -> QuerySet[Need]:
    return Need.objects.public().select_related("facility__region__parent__parent").defer(*NEED_CARD_DEFERRED)


def public_needs() -> QuerySet[Need]:
    """Public needs (open and fulfilled) with their facility, region (two levels up) and field,
    without their descriptions and their facility's contacts and long texts."""
    return _public_needs_without_field().select_related("field")


def listed_needs() -> QuerySet[Need]:
    """Public needs as a listing's cards show them: ``public_needs`` with their first photo."""
    return with_photo(public_needs())


def listed_needs_without_field() -> QuerySet[Need]:
    """``listed_needs`` without the join to their CSR field, for a listing that has read the
    CSR fields already (for its filter) and gives each need its own (``with_fields``): one join
    less for PostgreSQL to plan (about 1 ms at national scale)."""
    return with_photo(_public_needs_without_field())


def with_fields(needs: list[Need], fields: list[CsrField]) -> list[Need]:
    """``needs`` (without their field read), each given its CSR field from ``fields`` (all of them)."""
    by_code = {field.code: field for field in fields}
    for need in needs:
        need.field = by_code[need.field_id]
    return needs


def needs_under(facility: Facility) -> QuerySet[Need]:
    """The public needs of a facility the page has already read, as their cards show them under
    it (``cards_under``): with their field and first photo, without joining the facility's row and
    its three regions again (about 1 ms of PostgreSQL's planning per query)."""
    return with_photo(Need.objects.public_of(facility).select_related("field").defer(*NEED_LONG_TEXTS))


def cards_under(facility: Facility, needs: QuerySet[Need]) -> list[Need]:
    """``needs`` (from ``needs_under(facility)``) read, each with ``facility`` as its facility."""
    listed = list(needs)
    for need in listed:
        need.facility = facility
    return listed


def _one(queryset: QuerySet) -> Any:
    """The row of ``queryset`` (filtered by a unique key), or None. ``get()``, which leaves the
    model's ordering out of the query, where ``first()`` adds it (three columns for a need)."""
    try:
        return queryset.get()
    except queryset.model.DoesNotExist:
        return None


def need_for_public(pk: int) -> Need | None:
    """One public need with what its detail page shows, or None: its published photos in
    ``public_photos`` (read only when it has one) and its SDG goals in ``public_sdg_goals``
    (read only when it has one). A need without a photo is shared with a generated picture
    (``public.share_image``), not its facility's photo."""
    need = _one(
        Need.objects.public()
        .select_related("field", "facility__region__parent__parent")
        .defer(*(f"facility__{name}" for name in FACILITY_PRIVATE_FIELDS))
        .annotate(
            photo_id=first_photo_id(NeedPhoto, "need"),
            first_sdg_goal=Subquery(
                Need.sdg_goals.through.objects.filter(need_id=OuterRef("pk")).order_by().values("sdggoal_id")[:1]
            ),
        )
        .filter(pk=pk)
    )
    if need is None:
        return None
    need.public_photos = list(NeedPhoto.objects.filter(need=need, published=True)) if need.photo_id else []
    # Its SDG goals (issue 27), read only when it has one.
    need.public_sdg_goals = list(SdgGoal.objects.filter(needs=need)) if need.first_sdg_goal else []
    return need


def needs_per_facility(needs: QuerySet[Need]) -> Coalesce:
    """How many of ``needs`` each facility has, to annotate facilities with: a correlated
    subquery rather than a join and GROUP BY, so PostgreSQL computes it only for the rows of the
    page (and a count of the facilities needs no join at all)."""
    counted = needs.filter(facility=OuterRef("pk")).order_by().values("facility").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), Value(0))


def published_facilities() -> QuerySet[Facility]:
    """Published facilities with their region and the number of their open public needs
    (``needs_per_facility``)."""
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
            "latitude",
            "longitude",
            "region__code",
            "region__name",
            "region__level",
            "region__parent__code",
            "region__parent__name",
            "region__parent__parent__code",
            "region__parent__parent__name",
        )
        .annotate(
            open_need_count=needs_per_facility(Need.objects.public().open()),
            **first_photo(FacilityPhoto, "facility", "photo"),
        )
    )


def facility_for_public(slug: str) -> Facility | None:
    """One published facility with its public profile (never its contacts), its region two
    levels up and its published photos in ``public_photos`` (read only when it has one), or None."""
    facility = _one(
        Facility.objects.published()
        .select_related("region__parent__parent")
        .defer(*FACILITY_PRIVATE_FIELDS)
        .annotate(photo_id=first_photo_id(FacilityPhoto, "facility"))
        .filter(slug=slug)
    )
    if facility is None:
        return None
    if not facility.address_public:
        facility.address = ""  # a hidden location (a safe house) never reaches a public page
    facility.public_photos = (
        list(FacilityPhoto.objects.filter(facility=facility, published=True)) if facility.photo_id else []
    )
    return facility


def needs_of_facility(facility: Facility, *, status: str, limit: int) -> list[Need]:
    """Up to ``limit`` public needs of one facility in one status, most urgent first (fulfilled:
    the last fulfilled first), as their cards show them."""
    needs = needs_under(facility).filter(status=status)
    if status == NeedStatus.FULFILLED:
        needs = needs.order_by("-updated_at", "-id")
    else:
        needs = needs.order_by("priority", F("needed_by").asc(nulls_last=True), "-created_at", "-id")
    return cards_under(facility, needs[:limit])


def most_urgent_needs(*, limit: int = 6, area: str = "") -> list[Need]:
    """The open public needs to show first (of one area, or everywhere): most urgent, soonest
    needed, newest. Urgent means something is left to help with (a proposal no partner has
    answered leaves it open) and the date it is needed by is not past."""
    needs = (
        with_photo(public_needs())
        .open()
        .filter(in_area(area, "facility__region"))
        .filter(quantity__gt=F("quantity_pending") - F("quantity_proposed") + F("quantity_covered"))
        .filter(Q(needed_by__isnull=True) | Q(needed_by__gte=timezone.localdate()))
    )
    return list(needs.order_by("priority", F("needed_by").asc(nulls_last=True), "-created_at", "-id")[:limit])
