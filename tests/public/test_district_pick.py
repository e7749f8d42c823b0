"""A visitor picks a kecamatan in one submit: the needs and facilities filters offer the
districts that hold a published facility, grouped by regency, before the province > regency >
district selects; the district picked wins over what those selects still say."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from tests.factories import FacilityFactory, NeedFactory, region

pytestmark = pytest.mark.django_db

NEEDS = reverse("facilities:need_list")
FACILITIES = reverse("facilities:facility_list")


@pytest.fixture
def places():
    region("31", "DKI Jakarta")
    region("31.74", "Kota Jakarta Selatan")
    region("62", "Kalimantan Tengah")
    region("62.11", "Kabupaten Pulang Pisau")
    kahayan = FacilityFactory(name="LKS Kahayan", region=region("62.11.05", "Kahayan Hilir"))
    tebet = FacilityFactory(name="PSBR Taruna Jaya", region=region("31.74.01", "Tebet"))
    FacilityFactory(name="Belum terbit", region=region("31.74.09", "Jagakarsa"), is_published=False)
    region("62.11.02", "Maliku")  # no facility: not offered
    NeedFactory(facility=kahayan, title="Popok dewasa")
    NeedFactory(facility=tebet, title="Kasur busa")
    return kahayan, tebet


@pytest.mark.parametrize("url", [NEEDS, FACILITIES])
def test_the_filters_offer_the_districts_with_facilities_grouped_by_regency(client, places, url):
    html = client.get(url).content.decode()
    pick = html.split('<select name="region" id="id_region_pick"', 1)[1].split("</select>", 1)[0]
    assert '<optgroup label="Kota Jakarta Selatan"><option value="31.74.01">Tebet</option></optgroup>' in pick
    assert '<optgroup label="Kabupaten Pulang Pisau"><option value="62.11.05">Kahayan Hilir</option></optgroup>' in pick
    assert "Jagakarsa" not in pick and "Maliku" not in pick
    assert "selected" not in pick
    # Before the cascade, so that its value is the first sent.
    assert html.index('id="id_region_pick"') < html.index('id="id_region_province"')


def test_one_submit_filters_by_the_district_picked_even_with_another_province_chosen_below(client, places):
    # What the form sends after a visitor who had chosen Jakarta picks Kahayan Hilir.
    response = client.get(NEEDS, {"region": ["62.11.05", "31", "31.74", ""]})
    assert [need.title for need in response.context["needs"]] == ["Popok dewasa"]
    html = response.content.decode()
    assert '<option value="62.11.05" selected>Kahayan Hilir</option>' in html  # the cascade shows it
    facilities = client.get(FACILITIES, {"region": ["31.74.01", "62", "", ""]})
    assert [facility.name for facility in facilities.context["facilities"]] == ["PSBR Taruna Jaya"]


def test_without_a_pick_the_cascade_works_as_before(client, places):
    response = client.get(NEEDS, {"region": ["", "31", "31.74", ""]})
    assert [need.title for need in response.context["needs"]] == ["Kasur busa"]


def test_the_partner_portals_needs_form_has_no_district_pick():
    html = Template("{% load public_site %}{% district_pick %}").render(Context({}))
    assert html == ""
