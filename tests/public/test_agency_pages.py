"""The public pages of the agencies: /agencies/ and /agencies/<slug>/ show each agency with the
figures, needs and facilities of its own area only."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import FacilityFactory, NeedFactory, agency, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_agencies():
    pulpis = agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau", forum_name="Forum TSLP Kabupaten Pulang Pisau")
    jakarta = agency("31", "Dinas Sosial Provinsi DKI Jakarta")
    NeedFactory(title="Kasur untuk LKS Kahayan", facility=FacilityFactory(region=region("62.11.01")))
    NeedFactory(title="Pelatihan las Taruna Jaya", facility=FacilityFactory(region=region("31.74.01")))
    return pulpis, jakarta


def test_the_agency_list_shows_every_public_agency(client, two_agencies):
    page = client.get(reverse("agencies:agency_list")).content.decode()
    assert "Dinas Sosial Kabupaten Pulang Pisau" in page and "Dinas Sosial Provinsi DKI Jakarta" in page


def test_an_agency_page_shows_only_its_own_area(client, two_agencies):
    pulpis, _jakarta = two_agencies
    response = client.get(pulpis.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kasur untuk LKS Kahayan" in page
    assert "Pelatihan las Taruna Jaya" not in page
    assert response.context["stats"]["open_needs"] == 1
    assert "Forum TSLP Kabupaten Pulang Pisau" in page
    assert "?region=62.11" in page


def test_an_unknown_or_unlisted_agency_is_a_404(client, two_agencies):
    pulpis, _jakarta = two_agencies
    assert client.get(reverse("agencies:agency_detail", args=["tidak-ada"])).status_code == 404
    pulpis.is_public = False
    pulpis.save()
    assert client.get(pulpis.get_absolute_url()).status_code == 404
    assert client.get(reverse("agencies:agency_logo", args=[pulpis.slug])).status_code == 404


def test_an_agency_page_costs_the_same_queries_whatever_the_data(client, two_agencies):
    pulpis, _jakarta = two_agencies
    url = pulpis.get_absolute_url()
    client.get(url)
    # Nothing kept from before either time (the figures are kept until the data changes).
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for index in range(15):
        NeedFactory(facility=FacilityFactory(region=region(f"62.11.{index + 2:02d}")))
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_agency_pages_are_kept_for_visitors_until_the_data_changes(client, two_agencies, django_assert_num_queries):
    pulpis, _jakarta = two_agencies
    for url in (reverse("agencies:agency_list"), pulpis.get_absolute_url()):
        # The first visit builds the figures' snapshot here (the tests build them on read; in
        # production the background task does), which the second one reads and keeps.
        client.get(url)
        client.get(url)
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 200
    NeedFactory(title="Kursi roda Maliku", facility=FacilityFactory(region=region("62.11.02")))
    assert "Kursi roda Maliku" in client.get(pulpis.get_absolute_url()).content.decode()
    pulpis.name = "Dinas Sosial, P3A Kabupaten Pulang Pisau"
    pulpis.save()
    assert "Dinas Sosial, P3A Kabupaten Pulang Pisau" in client.get(reverse("agencies:agency_list")).content.decode()
