from pathlib import Path

import pytest
import xmlschema
from defusedxml import ElementTree as ET
from django.urls import reverse

from agencies.models import Agency
from programs.models import ProgramStatus, RealisationStatus
from tests.factories import CompanyFactory, program_in_state, realisation

pytestmark = pytest.mark.django_db

SCHEMA = xmlschema.XMLSchema(Path(__file__).parent / "schemas" / "iati-activities-schema.xsd")
URL = reverse("opendata:iati_activities")


def donor_program(**overrides):
    program = program_in_state(
        ProgramStatus.ACTIVE,
        company=CompanyFactory(name="KOICA (Korea International Cooperation Agency)"),
        targets=("31.74.01",),
        title="Proyek Peningkatan Dukungan Rehabilitasi Sosial bagi Pemuda Rentan",
        title_en="Project on Enhancing Social Rehabilitation Support for the Vulnerable Youth",
        **overrides,
    )
    Agency.objects.filter(pk=program.agency_id).update(iati_identifier="XI-DEMO-DINSOS-31")
    type(program).objects.filter(pk=program.pk).update(donor_iati_ref="KR-GOV-010")
    return program


def test_donor_programs_export_as_iati_203_xml_that_the_schema_accepts(client):
    program = donor_program()
    realisation(program, 2025, shares={"31.74.01": 120_000_000})
    realisation(program, 2026, 1, shares={"31.74.01": 5_000_000}, status=RealisationStatus.SUBMITTED)

    response = client.get(URL)

    assert response["Content-Disposition"] == 'attachment; filename="iati-activities.xml"'
    SCHEMA.validate(response.content)  # raises on any violation of the 2.03 schema
    root = ET.fromstring(response.content)
    assert root.get("version") == "2.03"
    (activity,) = root.findall("iati-activity")
    assert activity.findtext("iati-identifier") == f"XI-DEMO-DINSOS-31-CSR-{program.pk}"
    assert activity.find("reporting-org").get("ref") == "XI-DEMO-DINSOS-31"
    funder = activity.find("participating-org[@role='1']")
    assert (funder.get("ref"), funder.findtext("narrative")) == (
        "KR-GOV-010",
        "KOICA (Korea International Cooperation Agency)",
    )
    assert activity.find("activity-status").get("code") == "2"
    # Only the verified report is an expenditure, dated at the end of its period.
    (transaction,) = activity.findall("transaction")
    assert transaction.find("transaction-type").get("code") == "4"
    assert transaction.find("transaction-date").get("iso-date") == "2025-12-31"
    assert transaction.findtext("value") == "120000000"


def test_programs_without_a_donor_or_agency_identifier_or_of_a_hidden_agency_are_left_out(client):
    program_in_state(ProgramStatus.ACTIVE, targets=("62.11.01",))  # no donor
    hidden = donor_program()
    Agency.objects.filter(pk=hidden.agency_id).update(is_public=False)

    response = client.get(URL)

    # An iati-activities file without an activity is not valid IATI: nothing to publish is a 404.
    assert response.status_code == 404
    assert "donor internasional" in response.content.decode()


def test_iati_export_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    realisation(donor_program(), 2025, shares={"31.74.01": 1_000_000})
    # The programs, their verified reports, target regions, SDG goals and SDG targets.
    with django_assert_num_queries(5):
        client.get(URL)
    second = program_in_state(ProgramStatus.ACTIVE, targets=("31.74.01",))
    type(second).objects.filter(pk=second.pk).update(donor_iati_ref="KR-GOV-010")
    realisation(second, 2025, shares={"31.74.01": 2_000_000})
    second.sdg_goals.set([1, 10])
    with django_assert_num_queries(5):
        client.get(URL)


def test_sdg_goals_and_targets_are_iati_tags_the_schema_accepts(client):
    program = donor_program()
    program.sdg_goals.set([1, 10])
    program.sdg_targets.set(["1.3", "10.2"])
    realisation(program, 2025, shares={"31.74.01": 1_000_000})

    response = client.get(URL)

    SCHEMA.validate(response.content)
    activity = ET.fromstring(response.content).find("iati-activity")
    tags = [(tag.get("vocabulary"), tag.get("code")) for tag in activity.findall("tag")]
    assert tags == [("2", "1"), ("2", "10"), ("3", "1.3"), ("3", "10.2")]


def test_text_pasted_with_control_characters_still_makes_a_file_the_schema_accepts(client):
    # Pasted from a word processor: XML 1.0 allows these characters nowhere, so one of them would
    # make the whole file unreadable to every donor.
    program = donor_program(description="Baris satu\x0bbaris dua\x01")
    type(program).objects.filter(pk=program.pk).update(title_en="Youth\x0csupport", donor_iati_ref="KR-GOV-010\x08")

    response = client.get(URL)

    SCHEMA.validate(response.content)
    (activity,) = ET.fromstring(response.content).findall("iati-activity")
    assert (
        activity.find("description/narrative").text
        == "Baris satu\N{REPLACEMENT CHARACTER}baris dua\N{REPLACEMENT CHARACTER}"
    )
    assert activity.find("title/narrative[2]").text == "Youth\N{REPLACEMENT CHARACTER}support"
    assert activity.find("participating-org[@role='1']").get("ref") == "KR-GOV-010\N{REPLACEMENT CHARACTER}"
