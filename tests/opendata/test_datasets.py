import datetime

import pytest
from django.urls import reverse

from agencies.models import Agency
from facilities.models import NeedStatus
from programs.models import ProgramStatus, RealisationStatus
from tests.facilities.helpers import cover
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, program_in_state, realisation, region
from tests.opendata.conftest import body, csv_rows, json_body

pytestmark = pytest.mark.django_db


def url(slug: str, fmt: str) -> str:
    return reverse(f"opendata:dataset_{fmt}", kwargs={"slug": slug})


def jakarta_facility(**kwargs):
    region("31", "DKI Jakarta")
    region("31.75", "Kota Jakarta Timur")
    return FacilityFactory(region=region("31.75.01", "Pasar Rebo"), **kwargs)


def test_needs_csv_lists_only_public_needs_with_region_levels_and_values(client):
    facility = jakarta_facility(name="PSBR Taruna Jaya 1", slug="psbr-taruna-jaya-1")
    need = NeedFactory(facility=facility, title="Kasur busa", quantity=40, unit_cost=1_250_000)
    cover(need, CompanyFactory(), 25, verified=10)
    NeedFactory(title="Internal", is_public=False)
    NeedFactory(title="Draft", status=NeedStatus.DRAFT)
    NeedFactory(title="Hidden facility", facility=FacilityFactory(is_published=False))

    response = client.get(url("needs", "csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="needs.csv"'
    rows = csv_rows(response)
    assert [row["title"] for row in rows] == ["Kasur busa"]
    row = rows[0]
    assert (row["adm1_code"], row["adm1_name"]) == ("31", "DKI Jakarta")
    assert (row["adm2_code"], row["adm2_name"]) == ("31.75", "Kota Jakarta Timur")
    assert (row["adm3_code"], row["adm3_name"], row["region_code"]) == ("31.75.01", "Pasar Rebo", "31.75.01")
    assert (row["quantity"], row["quantity_covered"], row["quantity_delivered"], row["quantity_remaining"]) == (
        "40",
        "25",
        "10",
        "15",
    )
    assert (row["estimated_value"], row["delivered_value"]) == ("50000000", "12500000")
    assert row["facility_url"] == "http://testserver/facilities/psbr-taruna-jaya-1/"


def test_facilities_dataset_shows_no_contacts_heads_or_residents(client):
    jakarta_facility(name="PSAA Putra Utama", head_name="Ibu Kepala Rahasia", contact_phone="021-5550001")
    FacilityFactory(name="Unpublished", is_published=False)

    text = body(client.get(url("facilities", "csv")))

    assert "PSAA Putra Utama" in text
    assert "Unpublished" not in text
    assert "Rahasia" not in text and "021-5550001" not in text
    assert "residents" not in text.splitlines()[0]


def test_needs_json_streams_valid_json_with_the_same_rows_and_its_metadata_link(client):
    need = NeedFactory(facility=jakarta_facility(), title="Mesin las")

    response = client.get(url("needs", "json"), {"region": "31.75"})

    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json_body(response)
    assert data["filters"] == {"region": "31.75"}
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["metadata"] == "http://testserver/data/needs/metadata.json"
    assert [(row["id"], row["title"], row["adm2_code"]) for row in data["data"]] == [(need.pk, "Mesin las", "31.75")]


def test_region_filter_takes_the_region_and_everything_below_it(client):
    NeedFactory(facility=jakarta_facility(), title="Jakarta")
    NeedFactory(facility=FacilityFactory(region=region("62.11.01", "Kahayan Hilir")), title="Pulang Pisau")

    assert [row["title"] for row in csv_rows(client.get(url("needs", "csv"), {"region": "62.11"}))] == ["Pulang Pisau"]
    assert [row["title"] for row in csv_rows(client.get(url("needs", "csv"), {"region": "31"}))] == ["Jakarta"]


def _verified_program(company_name: str, targets=("62.11.01",)):
    program = program_in_state(ProgramStatus.ACTIVE, company=CompanyFactory(name=company_name), targets=targets)
    return program


def test_program_realisation_counts_verified_reports_per_kecamatan_of_listed_agencies(client):
    region("62", "Kalimantan Tengah")
    region("62.11", "Kabupaten Pulang Pisau")
    program = _verified_program("PT Sawit Makmur")
    realisation(program, 2025, shares={"62.11.01": 30_000_000, "62.11.02": 20_000_000})
    realisation(program, 2025, 1, shares={"62.11.01": 5_000_000}, status=RealisationStatus.SUBMITTED)
    realisation(program, 2024, shares={"62.11.01": 7_000_000})
    hidden_program = _verified_program("PT Tersembunyi", targets=("31.75.01",))
    Agency.objects.filter(pk=hidden_program.agency_id).update(is_public=False)
    realisation(hidden_program, 2025, shares={"31.75.01": 9_000_000})

    rows = csv_rows(client.get(url("program-realisation", "csv"), {"year": "2025"}))

    assert [(row["company"], row["adm3_code"], row["amount"]) for row in rows] == [
        ("PT Sawit Makmur", "62.11.01", "30000000"),
        ("PT Sawit Makmur", "62.11.02", "20000000"),
    ]
    assert (rows[0]["adm1_name"], rows[0]["adm2_name"], rows[0]["year"], rows[0]["quarter"]) == (
        "Kalimantan Tengah",
        "Kabupaten Pulang Pisau",
        "2025",
        "0",
    )


def test_program_realisation_leaves_out_programs_no_longer_registered(client):
    program = _verified_program("PT Batal")
    realisation(program, 2025, shares={"62.11.01": 1_000_000})
    type(program).objects.filter(pk=program.pk).update(status=ProgramStatus.CANCELLED)

    assert csv_rows(client.get(url("program-realisation", "csv"))) == []


@pytest.mark.parametrize(
    ("slug", "query", "field"),
    [
        ("needs", {"region": "31.7"}, "region"),
        ("needs", {"region": "99"}, "region"),
        ("needs", {"region": "<script>"}, "region"),
        ("needs", {"year": "2025"}, "year"),
        ("needs", {"colour": "red"}, "colour"),
        ("program-realisation", {"year": "dua ribu"}, "year"),
        ("program-realisation", {"year": "1800"}, "year"),
    ],
    ids=["short-code", "unknown-region", "markup", "no-year-on-needs", "unknown-filter", "word-year", "old-year"],
)
@pytest.mark.parametrize("fmt", ["csv", "hxl", "json"])
def test_bad_filter_is_a_400_that_names_the_filter(client, slug, query, field, fmt):
    response = client.get(url(slug, fmt), query)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


@pytest.mark.parametrize("fmt", ["csv", "hxl", "json", "metadata"])
def test_unknown_dataset_is_a_404(client, fmt):
    assert client.get(url("residents", fmt)).status_code == 404


def test_dates_are_iso_in_json(client):
    NeedFactory(needed_by=datetime.date(2026, 3, 1))

    assert json_body(client.get(url("needs", "json")))["data"][0]["needed_by"] == "2026-03-01"


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(client):
    NeedFactory(title="=HYPERLINK(1)")

    assert csv_rows(client.get(url("needs", "csv")))[0]["title"] == "'=HYPERLINK(1)"
