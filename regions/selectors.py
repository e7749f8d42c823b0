"""Reads of the region registry: the region choices of the filter forms, and the latest
poverty figure of each region.

Both the reports (poor households beside CSR) and the matching suggestions (the "wide gap"
districts, ``matching.gap``) read the figures this way, so it lives here, below both.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Case, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When

from regions.models import PovertyFigure, PovertySource, Region, RegionLevel, in_area

# Length of a Kemendagri code at each level: "62", "62.11", "62.11.01".
CODE_LENGTH = {RegionLevel.PROVINCE: 2, RegionLevel.REGENCY: 5, RegionLevel.DISTRICT: 8}
DISTRICT_CODE_LENGTH = CODE_LENGTH[RegionLevel.DISTRICT]

# When one region has figures of several sources for the same year, the newest national data
# set wins: DTSEN (which replaces DTKS), then DTKS, then BPS.
SOURCE_RANK = Case(
    When(source=PovertySource.DTSEN, then=Value(0)),
    When(source=PovertySource.DTKS, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def latest_figures(year: int | None) -> QuerySet[PovertyFigure]:
    """The figures of ``OuterRef("pk")`` (a region), latest first, of a year up to ``year``."""
    figures = PovertyFigure.objects.filter(region=OuterRef("pk"))
    if year is not None:
        figures = figures.filter(year__lte=year)
    return figures.annotate(rank=SOURCE_RANK).order_by("-year", "rank")


def own_figures(year: int | None, scope_code: str = "", *, levels: Iterable[int] = (1, 2, 3), min_households=None):
    """``{code: (name, level, poor households, year)}`` of the regions in scope that have a figure
    of their own (at least ``min_households``, when given): one query, the latest figure picked
    by the database."""
    latest = latest_figures(year)
    rows = (
        Region.objects.filter(level__in=list(levels))
        .filter(in_area(scope_code, "code"))
        .annotate(
            households=Subquery(latest.values("poor_households")[:1]),
            figure_year=Subquery(latest.values("year")[:1]),
        )
        .filter(households__gte=min_households or 0)
        .values_list("code", "name", "level", "households", "figure_year")
        .order_by()
    )
    return {code: (name, level, households, figure_year) for code, name, level, households, figure_year in rows}


def _within(within: str) -> Q:
    """A staff account's area (a Kemendagri code): the regions in it, and the levels above it
    that lead to it."""
    ancestors = [".".join(within.split(".")[: index + 1]) for index in range(within.count("."))]
    return Q(code__in=ancestors) | in_area(within, "pk")


def region_choices(code: str, within: str | None = None) -> dict[str, list[Region]]:
    """Provinces, and the regencies and districts under the chosen code, in one query.

    Feeds the three region selects of the filter form: without JavaScript, choosing a province
    and submitting offers its regencies, and so on down (with it, ``region_children`` fills the
    next select at once). ``within``: a staff account's area (a Kemendagri code): only regions in
    it, and the levels above it that lead to it, are offered.
    """
    parts = code.split(".") if code else []
    province = parts[0] if parts else None
    regency = ".".join(parts[:2]) if len(parts) >= 2 else None
    query = Q(level=RegionLevel.PROVINCE)
    if province:
        query |= Q(parent_id=province, level=RegionLevel.REGENCY)
    if regency:
        query |= Q(parent_id=regency, level=RegionLevel.DISTRICT)
    if within:
        query &= _within(within)
    grouped: dict[str, list[Region]] = {"provinces": [], "regencies": [], "districts": []}
    key = {RegionLevel.PROVINCE: "provinces", RegionLevel.REGENCY: "regencies", RegionLevel.DISTRICT: "districts"}
    for region in Region.objects.filter(query).only("code", "name", "level").order_by("code"):
        grouped[key[region.level]].append(region)
    return grouped


def region_children(parent: str, within: str | None = None) -> list[tuple[str, str]]:
    """``(code, name)`` of the regencies of a province or the districts of a regency, by code,
    within ``within`` as in ``region_choices``: the next select of a filter form. One query."""
    regions = Region.objects.filter(parent_id=parent, level__in=[RegionLevel.REGENCY, RegionLevel.DISTRICT])
    if within:
        regions = regions.filter(_within(within))
    return list(regions.order_by("code").values_list("code", "name"))


def region_with_parents(code: str) -> Region | None:
    """One region with the two levels above it loaded (``region.parent.parent``), or None."""
    return Region.objects.select_related("parent__parent").filter(code=code).first()
