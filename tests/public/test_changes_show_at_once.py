"""Every change shows at once on the kept public pages (public.page_cache): cards, counts,
region and field names, home figures."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from facilities.models import NeedStatus
from tests.facilities.helpers import cover
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, field, region

pytestmark = pytest.mark.django_db

NEEDS = reverse("facilities:need_list")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 30


def card_of(html: str, need) -> str:
    start = html.index(f'data-need="{need.pk}"')
    return html[start : html.index("</li>", start)]


def test_a_pledge_gives_the_card_its_new_progress_at_once(client):
    need = NeedFactory(title="Kasur busa", quantity=40)
    assert 'class="bar-covered w-0"' in card_of(client.get(NEEDS).content.decode(), need)

    cover(need, CompanyFactory(), 20)

    assert 'class="bar-covered w-50"' in card_of(client.get(NEEDS).content.decode(), need)


def test_a_renamed_facility_region_or_field_shows_on_its_cards_at_once(client):
    facility = FacilityFactory(name="PSBR Lama", region=region("31.75.01", "Pasar Rebo"))
    need = NeedFactory(facility=facility, field=field("pendidikan"))
    client.get(NEEDS)

    facility.name = "PSBR Baru"
    facility.save()
    place = facility.region
    place.name = "Pasar Rebo Baru"
    place.save()
    csr_field = need.field
    csr_field.name = "Pendidikan Dasar"
    csr_field.save()

    card = card_of(client.get(NEEDS).content.decode(), need)
    assert "PSBR Baru" in card
    assert "Pasar Rebo Baru" in card
    assert "Pendidikan Dasar" in card


def test_a_renamed_region_shows_on_need_and_facility_pages_at_once(client):
    facility = FacilityFactory(region=region("31.75.01", "Pasar Rebo"))
    need = NeedFactory(facility=facility)
    for url in (need.get_absolute_url(), facility.get_absolute_url()):
        assert "Pasar Rebo, Wilayah 31.75, Wilayah 31" in client.get(url).content.decode()

    province = facility.region.parent.parent
    province.name = "DKI Jakarta"
    province.save()

    for url in (need.get_absolute_url(), facility.get_absolute_url()):
        assert "Pasar Rebo, Wilayah 31.75, DKI Jakarta" in client.get(url).content.decode()


def facility_card_of(html: str, facility) -> str:
    start = html.index(f'href="{facility.get_absolute_url()}"')
    return html[start : html.index("</li>", start)]


def test_facility_cards_follow_every_change_at_once(client):
    facilities = reverse("facilities:facility_list")
    facility = FacilityFactory(name="PSBR Lama", region=region("31.75.01", "Pasar Rebo"))
    NeedFactory(facility=facility)
    assert "1 kebutuhan terbuka" in facility_card_of(client.get(facilities).content.decode(), facility)

    facility.name = "PSBR Baru"
    facility.save()
    NeedFactory(facility=facility)
    place = facility.region
    place.name = "Pasar Rebo Baru"
    place.save()

    card = facility_card_of(client.get(facilities).content.decode(), facility)
    assert "PSBR Baru" in card
    assert "Pasar Rebo Baru" in card
    assert "2 kebutuhan terbuka" in card


def test_the_kept_count_follows_new_and_closed_needs(client):
    NeedFactory(title="Satu")
    assert "1 need matches." in client.get(NEEDS, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    second = NeedFactory(title="Dua")
    assert "2 needs match." in client.get(NEEDS, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    second.status = NeedStatus.CANCELLED
    second.save()
    assert "1 need matches." in client.get(NEEDS, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_pages_work_when_the_cache_keeps_nothing(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    NeedFactory(title="Kasur busa")
    cache.clear()

    assert "Kasur busa" in client.get(NEEDS).content.decode()


def figure(html: str, name: str) -> str:
    return html.split(f'data-stat="{name}">', 1)[1].split("<", 1)[0]


def test_home_figures_change_at_once_after_a_new_need_and_a_pledge(client, django_assert_num_queries):
    need = NeedFactory(quantity=10, unit_cost=100_000)
    html = client.get("/").content.decode()
    assert figure(html, "open-needs") == "1"
    assert figure(html, "rupiah-covered") == "Rp 0"
    # the whole page is kept until the data changes (from the second visit: the first built the
    # figures' snapshot, which gives the snapshots a new version)
    client.get("/")
    with django_assert_num_queries(0):
        client.get("/")

    NeedFactory()
    assert figure(client.get("/").content.decode(), "open-needs") == "2"
    cover(need, CompanyFactory(name="PT Baru Membantu"), 4)
    html = client.get("/").content.decode()
    assert figure(html, "rupiah-covered") == "Rp 400.000"
    assert "PT Baru Membantu" in html
