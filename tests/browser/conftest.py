import os

import pytest
from django.test.utils import override_settings
from pytest_django import live_server_helper


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, started with a media URL that it never serves.

    The portal has no MEDIA_URL (None): evidence files are served only through access-checked
    views. Django's live server wraps every request in a media-files handler built from
    MEDIA_URL, which fails on None (``urlparse(None)`` gives bytes). A URL on another host makes
    that handler step aside for every path, so no file under MEDIA_ROOT is served here either.
    """
    addr = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    with override_settings(MEDIA_URL="http://media.invalid/"):
        server = live_server_helper.LiveServer(addr)
    yield server
    server.stop()
