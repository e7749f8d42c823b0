"""The data of a facilities map: markers of the facilities that have coordinates, each with its
open needs (how many, and the titles of the most urgent), and the tile server from the settings.
Pages hand it to ``static/js/map.js`` as JSON (``json_script``): the CSP allows no inline script,
and without JavaScript the list beside the map is the page. Markers close together are clustered
(Leaflet.markercluster, static/vendor/leaflet.markercluster)."""

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import get_language, ngettext

from facilities.models import Facility
from public import selectors

# The titles a popup lists under the facility's name, the most urgent first.
TITLES_SHOWN = 3


def localized_title(row) -> str:
    """A need's title for the reader: the English one for an English reader when written."""
    english = (get_language() or "id").startswith("en") and getattr(row, "title_en", "")
    return english or row.title


def marker(facility: Facility, open_count: int = 0, titles: list[str] | None = None) -> dict | None:
    if facility.latitude is None or facility.longitude is None:
        return None
    return {
        "name": facility.name,
        "url": facility.get_absolute_url(),
        "lat": float(facility.latitude),
        "lng": float(facility.longitude),
        "open": open_count,
        "summary": ngettext("%(count)s open need", "%(count)s open needs", open_count) % {"count": open_count}
        if open_count
        else "",
        "titles": (titles or [])[:TITLES_SHOWN],
    }


def map_data(facilities: Iterable[Facility], open_needs: dict[int, tuple[int, list[str]]] | None = None) -> dict | None:
    """What map.js draws, or None when no facility has coordinates (no map then).

    ``open_needs``: per facility id, the number of its open needs and the titles of the most
    urgent (``public.selectors.open_need_titles``); a facility not in it shows
    ``open_need_count`` when it has one (the listing's count) and no titles."""
    open_needs = open_needs or {}
    markers = []
    for facility in facilities:
        count, titles = open_needs.get(facility.pk, (getattr(facility, "open_need_count", 0) or 0, []))
        item = marker(facility, count, titles)
        if item is not None:
            markers.append(item)
    if not markers:
        return None
    return {"tiles": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION, "markers": markers}


def listing_map(facilities: list[Facility]) -> dict | None:
    """The map of a page of the facility directory (facilities from ``published_facilities``,
    with ``open_need_count``): one more query, for the titles of the open needs of the
    facilities on the map that have any."""
    shown = [
        facility.pk
        for facility in facilities
        if facility.latitude is not None and facility.longitude is not None and facility.open_need_count
    ]
    rows = selectors.open_need_titles(shown, per_facility=TITLES_SHOWN)
    open_needs = {
        facility.pk: (facility.open_need_count, [localized_title(row) for row in rows.get(facility.pk, [])])
        for facility in facilities
        if facility.pk in rows
    }
    return map_data(facilities, open_needs)
