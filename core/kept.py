"""Entries that never change under their key, read from this process's memory first.

Some keys name their content: a need card's key is a digest of every value it shows
(``public.cards``), a versioned entry's key carries the data version it was built under
(``core.versioned_cache``). What such a key holds is the same in every process, so a copy kept
in the process's own memory (the ``local`` cache, Django's memory cache) can be read instead of
asking the shared cache (Redis) across a socket and unpickling the same bytes again on each
request. Without a shared cache (no ``REDIS_URL``) the default cache is already the process's
memory and there is no second level.

A local copy lives at most ``LOCAL_CACHE_SECONDS`` (and never longer than the entry itself), so
an entry rebuilt under the same key after a bulk ``QuerySet.update()`` (which sends no signal)
reaches every process within that time, as the shared entry's own timeout already allows.
"""

from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.base import BaseCache

LOCAL_ALIAS = "local"


def _local(alias: str = LOCAL_ALIAS) -> BaseCache | None:
    return caches[alias] if alias in settings.CACHES else None


def _local_seconds(seconds: int) -> int:
    return min(seconds, getattr(settings, "LOCAL_CACHE_SECONDS", 300))


def get(key: str, *, seconds: int, alias: str = LOCAL_ALIAS) -> Any:
    """The value kept under ``key``, or None; ``seconds`` is how long the entry was kept for.
    ``alias`` names the process's cache to look in first (large entries keep fewer copies)."""
    local = _local(alias)
    if local is not None:
        value = local.get(key)
        if value is not None:
            return value
    value = cache.get(key)
    if value is not None and local is not None:
        local.set(key, value, _local_seconds(seconds))
    return value


def set(key: str, value: Any, seconds: int, *, alias: str = LOCAL_ALIAS) -> None:
    cache.set(key, value, seconds)
    local = _local(alias)
    if local is not None:
        local.set(key, value, _local_seconds(seconds))


def get_many(keys: list[str], *, seconds: int) -> dict[str, Any]:
    """The values kept under ``keys`` (the ones found), in one round trip to the shared cache for
    those this process does not hold; ``seconds`` is how long the entries were kept for."""
    local = _local()
    found = local.get_many(keys) if local is not None else {}
    missing = [key for key in keys if key not in found]
    if missing:
        shared = cache.get_many(missing)
        if shared and local is not None:
            local.set_many(shared, _local_seconds(seconds))
        found.update(shared)
    return found


def set_many(values: dict[str, Any], seconds: int) -> None:
    cache.set_many(values, seconds)
    local = _local()
    if local is not None:
        local.set_many(values, _local_seconds(seconds))
