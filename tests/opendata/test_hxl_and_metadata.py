import io

import hxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opendata.datasets import DATASETS
from programs.models import ProgramStatus
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, program_in_state, realisation, region
from tests.opendata.conftest import body

pytestmark = pytest.mark.django_db


def hxl_dataset(client, slug: str, query=None):
    response = client.get(reverse("opendata:dataset_hxl", kwargs={"slug": slug}), query or {})
    assert response["Content-Disposition"] == f'attachment; filename="{slug}.hxl.csv"'
    # libhxl reads the bytes as served (UTF-8 with the byte order mark Excel needs).
    raw = b"".join(response.streaming_content)
    return hxl.data(io.BytesIO(raw), hxl.InputOptions(allow_local=True, encoding="utf-8-sig")).cache()


def some_of_everything():
    region("62", "Kalimantan Tengah")
    region("62.11", "Kabupaten Pulang Pisau")
    facility = FacilityFactory(name="LKS Harapan", region=region("62.11.01", "Kahayan Hilir"))
    NeedFactory(facility=facility, title="Beras", quantity=10, unit_cost=150_000)
    program = program_in_state(ProgramStatus.ACTIVE, company=CompanyFactory(name="PT Sawit Makmur"))
    realisation(program, 2025, shares={"62.11.01": 30_000_000})


@pytest.mark.parametrize("slug", list(DATASETS))
def test_each_hxl_csv_parses_with_libhxl_with_the_declared_hashtags(client, slug):
    some_of_everything()

    data = hxl_dataset(client, slug)

    assert [column.display_tag for column in data.columns] == [column.hxl for column in DATASETS[slug].columns]
    assert [column.header for column in data.columns] == DATASETS[slug].column_names
    rows = list(data)
    assert len(rows) == 1
    if slug == "programs":  # one row per program: its target regions' codes in one cell
        assert rows[0].get("#loc+code+targets") == "62.11.01"
        return
    assert rows[0].get("#adm1+code") == "62"
    assert rows[0].get("#adm2+name") == "Kabupaten Pulang Pisau"
    assert rows[0].get("#adm3+code") == "62.11.01"
    assert rows[0].get("#adm3+name") == "Kahayan Hilir"


def test_hxl_values_read_by_tag(client):
    some_of_everything()

    needs = list(hxl_dataset(client, "needs"))
    realised = list(hxl_dataset(client, "program-realisation", {"year": "2025"}))

    assert needs[0].get("#value+idr+needed") == "1500000"
    assert needs[0].get("#org+name") == "LKS Harapan"
    assert needs[0].get("#sector+code") == "kesehatan"
    assert realised[0].get("#org+name+impl") == "PT Sawit Makmur"
    assert realised[0].get("#value+idr") == "30000000"
    assert realised[0].get("#reached+households") == "0"


def test_catalog_json_lists_every_dataset_with_licence_producer_and_downloads(client, settings):
    settings.AGENCY_NAME = "Dinas Sosial Kabupaten Pulang Pisau"

    catalog = client.get(reverse("opendata:catalog_json")).json()

    assert [dataset["identifier"] for dataset in catalog["dataset"]] == list(DATASETS)
    needs = catalog["dataset"][0]
    assert needs["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert needs["publisher"]["name"] == "Dinas Sosial Kabupaten Pulang Pisau"
    assert needs["satu_data"]["produsen_data"] == "Dinas Sosial Kabupaten Pulang Pisau"
    assert needs["satu_data"]["frekuensi_pemutakhiran"]
    assert "Kemendagri" in needs["satu_data"]["kode_referensi"]
    assert {d["downloadURL"] for d in needs["distribution"]} == {
        "http://testserver/data/needs.csv",
        "http://testserver/data/needs.hxl.csv",
        "http://testserver/data/needs.json",
    }
    assert {"name": "adm3_code", "hxl": "#adm3+code", "type": "string"}.items() <= {
        key: value for column in needs["columns"] if column["name"] == "adm3_code" for key, value in column.items()
    }.items()


def test_dataset_metadata_is_the_catalogs_entry(client):
    catalog = client.get(reverse("opendata:catalog_json")).json()
    metadata = client.get(reverse("opendata:dataset_metadata", kwargs={"slug": "program-realisation"})).json()

    assert metadata == catalog["dataset"][list(DATASETS).index("program-realisation")]
    assert metadata["filters"] == ["region", "year"]


def test_catalogue_page_lists_datasets_with_licence_and_links_and_the_footer_links_it(client):
    response = client.get(reverse("opendata:catalogue"))

    assert response.status_code == 200
    page = response.content.decode()
    for slug, dataset in DATASETS.items():
        assert f'href="/data/{slug}.csv"' in page
        assert f'href="/data/{slug}.hxl.csv"' in page
        assert f'href="/data/{slug}.json"' in page
        assert str(dataset.title) in page
    assert "CC BY 4.0" in page
    assert 'href="/data/"' in client.get(reverse("home")).content.decode()


def _queries(client, path: str, query: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, query)
        if hasattr(response, "streaming_content"):
            body(response)
    return len(queries)


def _grow():
    facility = FacilityFactory(region=region("62.11.02", "Maliku"))
    NeedFactory.create_batch(3, facility=facility)
    FacilityFactory.create_batch(2, region=region("62.11.01"))
    program = program_in_state(ProgramStatus.ACTIVE, company=CompanyFactory(), targets=("62.11.02",))
    realisation(program, 2025, shares={"62.11.01": 1_000_000, "62.11.02": 2_000_000})


@pytest.mark.parametrize("fmt", ["csv", "hxl", "json"])
@pytest.mark.parametrize(
    ("slug", "query", "expected"),
    [
        ("needs", {}, 1),
        ("facilities", {}, 1),
        # The rows, and the SDG goals and TJSL pillars of their programs.
        ("program-realisation", {}, 2),
        # The programs, their goals and pillars, their fields and targets.
        ("programs", {}, 3),
        ("programs", {"region": "62.11", "year": "2025"}, 4),
        ("realisation-by-sdg", {}, 1),
        # The kecamatan, the needs, the households reached, and the six of the report's figures.
        ("regional-figures", {}, 9),
        # Checking that the region exists is one more.
        ("needs", {"region": "62.11"}, 2),
        ("program-realisation", {"region": "62.11", "year": "2025"}, 3),
        ("realisation-by-sdg", {"region": "62.11", "year": "2025"}, 2),
        ("regional-figures", {"region": "62.11", "year": "2025"}, 10),
    ],
)
def test_dataset_files_take_a_fixed_number_of_queries_as_data_grows(
    client, django_assert_num_queries, fmt, slug, query, expected
):
    some_of_everything()
    path = reverse(f"opendata:dataset_{fmt}", kwargs={"slug": slug})
    with django_assert_num_queries(expected):
        body(client.get(path, query))
    _grow()
    with django_assert_num_queries(expected):
        body(client.get(path, query))


@pytest.mark.parametrize("name", ["opendata:catalogue", "opendata:catalog_json"])
def test_catalogue_and_catalog_json_read_no_data_whatever_its_size(client, django_assert_num_queries, name):
    # The list of datasets is code, not data: growing data adds no query.
    client.get(reverse(name))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse(name))
    some_of_everything()
    _grow()
    with django_assert_num_queries(len(before)):
        client.get(reverse(name))
    assert len(before) == 0
