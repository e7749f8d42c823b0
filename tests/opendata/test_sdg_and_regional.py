"""Open data by SDG (TPB) goal and the regional figures per kecamatan (issue 27): the realisation
dataset carries its programs' goals and TJSL pillars, the realisation-by-SDG dataset sums per
year, region and goal, and the regional-figures dataset puts poor households beside CSR planned
and realised and the needs of each kecamatan, as CSV, HXL, JSON and through the API."""

import io

import hxl
import pytest
from django.urls import reverse

from facilities.models import NeedStatus
from programs.models import ProgramStatus
from tests.facilities.helpers import cover
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    PovertyFigureFactory,
    program_in_state,
    realisation,
    region,
)
from tests.opendata.conftest import csv_rows, json_body

pytestmark = pytest.mark.django_db


def url(slug: str, fmt: str) -> str:
    return reverse(f"opendata:dataset_{fmt}", kwargs={"slug": slug})


def hxl_rows(client, slug: str, query=None):
    raw = b"".join(client.get(url(slug, "hxl"), query or {}).streaming_content)
    return hxl.data(io.BytesIO(raw), hxl.InputOptions(allow_local=True, encoding="utf-8-sig")).cache()


@pytest.fixture
def pulpis():
    region("62", "Kalimantan Tengah")
    region("62.11", "Kabupaten Pulang Pisau")
    kahayan = region("62.11.01", "Kahayan Hilir")
    region("62.11.02", "Maliku")
    PovertyFigureFactory(region=kahayan, year=2024, poor_households=1000, poor_individuals=3500)
    facility = FacilityFactory(name="LKS Harapan", region=kahayan)
    need = NeedFactory(facility=facility, title="Beras", quantity=10, unit_cost=1_000_000)
    cover(need, CompanyFactory(), 4, verified=4)
    NeedFactory(facility=facility, title="Kasur", status=NeedStatus.FULFILLED)
    NeedFactory(facility=facility, title="Internal", is_public=False)
    sawit = program_in_state(ProgramStatus.ACTIVE, company=CompanyFactory(name="PT Sawit Makmur"), budget=100_000_000)
    sawit.sdg_goals.set([1, 4])
    sawit.tjsl_pillars.set(["social", "economic"])
    realisation(sawit, 2025, shares={"62.11.01": 30_000_000, "62.11.02": 10_000_000})
    sawit.realisations.get().shares.filter(region_id="62.11.01").update(households=40)
    plain = program_in_state(ProgramStatus.ACTIVE, company=CompanyFactory(name="PT Karet"), budget=0)
    realisation(plain, 2025, shares={"62.11.01": 5_000_000})
    return sawit, plain


def test_realisation_rows_carry_their_programs_sdg_goals_and_tjsl_pillars(client, pulpis):
    rows = csv_rows(client.get(url("program-realisation", "csv")))
    by_program = {(row["company"], row["adm3_code"]): row for row in rows}

    assert by_program[("PT Sawit Makmur", "62.11.01")]["sdg_goals"] == "1;4"
    assert by_program[("PT Sawit Makmur", "62.11.01")]["tjsl_pillars"] == "economic;social"
    assert by_program[("PT Karet", "62.11.01")]["sdg_goals"] == ""

    data = json_body(client.get(url("program-realisation", "json")))["data"]
    assert {tuple(row["sdg_goals"]) for row in data} == {(1, 4), ()}
    tagged = hxl_rows(client, "program-realisation")
    assert "#sector+sdg" in tagged.display_tags


def test_realisation_by_sdg_goal_sums_per_year_region_and_goal(client, pulpis):
    rows = csv_rows(client.get(url("realisation-by-sdg", "csv"), {"year": 2025}))

    summary = [(row["adm3_code"], row["sdg_goal"], row["programs"], row["amount"], row["households"]) for row in rows]
    assert summary == [
        ("62.11.01", "1", "1", "30000000", "40"),
        ("62.11.01", "4", "1", "30000000", "40"),  # a program in two goals counts in each
        ("62.11.01", "", "1", "5000000", "0"),  # PT Karet's program has no goal
        ("62.11.02", "1", "1", "10000000", "0"),
        ("62.11.02", "4", "1", "10000000", "0"),
    ]
    assert rows[0]["sdg_goal_name"] == "Tanpa Kemiskinan"
    assert csv_rows(client.get(url("realisation-by-sdg", "csv"), {"year": 2024})) == []
    goals = hxl_rows(client, "realisation-by-sdg")
    assert {"#sector+sdg+code", "#sector+sdg+name", "#value+idr", "#reached+households"} <= set(goals.display_tags)


