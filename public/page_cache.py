"""The public site's one cache: whole pages for anonymous visitors (``kept_page``,
``core.kept_pages``), kept under the data version of the group ``public`` (the home page also
under the version of the reports' snapshots, which hold its headline figures).

Any saved, deleted or bulk-changed row of the apps the public pages show (facilities, needs,
photos, pledges, deliveries, companies, regions) or of the CSR fields and SDG goals gives the
group a new version, at once and again on commit (``core.versioned_cache``), so the next visitor
gets a page rendered from the new data. Nothing smaller than a page is kept.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings

from core import kept_pages, versioned_cache
from reports import figures

GROUP = "public"
# Every model of these apps, and these two: no list of models to keep up to date.
SHOWN_APPS = ("facilities", "matching", "partners", "regions")
SHOWN_MODELS = ("core.CsrField", "core.SdgGoal")


def connect_signals() -> None:
    versioned_cache.watch(GROUP, models=SHOWN_MODELS, app_labels=SHOWN_APPS)


# Whole pages for anonymous visitors, under the public data version.
kept_page = kept_pages.kept_page(GROUP)
# The home page, whose headline figures are read from their snapshot (reports.figures): also left
# behind when the background task has rebuilt the snapshots after a change.
kept_page_with_figures = kept_pages.kept_page(GROUP, figures.FIGURES_GROUP)


def data_cached(name: str, build: Callable[[], Any], *parts: Any) -> Any:
    """``build()``, or what it returned for the same ``parts`` since the public data last
    changed, within ``PUBLIC_DATA_CACHE_SECONDS`` (an agency page's figures)."""
    seconds = getattr(settings, "PUBLIC_DATA_CACHE_SECONDS", 600)
    return versioned_cache.cached(GROUP, name, build, *parts, seconds=seconds)
