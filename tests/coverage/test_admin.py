"""Government coverage in the admin: staff record it in their area only, see only their area's,
and a refused record comes back as a form error, changing nothing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coverage import services
from coverage.models import GovernmentCoverage
from tests.factories import FacilityFactory, StaffFactory, agency, field, region

pytestmark = pytest.mark.django_db

ADD = "admin:coverage_governmentcoverage_add"
LIST = "admin:coverage_governmentcoverage_changelist"


@pytest.fixture
def staff(client):
    user = StaffFactory(agency=agency("62.11"))
    client.force_login(user)
    return user


def post(**changes):
    data = {
        "source": "bansos",
        "program_name": "PKH",
        "region": region("62.11.01").code,
        "field": "kesehatan",
        "start_date": "01/01/2026",
        "end_date": "31/12/2026",
        "kind": "cash",
        "amount": "1.500.000.000",
        "households": "620",
        "note": "",
    }
    data.update(changes)
    return data


def test_staff_record_a_kecamatans_pkh_in_rupiah_and_households(client, staff):
    response = client.post(reverse(ADD), post())
    assert response.status_code == 302, response.context["adminform"].form.errors
    record = GovernmentCoverage.objects.get()
    assert (record.amount, record.households, record.created_by) == (1_500_000_000, 620, staff)


def test_a_facility_record_needs_no_kecamatan(client, staff):
    facility = FacilityFactory(region=region("62.11.03.2001"))
    response = client.post(reverse(ADD), post(region="", facility=facility.pk))
    assert response.status_code == 302
    assert GovernmentCoverage.objects.get().region_id == "62.11.03"


@pytest.mark.parametrize(
    ("changes", "field_name"),
    [
        pytest.param({"region": "31.75.01"}, "region", id="outside-the-area"),
        pytest.param({"region": ""}, "region", id="no-place"),
        pytest.param({"amount": "0", "households": "0"}, "amount", id="nothing-covered"),
        pytest.param({"end_date": "31/12/2025"}, "end_date", id="ends-before-it-starts"),
        pytest.param({"amount": "satu juta"}, "amount", id="letters-in-rupiah"),
    ],
)
def test_bad_input_is_a_form_error_and_changes_nothing(client, staff, changes, field_name):
    region("31.75.01")
    response = client.post(reverse(ADD), post(**changes))
    assert response.status_code == 200
    assert field_name in response.context["adminform"].form.errors
    assert not GovernmentCoverage.objects.exists()


def test_staff_see_only_their_areas_records(client, staff):
    services.coverage_create(actor=None, **_values("62.11.01", "PKH Pulang Pisau"))
    services.coverage_create(actor=None, **_values("31.75.01", "PKH Jakarta"))
    page = client.get(reverse(LIST)).content.decode()
    assert "PKH Pulang Pisau" in page and "PKH Jakarta" not in page
    page = client.get(reverse(LIST), {"q": "Pulang"}).content.decode()
    assert "PKH Pulang Pisau" in page


def test_the_list_keeps_its_query_count_as_records_grow(client, staff, django_assert_num_queries):
    services.coverage_create(actor=None, **_values("62.11.01", "PKH 1"))
    client.get(reverse(LIST))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse(LIST))
    for number in range(2, 6):
        services.coverage_create(
            actor=None, **_values("62.11.01", f"PKH {number}"), facility=FacilityFactory(region=region("62.11.01"))
        )
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse(LIST))


def _values(code, name):
    return {
        "source": "bansos",
        "program_name": name,
        "region": region(code),
        "field": field("kesehatan"),
        "start_date": datetime.date(2026, 1, 1),
        "end_date": datetime.date(2026, 12, 31),
        "kind": "cash",
        "households": 10,
    }
