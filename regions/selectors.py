"""Reads of the region tree shared by the filter forms."""

from django.db.models import Q

from regions.models import Region, RegionLevel


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
