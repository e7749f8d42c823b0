"""Reads of the registry that anyone may see: public needs and published facilities.

Every queryset here starts from ``Need.objects.public()`` or ``Facility.objects.published()``,
so internal needs, drafts, cancelled needs and unpublished facilities never leak, and none
of them loads contacts or notes. Each returns a queryset with its joins already applied, so a
page costs the same number of queries whatever the data size. The public site and the partner
portal both read through here.
"""

from collections.abc import Callable
from functools import cache

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.models import CsrField, SdgGoal
from core.statements import Statement, instance
from facilities.models import Facility, FacilityPhoto, Need, NeedPhoto, NeedStatus
from regions.models import Region, in_area

# The columns a need card, the detail page and the open-data files read. Everything else
# (description aside) stays in the database, as do the facility's contacts.
NEED_CARD_FIELDS = (
    "id",
    "title",
    "title_en",
    "kind",
    "quantity",
    "unit",
    "unit_cost",
    "priority",
    "needed_by",
    "beneficiaries",
    "status",
    "quantity_pending",
    "quantity_proposed",
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
    # What is still open to the public: a proposal no partner has answered is not held.
    return (F("quantity") - F("quantity_pending") + F("quantity_proposed") - F("quantity_covered")) * F("unit_cost")


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


# What a need card shows that may change, read for a page of a listing instead of whole needs
# (public.cards.listed_cards): the need's own columns, its facility's and its first photo. The
# names of regions and fields are left to their own data version.
CARD_ROW_FIELDS = (
    # The need's own columns of NEED_CARD_FIELDS, so that a column a card starts to show is in
    # the row (and the key of its kept card) too.
    *(name for name in NEED_CARD_FIELDS if "__" not in name),
    "field_id",
    "facility_id",
    "facility__name",
    "facility__slug",
    "facility__facility_type",
    "facility__region_id",
    "photo_id",
)


def card_rows(needs: QuerySet[Need]) -> QuerySet:
    """The rows of ``CARD_ROW_FIELDS`` of ``needs`` (any query of public needs, from
    ``Need.objects.public()`` or ``public_needs``), in its order, as named tuples (``row.id``,
    ``row.title``…).
    The first photo is named by its id alone: a photo's width and height never change (they are
    written once, when it is uploaded)."""
    return (
        needs.select_related(None)
        .annotate(photo_id=first_photo_id(NeedPhoto, "need"))
        .values_list(*CARD_ROW_FIELDS, named=True)
    )


def needs_by_id(ids: list[int]) -> dict[int, Need]:
    """The public needs among ``ids`` whole, as a card shows them, by id."""
    return {need.pk: need for need in with_photo(public_needs()).filter(pk__in=ids)}


# What a need page reads in its one query: a card's columns and the description, its field's and
# its facility's by attname (core.statements.instance makes the three objects of them); the
# facility's region by its code alone (the region comes from elsewhere: need_for_public).
NEED_PAGE_COLUMNS = (
    *(name for name in NEED_CARD_FIELDS if not name.startswith("facility__region__")),
    "facility__region_id",
    "field_id",
    "facility_id",
    "description",
    "description_en",
)
# A sample id no row has, for the statements of this module (core.statements).
SAMPLE_ID = -(2**62)
SAMPLE_SLUG = "\x00sample"
# What the public never reads of a facility.
FACILITY_PRIVATE_FIELDS = ("head_name", "contact_phone", "contact_email")


def listed_need_rows() -> QuerySet:
    """The ``card_rows`` of every public need, for a listing to filter, order and slice: the
    columns and the photo's subquery are set up once per process (a third of what building the
    listing's query cost), and each listing gets its own copy."""
    return _listed_need_rows().all()


@cache
def _listed_need_rows() -> QuerySet:
    return card_rows(Need.objects.public())


def public_needs() -> QuerySet[Need]:
    """Public needs (open and fulfilled) with their facility, region (two levels up) and field."""
    return Need.objects.public().select_related("field", "facility__region__parent__parent").only(*NEED_CARD_FIELDS)


def need_for_public(pk: int, *, region_of: Callable[[str], Region | None]) -> Need | None:
    """One public need with what its detail page shows, or None: its published photos in
    ``public_photos`` (read only when it has one) and, when it has none, its facility's first
    photo in ``facility_photo``, which a shared link shows instead (read only when there is one).

    One query, compiled once (core.statements): the need with its field and facility, and the ids
    of their first photos (their sizes come with the photos themselves). It joins no region: the
    facility's region, with the two levels above it, comes from ``region_of(code)`` (kept apart,
    as regions seldom change)."""
    rows = _NEED_PAGE.rows(pk=pk)
    if not rows:
        return None
    row = rows[0]
    need = instance(Need, row)
    need.field = instance(CsrField, row, prefix="field__")
    need.facility = instance(Facility, row, prefix="facility__")
    need.facility.region = region_of(row.facility__region_id)
    need.photo_id, need.facility_photo_id = row.photo_id, row.facility_photo_id
    need.public_photos = list(NeedPhoto.objects.filter(need=need, published=True)) if need.photo_id else []
    need.facility_photo = None
    if not need.public_photos and need.facility_photo_id:
        need.facility_photo = FacilityPhoto.objects.filter(pk=need.facility_photo_id).first()
    # Its SDG goals (issue 27), read only when it has one.
    need.public_sdg_goals = list(SdgGoal.objects.filter(needs=need)) if row.first_sdg_goal else []
    return need


def _need_page(pk: int) -> QuerySet:
    return (
        Need.objects.public()
        .filter(pk=pk)
        .annotate(
            photo_id=first_photo_id(NeedPhoto, "need"),
            facility_photo_id=first_photo_id(FacilityPhoto, "facility", outer="facility_id"),
            first_sdg_goal=Subquery(
                Need.sdg_goals.through.objects.filter(need_id=OuterRef("pk")).order_by().values("sdggoal_id")[:1]
            ),
        )
        .values_list(*NEED_PAGE_COLUMNS, "photo_id", "facility_photo_id", "first_sdg_goal", named=True)
    )


_NEED_PAGE = Statement(_need_page, pk=SAMPLE_ID)


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
            open_need_count=Coalesce(Subquery(open_needs), Value(0)), **first_photo(FacilityPhoto, "facility", "photo")
        )
    )


