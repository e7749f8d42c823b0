"""Reads only the public site makes: who helped, and the home page's headline figures.

Names of companies only, never their contacts; pledges only in a covering state.
"""

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Sum, Window
from django.db.models.functions import Coalesce, RowNumber

from facilities import selectors as facility_selectors
from facilities.models import Facility, Need, NeedStatus
from matching.models import COVERING_STATES, DeliveryReport, DeliveryStatus, Pledge, ReceiptOutcome
from partners.models import Company, CompanyStatus
from regions.models import in_area


def partners_of_need(need: Need) -> list[tuple]:
    """Companies that cover this need, with whether they have delivered: names only, as
    ``(company__name, delivered)`` rows. None without a query when the need's coverage counter
    is 0: the pledge services keep it as the sum of its covering pledges, each of at least one."""
    if not need.quantity_covered:
        return []
    return list(
        Pledge.objects.filter(need=need, status__in=COVERING_STATES)
        .values("company__name")
        .annotate(delivered=Max("quantity_verified"))
        .order_by("company__name")
        .values_list("company__name", "delivered", named=True)
    )


def deliveries_of_need(need: Need) -> list[tuple]:
    """The need's deliveries Dinsos has verified, oldest first: the company's name, the date and
    quantity delivered, and the facility's confirmation (its date and thank-you note) when it
    confirmed receipt. Nothing of a delivery still awaiting verification is public. None without a
    query when the need's delivered counter is 0 (the sum of its verified deliveries, each of at
    least one)."""
    if not need.quantity_delivered:
        return []
    confirmed = Q(receipt__outcome=ReceiptOutcome.CONFIRMED)
    return list(
        DeliveryReport.objects.filter(pledge__need=need, status=DeliveryStatus.VERIFIED)
        .annotate(
            confirmed_on=Max("receipt__received_on", filter=confirmed),
            thank_you=Max("receipt__thank_you", filter=confirmed),
        )
        .order_by("delivered_on", "id")
        .values_list("pledge__company__name", "delivered_on", "quantity", "confirmed_on", "thank_you", named=True)
    )


def partners_of_facility(facility: Facility, *, limit: int) -> list[tuple]:
    """Companies with a pledge that covers a public need of this facility, by name, as
    ``(company_id, name)`` rows."""
    needs = Need.objects.public_of(facility)
    return list(
        Pledge.objects.filter(need__in=needs.values("pk"), status__in=COVERING_STATES)
        .annotate(name=F("company__name"))
        .values_list("company_id", "name", named=True)
        .distinct()
        .order_by("name", "company_id")[:limit]
    )


def partners_thanked(*, area: str = "", limit: int = 24) -> QuerySet[Company]:
    """Companies with a pledge that covers a public need (of one area, or anywhere).

    Names only: the queryset loads nothing else of the company.
    """
    needs = Need.objects.public().filter(in_area(area, "facility__region"))
    covering = Pledge.objects.filter(company=OuterRef("pk"), status__in=COVERING_STATES, need__in=needs.values("pk"))
    return Company.objects.filter(Exists(covering)).only("id", "name").order_by("name")[:limit]


def headline_stats(area: str = "") -> dict[str, int]:
    """Live headline figures for the home page (or one agency's area), in three queries
    whatever the data size."""
    needs = (
        Need.objects.public()
        .filter(in_area(area, "facility__region"))
        .aggregate(
            open_needs=Count("pk", filter=Q(status=NeedStatus.OPEN)),
            rupiah_covered=Coalesce(Sum(F("quantity_covered") * F("unit_cost")), 0),
            rupiah_delivered=Coalesce(Sum(F("quantity_delivered") * F("unit_cost")), 0),
        )
    )
    return {
        **needs,
        "facilities": Facility.objects.published().filter(in_area(area, "region")).count(),
        "partners": Company.objects.filter(status=CompanyStatus.ACTIVE).count(),
    }


def other_open_needs(need: Need, *, limit: int) -> list[Need]:
    """Open public needs of the same facility with something left to offer, most urgent first."""
    others = (
        facility_selectors.needs_under(need.facility)
        .open()
        .exclude(pk=need.pk)
        # A proposal no partner has answered leaves the need open to the public.
        .filter(quantity__gt=F("quantity_pending") - F("quantity_proposed") + F("quantity_covered"))
        .order_by("priority", F("needed_by").asc(nulls_last=True), "-created_at", "-id")
    )
    return facility_selectors.cards_under(need.facility, others[:limit])


def open_need_titles(facility_ids: list[int], *, per_facility: int) -> dict[int, list[tuple]]:
    """The most urgent open public needs of each facility, at most ``per_facility`` each, as
    ``(facility_id, title, title_en)`` rows by facility: one query (a window per facility)
    whatever the number of needs, for the popups of a map."""
    if not facility_ids:
        return {}
    urgency = ["priority", F("needed_by").asc(nulls_last=True), "-created_at", "-id"]
    rows = (
        Need.objects.public()
        .open()
        .filter(facility_id__in=facility_ids)
        .annotate(rank=Window(RowNumber(), partition_by=[F("facility_id")], order_by=urgency))
        .filter(rank__lte=per_facility)
        .order_by("facility_id", "rank")
        .values_list("facility_id", "title", "title_en", named=True)
    )
    found: dict[int, list[tuple]] = {}
    for row in rows:
        found.setdefault(row.facility_id, []).append(row)
    return found
