"""The "wide gap" between poverty and CSR, as the suggestions use it (``matching.selectors``,
``W_GAP``): the districts where rupiah delivered per poor household lags furthest behind.

It lives in matching, below the reports, because the suggestions need it; the reports show
their own, fuller gap ranking (``reports.selectors.regional``) from the same poverty figures.
See docs/decisions.md ("Suggestions use the gap").
"""

from __future__ import annotations

import math

from django.conf import settings
from django.db.models import BigIntegerField, BooleanField, Case, F, QuerySet, Sum, Value, When
from django.db.models.functions import Cast, Coalesce, Substr

from core import versioned_cache
from facilities.models import Need
from regions.models import RegionLevel
from regions.selectors import DISTRICT_CODE_LENGTH, own_figures

# A district is a "wide gap" for the suggestions when it has at least this many poor households
# and its rupiah delivered per poor household is in the lowest third of the districts that do.
GAP_MIN_HOUSEHOLDS = 100
GAP_MIN_DISTRICTS = 3
# The data version the districts are kept under: bumped by any change of what they are counted
# from (the needs' delivered quantities, the facilities' places, the regions' poverty figures).
GAP_GROUP = "suggestion-gap"


def connect_signals() -> None:
    versioned_cache.watch(GAP_GROUP, models=("facilities.Need", "facilities.Facility"), app_labels=("regions",))


def wide_gap_districts() -> dict[str, str]:
    """``{district code: name}`` of the districts where CSR lags furthest behind poverty, for
    the suggestions: at least GAP_MIN_HOUSEHOLDS poor households (latest figure) and rupiah
    delivered per poor household, over all time, in the lowest third of those districts (ties
    included). Empty below GAP_MIN_DISTRICTS such districts: a ranking of one or two says
    nothing.

    Two aggregates over the whole country (about 150 ms at national scale), so the answer is
    kept until a need, facility or region changes (``GAP_GROUP``), within
    ``SUGGESTION_GAP_CACHE_SECONDS``: not on every partner's page of suggestions."""
    seconds = getattr(settings, "SUGGESTION_GAP_CACHE_SECONDS", 3600)
    return versioned_cache.cached(GAP_GROUP, "wide-gap-districts", _wide_gap_districts, seconds=seconds)


def _wide_gap_districts() -> dict[str, str]:
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
    """Needs with ``in_gap``: their facility lies in a wide-gap district (``wide_gap_districts``),
    for the suggestions' ranking. The district's name is ``gap_district_name``'s, read from the
    same kept districts rather than joined to every need that is ranked."""
    codes = sorted(wide_gap_districts())
    if not codes:
        return needs.annotate(in_gap=Value(False, output_field=BooleanField()))
    # A facility is placed in a district or in one of its villages.
    in_gap = Case(
        When(facility_district__in=codes, then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    return needs.annotate(facility_district=Substr("facility__region_id", 1, DISTRICT_CODE_LENGTH)).annotate(
        in_gap=in_gap
    )


def gap_district_name(need: Need) -> str:
    """The name of the wide-gap district ``need``'s facility lies in (or in a village of), or ""."""
    return wide_gap_districts().get((need.facility.region_id or "")[:DISTRICT_CODE_LENGTH], "")