def facility_for_public(slug: str, *, region_of: Callable[[str], Region | None]) -> Facility | None:
    """One published facility with its public profile (never its contacts) and its published
    photos in ``public_photos`` (read only when it has one), or None. One query, compiled once
    (core.statements); its region, with the two levels above it, comes from ``region_of(code)``,
    as for ``need_for_public``."""
    rows = _FACILITY_PAGE.rows(slug=slug)
    if not rows:
        return None
    facility = instance(Facility, rows[0])
    if not facility.address_public:
        facility.address = ""  # a hidden location (a safe house) never reaches a public page
    facility.region = region_of(facility.region_id)
    facility.photo_id = rows[0].photo_id
    facility.public_photos = (
        list(FacilityPhoto.objects.filter(facility=facility, published=True)) if facility.photo_id else []
    )
    return facility


def _facility_page(slug: str) -> QuerySet:
    columns = [field.attname for field in Facility._meta.concrete_fields if field.name not in FACILITY_PRIVATE_FIELDS]
    return (
        Facility.objects.published()
        .filter(slug=slug)
        .annotate(photo_id=first_photo_id(FacilityPhoto, "facility"))
        .values_list(*columns, "photo_id", named=True)
    )


_FACILITY_PAGE = Statement(_facility_page, slug=SAMPLE_SLUG)


def needs_of_facility(facility: Facility, *, status: str, limit: int) -> list[tuple]:
    """Up to ``limit`` public needs of one facility in one status, most urgent first (fulfilled:
    the last fulfilled first), as card rows (``card_rows``). Compiled once per status and limit."""
    return _facility_needs(status, limit).rows(facility_id=facility.pk)


@cache
def _facility_needs(status: str, limit: int) -> Statement:
    def build(facility_id: int) -> QuerySet:
        needs = Need.objects.public().filter(facility_id=facility_id, status=status)
        if status == NeedStatus.FULFILLED:
            needs = needs.order_by("-updated_at", "-id")
        else:
            needs = needs.order_by("priority", F("needed_by").asc(nulls_last=True), "-created_at", "-id")
        return card_rows(needs)[:limit]

    return Statement(build, facility_id=SAMPLE_ID)


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
