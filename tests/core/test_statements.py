"""Reads compiled once and run again with new values (core.statements)."""

import pytest
from django.db.models import F

from core.statements import Statement, instance
from facilities import selectors
from facilities.models import Facility, Need
from tests.factories import FacilityFactory, NeedFactory

pytestmark = pytest.mark.django_db

SAMPLE = -(2**62)


def card_rows_of(facility_id: int):
    return selectors.card_rows(Need.objects.public().filter(facility_id=facility_id).order_by("-id"))[:10]


def test_rows_are_what_the_queryset_gives_for_each_new_value(django_assert_num_queries):
    statement = Statement(card_rows_of, facility_id=SAMPLE)
    first, second = FacilityFactory(), FacilityFactory()
    NeedFactory.create_batch(2, facility=first, needed_by=None)
    NeedFactory(facility=second, unit_cost=12500)

    for facility in (first, second, first):
        with django_assert_num_queries(1):
            rows = statement.rows(facility_id=facility.pk)
        expected = list(card_rows_of(facility.pk))
        # Named tuples with the database's own conversions (dates, decimals, booleans).
        assert rows == expected
        assert [row._asdict() for row in rows] == [row._asdict() for row in expected]


def test_a_statement_reads_the_data_anew_each_time():
    statement = Statement(card_rows_of, facility_id=SAMPLE)
    facility = FacilityFactory()
    assert statement.rows(facility_id=facility.pk) == []
    need = NeedFactory(facility=facility)
    assert [row.id for row in statement.rows(facility_id=facility.pk)] == [need.pk]


def test_a_sample_must_appear_once_among_the_parameters():
    twice = Statement(lambda pk: Need.objects.filter(pk=pk, facility_id=pk).values_list("id", named=True), pk=SAMPLE)
    with pytest.raises(ValueError, match="appears 2 times"):
        twice.rows(pk=1)
    absent = Statement(
        lambda pk: Need.objects.filter(quantity__gt=F("quantity_covered")).values_list("id", named=True), pk=SAMPLE
    )
    with pytest.raises(ValueError, match="appears 0 times"):
        absent.rows(pk=1)
    # A quantity (a 32-bit column) cannot hold the sample: Django drops the condition.
    beyond = Statement(lambda pk: Need.objects.filter(quantity=pk).values_list("id", named=True), pk=SAMPLE)
    with pytest.raises(ValueError, match="match nothing"):
        beyond.rows(pk=1)


def test_a_statement_takes_named_rows_and_its_own_values_only():
    with pytest.raises(TypeError):
        Statement(lambda pk: Need.objects.filter(pk=pk).values_list("id"), pk=SAMPLE).rows(pk=1)
    statement = Statement(lambda pk: Need.objects.filter(pk=pk).values_list("id", named=True), pk=SAMPLE)
    with pytest.raises(TypeError):
        statement.rows(id=1)


def test_instance_makes_the_objects_the_orm_would_load_with_only():
    need = NeedFactory(title="Kasur busa")
    statement = Statement(
        lambda pk: Need.objects.filter(pk=pk).values_list("id", "title", "facility_id", "facility__name", named=True),
        pk=SAMPLE,
    )
    row = statement.rows(pk=need.pk)[0]

    loaded = instance(Need, row)
    assert (loaded.pk, loaded.title, loaded.facility_id) == (need.pk, "Kasur busa", need.facility_id)
    assert not loaded._state.adding
    assert loaded._state.db == "default"
    assert "quantity" in loaded.get_deferred_fields()
    facility = instance(Facility, row, prefix="facility__")
    assert facility.name == need.facility.name
    assert facility.get_deferred_fields() >= {"slug", "region_id"}
