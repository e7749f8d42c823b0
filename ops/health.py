"""What /healthz reports: the database, Redis when configured, and the e-mail queue."""

import functools
import logging
from typing import Any

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Min
from django.utils import timezone

from notifications.models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)
OK = "ok"
DOWN = "unavailable"


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("health: database unavailable: %s", error)
        return DOWN
    return OK


@functools.cache
def _redis_client(url: str) -> redis.Redis:
    # One client (and connection pool) per process, with the cache's own short timeouts.
    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)


def redis_status() -> str | None:
    """``None`` when no Redis is configured (REDIS_URL empty)."""
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return None
    try:
        _redis_client(url).ping()
    except redis.RedisError as error:
        logger.warning("health: Redis unavailable: %s", error)
        return DOWN
    return OK


def email_queue() -> dict[str, Any]:
    """E-mails waiting for the worker (queued, or failed and to be retried) and the age in
    seconds of the oldest: a growing age means the worker (`db_worker`) or SMTP is stuck."""
    waiting = OutgoingEmail.objects.filter(status__in=[EmailStatus.QUEUED, EmailStatus.FAILED]).aggregate(
        count=Count("id"), oldest=Min("created_at")
    )
    oldest = waiting["oldest"]
    return {
        "waiting": waiting["count"],
        "oldest_seconds": round((timezone.now() - oldest).total_seconds()) if oldest else None,
    }


def health_report() -> tuple[bool, dict[str, Any]]:
    """(healthy, report). Healthy when the database, and Redis if configured, answer."""
    report: dict[str, Any] = {"database": database_status()}
    cache_status = redis_status()
    if cache_status is not None:
        report["redis"] = cache_status
    healthy = all(value == OK for value in report.values())
    if report["database"] == OK:
        try:
            report["email_queue"] = email_queue()
        except DatabaseError as error:
            logger.warning("health: e-mail queue unreadable: %s", error)
            report["email_queue"] = DOWN
            healthy = False
    report = {"status": "ok" if healthy else "error", **report}
    if not healthy:
        report["down"] = [name for name, value in report.items() if value == DOWN]
    return healthy, report
