"""Settings for benchmarks only: production's (DEBUG off, and so persistent, health-checked
PostgreSQL connections with production's CONN_MAX_AGE, the page cache PUBLIC_PAGE_CACHE_SECONDS
sets) plus a minimal view to compare with and a header that reports server time and queries per
request.

Never used by the portal itself: `bench/public_site.py` starts gunicorn with
DJANGO_SETTINGS_MODULE=bench.settings.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-never-used-in-production-0123456789abcdef")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from csrportal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.server_timing", *MIDDLEWARE]  # noqa: F405
# No collectstatic for a benchmark: static files come from the source folders.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The brief cache of public pages (public.page_cache) is read from PUBLIC_PAGE_CACHE_SECONDS
# as the portal reads it: on by default, as in production; the benchmark also measures with it
# off (PUBLIC_PAGE_CACHE_SECONDS=0).
# The JSON line per request (ops.middleware) would flood the harness's terminal; it is cheap
# (one json.dumps per request) and off here only for that reason.
LOGGING["loggers"]["csrportal.requests"]["level"] = "WARNING"  # noqa: F405
