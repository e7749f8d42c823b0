"""Agency tokens read the realisation reports of their own agency's programs (verified or not,
with rupiah per kecamatan); the public and other agencies' tokens never do."""

import pytest
from openapi_spec_validator import validate

from opendata.services import api_token_issue, api_token_revoke
from programs.models import RealisationStatus
from tests.factories import CompanyFactory, ProgramFactory, StaffFactory, agency, realisation

pytestmark = pytest.mark.django_db

URL = "/api/v1/agency/realisations"


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def programs():
    pulpis, jakarta = agency("62.11"), agency("31")
    mine = ProgramFactory(title="Beasiswa Kahayan", agency=pulpis, company=CompanyFactory(name="PT Sawit"))
    realisation(mine, 2025, 1, shares={"62.11.01": 30_000_000, "62.11.05": 20_000_000})
    realisation(mine, 2025, 2, shares={"62.11.01": 7_000_000}, status=RealisationStatus.SUBMITTED)
    theirs = ProgramFactory(title="Program Jakarta", agency=jakarta)
    realisation(theirs, 2025, 1, shares={"31.75.01": 99_000_000})
    return pulpis, jakarta


def test_a_token_reads_its_agencys_realisation_per_program_verified_and_not(client, programs):
    pulpis, _ = programs
    _, secret = api_token_issue(agency=pulpis, name="Bappeda", actor=StaffFactory(agency=pulpis))

    response = client.get(URL, **bearer(secret))

    assert response.status_code == 200
    results = response.json()["results"]
    assert [(row["program"], row["quarter"], row["status"]) for row in results] == [
        ("Beasiswa Kahayan", 2, "submitted"),
        ("Beasiswa Kahayan", 1, "verified"),
    ]
    assert results[1]["company"] == "PT Sawit"
    assert results[1]["amount"] == 50_000_000
    assert [(r["code"], r["amount"]) for r in results[1]["regions"]] == [
        ("62.11.01", 30_000_000),
        ("62.11.05", 20_000_000),
    ]


def test_another_agencys_programs_never_appear(client, programs):
    _, jakarta = programs
    _, secret = api_token_issue(agency=jakarta, name="SIKS DKI", actor=StaffFactory(agency=jakarta))

    text = client.get(URL, **bearer(secret)).content.decode()

    assert "Program Jakarta" in text
    assert "Beasiswa Kahayan" not in text and "62.11" not in text


def test_the_public_gets_no_agency_realisation(client, programs):
    assert client.get(URL).status_code == 401
    # The public dataset has the verified report only: the one awaiting verification stays out.
    public = client.get("/api/v1/datasets/program-realisation").json()["results"]
    assert sorted(row["amount"] for row in public if row["program"] == "Beasiswa Kahayan") == [20_000_000, 30_000_000]


@pytest.mark.parametrize("header", ["Bearer unknown-secret", "Basic abc"], ids=["unknown", "other-scheme"])
def test_an_unknown_token_is_a_401(client, programs, header):
    assert client.get(URL, HTTP_AUTHORIZATION=header).status_code == 401


def test_a_revoked_token_is_a_401(client, programs):
    pulpis, _ = programs
    staff = StaffFactory(agency=pulpis)
    token, secret = api_token_issue(agency=pulpis, name="x", actor=staff)
    assert client.get(URL, **bearer(secret)).status_code == 200

    api_token_revoke(token=token, actor=staff)

    assert client.get(URL, **bearer(secret)).status_code == 401


def test_year_filter_paging_and_bad_input(client, programs, django_assert_num_queries):
    pulpis, _ = programs
    _, secret = api_token_issue(agency=pulpis, name="x", actor=StaffFactory(agency=pulpis))

    # The token, recording its use, the page, its shares.
    with django_assert_num_queries(4):
        page = client.get(URL, {"limit": 1}, **bearer(secret)).json()
    assert len(page["results"]) == 1 and "offset=1" in page["next"]
    assert client.get(URL, {"year": 2024}, **bearer(secret)).json()["results"] == []
    bad = client.get(URL, {"year": "kemarin"}, **bearer(secret))
    assert bad.status_code == 400 and "year" in bad.json()["errors"]


def test_the_openapi_document_describes_the_agency_realisations_with_its_token(client):
    document = client.get("/api/v1/openapi.json").json()

    validate(document)
    operation = document["paths"]["/api/v1/agency/realisations"]["get"]
    assert operation["security"] == [{"AgencyToken": []}]
    assert {parameter["name"] for parameter in operation["parameters"]} == {"limit", "offset", "year"}
    assert client.get("/api/v1/docs").status_code == 200
