"""A brief cache for the public pages.

The listings and facility pages are read far more than the data changes (a shared link brings a
crowd to one URL), so the part of each page that depends on the query is rendered once per
language and query and kept for ``PUBLIC_PAGE_CACHE_SECONDS`` (30 s by default; 0 turns it off).

Every entry's key carries the data version of the public registry (``core.versioned_cache``,
group ``public``), which changes whenever a facility, need, photo, pledge, company, CSR field or
region is saved or deleted, so a change shows at once on the next request; a bulk update shows
within the timeout. With a cache shared between processes (``REDIS_URL``), the version is
shared too.

Whole pages (``kept_page``, ``core.kept_pages``) are kept the same way for anonymous visitors.

Pieces that many pages share and that only a change of the data changes (the capped count of a
filter set, the choices of the filter form, the home page's figures) are kept longer, for
``PUBLIC_DATA_CACHE_SECONDS`` (``data_cached``), under the same version.
"""

from collections.abc import Callable
from typing import Any, NamedTuple

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from core import kept_pages, versioned_cache
from facilities.filters import csr_field_choices
from regions import selectors as region_selectors
from regions.models import Region

GROUP = "public"
WATCHED_MODELS = (
    "facilities.Facility",
    "facilities.Need",
    "facilities.FacilityPhoto",
    "facilities.NeedPhoto",
    "matching.Pledge",
    "partners.Company",
    "core.CsrField",
    "regions.Region",
)
# The choices of the filter forms change only with the regions and CSR fields.
PLACES_GROUP = "public-places"
PLACES_MODELS = ("core.CsrField", "regions.Region")


def data_version() -> int:
    return versioned_cache.version(GROUP)


def data_changed(**kwargs) -> None:
    versioned_cache.bump(GROUP)


def connect_signals() -> None:
    versioned_cache.watch(GROUP, models=WATCHED_MODELS)
    versioned_cache.watch(PLACES_GROUP, models=PLACES_MODELS)


def query_of(request: HttpRequest, *ignored: str) -> list[tuple[str, str]]:
    """The query string in a canonical order (``?a=1&b=2`` is ``?b=2&a=1``), without ``ignored``."""
    return sorted((key, value) for key, values in request.GET.lists() if key not in ignored for value in values)


def cached_fragment(request: HttpRequest, name: str, build: Callable[[], Any], *parts: str) -> Any:
    """``build()``, or what it returned for the same language, query and data in the last
    ``PUBLIC_PAGE_CACHE_SECONDS``. The query is put in a canonical order, so two links with the
    same filters share one entry."""
    seconds = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 30)
    return versioned_cache.cached(
        GROUP, f"page:{name}", build, get_language(), parts, query_of(request), seconds=seconds
    )


# Whole pages for anonymous visitors, under the public data version (core.kept_pages).
kept_page = kept_pages.kept_page(GROUP)


def data_cached(name: str, build: Callable[[], Any], *parts: Any, group: str = GROUP) -> Any:
    """``build()``, or what it returned for the same ``parts`` since the public data (or the
    ``group`` given) last changed, within ``PUBLIC_DATA_CACHE_SECONDS``."""
    seconds = getattr(settings, "PUBLIC_DATA_CACHE_SECONDS", 600)
    return versioned_cache.cached(group, name, build, *parts, seconds=seconds)


def field_choices() -> list[tuple[str, str]]:
    """The CSR fields of the filter form, in the active language."""
    return data_cached("field-choices", csr_field_choices, get_language(), group=PLACES_GROUP)


class RegionChoice(NamedTuple):
    code: str
    name: str


def regions_for(code: str) -> dict[str, list[RegionChoice]]:
    """The regions of the filter form's three selects for the chosen code, as (code, name) pairs:
    a listing reads them from the cache on every first visit, and pairs are read back ten times
    faster than whole regions."""

    def load() -> dict[str, list[RegionChoice]]:
        choices = region_selectors.region_choices(code)
        return {key: [RegionChoice(region.code, region.name) for region in regions] for key, regions in choices.items()}

    return data_cached("region-choice-pairs", load, code, group=PLACES_GROUP)


def region_with_parents(code: str) -> Region | None:
    """A region with the two levels above it, as a page names it ("district, regency, province"):
    kept until a region changes, so a need or facility page joins no region table."""
    load = region_selectors.region_with_parents
    return data_cached("region-with-parents", lambda: load(code), code, group=PLACES_GROUP)
