"""Whole pages kept for anonymous visitors, each served with the visitor's own CSRF token.

A public page is the same HTML for every anonymous visitor of a link in one language, but for
the CSRF token of its forms: that is cut out when the page is kept and filled in with the
visitor's own token (``get_token``, which also sets their CSRF cookie) when it is served. A page
is kept per scheme, host, language and full path (its absolute links, ``og:image`` among them,
name the host it was asked on) with the data version (``core.versioned_cache``) it was rendered
under, and served only while that is the group's version, so a change shows at once; for
``PUBLIC_PAGE_CACHE_SECONDS`` (0 keeps nothing). A visitor with messages waiting, a logged-in
user, a POST and any answer but a 200 get the page rendered for them. Why not Django's
``cache_page``: docs/decisions.md.

One render at a time: when many visitors ask for the same page right after a change, the first
renders it and the others wait for its copy (at most ``KEPT_PAGE_WAIT_SECONDS``, then render it
themselves), instead of every worker rendering the same page at once.
"""

import hashlib
import re
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from core import versioned_cache

# What ``{% csrf_token %}`` writes (a masked token: 64 letters and digits), and what stands for
# it in a kept page: a NUL never comes from the data (core.middleware refuses it in requests).
CSRF_INPUT = re.compile(r'(<input type="hidden" name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(">)')
CSRF_HOLE = "\x00csrf-token\x00"
# How often a visitor waiting for another worker's render looks for the page, and how long the
# "rendering" mark lives if that worker dies mid-render.
WAIT_STEP_SECONDS = 0.02
RENDERING_MARK_SECONDS = 10


def _keepable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return False
    # Messages waiting for this visitor are shown (and consumed) by a page rendered for them.
    return not len(get_messages(request))


def kept_page(*groups: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A decorator keeping the whole page a view answers to anonymous visitors, per scheme, host,
    language and full path, until the data of any of ``groups`` changes."""
    group = "+".join(groups)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            seconds = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 30)
            if not seconds or not _keepable(request):
                return view(request, *args, **kwargs)
            where = (request.scheme, request.get_host(), get_language(), request.get_full_path())
            key = f"kept-page:{group}:{hashlib.sha256(repr(where).encode()).hexdigest()[:32]}"
            version_keys = [versioned_cache.VERSION_KEY.format(group=name) for name in groups]
            # The data versions and the page in one round trip; the page is served only if it was
            # rendered under the current versions (read before rendering: a change committed
            # meanwhile leaves it behind).
            found = cache.get_many([*version_keys, key])
            current = tuple(
                found.get(version_key) or versioned_cache.version(name)
                for name, version_key in zip(groups, version_keys, strict=True)
            )
            kept = found.get(key)
            if kept is not None and kept[0] == current:
                return _served(request, kept)
            # The first visitor since the change renders the page; the others wait for its copy.
            rendering = f"{key}:rendering:{'-'.join(map(str, current))}"
            if cache.add(rendering, 1, RENDERING_MARK_SECONDS):
                try:
                    return _render_and_keep(view, request, args, kwargs, key, current, seconds)
                finally:
                    cache.delete(rendering)
            if cache.get(rendering) is not None:  # a cache that is down has no mark: no waiting
                kept = _wait_for(key, current, rendering)
                if kept is not None:
                    return _served(request, kept)
            return _render_and_keep(view, request, args, kwargs, key, current, seconds)

        return wrapper

    return decorator


def _served(request: HttpRequest, kept: tuple) -> HttpResponse:
    _version, content_type, html = kept
    return HttpResponse(html.replace(CSRF_HOLE, get_token(request)), content_type=content_type)


def _render_and_keep(view, request, args, kwargs, key: str, current: tuple, seconds: int) -> HttpResponse:
    response = view(request, *args, **kwargs)
    if response.status_code == 200 and not response.streaming and not response.cookies:
        html = CSRF_INPUT.sub(rf"\g<1>{CSRF_HOLE}\g<2>", response.content.decode(response.charset))
        cache.set(key, (current, response["Content-Type"], html), seconds)
    return response


def _wait_for(key: str, current: tuple, rendering: str) -> tuple | None:
    """The page another worker is rendering under ``current``, once it is kept; None if it gives
    up (its answer was not a page to keep) or takes longer than ``KEPT_PAGE_WAIT_SECONDS``."""
    deadline = time.monotonic() + getattr(settings, "KEPT_PAGE_WAIT_SECONDS", 2.0)
    while time.monotonic() < deadline:
        time.sleep(WAIT_STEP_SECONDS)
        found = cache.get_many([key, rendering])
        kept = found.get(key)
        if kept is not None and kept[0] == current:
            return kept
        if rendering not in found:
            return None
    return None
