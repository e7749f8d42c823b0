"""The public listing's four orders, for each status it shows, are answered by their indexes on
PostgreSQL (migration facilities/0013): PostgreSQL walks the index in order and stops after a
page, where without it it sorts every public need of the country (at national scale 65-95 ms a
page, the sort spilled to disk for ``?sort=value``). With a CSR field, each order walks the
field's own index (migration facilities/0016). A region's listing is counted from the index of
its facilities' public needs (migration facilities/0015), and the publication of each counted need's
facility is checked in the index of published facilities (migration facilities/0017)."""

import pytest
from django.db import connection

from core.pagination import capped_count
from facilities.filters import NeedFilter
from facilities.models import Need, NeedStatus, Priority, open_value
from facilities.selectors import listed_needs_without_field
from tests.factories import FacilityFactory, NeedFactory, field, region

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's")


def page_plan(sort: str, status: str, **filters: str) -> str:
    data = {"sort": sort, "status": status, **filters}
    choices = [(filters["field"], "")] if "field" in filters else []
    needs = NeedFilter(data, queryset=listed_needs_without_field(), field_choices=choices).qs
    with connection.cursor() as cursor:
        # On a few rows a sequential scan and a sort are cheapest: forbid both, so that the plan
        # walks an index in the listing's order if one has it, and sorts anyway if none has.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    return needs[:20].explain()


ORDERS = {
    "urgency": "need_public_urgency_idx",
    "newest": "need_public_newest_idx",
    "needed_by": "need_public_needed_by_idx",
    "value": "need_public_value_idx",
}


@postgresql_only
@pytest.mark.parametrize(
    ("sort", "index", "status"),
    [
        # Fulfilled needs have no open value: by value, they are listed as by urgency.
        (sort, ORDERS["urgency"] if (sort, status) == ("value", "fulfilled") else index, status)
        for sort, index in ORDERS.items()
        for status in ("open", "fulfilled", "all")
    ],
)
def test_each_order_of_the_listing_walks_its_index(sort, index, status):
    facility = FacilityFactory()
    NeedFactory.create_batch(3, facility=facility)
    NeedFactory.create_batch(2, facility=facility, status=NeedStatus.FULFILLED)

    plan = page_plan(sort, status)

    assert index in plan
    assert "Sort Key: (((((facilities_need" not in plan  # no sort of the needs themselves


@postgresql_only
@pytest.mark.parametrize("sort", ORDERS)
def test_each_order_within_a_field_walks_the_fields_index(sort):
    # With a field (and a province), PostgreSQL walks the field's needs in the listing's order
    # (migration facilities/0016), not every public need.
    facility = FacilityFactory()
    NeedFactory.create_batch(3, facility=facility)
    NeedFactory.create_batch(2, facility=facility, field=field("pendidikan"))

    plan = page_plan(sort, "open", field="kesehatan", region="31")

    assert f"need_field_{sort}_idx" in plan
    assert "Sort Key: (((((facilities_need" not in plan


def test_the_value_order_is_the_value_still_open_to_the_public():
    # Of 100 asked: 20 held by an offer awaiting Dinsos, 10 of them only proposed by Dinsos to a
    # partner who has not answered (which does not hold them), 30 pledged. 60 x Rp 1.000 open.
    need = NeedFactory(quantity=100, unit_cost=1000)
    Need.objects.filter(pk=need.pk).update(quantity_pending=20, quantity_proposed=10, quantity_covered=30)

    need = Need.objects.annotate(value=open_value()).get(pk=need.pk)

    assert need.value == need.open_value == 60_000


def test_fulfilled_needs_by_value_are_listed_as_by_urgency():
    # Every fulfilled need has an open value of 0: the value order cannot tell them apart.
    facility = FacilityFactory()
    for cost in (5_000_000, 1_000, 10):
        NeedFactory(facility=facility, unit_cost=cost, status=NeedStatus.FULFILLED, priority=cost % 3 + 1)
    NeedFactory(facility=facility, unit_cost=9_000_000)  # open: not listed

    def listed(sort):
        needs = NeedFilter({"sort": sort, "status": "fulfilled"}, queryset=Need.objects.all(), field_choices=[]).qs
        return list(needs)

    assert listed("value") == listed("urgency")
    assert len(listed("value")) == 3


@postgresql_only
def test_a_regions_listing_is_counted_from_the_index_of_its_facilities_needs():
    # A province's facilities are named by id (FacilityRegionFilter); the listing's count with a
    # kind and a priority is read from need_public_facility_idx, which holds all four (at national
    # scale, an index-only scan: docs/performance.md). With a field, the field's own indexes may
    # narrow the count first.
    NeedFactory.create_batch(3, facility=FacilityFactory())  # in 31.75.01, of the factory's kind
    NeedFactory.create_batch(30, facility=FacilityFactory(region=region("62.11.01")), priority=Priority.URGENT)
    found, plan = count_and_plan({"region": "31", "kind": "goods", "priority": "3"})

    assert found == 3
    assert "using need_public_facility_idx on facilities_need" in plan


def count_and_plan(data: dict, *settings_off: str) -> tuple[int, str]:
    """The listing's capped count for ``data``, and PostgreSQL's plan of the statement that
    counted (with sequential and bitmap scans off, and ``settings_off``)."""
    needs = NeedFilter(data, queryset=listed_needs_without_field(), field_choices=[]).qs
    counted = []

    def keep(execute, sql, params, many, context):
        counted.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        found = capped_count(needs, 1000)
    sql, params = counted[-1]
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_bitmapscan", *settings_off):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute("ANALYZE facilities_need")
        cursor.execute("EXPLAIN " + sql, params)
        return found, "\n".join(line for (line,) in cursor.fetchall())


@postgresql_only
def test_a_counted_needs_facility_is_checked_in_the_index_of_published_facilities():
    # Each need a province's count finds is checked against the ids of the published facilities,
    # an index-only probe (migration facilities/0017), not against the facility's row. At national
    # scale this spares PostgreSQL reading and hashing every published facility for the count
    # (docs/performance.md); on a few rows the joins are set to the nested loop it then chooses.
    hidden = FacilityFactory(is_published=False)
    NeedFactory.create_batch(2, facility=hidden)
    NeedFactory.create_batch(3, facility=FacilityFactory())
    found, plan = count_and_plan({"region": "31"}, "enable_hashjoin", "enable_mergejoin")

    assert found == 3  # the hidden facility's needs are not counted
    assert "Index Only Scan using facility_published_idx on facilities_facility" in plan
