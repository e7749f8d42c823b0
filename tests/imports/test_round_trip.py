"""The round trip: export the demo needs (and the facilities they belong to), import the files
into an empty database with the same registries, and get the same needs back."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from facilities.models import Facility, Need
from regions.services import regions_load
from tests.imports.helpers import confirm, export, upload

pytestmark = pytest.mark.django_db

NEED_FIELDS = [
    "title",
    "title_en",
    "description",
    "description_en",
    "field_id",
    "kind",
    "quantity",
    "unit",
    "unit_cost",
    "priority",
    "needed_by",
    "beneficiaries",
    "status",
    "is_public",
    "source",
    "source_date",
]
FACILITY_FIELDS = [
    "slug",
    "name",
    "facility_type",
    "operator",
    "region_id",
    "address",
    "latitude",
    "longitude",
    "capacity",
    "residents",
    "background",
    "intervention_programs",
    "background_en",
    "intervention_programs_en",
    "head_name",
    "contact_phone",
    "contact_email",
    "is_published",
]


def _needs():
    # Every editable field, the facility by its code. The coverage counters are not editable
    # (they follow the pledges, which are not part of the file) and are left out.
    return sorted(Need.objects.values_list("facility__slug", *NEED_FIELDS))


def _facilities():
    return sorted(Facility.objects.values_list(*FACILITY_FIELDS))


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_demo_needs_export_and_import_into_an_empty_database_give_the_same_needs(staff, file_format):
    client = Client()
    client.force_login(staff)
    with transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        facilities_file = export(client, Facility, file_format).content
        needs_file = export(client, Need, file_format).content
        expected_needs, expected_facilities = _needs(), _facilities()
        transaction.set_rollback(True)  # back to an empty database
    assert len(expected_needs) > 50
    assert not Need.objects.exists()
    assert not Facility.objects.exists()
    regions_load(provinces=["31", "62"])  # the same registries: regions, CSR fields (migration)

    facilities = upload(client, Facility, facilities_file, f"panti.{file_format}")
    assert facilities.context["outcome"].problems == []
    assert confirm(client, Facility, facilities).status_code == 302
    needs = upload(client, Need, needs_file, f"kebutuhan.{file_format}")
    assert needs.context["outcome"].problems == []
    assert needs.context["outcome"].new == len(expected_needs)
    assert confirm(client, Need, needs).status_code == 302

    assert _facilities() == expected_facilities
    assert _needs() == expected_needs
    # And the same file once more is all unchanged.
    again = upload(client, Need, needs_file, f"kebutuhan.{file_format}").context["outcome"]
    assert (again.new, again.updated, again.unchanged) == (0, 0, len(expected_needs))
