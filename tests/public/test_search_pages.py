"""A search of the needs listing: its matches read by id, then the page among them
(``core.pagination.matches_by_id``), or, beyond the listing's cap, the matches paged in order."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from facilities.models import NeedStatus, Priority
from public import views
from tests.factories import FacilityFactory, NeedFactory, region

pytestmark = pytest.mark.django_db

NEEDS = reverse("facilities:need_list")
SORTS = ["urgency", "newest", "needed_by", "value"]


def listed_titles(response) -> list[str]:
    return [need.title for need in response.context["needs"]]


@pytest.fixture
def needs():
    """Seven "Selimut" needs of one province in every order the listing knows, and what a search
    must never show."""
    jakarta = FacilityFactory(region=region("31.75.01"))
    today = timezone.localdate()
    for number, (priority, days, cost) in enumerate(
        [(3, 40, 100), (1, 90, 5_000), (2, 10, 700), (1, 30, 20), (4, 5, 9_000), (2, 60, 300), (3, 20, 1)]
    ):
        NeedFactory(
            facility=jakarta,
            title=f"Selimut {number}",
            priority=priority,
            needed_by=today + datetime.timedelta(days=days),
            unit_cost=cost,
        )
    NeedFactory(facility=jakarta, title="Selimut terpenuhi", status=NeedStatus.FULFILLED)
    NeedFactory(facility=jakarta, title="Selimut internal", is_public=False, priority=Priority.URGENT)
    NeedFactory(facility=FacilityFactory(is_published=False, region=region("31.75.02")), title="Selimut tersembunyi")
    NeedFactory(facility=FacilityFactory(region=region("62.11.01")), title="Selimut Pulang Pisau")
    NeedFactory(facility=jakarta, title="Kasur busa")


def listing_without_search(client, query: dict) -> list[str]:
    """What the listing shows for the same filters with every title matching, unsearched: the
    order and the pages the search must keep."""
    return [title for title in listed_titles(client.get(NEEDS, query)) if title.startswith("Selimut")]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("cap", [1000, 3], ids=["under the cap", "beyond the cap"])
def test_a_search_lists_its_matches_in_the_listings_order_page_by_page(client, needs, monkeypatch, sort, cap):
    monkeypatch.setattr(views, "NEEDS_PER_PAGE", 3)
    expected = listing_without_search(client, {"region": "31", "sort": sort})  # first page
    expected += listing_without_search(client, {"region": "31", "sort": sort, "page": "2"})
    expected += listing_without_search(client, {"region": "31", "sort": sort, "page": "3"})
    monkeypatch.setattr(views, "LISTING_COUNT_CAP", cap)

    found = []
    for page in ("1", "2", "3"):
        found += listed_titles(client.get(NEEDS, {"q": "selimut", "region": "31", "sort": sort, "page": page}))

    # Beyond the cap, the pages stop there (three of three needs a page: one page).
    assert found == (expected if cap == 1000 else expected[:3] * 3)
    assert "Selimut 0" in expected and len(expected) == 7


@pytest.mark.parametrize(
    ("area", "elsewhere"), [({}, ["Selimut Pulang Pisau"]), ({"region": "31"}, [])], ids=["everywhere", "in a region"]
)
def test_a_search_shows_only_public_needs_of_published_facilities(client, needs, area, elsewhere):
    titles = listed_titles(client.get(NEEDS, {"q": "selimut", "status": "all", **area}))

    assert sorted(titles) == sorted([f"Selimut {number}" for number in range(7)] + ["Selimut terpenuhi", *elsewhere])


def test_a_search_says_how_many_match_and_when_more_than_the_cap(client, needs, monkeypatch):
    search = {"q": "selimut", "region": "31"}
    assert "7 needs match." in client.get(NEEDS, search, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    monkeypatch.setattr(views, "LISTING_COUNT_CAP", 5)
    html = client.get(NEEDS, {**search, "sort": "newest"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "More than 5 needs match." in html


def test_a_search_without_a_match_lists_nothing(client, needs):
    response = client.get(NEEDS, {"q": "tidak ada", "region": "31"}, HTTP_ACCEPT_LANGUAGE="en")

    assert listed_titles(response) == []
    assert "No need matches these filters." in response.content.decode()


@pytest.mark.parametrize("cap", [1000, 3], ids=["under the cap", "beyond the cap"])
def test_a_search_keeps_its_query_count(client, needs, monkeypatch, django_assert_num_queries, cap):
    monkeypatch.setattr(views, "LISTING_COUNT_CAP", cap)
    # the fields for the form, the facilities whose name matches, the region's facilities, the
    # ids of the matches, the page, the regions for the selects
    with django_assert_num_queries(6):
        assert client.get(NEEDS, {"q": "selimut", "region": "31", "sort": "newest"}).status_code == 200
