"""Whole public pages kept for anonymous visitors (public.page_cache.kept_page): each visitor
gets their own working CSRF token, logged-in users and visitors with messages get their own
page, and a change to the data shows at once."""

import re

import pytest
from django.test import Client

from core.kept_pages import CSRF_HOLE
from tests.facilities.helpers import cover
from tests.factories import CompanyFactory, NeedFactory, StaffFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 30


def test_a_kept_page_is_served_without_a_query_and_carries_the_visitors_own_token(django_assert_num_queries):
    need = NeedFactory(title="Kasur busa")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_html = first.get(need.get_absolute_url()).content.decode()

    with django_assert_num_queries(0):
        response = second.get(need.get_absolute_url())
    html = response.content.decode()

    assert "Kasur busa" in html
    assert CSRF_HOLE not in html
    assert TOKEN.findall(html) and TOKEN.findall(html) != TOKEN.findall(first_html)
    # The token works with the cookie this visitor was given: the request form goes through.
    posted = second.post(
        need.get_absolute_url(),
        {
            "csrfmiddlewaretoken": TOKEN.findall(html)[-1],
            "name": "Kim",
            "organisation": "Daehong",
            "email": "kim@daehong.example",
            "message": "Kami ingin membantu.",
        },
    )
    assert posted.status_code == 302


def test_a_change_shows_at_once_on_a_kept_page(client):
    need = NeedFactory(quantity=40)
    assert 'class="bar-covered w-0"' in client.get("/needs/").content.decode()

    cover(need, CompanyFactory(), 20)

    assert 'class="bar-covered w-50"' in client.get("/needs/").content.decode()


def test_each_language_has_its_own_page(client):
    NeedFactory()
    assert "Kebutuhan" in client.get("/needs/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    english = client.get("/needs/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Needs of social-care facilities" in english


def test_a_logged_in_user_never_gets_nor_leaves_a_kept_page(client):
    NeedFactory()
    anonymous = Client().get("/needs/").content.decode()
    client.force_login(StaffFactory())
    staff_page = client.get("/needs/").content.decode()

    assert "Log out" in staff_page or "Keluar" in staff_page
    assert staff_page != anonymous
    assert "/logout/" not in Client().get("/needs/").content.decode()


def test_the_public_reports_are_kept_until_the_reported_data_changes(client):
    need = NeedFactory(quantity=10, unit_cost=100_000)
    before = TOKEN.sub("", client.get("/reports/").content.decode())
    assert TOKEN.sub("", client.get("/reports/").content.decode()) == before

    cover(need, CompanyFactory(), 4)

    assert TOKEN.sub("", client.get("/reports/").content.decode()) != before


def test_a_visitor_with_a_message_sees_it_and_the_next_visit_is_kept_again(client):
    need = NeedFactory(title="Kasur busa")
    client.get(need.get_absolute_url())  # kept without any message
    response = client.post(
        need.get_absolute_url(),
        {"name": "Kim", "organisation": "Daehong", "email": "kim@daehong.example", "message": "Halo"},
        follow=True,
    )
    assert '<ul class="messages" id="messages"' in response.content.decode()
    assert '<ul class="messages" id="messages"' not in client.get(need.get_absolute_url()).content.decode()
