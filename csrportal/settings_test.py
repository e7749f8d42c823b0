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
