"""Settings for the CSR portal, read from the environment.

Safe defaults for a laptop (SQLite file, DEBUG on, console e-mail); production sets
DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
import sentry_sdk
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _
from sentry_sdk.integrations.django import DjangoIntegration

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def parse_admins(entries: list[str]) -> list[tuple[str, str]]:
    """``["Ana <ana@x.id>", "ops@x.id"]`` → ``[("Ana", "ana@x.id"), ("ops@x.id", "ops@x.id")]``."""
    admins = []
    for entry in entries:
        name, address = parseaddr(entry)
        if "@" not in address:
            raise RuntimeError(f"DJANGO_ADMINS: {entry!r} is not an e-mail address")
        admins.append((name or address, address))
    return admins


DEBUG = env_bool("DJANGO_DEBUG", True)

_DEV_SECRET = "dev-only-insecure-secret-key-change-me-in-production-0123456789"  # noqa: S105 (DEBUG only)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0")

# Under DEBUG a 404 is still the portal's own page (core.middleware.SiteNotFoundMiddleware);
# DJANGO_TECHNICAL_404=1 shows Django's technical page instead.
TECHNICAL_404 = env_bool("DJANGO_TECHNICAL_404", False)
# A new worker compiles the templates and opens its connections before its first request
# (ops.warmup); off under DEBUG, where runserver would pay it on every reload.
WARM_UP_WORKERS = env_bool("WARM_UP_WORKERS", not DEBUG)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "backoffice.admin_config.DinsosAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # third party
    "django_filters",
    "import_export",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_prometheus",
    # django-ninja's own Swagger UI page and assets (no CDN, no inline script): /api/v1/docs.
    "ninja",
    # ours
    "core",
    "regions",
    "agencies",
    "facilities",
    "partners",
    "programs",
    "circulars",
    "coverage",
    "matching",
    "duplicates",
    "overlaps",
    "notifications",
    "reports",
    "public",
    "portal",
    "facility_portal",
    "backoffice",
    "demo",
    "ops",
    "opendata",
]

MIDDLEWARE = [
    # First, so that every request (static files and redirects included) is logged and counted.
    "ops.middleware.request_log",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Compresses HTML, JSON and, in development, static files (WhiteNoise serves its own
    # pre-compressed copies in production); Django pads the response against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.NulByteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.SiteNotFoundMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "csrportal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "csrportal.wsgi.application"
ASGI_APPLICATION = "csrportal.asgi.application"

_DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# Production keeps PostgreSQL connections open for a minute (checked before reuse) instead of
# opening one per request; the development server and SQLite open one per request.
_PERSISTENT = not DEBUG and _DATABASE_URL.startswith(("postgres://", "postgresql://", "pgsql://"))
DATABASES = {
    "default": dj_database_url.parse(
        _DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if _PERSISTENT else 0),
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several threads (the dev server, the task worker) share the file: wait rather than fail.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not env_bool("DATABASE_JIT", False):
    # PostgreSQL compiles a query to machine code when its *estimated* cost passes
    # jit_above_cost; a changelist's region filter (estimated far above what it costs) spent
    # 18-75 ms compiling to run in 6. The reports' figures, the heaviest reads, build as fast
    # without it (docs/decisions.md). A libpq option, set per connection.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, loading the staff account's agency in the same query (agencies.backends).
    "agencies.backends.AgencyStaffBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Officers land on their dashboard, Dinsos staff in the admin (portal.views.after_login).
LOGIN_REDIRECT_URL = "after_login"
LOGOUT_REDIRECT_URL = "/"

# Login throttling (django-axes): lock a username from one address after 5 failures, so one
# guessing visitor never locks out colleagues who share the office's address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy every request comes from the proxy's address: read the client's
# address from X-Forwarded-For instead (django-ipware, which axes uses once it is installed).
# AXES_PROXY_COUNT proxies stand in front; the first appends the client's address, each further
# one its own, so the header holds exactly AXES_PROXY_COUNT addresses (ipware counts the
# proxies after the client, hence the - 1, and is strict: a header with more entries, a forged
# one, counts as the proxy's own address). Without DJANGO_BEHIND_PROXY only REMOTE_ADDR counts.
# core.client_ip reads the address the same way for the rate limits.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
if BEHIND_PROXY:
    AXES_IPWARE_PROXY_COUNT = max(env_int("AXES_PROXY_COUNT", 1) - 1, 0)
    AXES_IPWARE_PROXY_ORDER = "left-most"
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Internationalisation: Indonesian first, English for foreign partners.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Evidence files show residents, many of them children: they live outside any public path and
# are served only through access-checked views, never by the web server directly.
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
# Where `manage.py backup` writes its archives unless told (`--dest`); keep a copy off the machine.
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "backups")))

# E-mail: the console while DEBUG is on, SMTP with it off; any backend from the environment
# (with DEBUG off, `check --deploy` warns about one that delivers nothing: ops.checks).
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Portal CSR Dinas Sosial <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where notices for Dinsos staff go besides the in-app list (comma-separated).
DINSOS_NOTIFY_EMAILS = env_list("DINSOS_NOTIFY_EMAILS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background jobs (django-tasks, database backend); the worker is `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# The reports' figures (reports.figures) are rebuilt by the worker after a change, and visitors
# read the newest snapshot meanwhile. Without a worker (a dev server alone) set this to rebuild a
# stale snapshot while the reader waits.
REPORT_FIGURES_BUILT_ON_READ = env_bool("REPORT_FIGURES_BUILT_ON_READ", False)

# Security headers. HTTPS-only settings switch on with DEBUG off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Health checks and Prometheus ask gunicorn directly over plain HTTP on the machine.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

# The map's tiles (public.maps): any server with the {z}/{x}/{y} scheme; the CSP allows its host.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


def tile_origin(url: str) -> str:
    """The scheme and host the CSP must allow for tiles (``{s}`` subdomains as a wildcard)."""
    scheme, _sep, rest = url.partition("://")
    host = rest.split("/", 1)[0].replace("{s}", "*")
    return f"{scheme}://{host}"


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", tile_origin(MAP_TILE_URL)],
        "script-src": [SELF],
        "style-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# django-import-export: permission codes for import and export in the admin.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Limits of one uploaded spreadsheet (core.spreadsheets.limits).
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 5 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 20_000)
IMPORT_MAX_UNZIPPED_BYTES = env_int("IMPORT_MAX_UNZIPPED_BYTES", 100 * 1024 * 1024)

# The agency named in report headers (the printable Forum TSLP report, for example).
AGENCY_NAME = env_str("AGENCY_NAME", "Dinas Sosial")
# The contact of the agency that runs the portal, in the footer of every page and in the privacy
# notice (the agency controls the personal data the portal holds). Empty values are left out.
AGENCY_ADDRESS = env_str("AGENCY_ADDRESS", "")
AGENCY_EMAIL = env_str("AGENCY_EMAIL", "")
AGENCY_PHONE = env_str("AGENCY_PHONE", "")

# Public pages are kept whole for anonymous visitors this many seconds per scheme, host, language
# and full path (core.kept_pages), under a data version bumped by every change: a change shows at
# once. 0 turns it off.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 30)
# Visitors asking for a page another worker is rendering wait this long for its copy before
# rendering it themselves (core.kept_pages).
KEPT_PAGE_WAIT_SECONDS = env_int("KEPT_PAGE_WAIT_SECONDS", 2)
# Figures kept under the same kind of data version (core.versioned_cache.cached: the public
# reports, an agency page's figures). 0 computes them on every request.
PUBLIC_DATA_CACHE_SECONDS = env_int("PUBLIC_DATA_CACHE_SECONDS", 600)
# The districts the suggestions call a wide gap (matching.gap), kept under their own data version.
SUGGESTION_GAP_CACHE_SECONDS = env_int("SUGGESTION_GAP_CACHE_SECONDS", 3600)

# Workflow settings.
PLEDGE_RESPONSE_DAYS = env_int("PLEDGE_RESPONSE_DAYS", 14)
# Days a facility has to confirm or dispute a reported delivery; verifying it later without the
# facility's confirmation (or against its dispute) needs a recorded reason.
RECEIPT_CONFIRM_DAYS = env_int("RECEIPT_CONFIRM_DAYS", 7)
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
# Size limit of one photo of a facility or need (staff and facility accounts upload them).
PHOTO_MAX_BYTES = env_int("PHOTO_MAX_BYTES", 10 * 1024 * 1024)
# A circulated regulation or letter (circulars): PDF, DOC, DOCX or ODT.
CIRCULAR_MAX_BYTES = env_int("CIRCULAR_MAX_BYTES", 20 * 1024 * 1024)

# Hardening (issue 16); each is described in README's configuration table and docs/decisions.md.
# Pages that are never kept by a browser or a shared cache (core.middleware.PrivateCacheMiddleware);
# every page answered to a logged-in user is treated the same.
PRIVATE_PATH_PREFIXES = ("/admin/", "/partner/", "/facility/", "/accounts/")
# The language cookie travels over HTTPS only in production; no script reads it.
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Password-reset e-mails per hour, per e-mail address asked for and per account; more requests
# get the same answer and send nothing (notifications.password_reset).
PASSWORD_RESET_LIMIT_PER_HOUR = env_int("PASSWORD_RESET_LIMIT_PER_HOUR", 3)
# Requests of the public "help with this need" form per hour, per client address and per
# e-mail address (facilities.views.need_detail, core.ratelimit). Kept in CACHES.
INTEREST_LIMIT_PER_CLIENT = env_int("INTEREST_LIMIT_PER_CLIENT", 10)
INTEREST_LIMIT_PER_EMAIL = env_int("INTEREST_LIMIT_PER_EMAIL", 3)
# An e-mail claimed for sending longer ago than this (its worker died) is sent again, with the
# same Message-ID, by `manage.py recover_emails` (notifications.delivery). Well above EMAIL_TIMEOUT.
EMAIL_CLAIM_TIMEOUT_SECONDS = env_int("EMAIL_CLAIM_TIMEOUT_SECONDS", 600)

# Errors (500s) are mailed to ADMINS ("Name <address>" or plain addresses, comma-separated) by
# Django's own "mail_admins" handler while DEBUG is off, and sent to Sentry when SENTRY_DSN is set.
ADMINS = parse_admins(env_list("DJANGO_ADMINS", []))

# Logs go to the console (journald under systemd). One JSON line per request on stdout
# (ops.middleware.request_log, logger "csrportal.requests"); everything else on stderr.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ops.logs.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "requests": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Requests are logged once, as JSON, by the middleware; Django's own line would repeat them.
        "django.server": {"level": "WARNING"},
        "csrportal.requests": {"handlers": ["requests"], "level": "INFO", "propagate": False},
    },
}

# The cache behind the kept public pages (core.kept_pages) and their data version. With
# REDIS_URL every process and machine shares one Redis, so a change saved anywhere shows at once
# everywhere; without it each process keeps its own memory cache.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "ops.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("REDIS_KEY_PREFIX", "csrportal"),
            # A Redis that does not answer within a second is treated as down (ops.cache).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
else:
    # Room for the whole pages read most (core.kept_pages); Django's default is 300 entries.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}

# Prometheus metrics at /metrics (django-prometheus), answered only to these client addresses;
# anyone else gets a 404. Under gunicorn, PROMETHEUS_MULTIPROC_DIR gathers every worker's figures.
# The client address is read as the login lock-out reads it (core.client_ip, AXES_IPWARE_*).
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", ["127.0.0.1", "::1"])

# Sentry, only when a DSN is given. No personal data is sent (residents, officers' addresses).
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        send_default_pii=False,
    )
