"""The data of a facilities map: markers of the facilities that have coordinates, and the tile
server from the settings. Pages hand it to ``static/js/map.js`` as JSON (``json_script``): the
CSP allows no inline script, and without JavaScript the list beside the map is the page."""

from collections.abc import Iterable

from django.conf import settings

from facilities.models import Facility


def marker(facility: Facility) -> dict | None:
    if facility.latitude is None or facility.longitude is None:
        return None
    return {
        "name": facility.name,
        "url": facility.get_absolute_url(),
        "lat": float(facility.latitude),
        "lng": float(facility.longitude),
    }


def map_data(facilities: Iterable[Facility]) -> dict | None:
    """What map.js draws, or None when no facility has coordinates (no map then)."""
    markers = [m for m in (marker(facility) for facility in facilities) if m is not None]
    if not markers:
        return None
    return {"tiles": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION, "markers": markers}
