"""The "wide gap" between poverty and CSR, as the suggestions use it (``matching.selectors``,
``W_GAP``): the districts where rupiah delivered per poor household lags furthest behind.

It lives in matching, below the reports, because the suggestions need it; the reports show
their own, fuller gap ranking (``reports.selectors.regional``) from the same poverty figures.
See docs/decisions.md ("Suggestions use the gap").
"""

from __future__ import annotations

import math

from django.db.models import BigIntegerField, BooleanField, Case, CharField, F, QuerySet, Sum, Value, When
from django.db.models.functions import Cast, Coalesce, Substr

from facilities.models import Need
from regions.models import RegionLevel
from regions.selectors import DISTRICT_CODE_LENGTH, own_figures

# A district is a "wide gap" for the suggestions when it has at least this many poor households
# and its rupiah delivered per poor household is in the lowest third of the districts that do.
GAP_MIN_HOUSEHOLDS = 100
GAP_MIN_DISTRICTS = 3


def wide_gap_districts() -> dict[str, str]:
    """``{district code: name}`` of the districts where CSR lags furthest behind poverty, for
    the suggestions: at least GAP_MIN_HOUSEHOLDS poor households (latest figure) and rupiah
    delivered per poor household, over all time, in the lowest third of those districts (ties
    included). Empty below GAP_MIN_DISTRICTS such districts: a ranking of one or two says
    nothing. Always two queries, both aggregated by the database."""
    figures = own_figures(None, levels=[RegionLevel.DISTRICT], min_households=GAP_MIN_HOUSEHOLDS)
    # Delivered over all time, from the needs' counters (verified quantity × unit cost, as the
    # home page counts it): the same as the verified reports' value unless a partner reported
    # another value, and a tenth of the work, which matters on every suggestions page. Cast to
    # bigint: PostgreSQL sums bigints as numeric, which Python would receive as Decimals.
    delivered_value = Sum(F("quantity_delivered") * F("unit_cost"))
    delivered = dict(
        Need.objects.filter(quantity_delivered__gt=0)
        .annotate(key=Substr("facility__region_id", 1, DISTRICT_CODE_LENGTH))
        .values("key")
        .annotate(total=Coalesce(Cast(delivered_value, BigIntegerField()), Value(0), output_field=BigIntegerField()))
        .values_list("key", "total")
        .order_by()
    )
    if len(figures) < GAP_MIN_DISTRICTS:
        return {}
    ratios = {code: (delivered.get(code) or 0) / row[2] for code, row in figures.items()}
    cutoff = sorted(ratios.values())[math.ceil(len(ratios) / 3) - 1]
    return {code: figures[code][0] for code, ratio in ratios.items() if ratio <= cutoff}


def annotate_need_gap(needs: QuerySet[Need]) -> QuerySet[Need]:
    """Needs with ``in_gap`` (their facility lies in a wide-gap district, see
    ``wide_gap_districts``) and ``gap_region`` (that district's name, or ""), for the
    suggestions. Two queries to find the districts; the needs' query only grows by the list."""
    codes = sorted(wide_gap_districts())
    if not codes:
        return needs.annotate(
            in_gap=Value(False, output_field=BooleanField()), gap_region=Value("", output_field=CharField())
        )
    # A facility is placed in a district or in one of its villages.
    district_name = Case(
        When(facility__region__level__gt=RegionLevel.DISTRICT, then=F("facility__region__parent__name")),
        default=F("facility__region__name"),
    )
    return (
        needs.annotate(facility_district=Substr("facility__region_id", 1, DISTRICT_CODE_LENGTH))
        .annotate(
            in_gap=Case(
                When(facility_district__in=codes, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .annotate(gap_region=Case(When(in_gap=True, then=district_name), default=Value(""), output_field=CharField()))
    )
