"""The header of every page (includes/header.html): each visitor's own CSRF token and path,
also on a kept page."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

HEADER = re.compile(r'<header class="site-header">.*?</header>', re.S)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def header_of(response) -> str:
    return HEADER.search(response.content.decode()).group(0)


def test_each_visitor_gets_their_own_token_and_path_and_the_language_form_works():
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("facilities:need_list"))
    header = header_of(client.get(reverse("facilities:facility_list")))
    assert 'name="next" type="hidden" value="/facilities/"' in header
    token = TOKEN.search(header).group(1)

    response = client.post(
        reverse("set_language"), {"language": "en", "next": "/facilities/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert response["Location"] == "/facilities/"
    other = header_of(Client().get(reverse("facilities:facility_list")))
    assert TOKEN.search(other).group(1) != token


def test_a_logged_in_user_gets_a_header_of_their_own(client):
    client.get("/")
    client.force_login(StaffFactory())
    header = header_of(client.get("/"))
    assert reverse("logout") in header
    assert reverse("admin:index") in header
