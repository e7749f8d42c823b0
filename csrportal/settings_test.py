"""Test overlay: fast password hashing, uploads in a throw-away folder, in-memory e-mail."""

import tempfile
from pathlib import Path

from csrportal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="csrportal-test-media-"))
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Serve static files straight from the app folders (no collectstatic), for the live server too.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# One JSON line per request would drown the test output; tests of the line turn it on.
LOGGING["loggers"]["csrportal.requests"]["level"] = "WARNING"  # noqa: F405
# A test reads the figures of its own writes: a stale snapshot is rebuilt on read (reports.figures);
# tests of the background refresh turn this off.
REPORT_FIGURES_BUILT_ON_READ = True
