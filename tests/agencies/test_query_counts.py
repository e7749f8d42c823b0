"""Scoping adds a WHERE clause, never a query: a regional account's changelists cost what a
national account's cost, whatever the data in either area."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matching.models import PledgeStatus
from tests.factories import FacilityFactory, NeedFactory, PovertyFigureFactory, StaffFactory, agency, pledge_in_state
from tests.factories import region as make_region

pytestmark = pytest.mark.django_db

CHANGELISTS = ["facilities_facility", "facilities_need", "matching_pledge", "regions_povertyfigure"]


def _grow(count: int, start: int = 0) -> None:
    for index in range(start, start + count):
        for code in ("31.74.01", "62.11.01"):
            need = NeedFactory(facility=FacilityFactory(region=make_region(code)))
            pledge_in_state(PledgeStatus.OFFERED, need=need)
            PovertyFigureFactory(region=make_region(f"{code[:5]}.{10 + index:02d}"))


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("model", CHANGELISTS)
def test_a_regional_changelist_costs_the_same_at_any_size_and_as_a_national_one(client, model):
    regional = StaffFactory(agency=agency("62.11"))
    national = StaffFactory()
    url = reverse(f"admin:{model}_changelist")
    _grow(2)
    client.force_login(regional)
    small = _queries(client, url)
    _grow(6, start=2)
    assert _queries(client, url) == small
    client.force_login(national)
    assert _queries(client, url) == small
