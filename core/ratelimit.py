"""Counting requests in Django's cache (the configured ``CACHES``), for limits such as "at most
N requests an hour from one address".

A fixed window: the first hit of a key starts it, later hits count up until it ends. With a
cache per process (the default local-memory cache) each worker process counts on its own, so
a shared backend (Redis, Memcached, the database) makes a limit exact across processes.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def _cache_key(scope: str, value: str) -> str:
    # Hashed: the value may be an e-mail address or anything a visitor typed, of any length.
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def hit(scope: str, value: str, *, limit: int, window_seconds: int) -> bool:
    """Count one request of ``value`` (an address, an e-mail) in ``scope``; True while the
    count stays within ``limit`` for the window, False once it goes over."""
    key = _cache_key(scope, value)
    if cache.add(key, 1, timeout=window_seconds):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this hit starts a new window
        cache.add(key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
