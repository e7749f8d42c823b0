"""Site-wide request and response guards that know no app.

- ``NulByteMiddleware`` answers 400 to a request whose path, query string or form carries a
  NUL byte: PostgreSQL refuses NUL in text, so such a value reaching a filter was a 500.
- ``PrivateCacheMiddleware`` marks the pages of the admin, the partner portal and the account
  screens, and every page answered to a logged-in user, ``Cache-Control: private, no-store``, so
  no shared cache or browser history keeps a copy of private data.
- ``SiteNotFoundMiddleware`` answers a 404 with the portal's own page under DEBUG too (``make
  run``), as production does, instead of Django's technical page listing every URL pattern;
  ``DJANGO_TECHNICAL_404=1`` brings Django's page back for a developer who wants it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found

NUL = "\x00"


def _has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


class NulByteMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.path or _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            return HttpResponseBadRequest(
                _("The request contains a NUL character, which no field accepts."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class PrivateCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.prefixes = tuple(settings.PRIVATE_PATH_PREFIXES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path.startswith(self.prefixes) or (user is not None and user.is_authenticated):
            # Keeps what a view said (no-cache, must-revalidate ...) and adds what is missing;
            # a "public" or "max-age" set for anonymous visitors gives way to "private, no-store".
            patch_cache_control(response, private=True, no_store=True)
            if "max-age" in response["Cache-Control"]:
                patch_cache_control(response, max_age=0)
        return response


def _own_404_pages() -> bool:
    return settings.DEBUG and not getattr(settings, "TECHNICAL_404", False)


class SiteNotFoundMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # No URL pattern matched (no resolver_match): Django answered its technical page.
        if response.status_code == 404 and getattr(request, "resolver_match", None) is None and _own_404_pages():
            return page_not_found(request, Http404())
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Http404) and _own_404_pages():
            return page_not_found(request, exception)
        return None
