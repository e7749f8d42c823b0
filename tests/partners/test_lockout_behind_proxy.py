"""The login lock-out behind a reverse proxy: each visitor counts by the address the proxy saw
(django-ipware reads X-Forwarded-For), and without the proxy setting a forged header is ignored."""

import os
import subprocess
import sys
from pathlib import Path

import ipware
import pytest
from axes.helpers import IPWARE_INSTALLED
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.urls import reverse

from core.client_ip import client_ip

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "secret-pass-123"  # tests.factories.UserFactory
PROXY = "127.0.0.1"  # the reverse proxy's own address, REMOTE_ADDR of every request

# What csrportal.settings sets with DJANGO_BEHIND_PROXY=1 and AXES_PROXY_COUNT=1 (checked below).
BEHIND_ONE_PROXY = {
    "AXES_IPWARE_PROXY_COUNT": 0,
    "AXES_IPWARE_PROXY_ORDER": "left-most",
    "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
}


def _login(client, username, password, forwarded_for):
    return client.post(
        reverse("login"), {"username": username, "password": password}, HTTP_X_FORWARDED_FOR=forwarded_for
    )


def test_ipware_is_installed_so_axes_can_read_forwarded_addresses():
    assert IPWARE_INSTALLED and ipware


@override_settings(**BEHIND_ONE_PROXY)
def test_behind_the_proxy_a_lock_from_one_visitor_does_not_lock_another(officer):
    attacker = Client(REMOTE_ADDR=PROXY)
    for _ in range(5):
        _login(attacker, officer.user.username, "not-the-password", "10.0.0.8")
    assert _login(attacker, officer.user.username, PASSWORD, "10.0.0.8").status_code == 429
    assert AccessAttempt.objects.get().ip_address == "10.0.0.8"
    # The officer, from another address behind the same proxy, still logs in.
    response = _login(Client(REMOTE_ADDR=PROXY), officer.user.username, PASSWORD, "10.0.0.9")
    assert response.status_code == 302


@override_settings(**BEHIND_ONE_PROXY)
def test_behind_the_proxy_a_forged_extra_entry_does_not_buy_new_attempts(officer):
    # The proxy appends the address it saw; a visitor's own X-Forwarded-For stays in front of it.
    # A chain longer than the proxies can make counts as the proxy's address, whatever it says.
    guesser = Client(REMOTE_ADDR=PROXY)
    for n in range(5):
        _login(guesser, officer.user.username, "not-the-password", f"198.51.100.{n}, 10.0.0.8")
    assert _login(guesser, officer.user.username, PASSWORD, "198.51.100.77, 10.0.0.8").status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [PROXY]


def test_without_the_proxy_setting_a_forged_forwarded_for_is_ignored(officer):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(5):
        _login(client, officer.user.username, "not-the-password", f"10.0.0.{n}")
    # Every failure counted against the real address: a new forged header changes nothing.
    assert _login(client, officer.user.username, PASSWORD, "10.0.0.99").status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


def test_rate_limits_read_the_client_address_as_axes_does(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.0.0.8", REMOTE_ADDR=PROXY)
    assert client_ip(request) == PROXY
    with override_settings(**BEHIND_ONE_PROXY):
        assert client_ip(request) == "10.0.0.8"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DJANGO_BEHIND_PROXY": "1"}, "0 left-most ('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR')"),
        ({"DJANGO_BEHIND_PROXY": "1", "AXES_PROXY_COUNT": "2"}, "1 left-most ('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR')"),
        ({}, "None left-most ('REMOTE_ADDR',)"),
    ],
    ids=["one-proxy", "two-proxies", "no-proxy"],
)
def test_settings_read_the_proxy_variables(env, expected):
    code = (
        "import django; django.setup(); from django.conf import settings as s; import axes.conf; "
        "print(s.AXES_IPWARE_PROXY_COUNT, s.AXES_IPWARE_PROXY_ORDER, s.AXES_IPWARE_META_PRECEDENCE_ORDER)"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AXES_"))}
    result = subprocess.run(  # noqa: S603 (our own settings, fixed code)
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "csrportal.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == expected, result.stderr
