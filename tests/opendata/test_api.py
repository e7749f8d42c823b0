import pytest
from openapi_spec_validator import validate

from facilities.models import NeedStatus
from tests.factories import FacilityFactory, NeedFactory, region

pytestmark = pytest.mark.django_db

NEEDS = "/api/v1/datasets/needs"


def test_the_openapi_document_validates_and_describes_the_dataset_endpoints(client):
    document = client.get("/api/v1/openapi.json").json()

    validate(document)
    assert document["info"]["version"] == "1"
    assert {"/api/v1/datasets", "/api/v1/datasets/{slug}", "/api/v1/datasets/{slug}/columns"} <= set(document["paths"])


def test_datasets_are_listed_with_their_links(client):
    listing = client.get("/api/v1/datasets").json()

    assert [item["slug"] for item in listing] == [
        "needs",
        "facilities",
        "programs",
        "program-realisation",
        "realisation-by-sdg",
        "regional-figures",
    ]
    assert listing[0]["url"] == "http://testserver/api/v1/datasets/needs"
    assert listing[0]["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_pages_follow_each_other_without_gaps_or_repeats(client):
    needs = NeedFactory.create_batch(5)
    NeedFactory(status=NeedStatus.DRAFT)

    first = client.get(NEEDS, {"limit": 2}).json()
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()

    assert [row["id"] for page in (first, second, third) for row in page["results"]] == [n.pk for n in needs]
    assert third["next"] is None
    assert first["previous"] is None
    assert second["previous"] == "http://testserver/api/v1/datasets/needs?limit=2&offset=0"


def test_filters_carry_into_the_next_page(client):
    NeedFactory.create_batch(3, facility=FacilityFactory(region=region("62.11.01")))
    NeedFactory(facility=FacilityFactory(region=region("31.75.01")))

    page = client.get(NEEDS, {"limit": 2, "region": "62.11"}).json()

    assert page["next"].endswith("?limit=2&offset=2&region=62.11")
    assert len(client.get(page["next"]).json()["results"]) == 1


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"limit": "banyak"}, "limit"),
        ({"region": "99"}, "region"),
        ({"year": "2025"}, "year"),
    ],
    ids=["zero-limit", "limit-over-maximum", "negative-offset", "word-limit", "unknown-region", "no-year-on-needs"],
)
def test_bad_parameters_are_a_400_naming_the_parameter(client, query, field):
    response = client.get(NEEDS, query)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_unknown_dataset_is_a_404(client):
    assert client.get("/api/v1/datasets/residents").status_code == 404
    assert client.get("/api/v1/datasets/residents/columns").status_code == 404


@pytest.mark.parametrize(
    ("slug", "queries"),
    [
        ("needs", 1),
        ("facilities", 1),
        ("programs", 3),
        ("program-realisation", 2),
        ("realisation-by-sdg", 1),
        ("regional-figures", 9),
    ],
)
def test_a_page_takes_a_fixed_number_of_queries_however_many_rows(client, django_assert_num_queries, slug, queries):
    with django_assert_num_queries(queries):
        client.get(f"/api/v1/datasets/{slug}")
    NeedFactory.create_batch(4)
    with django_assert_num_queries(queries):
        client.get(f"/api/v1/datasets/{slug}", {"limit": 3})