def test_regional_figures_per_kecamatan(client, pulpis):
    rows = {row["adm3_code"]: row for row in csv_rows(client.get(url("regional-figures", "csv")))}

    assert list(rows) == ["62.11.01", "62.11.02"]
    kahayan = rows["62.11.01"]
    assert (kahayan["adm1_code"], kahayan["adm1_name"]) == ("62", "Kalimantan Tengah")
    assert (kahayan["adm2_code"], kahayan["adm2_name"]) == ("62.11", "Kabupaten Pulang Pisau")
    assert kahayan["adm3_name"] == "Kahayan Hilir"
    poverty = (kahayan["poor_households"], kahayan["poor_individuals"], kahayan["poverty_year"])
    assert poverty == ("1000", "3500", "2024")
    # Realised: 4 million delivered and verified, 30 + 5 million of programs' verified realisations.
    assert kahayan["csr_realised"] == "39000000"
    assert kahayan["realised_per_household"] == "39000"
    # Planned: the 4 million pledged and the 100 million budget of the program aimed at Kahayan Hilir.
    assert kahayan["csr_planned"] == "104000000"
    assert kahayan["households_reached"] == "40"
    # Public needs only: Beras (open) and Kasur (fulfilled); the internal need is not counted.
    assert (kahayan["needs_open"], kahayan["needs_fulfilled"], kahayan["needs_open_value"]) == ("1", "1", "6000000")
    maliku = rows["62.11.02"]
    assert (maliku["poor_households"], maliku["realised_per_household"], maliku["csr_realised"]) == ("", "", "10000000")


def test_regional_figures_as_hxl_json_and_api(client, pulpis):
    figures = hxl_rows(client, "regional-figures", {"region": "62.11.01"})
    for tag in ("#adm1+code", "#adm2+code", "#adm3+code", "#adm3+name", "#reached+households", "#value+idr+realised"):
        assert tag in figures.display_tags
    assert [row.get("#adm3+code") for row in figures] == ["62.11.01"]

    data = json_body(client.get(url("regional-figures", "json"), {"year": 2025}))
    assert data["filters"] == {"year": 2025}
    assert data["data"][0]["poor_households"] == 1000

    page = client.get("/api/v1/datasets/regional-figures", {"limit": 1}).json()
    assert [row["adm3_code"] for row in page["results"]] == ["62.11.01"]
    assert page["next"].endswith("offset=1")
    metadata = client.get(reverse("opendata:dataset_metadata", kwargs={"slug": "regional-figures"})).json()
    assert metadata["satu_data"]["kode_referensi"].startswith("Kode wilayah Kemendagri")
    catalog = client.get(reverse("opendata:catalog_json")).json()
    assert "regional-figures" in [dataset["identifier"] for dataset in catalog["dataset"]]


@pytest.mark.parametrize("query", [{"year": "1999"}, {"region": "99"}, {"region": "62.11", "month": "3"}])
def test_bad_filters_of_the_regional_figures_are_a_400(client, pulpis, query):
    response = client.get(url("regional-figures", "csv"), query)

    assert response.status_code == 400
    assert response.json()["errors"]


def test_programs_dataset_lists_registered_public_programs_with_goals_pillars_fields_and_targets(client, pulpis):
    program_in_state(ProgramStatus.SUBMITTED, company=CompanyFactory(), title="Usulan belum terdaftar")

    rows = {row["company"]: row for row in csv_rows(client.get(url("programs", "csv")))}

    assert list(rows) == ["PT Sawit Makmur", "PT Karet"]  # not the program awaiting registration
    row = rows["PT Sawit Makmur"]
    assert (row["company"], row["budget"], row["sdg_goals"], row["tjsl_pillars"]) == (
        "PT Sawit Makmur",
        "100000000",
        "1;4",
        "economic;social",
    )
    assert row["target_regions"] == "62.11.01" and row["sectors"] == "ekonomi-kerakyatan"
    data = json_body(client.get(url("programs", "json"), {"region": "62.11.01"}))["data"]
    assert {tuple(item["sdg_goals"]) for item in data} == {(1, 4), ()}
    assert csv_rows(client.get(url("programs", "csv"), {"region": "62.11.02"})) == []
    assert "#sector+sdg" in hxl_rows(client, "programs").display_tags
