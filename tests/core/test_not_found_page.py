"""Under DEBUG (``make run``) a 404 is the portal's own page, as in production (issue 24)."""

import pytest
from django.test import override_settings

from tests.factories import FacilityFactory

pytestmark = pytest.mark.django_db

OWN_PAGE = "Halaman tidak ditemukan"
TECHNICAL = "Using the URLconf"


@override_settings(DEBUG=True)
@pytest.mark.parametrize("path", ["/no-such-page/", "/facilities/no-such-facility/", "/needs/999999999/"])
def test_a_missing_page_is_the_portals_own_page_under_debug(client, path):
    FacilityFactory()
    response = client.get(path)
    assert response.status_code == 404
    page = response.content.decode()
    assert OWN_PAGE in page
    assert TECHNICAL not in page and "Raised by" not in page


@override_settings(DEBUG=True, TECHNICAL_404=True)
def test_a_developer_may_ask_for_djangos_technical_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert TECHNICAL in response.content.decode()


def test_without_debug_nothing_changes(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert OWN_PAGE in response.content.decode()
