"""The visitor's address, read the way django-axes reads it for the login lock-out.

With ``DJANGO_BEHIND_PROXY=1`` that is the address the proxies put in X-Forwarded-For (see the
AXES_IPWARE_* settings); otherwise ``REMOTE_ADDR``, and any X-Forwarded-For is ignored.
"""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR") or "unknown"
