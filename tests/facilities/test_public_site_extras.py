"""What a shared public page adds: English content, units, honest progress, the map's data,
sharing links, error pages, robots.txt, the sitemap, the favicon and compressed HTML."""

import datetime
import gzip
import json
import re

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from csrportal.settings import tile_origin
from facilities.units import unit_label
from matching.models import PledgeStatus
from tests.facilities.helpers import cover
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, pledge_in_state

pytestmark = pytest.mark.django_db

NEEDS = reverse("facilities:need_list")
FACILITIES = reverse("facilities:facility_list")
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


# --- content in two languages -------------------------------------------------------------------


def test_english_readers_see_the_english_title_description_and_units(client):
    need = NeedFactory(
        title="Kasur busa", title_en="Foam mattresses", description="Kasur 90×200", description_en="Mattresses 90×200"
    )
    NeedFactory(title="Pelatihan las", unit="orang", quantity=25)

    listing = client.get(NEEDS, **EN).content.decode()
    page = client.get(need.get_absolute_url(), **EN).content.decode()

    assert "Foam mattresses" in listing
    assert "40 pieces needed" in listing
    assert "25 people needed" in listing
    assert "<title>Foam mattresses · " in page
    assert "Mattresses 90×200" in page
    assert "Kasur 90×200" not in page


def test_indonesian_readers_see_the_indonesian_text_and_units_as_typed(client):
    need = NeedFactory(title="Kasur busa", title_en="Foam mattresses")
    page = client.get(need.get_absolute_url()).content.decode()
    assert "<h1><span>Kasur busa</span></h1>" in page
    assert "40 buah" in page
    assert "(dalam bahasa Indonesia)" not in page


def test_english_readers_are_told_when_text_exists_only_in_indonesian(client):
    need = NeedFactory(title="Kasur busa", description="Kasur 90×200")
    page = client.get(need.get_absolute_url(), **EN).content.decode()
    assert '<h1><span lang="id">Kasur busa</span> <span class="untranslated">(in Indonesian)</span></h1>' in page
    assert '<div class="description" lang="id"><p class="untranslated" lang="en">(in Indonesian)</p>' in page


def test_facility_background_in_english_with_the_marker_where_it_is_missing(client):
    facility = FacilityFactory(background="Latar", background_en="Background text", intervention_programs="Program")
    page = client.get(facility.get_absolute_url(), **EN).content.decode()
    assert "Background text" in page
    assert "Latar" not in page
    assert re.search(r'<section aria-labelledby="programs-title" lang="id">.*\(in Indonesian\)', page, re.S)


@pytest.mark.parametrize(
    ("unit", "quantity", "shown"),
    [
        ("orang", 25, "people"),
        ("orang", 1, "person"),
        ("Paket", 3, "packages"),
        ("m²", 120, "m²"),
        ("kali", 4, "sessions"),
        ("bulan", 6, "months"),
        ("ekor", 10, "ekor"),
    ],
)
def test_units_are_a_small_translated_vocabulary(unit, quantity, shown):
    with translation.override("en"):
        assert unit_label(unit, quantity) == shown
    with translation.override("id"):
        assert unit_label(unit, quantity) == unit


# --- honest progress ----------------------------------------------------------------------------


def test_offers_awaiting_dinsos_show_beside_covered_and_delivered(client):
    need = NeedFactory(quantity=5)
    pledge_in_state(PledgeStatus.OFFERED, need=need, quantity=5)

    listing = client.get(NEEDS, **EN).content.decode()
    page = client.get(need.get_absolute_url(), **EN).content.decode()

    assert "Offered, awaiting Dinsos 5 (100%)" in listing
    assert 'class="bar-pending w-100 from-0"' in listing
    assert "Offers for 5 pieces are awaiting confirmation by Dinas Sosial." in page
    assert "No partner has pledged to this need yet." not in page


def test_no_partner_yet_only_when_nobody_offered(client):
    need = NeedFactory()
    assert "No partner has pledged to this need yet." in client.get(need.get_absolute_url(), **EN).content.decode()


def test_a_fully_covered_need_offers_the_facilitys_other_needs_instead_of_the_form(client):
    need = NeedFactory(quantity=10, title="Kasur")
    other = NeedFactory(facility=need.facility, title="Bantal")
    cover(need, CompanyFactory(), 10)

    page = client.get(need.get_absolute_url(), **EN).content.decode()

    assert "This need is fully covered" in page
    assert other.get_absolute_url() in page
    assert 'name="email"' not in page


