"""``core.lookups.AnyOf``: what ``__in`` finds, written as one array on PostgreSQL."""

import pytest
from django.db import connection
from django.db.models import F, Q
from django.test.utils import CaptureQueriesContext

from core.lookups import AnyOf
from facilities.models import Facility, Need
from tests.factories import FacilityFactory, NeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def needs():
    first, second, third = FacilityFactory.create_batch(3)
    return {
        "first": NeedFactory(facility=first, title="first"),
        "second": NeedFactory(facility=second, title="second"),
        "third": NeedFactory(facility=third, title="third"),
    }


def titles(queryset) -> list[str]:
    return sorted(queryset.values_list("title", flat=True))


@pytest.mark.parametrize(
    "named",
    [["first"], ["first", "third"], ["first", "second", "third"], []],
    ids=["one", "two", "all", "none"],
)
def test_it_finds_what_in_finds(needs, named):
    ids = [needs[name].facility_id for name in named]

    found = titles(Need.objects.filter(AnyOf(F("facility_id"), ids)))

    assert found == titles(Need.objects.filter(facility_id__in=ids)) == sorted(named)


def test_within_an_or_an_empty_list_leaves_the_other_half(needs):
    matched = Need.objects.filter(Q(AnyOf(F("facility_id"), [])) | Q(title="second"))

    assert titles(matched) == ["second"]


def test_a_missing_value_is_left_out_as_in_leaves_it(needs):
    assert titles(Need.objects.filter(AnyOf(F("facility_id"), [None, needs["third"].facility_id]))) == ["third"]


def test_a_subquery_is_taken_as_in_takes_it(needs):
    named = Facility.objects.filter(pk=needs["second"].facility_id).values("pk")

    assert titles(Need.objects.filter(AnyOf(F("facility_id"), named))) == ["second"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the array is PostgreSQL's")
def test_on_postgresql_the_ids_are_one_array(needs):
    ids = [need.facility_id for need in needs.values()]

    with CaptureQueriesContext(connection) as queries:
        assert len(Need.objects.filter(AnyOf(F("facility_id"), ids))) == 3

    sql = queries.captured_queries[-1]["sql"]
    assert '"facility_id" = ANY(' in sql
    assert " IN (" not in sql
