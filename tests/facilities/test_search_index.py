"""The needs search: the same needs as a plain match on every database, and answered by the
trigram indexes on PostgreSQL (migration facilities/0006)."""

import pytest
from django.db import connection

from facilities import filters
from facilities.filters import NeedFilter
from facilities.models import Facility, Need
from facilities.selectors import public_needs
from tests.factories import FacilityFactory, NeedFactory

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")


def searched(text: str) -> set[int]:
    needs = NeedFilter({"q": text, "status": "all"}, queryset=public_needs(), field_choices=[]).qs
    return set(needs.values_list("pk", flat=True))


def plainly_matched(text: str) -> set[int]:
    return {
        need.pk
        for need in public_needs()
        if text.lower() in need.title.lower() or text.lower() in need.facility.name.lower()
    }


@pytest.fixture
def needs():
    school = FacilityFactory(name="LKS Sekolah Rakyat")
    other = FacilityFactory(name="PSBR Taruna Jaya")
    NeedFactory(facility=school, title="Kasur busa")
    NeedFactory(facility=other, title="Perlengkapan SEKOLAH anak")
    NeedFactory(facility=other, title="Kursi roda")
    NeedFactory(facility=other, title="Buku sekolah", is_public=False)


@pytest.mark.parametrize("listed", [200, 0], ids=["facilities by id", "facilities by subquery"])
@pytest.mark.parametrize("text", ["sekolah", "Sekolah Rakyat", "roda", "zzz", "a"])
def test_search_finds_what_a_plain_match_finds(needs, monkeypatch, text, listed):
    monkeypatch.setattr(filters, "SEARCH_FACILITIES_LISTED", listed)

    assert searched(text) == plainly_matched(text)


def test_search_looks_up_facilities_once(needs, django_assert_num_queries):
    with django_assert_num_queries(2):  # the matching facilities, then the needs
        assert len(searched("sekolah")) == 2


def plan(queryset) -> str:
    with connection.cursor() as cursor:
        # On a few rows a sequential scan is cheapest: forbid it (and plain index scans, which
        # could walk another index) so the plan shows which index answers the match.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    return queryset.explain()


@postgresql_only
def test_the_title_match_is_answered_by_its_trigram_index(needs):
    assert "need_title_trgm_idx" in plan(Need.objects.filter(title__icontains="sekolah"))


@postgresql_only
def test_the_facility_name_match_is_answered_by_its_trigram_index(needs):
    assert "facility_name_trgm_idx" in plan(Facility.objects.filter(name__icontains="sekolah"))


def test_a_search_of_the_listing_keeps_a_constant_number_of_queries(client, needs, django_assert_num_queries):
    # fields for the form, the matching facilities, regions for the selects, the capped count,
    # the page
    with django_assert_num_queries(5):
        assert client.get("/needs/", {"q": "sekolah"}).status_code == 200
    NeedFactory(title="Seragam sekolah")
    # the same for another page of it
    with django_assert_num_queries(5):
        assert client.get("/needs/", {"q": "sekolah", "page": "2"}).status_code == 200