def test_an_overdue_needed_by_date_is_marked(client):
    NeedFactory(needed_by=timezone.localdate() - datetime.timedelta(days=3))
    NeedFactory(needed_by=timezone.localdate() + datetime.timedelta(days=3))
    assert client.get(NEEDS, **EN).content.decode().count('<strong class="overdue">(overdue)</strong>') == 1


def test_rupiah_amounts_are_kept_whole(client):
    need = NeedFactory()
    page = client.get(need.get_absolute_url()).content.decode()
    assert re.search(r'<dd class="amount">Rp 50\.000\.000</dd>', page)


# --- the map and sharing ------------------------------------------------------------------------


def test_facilities_with_coordinates_are_map_markers_as_json(client):
    FacilityFactory(name="PSBR Taruna Jaya 1", latitude="-6.232500", longitude="106.847000")
    FacilityFactory(name="Tanpa Koordinat")

    html = client.get(FACILITIES).content.decode()

    data = json.loads(re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html).group(1))
    assert data["tiles"] == settings.MAP_TILE_URL
    assert data["markers"] == [
        {
            "name": "PSBR Taruna Jaya 1",
            "url": "/facilities/psbr-taruna-jaya-1/",
            "lat": -6.2325,
            "lng": 106.847,
            "open": 0,
            "summary": "",
            "titles": [],
        }
    ]
    assert "vendor/leaflet/leaflet.js" in html
    # Both facilities are still listed: without JavaScript the list is the page.
    assert "Tanpa Koordinat" in html


def test_no_map_without_coordinates(client):
    FacilityFactory()
    assert "map-data" not in client.get(FACILITIES).content.decode()


def test_the_csp_allows_exactly_the_tile_host_for_images(client):
    policy = client.get(FACILITIES)["Content-Security-Policy"]
    img_src = re.search(r"img-src ([^;]+)", policy).group(1).split()
    assert img_src == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"


def test_need_and_facility_pages_have_whatsapp_and_copy_link(client):
    need = NeedFactory(title="Kasur busa", facility=FacilityFactory(name="PSBR Taruna Jaya 1"))
    for url in (need.get_absolute_url(), need.facility.get_absolute_url()):
        html = client.get(url).content.decode()
        link = re.search(r'href="(https://wa\.me/\?text=[^"]+)"', html).group(1)
        assert "http%3A%2F%2Ftestserver" + url.replace("/", "%2F") in link
        assert f'data-copy-link="http://testserver{url}"' in html
    assert "Kasur%20busa%20%C2%B7%20PSBR%20Taruna%20Jaya%201" in client.get(need.get_absolute_url()).content.decode()


# --- errors and search engines --------------------------------------------------------------------


def test_an_unknown_url_is_a_styled_404_in_the_visitors_language(client, settings):
    settings.DEBUG = False
    english = client.get("/no-such-page/", **EN)
    indonesian = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="id")

    assert english.status_code == indonesian.status_code == 404
    assert "<h1>Page not found</h1>" in english.content.decode()
    assert "<h1>Halaman tidak ditemukan</h1>" in indonesian.content.decode()
    assert "css/portal.css" in english.content.decode()


def test_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "500" in html
    assert 'lang="en">Something went wrong' in html or "Terjadi kesalahan" in html


def test_a_csrf_failure_is_the_styled_page(settings):
    client = Client(enforce_csrf_checks=True)
    response = client.post(NeedFactory().get_absolute_url(), {"name": "x"}, **EN)
    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()


def test_robots_sitemap_and_favicon_answer(client):
    need = NeedFactory()
    NeedFactory(is_public=False, title="Internal")

    robots = client.get("/robots.txt")
    sitemap = client.get("/sitemap.xml")
    favicon = client.get("/favicon.ico")

    assert robots.status_code == 200
    assert "Disallow: /admin/" in robots.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    assert sitemap.status_code == 200
    assert "<sitemapindex" in sitemap.content.decode()
    needs = client.get("/sitemap-needs.xml").content.decode()
    assert f"<loc>http://testserver{need.get_absolute_url()}</loc>" in needs
    assert needs.count("/needs/") == 1  # the one public need
    assert "/needs/</loc>" in client.get("/sitemap-pages.xml").content.decode()  # the listing
    facilities = client.get("/sitemap-facilities.xml").content.decode()
    assert f"<loc>http://testserver{need.facility.get_absolute_url()}</loc>" in facilities
    assert favicon.status_code == 301
    assert favicon["Location"].endswith("img/favicon.svg")
    assert client.get("/favicon.ico", follow=True).status_code == 200


def test_needs_listing_is_gzipped_for_a_client_that_accepts_it(client):
    NeedFactory()
    response = client.get(NEEDS, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Vary" in response and "Accept-Encoding" in response["Vary"]
    assert b"need-card" in gzip.decompress(response.content)
