"""How often the public "help with this need" form may be sent: per client address (read as
the login lock-out reads it, so behind a proxy each visitor counts apart) and per e-mail
address, each per hour (INTEREST_LIMIT_PER_CLIENT, INTEREST_LIMIT_PER_EMAIL)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from core import ratelimit
from core.client_ip import client_ip

WINDOW_SECONDS = 3600


def interest_within_limits(request: HttpRequest, email: str) -> bool:
    """Count one request; False when its client or its e-mail address has sent too many."""
    return ratelimit.hit(
        "interest-client", client_ip(request), limit=settings.INTEREST_LIMIT_PER_CLIENT, window_seconds=WINDOW_SECONDS
    ) and ratelimit.hit("interest-email", email, limit=settings.INTEREST_LIMIT_PER_EMAIL, window_seconds=WINDOW_SECONDS)
