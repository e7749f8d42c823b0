"""The data of the facilities map: each marker carries the facility's open needs (how many, the
titles of the most urgent, in the reader's language), read in one query whatever their number."""

import pytest
from django.utils import translation

from facilities import selectors as facility_selectors
from facilities.models import NeedStatus, Priority
from public import maps
from tests.factories import FacilityFactory, NeedFactory

pytestmark = pytest.mark.django_db


def listed():
    return list(facility_selectors.published_facilities().order_by("name", "id"))


def test_markers_carry_the_open_needs_count_and_the_most_urgent_titles_in_the_readers_language():
    panti = FacilityFactory(name="A Panti", latitude="-6.2", longitude="106.8")
    NeedFactory(facility=panti, title="Kasur", title_en="Mattresses", priority=Priority.URGENT)
    NeedFactory(facility=panti, title="Lemari", priority=Priority.HIGH)
    NeedFactory(facility=panti, title="Kursi roda")
    NeedFactory(facility=panti, title="Selimut")
    NeedFactory(facility=panti, title="Sudah selesai", status=NeedStatus.FULFILLED)
    NeedFactory(facility=panti, title="Internal", is_public=False)
    FacilityFactory(name="B Tanpa koordinat")
    FacilityFactory(name="C Tanpa kebutuhan", latitude="-2.7", longitude="114.2")

    with translation.override("en"):
        data = maps.listing_map(listed())
    first, second = data["markers"]
    assert (first["name"], first["open"], first["summary"]) == ("A Panti", 4, "4 open needs")
    assert first["titles"] == ["Mattresses", "Lemari", "Selimut"]
    assert (second["name"], second["open"], second["titles"], second["summary"]) == ("C Tanpa kebutuhan", 0, [], "")
    with translation.override("id"):
        assert maps.listing_map(listed())["markers"][0]["titles"][0] == "Kasur"


@pytest.mark.parametrize("size", [2, 10], ids=["small", "larger"])
def test_the_popups_titles_take_one_query_whatever_the_number_of_facilities(django_assert_num_queries, size):
    for index in range(size):
        facility = FacilityFactory(latitude="-6.2", longitude=f"106.{index}")
        for _ in range(5):
            NeedFactory(facility=facility)
    facilities = listed()
    with django_assert_num_queries(1):
        data = maps.listing_map(facilities)
    assert [len(marker["titles"]) for marker in data["markers"]] == [3] * size
