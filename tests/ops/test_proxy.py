"""Behind nginx every request comes from 127.0.0.1: the portal reads the client's address from
the last X-Forwarded-For entry, for the login lock-out as for /metrics."""

import pytest
from django.test import Client
from django.urls import reverse

from ops.network import client_address
from tests.factories import officer_user

pytestmark = pytest.mark.django_db

PASSWORD = "secret-pass-123"  # tests.factories.UserFactory


def through_nginx(address: str) -> Client:
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)


def login(client: Client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_behind_the_proxy_a_lock_out_holds_only_for_the_guessing_address(settings):
    settings.BEHIND_PROXY = True
    officer = officer_user()
    guesser = through_nginx("203.0.113.7")
    for _ in range(5):
        login(guesser, officer.username, "not-the-password")
    assert login(guesser, officer.username, PASSWORD).status_code == 429
    # The officer, through the same nginx from the office, is not locked out by the guesser.
    assert login(through_nginx("198.51.100.20"), officer.username, PASSWORD).status_code == 302


def test_a_client_cannot_choose_its_address_by_sending_x_forwarded_for(settings, rf):
    settings.BEHIND_PROXY = True
    settings.PROXY_COUNT = 1
    forged = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7")
    assert client_address(forged) == "203.0.113.7"
    settings.PROXY_COUNT = 2  # a load balancer in front of nginx
    assert client_address(forged) == "10.0.0.1"


def test_without_the_proxy_setting_x_forwarded_for_is_ignored(settings, rf):
    settings.BEHIND_PROXY = False
    request = rf.get("/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="127.0.0.1")
    assert client_address(request) == "203.0.113.7"
