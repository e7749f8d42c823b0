"""Deploy checks (`manage.py check --deploy`) for what Django's own checks do not know."""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

# Backends that accept every e-mail and deliver none.
NON_DELIVERING_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0", ""}  # noqa: S104 (names compared, nothing bound)


def email_delivers(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG or settings.EMAIL_BACKEND not in NON_DELIVERING_EMAIL_BACKENDS:
        return []
    return [
        checks.Warning(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}: with DEBUG off, no e-mail (invitations, "
            "password resets, notices to partners) will reach anyone.",
            hint="Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and EMAIL_HOST "
            "(README, Production), or silence ops.W001 only on a server that must send nothing.",
            id="ops.W001",
        )
    ]


def site_url_is_public(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return []
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme == "https" and (parts.hostname or "") not in LOCAL_HOSTS:
        return []
    return [
        checks.Warning(
            f"SITE_URL is {settings.SITE_URL!r}: the links in e-mails must lead to the public https address.",
            hint="Set SITE_URL, e.g. https://csr.dinsos.example.go.id",
            id="ops.W002",
        )
    ]


# Caches that each process keeps apart: rate limits and the page cache are counted per worker.
PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


def cache_is_shared(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Several gunicorn workers with a cache of their own each: the limits of the help form and
    of password resets are counted per worker (two workers let twice as many through), and a
    change shows in the other workers only when their page cache expires."""
    one_worker = os.environ.get("GUNICORN_WORKERS", "").strip() == "1"
    if settings.DEBUG or one_worker or settings.CACHES["default"]["BACKEND"] not in PROCESS_LOCAL_CACHES:
        return []
    return [
        checks.Warning(
            "The cache is each process's own memory: with several gunicorn workers the rate limits (help "
            "requests, password resets) are counted per worker and let several times as many through.",
            hint="Set REDIS_URL (README, Production), or GUNICORN_WORKERS=1 for a server of one process.",
            id="ops.W003",
        )
    ]


def register() -> None:
    checks.register(email_delivers, "ops", deploy=True)
    checks.register(site_url_is_public, "ops", deploy=True)
    checks.register(cache_is_shared, "ops", deploy=True)
