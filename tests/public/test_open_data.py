import csv
import io

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from facilities.models import NeedStatus
from public import opendata, views
from tests.facilities.helpers import cover, grow
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, field, region

pytestmark = pytest.mark.django_db

CSV_URL = reverse("facilities:needs_csv")
JSON_URL = reverse("facilities:needs_json")


def csv_rows(response) -> list[dict[str, str]]:
    assert isinstance(response, StreamingHttpResponse)
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs for UTF-8
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_lists_public_open_needs_with_their_figures(client):
    facility = FacilityFactory(name="PSBR Taruna Jaya 1", slug="psbr-taruna-jaya-1", region=region("31.75.01"))
    need = NeedFactory(facility=facility, title="Kasur busa", quantity=40, unit_cost=1_250_000)
    cover(need, CompanyFactory(), 25, verified=10)
    NeedFactory(title="Internal", is_public=False)
    NeedFactory(title="Draft", status=NeedStatus.DRAFT)
    NeedFactory(title="Hidden facility", facility=FacilityFactory(is_published=False))

    response = client.get(CSV_URL)
    rows = csv_rows(response)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="needs.csv"' in response["Content-Disposition"]
    assert [row["title"] for row in rows] == ["Kasur busa"]
    row = rows[0]
    assert row["url"] == f"http://testserver/needs/{need.pk}/"
    assert row["facility_url"] == "http://testserver/facilities/psbr-taruna-jaya-1/"
    assert (row["facility"], row["region_code"]) == ("PSBR Taruna Jaya 1", "31.75.01")
    assert (row["quantity"], row["quantity_covered"], row["quantity_delivered"], row["quantity_remaining"]) == (
        "40",
        "25",
        "10",
        "15",
    )
    assert (row["estimated_value"], row["remaining_value"]) == ("50000000", "18750000")
    assert list(rows[0]) == list(opendata.COLUMNS)


def test_csv_takes_the_filters_of_the_listing(client):
    NeedFactory(
        title="Pendidikan Jakarta", field=field("pendidikan"), facility=FacilityFactory(region=region("31.75.01"))
    )
    NeedFactory(
        title="Kesehatan Jakarta", field=field("kesehatan"), facility=FacilityFactory(region=region("31.75.01"))
    )
    NeedFactory(
        title="Pendidikan Kalteng", field=field("pendidikan"), facility=FacilityFactory(region=region("62.11.01"))
    )

    rows = csv_rows(client.get(CSV_URL, {"field": "pendidikan", "region": "31"}))

    assert [row["title"] for row in rows] == ["Pendidikan Jakarta"]


@pytest.mark.parametrize(
    "trigger", ["=", "+", "-", "@", "\t", "\r"], ids=["equals", "plus", "minus", "at", "tab", "cr"]
)
def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_escaped(client, trigger):
    payload = f'{trigger}HYPERLINK("http://evil.example","klik")'
    NeedFactory(title=payload, unit=f"{trigger}1+1", facility=FacilityFactory(name=f"{trigger}cmd|' /C calc'!A0"))

    row = csv_rows(client.get(CSV_URL))[0]

    assert row["title"] == "'" + payload
    assert row["unit"] == f"'{trigger}1+1"
    assert row["facility"].startswith(f"'{trigger}cmd")


def test_csv_safe_leaves_numbers_and_ordinary_text_alone():
    assert opendata.csv_safe(-5) == -5
    assert opendata.csv_safe("Kasur busa") == "Kasur busa"
    assert opendata.csv_safe("") == ""


def test_json_pages_through_the_matching_needs(client, monkeypatch):
    monkeypatch.setattr(views, "JSON_PAGE_SIZE", 2)
    for index in range(5):
        NeedFactory(title=f"Need {index}", field=field("pendidikan"))
    NeedFactory(title="Other field", field=field("kesehatan"))

    first = client.get(JSON_URL, {"field": "pendidikan"}).json()
    last = client.get(JSON_URL, {"field": "pendidikan", "page": "3"}).json()

    assert len(first["results"]) == 2
    assert first["next"] == "http://testserver/needs.json?field=pendidikan&page=2"
    assert first["previous"] is None
    assert len(last["results"]) == 1
    assert last["next"] is None
    assert last["previous"] == "http://testserver/needs.json?field=pendidikan&page=2"
    titles = {
        row["title"]
        for page in (1, 2, 3)
        for row in client.get(JSON_URL, {"field": "pendidikan", "page": page}).json()["results"]
    }
    assert titles == {f"Need {index}" for index in range(5)}


def test_json_reports_invalid_filters_and_bad_pages(client):
    NeedFactory()

    body = client.get(JSON_URL, {"priority": "urgentest"}).json()
    assert set(body["errors"]) == {"priority"}
    assert len(body["results"]) == 1
    assert client.get(JSON_URL, {"page": "abc"}).status_code == 400
    assert client.get(JSON_URL, {"page": "0"}).status_code == 404
    assert client.get(JSON_URL, {"page": str(10**30)}).status_code == 404


@pytest.mark.parametrize("size", [2, 12], ids=["small", "larger"])
def test_open_data_keeps_its_query_count_as_data_grows(client, django_assert_num_queries, size):
    grow(size)

    # the field choices that validate the filters, then the rows (read in chunks by one cursor)
    with django_assert_num_queries(2):
        rows = csv_rows(client.get(CSV_URL, {"status": "all"}))
    assert len(rows) == 3 * size
    # the field choices, then the page of rows
    with django_assert_num_queries(2):
        assert len(client.get(JSON_URL, {"status": "all"}).json()["results"]) == 3 * size
