"""A brief cache for the public pages.

The listings and facility pages are read far more than the data changes (a shared link brings a
crowd to one URL), so the part of each page that depends on the query is rendered once per
language and query and kept for ``PUBLIC_PAGE_CACHE_SECONDS`` (30 s by default; 0 turns it off).

Every entry's key carries a data version that changes whenever a facility, need, pledge, company,
CSR field or region is saved or deleted in this process, so a change shows at once on the next
request; a change made elsewhere (another worker process, a bulk update) shows within the
timeout. With a cache shared between processes (``CACHES``), the version is shared too.
"""

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.translation import get_language

VERSION_KEY = "public-page:version"
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


def data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A new value, never an old one again: entries made under an evicted version stay unreachable.
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def data_changed(**kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


def connect_signals() -> None:
    for label in WATCHED_MODELS:
        model = apps.get_model(label)
        post_save.connect(data_changed, sender=model, dispatch_uid=f"public-page-cache-save-{label}")
        post_delete.connect(data_changed, sender=model, dispatch_uid=f"public-page-cache-delete-{label}")


def cached_fragment(request: HttpRequest, name: str, build: Callable[[], Any], *parts: str) -> Any:
    """``build()``, or what it returned for the same language, query and data in the last
    ``PUBLIC_PAGE_CACHE_SECONDS``. The query is put in a canonical order, so two links with the
    same filters share one entry."""
    seconds = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 30)
    if not seconds:
        return build()
    query = sorted((key, value) for key, values in request.GET.lists() for value in values)
    digest = hashlib.sha256(repr((parts, query)).encode()).hexdigest()
    key = f"public-page:{name}:{get_language()}:{data_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value
