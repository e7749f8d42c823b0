"""One structured log line per request.

Written by a middleware rather than by gunicorn's access log: Django knows the user, the log
line is real JSON (gunicorn's format string cannot escape a path or a user agent), and it is
the same under gunicorn, the development server and the tests.
"""

import logging
import time
from collections.abc import Callable

from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

logger = logging.getLogger("csrportal.requests")


def user_id(request: HttpRequest) -> int | None:
    """The signed-in user's id, if the request already knows it: reading it must cost no query
    (the pages' query counts are pinned), so a user or session not yet loaded is not loaded."""
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", empty)
    if user is not None and wrapped is not empty:
        return wrapped.pk
    session = getattr(request, "session", None)
    if session is not None and hasattr(session, "_session_cache"):
        value = session.get(SESSION_KEY)
        return int(value) if value is not None and str(value).isdigit() else None
    return None


def request_log(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = get_response(request)
        if logger.isEnabledFor(logging.INFO):
            fields = {
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user_id(request),
            }
            logger.info("%s %s %s", request.method, request.path, response.status_code, extra={"fields": fields})
        return response

    return middleware
