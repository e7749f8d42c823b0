"""A visitor picks a kecamatan in one submit: choosing a province or a regency/city fills the
next region select at once from ``/regions/children.json`` (static/js/filters.js); the page
itself carries only the levels chosen, however many districts the country has. Without
JavaScript, each submit offers the next level (tests/public/test_public_pages.py)."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from tests.factories import FacilityFactory, NeedFactory, region

pytestmark = pytest.mark.django_db

CHILDREN = reverse("facilities:region_children")
NEEDS = reverse("facilities:need_list")


@pytest.fixture
def places():
    region("31", "DKI Jakarta")
    region("31.74", "Kota Jakarta Selatan")
    region("31.71", "Kota Jakarta Pusat")
    region("62", "Kalimantan Tengah")
    region("62.11", "Kabupaten Pulang Pisau")
    region("62.01", "Kabupaten Kotawaringin Barat")
    region("62.11.05", "Kahayan Hilir")
    region("62.11.02", "Maliku")
    region("31.74.01", "Tebet")


def test_the_regencies_of_a_province_and_the_districts_of_a_regency_by_code(client, places):
    assert client.get(CHILDREN, {"parent": "31"}).json() == [
        {"code": "31.71", "name": "Kota Jakarta Pusat"},
        {"code": "31.74", "name": "Kota Jakarta Selatan"},
    ]
    assert client.get(CHILDREN, {"parent": "62.11"}).json() == [
        {"code": "62.11.02", "name": "Maliku"},
        {"code": "62.11.05", "name": "Kahayan Hilir"},
    ]
    assert client.get(CHILDREN, {"parent": "62.11.05"}).json() == []  # villages are not offered
    assert client.get(CHILDREN, {"parent": "99"}).json() == []


def test_within_an_area_only_its_regions_are_offered(client, places):
    # A regency's staff: of its province only the regency; of the regency every district.
    assert client.get(CHILDREN, {"parent": "62", "within": "62.11"}).json() == [
        {"code": "62.11", "name": "Kabupaten Pulang Pisau"}
    ]
    assert [row["code"] for row in client.get(CHILDREN, {"parent": "62.11", "within": "62.11"}).json()] == [
        "62.11.02",
        "62.11.05",
    ]
    assert client.get(CHILDREN, {"parent": "31", "within": "62.11"}).json() == []


@pytest.mark.parametrize(
    "query",
    [{}, {"parent": ""}, {"parent": "jakarta"}, {"parent": "62.11.5"}, {"parent": "62", "within": "x"}],
    ids=["nothing", "empty", "a word", "a malformed code", "a bad area"],
)
def test_a_bad_question_gets_a_400(client, places, query):
    response = client.get(CHILDREN, query)
    assert response.status_code == 400
    assert "Pilih wilayah dari daftar" in response.content.decode()


def test_the_answer_is_kept_for_anonymous_visitors_until_the_regions_change(client, places, django_assert_num_queries):
    client.get(CHILDREN, {"parent": "31"})
    with django_assert_num_queries(0):
        assert len(client.get(CHILDREN, {"parent": "31"}).json()) == 2
    region("31.75", "Kota Jakarta Timur")
    assert [row["code"] for row in client.get(CHILDREN, {"parent": "31"}).json()] == ["31.71", "31.74", "31.75"]


def test_the_listing_carries_only_the_levels_chosen(client, places):
    NeedFactory(facility=FacilityFactory(region=region("62.11.05")), title="Popok dewasa")
    html = client.get(NEEDS).content.decode()
    # Every province, and two empty selects waiting for a choice: no district of the country.
    assert '<select name="region" id="id_region_regency" disabled>' in html
    assert '<select name="region" id="id_region_district" disabled>' in html
    assert "Kahayan Hilir</option>" not in html and "Kabupaten Pulang Pisau</option>" not in html
    assert f'data-region-children="{CHILDREN}"' in html
    html = client.get(NEEDS, {"region": "62.11.05"}).content.decode()
    assert '<option value="62.11.05" selected>Kahayan Hilir</option>' in html
    assert '<option value="62.11.02">Maliku</option>' in html


def test_a_staff_report_asks_for_the_children_within_its_area():
    html = Template("{% load portal %}{% region_filter %}").render(Context({"region_within": "62.11"}))
    assert f'data-region-children="{CHILDREN}?within=62.11"' in html
