"""The client's address, as the portal believes it."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind a proxy (DJANGO_BEHIND_PROXY=1) the address that the nearest of
    the AXES_PROXY_COUNT trusted proxies appended to X-Forwarded-For (nginx's
    ``$proxy_add_x_forwarded_for``), which a client cannot forge; entries further left are
    whatever the client sent. Used by /metrics and by the login lock-out (django-axes)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "BEHIND_PROXY", False) and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        count = max(getattr(settings, "PROXY_COUNT", 1), 1)
        if hops:
            return hops[-min(count, len(hops))]
    return request.META.get("REMOTE_ADDR", "")
