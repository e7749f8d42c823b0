import gzip
import http.server
import json
import logging
import os
import subprocess
import sys
import threading

import pytest
from django.core import mail
from django.test import Client, override_settings

from tests.factories import NeedFactory, officer_user
from tests.ops.conftest import ROOT

pytestmark = pytest.mark.django_db


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.formatter_ = logging.getLogger("csrportal.requests").handlers[0].formatter
        self.lines: list[dict] = []

    def emit(self, record):
        self.lines.append(json.loads(self.formatter_.format(record)))


@pytest.fixture
def request_lines():
    logger = logging.getLogger("csrportal.requests")
    handler = Lines()
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_every_request_is_one_json_line_with_method_path_status_duration_and_user(client, request_lines):
    NeedFactory()
    client.get("/needs/", {"q": 'kasur "busa"'})
    client.post("/healthz")
    officer = officer_user()
    client.force_login(officer)
    client.get("/partner/")
    first, second, third = request_lines
    assert {key: first[key] for key in ("method", "path", "status", "user_id", "logger", "level")} == {
        "method": "GET",
        "path": "/needs/",
        "status": 200,
        "user_id": None,
        "logger": "csrportal.requests",
        "level": "INFO",
    }
    assert isinstance(first["duration_ms"], float) and first["duration_ms"] >= 0
    assert (second["method"], second["path"], second["status"]) == ("POST", "/healthz", 405)
    assert (third["path"], third["status"], third["user_id"]) == ("/partner/", 200, officer.pk)


def test_the_request_log_costs_no_query(client, request_lines, django_assert_num_queries):
    """The user's id is logged only when the page already loaded it: the pinned query counts
    stay as they are."""
    NeedFactory.create_batch(3)
    client.get("/")  # builds the headline figures' snapshot
    request_lines.clear()
    with django_assert_num_queries(3):  # as pinned in tests/core/test_health_and_home.py
        client.get("/?utm_source=log")
    assert [line["path"] for line in request_lines] == ["/"]


def test_errors_are_mailed_to_the_admins_with_debug_off(settings):
    settings.ADMINS = [("Tim TI", "ti@dinsos.example.go.id")]
    settings.DEBUG = False
    with override_settings(ROOT_URLCONF="tests.ops.urls_failing"):
        response = Client(raise_request_exception=False).get("/test-failure/")
    assert response.status_code == 500
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ti@dinsos.example.go.id"]
    assert "the disk is full" in mail.outbox[0].body


def test_metrics_answer_the_local_machine_and_nobody_else(client):
    client.get("/needs/")
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert b"django_http_requests_total_by_method_total" in response.content
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.7").status_code == 404
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200


def test_metrics_behind_the_proxy_read_the_address_the_proxy_saw(client, settings):
    # What csrportal.settings sets with DJANGO_BEHIND_PROXY=1 and one proxy (core.client_ip).
    settings.AXES_IPWARE_PROXY_COUNT = 0
    settings.AXES_IPWARE_PROXY_ORDER = "left-most"
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.METRICS_ALLOWED_IPS = ["10.1.2.3"]
    # A client cannot pass as an allowed address by sending its own X-Forwarded-For: nginx
    # appends the address it saw, and a header with more entries than proxies counts as the
    # proxy's own address.
    forged = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.1.2.3, 203.0.113.7")
    assert forged.status_code == 404
    allowed = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.1.2.3")
    assert allowed.status_code == 200


class Collector(http.server.BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        elif self.headers.get("Content-Encoding") == "br":
            # sentry-sdk prefers brotli when it is installed (requirements-bench.txt brings it).
            body = pytest.importorskip("brotli").decompress(body)
        Collector.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_sentry_receives_errors_when_a_dsn_is_set():
    server = http.server.HTTPServer(("127.0.0.1", 0), Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Collector.received.clear()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SENTRY_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="csrportal.settings",
        SENTRY_DSN=f"http://publickey@127.0.0.1:{server.server_port}/42",
        SENTRY_ENVIRONMENT="staging",
    )
    script = "import sentry_sdk; sentry_sdk.capture_exception(ValueError('kasur')); sentry_sdk.flush(10)"
    try:
        result = subprocess.run(  # noqa: S603 (our manage.py)
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    envelope = b"".join(Collector.received)
    assert b"kasur" in envelope
    assert b'"environment":"staging"' in envelope.replace(b": ", b":")
