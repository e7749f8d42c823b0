import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from facilities import filters
from facilities.models import FacilityType, Need, NeedKind, NeedStatus, Priority
from partners.models import InterestStatus, PartnerInterest
from public import views
from tests.facilities.helpers import cover, grow
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, StaffFactory, field, region

pytestmark = pytest.mark.django_db

NEEDS = reverse("facilities:need_list")
FACILITIES = reverse("facilities:facility_list")


def listed_titles(response) -> list[str]:
    return [need.title for need in response.context["needs"]]


# --- who may be seen ---------------------------------------------------------------------------


def test_listing_shows_only_open_public_needs_of_published_facilities(client):
    shown = NeedFactory(title="Kasur untuk PSBR")
    NeedFactory(title="Internal", is_public=False)
    NeedFactory(title="Draft", status=NeedStatus.DRAFT)
    NeedFactory(title="Cancelled", status=NeedStatus.CANCELLED)
    NeedFactory(title="Fulfilled", status=NeedStatus.FULFILLED)
    NeedFactory(title="Hidden facility", facility=FacilityFactory(is_published=False))

    response = client.get(NEEDS)

    assert response.status_code == 200
    assert listed_titles(response) == [shown.title]
    for hidden in (b"Internal", b"Draft", b"Cancelled", b"Hidden facility"):
        assert hidden not in response.content


def test_fulfilled_needs_are_listed_on_request(client):
    NeedFactory(title="Open one")
    NeedFactory(title="Fulfilled one", status=NeedStatus.FULFILLED)

    assert listed_titles(client.get(NEEDS, {"status": "fulfilled"})) == ["Fulfilled one"]
    assert sorted(listed_titles(client.get(NEEDS, {"status": "all"}))) == ["Fulfilled one", "Open one"]


def test_need_card_shows_facility_region_quantities_progress_and_value(client):
    facility = FacilityFactory(name="PSBR Taruna Jaya 1", region=region("31.75.01", "Pasar Rebo"))
    need = NeedFactory(facility=facility, title="Kasur busa", quantity=40, unit="buah", unit_cost=1_250_000)
    cover(need, CompanyFactory(), 20, verified=10)

    html = client.get(NEEDS).content.decode()

    assert "PSBR Taruna Jaya 1" in html
    assert "Pasar Rebo, Wilayah 31.75, Wilayah 31" in html
    assert "<strong>20</strong>" in html  # 40 needed, 20 still to be covered
    assert "Rp 50.000.000" in html  # 40 × Rp 1.250.000
    assert 'class="bar-covered w-50"' in html
    assert 'class="bar-delivered w-25"' in html
    assert f'href="{need.get_absolute_url()}"' in html


# --- filters -----------------------------------------------------------------------------------


def test_filter_by_field_kind_priority_and_facility_type(client):
    wanted = NeedFactory(
        title="Wanted",
        field=field("pendidikan"),
        kind=NeedKind.SERVICES,
        priority=Priority.URGENT,
        facility=FacilityFactory(facility_type=FacilityType.CHILDREN),
    )
    NeedFactory(title="Other field", field=field("kesehatan"), kind=NeedKind.SERVICES, priority=Priority.URGENT)
    NeedFactory(title="Other kind", field=field("pendidikan"), kind=NeedKind.GOODS, priority=Priority.URGENT)
    NeedFactory(title="Other priority", field=field("pendidikan"), kind=NeedKind.SERVICES, priority=Priority.LOW)

    assert listed_titles(client.get(NEEDS, {"field": "pendidikan", "kind": "services", "priority": "1"})) == [
        wanted.title
    ]
    assert listed_titles(client.get(NEEDS, {"facility_type": "children"})) == [wanted.title]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("31", ["Jakarta Timur A", "Jakarta Timur B"]),
        ("31.75", ["Jakarta Timur A", "Jakarta Timur B"]),
        ("31.75.01", ["Jakarta Timur A"]),
        ("62", ["Pulang Pisau"]),
        ("62.11.01", ["Pulang Pisau"]),
        ("33", []),
    ],
    ids=["province", "regency", "district", "other-province", "other-district", "empty-province"],
)
@pytest.mark.parametrize("listed", [filters.REGION_FACILITIES_LISTED, 1], ids=["facilities-named", "subquery"])
def test_filter_by_region_code_takes_the_region_and_everything_below(client, monkeypatch, code, expected, listed):
    # Named by id (a region of a few facilities) or by a subquery (beyond the limit): the same.
    monkeypatch.setattr(filters, "REGION_FACILITIES_LISTED", listed)
    NeedFactory(title="Jakarta Timur A", facility=FacilityFactory(region=region("31.75.01")))
    NeedFactory(title="Jakarta Timur B", facility=FacilityFactory(region=region("31.75.02")))
    NeedFactory(title="Pulang Pisau", facility=FacilityFactory(region=region("62.11.01")))
    region("33")

    assert sorted(listed_titles(client.get(NEEDS, {"region": code}))) == expected


def test_region_selects_cascade_and_a_stale_regency_is_dropped(client):
    NeedFactory(title="Jakarta", facility=FacilityFactory(region=region("31.75.01", "Pasar Rebo")))
    NeedFactory(title="Pulang Pisau", facility=FacilityFactory(region=region("62.11.01", "Kahayan Hilir")))

    # The three selects share the name "region": province, regency, district.
    response = client.get(f"{NEEDS}?region=31&region=31.75&region=")
    assert listed_titles(response) == ["Jakarta"]
    html = response.content.decode()
    assert 'id="id_region_regency"' in html
    assert '<option value="31.75" selected>' in html
    assert "Pasar Rebo" in html  # the district select offers the districts of 31.75

    # The visitor switched province without JavaScript: the old regency no longer applies.
    assert listed_titles(client.get(f"{NEEDS}?region=62&region=31.75")) == ["Pulang Pisau"]


def test_text_search_matches_title_and_facility_name(client):
    NeedFactory(title="Mesin jahit", facility=FacilityFactory(name="PSAA Putra Utama"))
    NeedFactory(title="Kasur", facility=FacilityFactory(name="PSBR Taruna Jaya"))

    assert listed_titles(client.get(NEEDS, {"q": "jahit"})) == ["Mesin jahit"]
    assert listed_titles(client.get(NEEDS, {"q": "taruna"})) == ["Kasur"]


def test_needed_by_keeps_needs_due_on_or_before_the_date(client):
    today = timezone.localdate()
    NeedFactory(title="Soon", needed_by=today + datetime.timedelta(days=5))
    NeedFactory(title="Later", needed_by=today + datetime.timedelta(days=90))

    cutoff = (today + datetime.timedelta(days=30)).isoformat()
    assert listed_titles(client.get(NEEDS, {"needed_by": cutoff})) == ["Soon"]


def test_invalid_filter_values_are_ignored_and_reported(client):
    NeedFactory(title="Still listed")

    response = client.get(NEEDS, {"field": "nope", "priority": "99", "region": "31.7", "needed_by": "kemarin"})

    assert response.status_code == 200
    assert listed_titles(response) == ["Still listed"]
    assert set(response.context["filter"].errors) == {"field", "priority", "region", "needed_by"}
    assert b'class="errorlist' in response.content


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("urgency", ["urgent", "high-soon", "high-later", "normal-big"]),
        ("newest", ["normal-big", "high-later", "high-soon", "urgent"]),
        ("needed_by", ["high-soon", "urgent", "high-later", "normal-big"]),
        ("value", ["normal-big", "high-later", "urgent", "high-soon"]),
    ],
    ids=["urgency", "newest", "needed-by", "largest-remaining-value"],
)
def test_orderings(client, sort, expected):
    today = timezone.localdate()
    NeedFactory(title="urgent", priority=Priority.URGENT, needed_by=today + datetime.timedelta(days=20), unit_cost=3)
    NeedFactory(title="high-soon", priority=Priority.HIGH, needed_by=today + datetime.timedelta(days=10), unit_cost=2)
    NeedFactory(title="high-later", priority=Priority.HIGH, needed_by=today + datetime.timedelta(days=90), unit_cost=5)
    big = NeedFactory(title="normal-big", priority=Priority.NORMAL, needed_by=None, unit_cost=100, quantity=40)
    cover(big, CompanyFactory(), 30)  # 10 remain × 100 = 1000, still the largest remaining value

    assert listed_titles(client.get(NEEDS, {"sort": sort})) == expected


# --- pagination --------------------------------------------------------------------------------


def test_pagination_keeps_the_filters_and_tolerates_bad_page_numbers(client):
    NeedFactory.create_batch(views.NEEDS_PER_PAGE + 3, field=field("pendidikan"))

    first = client.get(NEEDS, {"field": "pendidikan"})
    assert len(first.context["needs"]) == views.NEEDS_PER_PAGE
    assert b'href="?field=pendidikan&amp;page=2"' in first.content
    assert len(client.get(NEEDS, {"field": "pendidikan", "page": "2"}).context["needs"]) == 3
    assert client.get(NEEDS, {"page": "abc"}).context["page_obj"].number == 1
    assert client.get(NEEDS, {"page": "999999999999999999999999"}).context["page_obj"].number == 2


def test_count_stops_at_the_cap_and_says_so(client, monkeypatch):
    monkeypatch.setattr(views, "LISTING_COUNT_CAP", 5)
    monkeypatch.setattr(views, "NEEDS_PER_PAGE", 2)
    NeedFactory.create_batch(8)

    response = client.get(NEEDS, HTTP_ACCEPT_LANGUAGE="en")

    assert response.context["paginator"].count == 5
    assert response.context["paginator"].capped
    assert "More than 5 needs match" in response.content.decode()


# --- need page ---------------------------------------------------------------------------------


def test_need_page_names_partners_but_never_their_notes(client):
    need = NeedFactory(quantity=40)
    cover(need, CompanyFactory(name="PT LG Electronics Indonesia"), 25, verified=25)
    cover(need, CompanyFactory(name="CJ Indonesia"), 10)

    html = client.get(need.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert re.search(r"CJ Indonesia <span class=\"badge\">pledged", html)
    assert re.search(r"PT LG Electronics Indonesia <span class=\"badge badge-fulfilled\">delivered", html)
    assert "Catatan internal" not in html


@pytest.mark.parametrize(
    "hidden",
    [
        {"is_public": False},
        {"status": NeedStatus.DRAFT},
        {"status": NeedStatus.CANCELLED},
        {"facility__is_published": False},
    ],
    ids=["internal", "draft", "cancelled", "unpublished-facility"],
)
def test_need_page_of_a_hidden_need_is_not_found(client, hidden):
    need = NeedFactory(**hidden)
    assert client.get(need.get_absolute_url()).status_code == 404


def test_need_page_has_social_media_tags_with_title_and_facility(client):
    need = NeedFactory(title="Pelatihan las", facility=FacilityFactory(name="PSBR Taruna Jaya 1"))

    html = client.get(need.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<meta property="og:title" content="Pelatihan las · PSBR Taruna Jaya 1">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html  # the generated picture
    assert re.search(r'<meta property="og:description" content="40 pieces for PSBR Taruna Jaya 1', html)


def test_would_be_partner_request_reaches_dinsos(client):
    need = NeedFactory()

    response = client.post(
        need.get_absolute_url(),
        {
            "name": "Kim Min-jun",
            "organisation": "Daehong Communications Indonesia",
            "email": "csr@daehong.example",
            "phone": "+62 21 555 0101",
            "message": "Kami ingin membantu 20 kasur.",
        },
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )

    # To the message itself: a redirect without a fragment would keep the form's #step-forward
    # and scroll the message off screen.
    assert response.redirect_chain[-1][0].endswith("#messages")
    assert '<ul class="messages" id="messages"' in response.content.decode()
    interest = PartnerInterest.objects.get()
    assert (interest.need, interest.organisation, interest.status) == (
        need,
        "Daehong Communications Indonesia",
        InterestStatus.NEW,
    )
    assert "Dinas Sosial has received your request" in response.content.decode()


def test_incomplete_partner_request_is_shown_again_with_errors(client):
    need = NeedFactory()

    response = client.post(need.get_absolute_url(), {"name": "Kim", "email": "not-an-email"})

    assert response.status_code == 400
    assert not PartnerInterest.objects.exists()
    assert set(response.context["form"].errors) == {"organisation", "email", "message"}


def test_robot_filling_the_hidden_field_is_thanked_but_not_recorded(client):
    need = NeedFactory()
    data = {"name": "Bot", "organisation": "Spam", "email": "bot@example.org", "message": "Buy", "website": "x"}

    response = client.post(need.get_absolute_url(), data)

    assert response.status_code == 302
    assert not PartnerInterest.objects.exists()


# --- facility pages ----------------------------------------------------------------------------


def test_facility_page_shows_profile_needs_and_partners_but_no_contacts_or_hidden_needs(client):
    facility = FacilityFactory(
        name="PSBR Taruna Jaya 1",
        background="Rehabilitasi remaja rentan.",
        intervention_programs="Pelatihan las dan otomotif.",
        head_name="Ibu Kepala Rahasia",
        contact_phone="021-8400000",
        contact_email="kepala@panti.example",
    )
    open_need = NeedFactory(facility=facility, title="Kasur busa")
    done = NeedFactory(facility=facility, title="Mesin las", quantity=2)
    cover(done, CompanyFactory(name="POSCO Indonesia Inti"), 2, verified=2)
    NeedFactory(facility=facility, title="Kebutuhan internal", is_public=False)
    NeedFactory(facility=facility, title="Masih draf", status=NeedStatus.DRAFT)
    NeedFactory(facility=facility, title="Dibatalkan", status=NeedStatus.CANCELLED)

    response = client.get(facility.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()

    assert response.status_code == 200
    assert [need.title for need in response.context["open_needs"]] == [open_need.title]
    assert [need.title for need in response.context["fulfilled_needs"]] == ["Mesin las"]
    for text in ("Rehabilitasi remaja rentan.", "Pelatihan las dan otomotif.", "POSCO Indonesia Inti", "Youth (PSBR)"):
        assert text in html
    for secret in ("Ibu Kepala Rahasia", "021-8400000", "kepala@panti.example", "internal", "draf", "Dibatalkan"):
        assert secret not in html


def test_unpublished_facility_is_not_found_and_not_listed(client):
    hidden = FacilityFactory(name="Belum terbit", is_published=False)
    FacilityFactory(name="Terbit")

    assert client.get(hidden.get_absolute_url()).status_code == 404
    listing = client.get(FACILITIES)
    assert [facility.name for facility in listing.context["facilities"]] == ["Terbit"]


def test_facility_directory_filters_and_counts_open_needs(client):
    jakarta = FacilityFactory(name="PSAA Jakarta", facility_type=FacilityType.CHILDREN, region=region("31.75.01"))
    NeedFactory.create_batch(2, facility=jakarta)
    NeedFactory(facility=jakarta, is_public=False)
    FacilityFactory(name="LKS Pulang Pisau", facility_type=FacilityType.ELDERLY, region=region("62.11.01"))

    response = client.get(FACILITIES, {"region": "31", "facility_type": "children"}, HTTP_ACCEPT_LANGUAGE="en")

    assert [(f.name, f.open_need_count) for f in response.context["facilities"]] == [("PSAA Jakarta", 2)]
    assert "2 open needs" in response.content.decode()
    assert [f.name for f in client.get(FACILITIES, {"q": "pisau"}).context["facilities"]] == ["LKS Pulang Pisau"]


# --- home --------------------------------------------------------------------------------------


def test_home_shows_most_urgent_needs_and_thanks_partners(client):
    urgent = NeedFactory(title="Atap bocor", priority=Priority.URGENT)
    NeedFactory(title="Internal urgent", priority=Priority.URGENT, is_public=False)
    cover(NeedFactory(), CompanyFactory(name="PT Hyundai Motors Indonesia"), 5)
    CompanyFactory(name="PT Belum Membantu")

    response = client.get("/")
    html = response.content.decode()

    assert response.context["urgent_needs"][0] == urgent
    assert "Internal urgent" not in html
    assert [company.name for company in response.context["partners"]] == ["PT Hyundai Motors Indonesia"]
    assert "PT Belum Membantu" not in html
    assert '<meta property="og:title"' in html


# --- a constant number of queries as the data grows -------------------------------------------


@pytest.mark.parametrize("size", [2, 12], ids=["small", "larger"])
def test_public_pages_keep_their_query_count_as_data_grows(client, django_assert_num_queries, size):
    grow(size)
    need = NeedFactory(facility=FacilityFactory(region=region("31.75.01")))
    cover(need, CompanyFactory(), 3, verified=2)
    facility = need.facility
    pledged = NeedFactory(facility=facility)
    cover(pledged, CompanyFactory(), 3)
    untouched = NeedFactory(facility=facility)

    # Every listing, whatever its filters and whatever was asked before: the fields for the form,
    # the regions for the selects, the capped count, the page (needs with their facility, region,
    # field and first photo); with a region, first the ids of its facilities.
    filtered = {"region": "31.75", "field": "kesehatan", "sort": "value", "page": "1"}
    for query, queries in (({}, 4), ({"sort": "urgency"}, 4), (filtered, 5), ({**filtered, "sort": "newest"}, 5)):
        with django_assert_num_queries(queries):
            assert client.get(NEEDS, query).status_code == 200
        NeedFactory(facility=facility, field=field("kesehatan"))
    # the regions for the selects, the capped count, the page
    with django_assert_num_queries(3):
        assert client.get(FACILITIES).status_code == 200
    # the facility with its region two levels up, its open needs, its fulfilled needs, its partners
    with django_assert_num_queries(4):
        assert client.get(facility.get_absolute_url()).status_code == 200
    # the need with its facility, region and field, its partners, its verified deliveries; the
    # partners and deliveries only when the need's counters say it has some
    with django_assert_num_queries(3):
        assert client.get(need.get_absolute_url()).status_code == 200
    with django_assert_num_queries(2):
        assert client.get(pledged.get_absolute_url()).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(untouched.get_absolute_url()).status_code == 200
    # headline figures (their snapshot, built by the first visit here), most urgent needs,
    # partners thanked
    client.get("/")
    with django_assert_num_queries(3):
        assert client.get("/?utm_source=elsewhere").status_code == 200


def test_partner_requests_are_listed_filtered_and_searched_in_the_admin(client):
    client.force_login(StaffFactory())
    need = NeedFactory(title="Kasur busa")
    PartnerInterest.objects.create(name="Kim", organisation="Daehong", email="kim@d.example", message="Halo", need=need)
    PartnerInterest.objects.create(
        name="Lee", organisation="POSCO", email="lee@p.example", message="Halo", status=InterestStatus.CONTACTED
    )
    url = reverse("admin:partners_partnerinterest_changelist")

    assert [i.organisation for i in client.get(url).context["cl"].result_list] == ["POSCO", "Daehong"]
    assert [i.organisation for i in client.get(url, {"status__exact": "new"}).context["cl"].result_list] == ["Daehong"]
    assert [i.organisation for i in client.get(url, {"q": "kasur"}).context["cl"].result_list] == ["Daehong"]
    assert client.get(reverse("admin:partners_partnerinterest_add")).status_code == 403


# --- the page cache ----------------------------------------------------------------------------


def test_a_shared_listing_is_served_from_the_cache_without_queries(client, django_assert_num_queries):
    NeedFactory(title="Kasur busa", field=field("pendidikan"))
    client.get(NEEDS, {"field": "pendidikan", "kind": "goods"})

    with django_assert_num_queries(0):
        again = client.get(NEEDS, {"field": "pendidikan", "kind": "goods"})

    assert again.status_code == 200
    html = again.content.decode()
    assert "Kasur busa" in html
    assert '<option value="pendidikan" selected>' in html


def test_cached_pages_follow_the_language(client):
    NeedFactory(field=field("pendidikan"))

    assert "Pendidikan" in client.get(NEEDS, HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "Education" in client.get(NEEDS, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_page_cache_can_be_switched_off(client, settings, django_assert_num_queries):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    facility = FacilityFactory()
    client.get(facility.get_absolute_url())

    with django_assert_num_queries(4):
        client.get(facility.get_absolute_url())


def test_a_change_to_the_data_shows_at_once_despite_the_cache(client):
    need = NeedFactory(title="Kasur busa", quantity=40)
    assert "Kasur busa" in client.get(NEEDS).content.decode()
    assert 'class="bar-covered w-0"' in client.get(need.get_absolute_url()).content.decode()

    need.title = "Kasur busa dan bantal"
    need.save()
    cover(need, CompanyFactory(name="CJ Indonesia"), 20)

    assert "Kasur busa dan bantal" in client.get(NEEDS).content.decode()
    detail = client.get(need.get_absolute_url()).content.decode()
    assert 'class="bar-covered w-50"' in detail
    assert "CJ Indonesia" in detail


@pytest.mark.parametrize(
    "changes",
    [{}, {"is_public": False}, {"status": NeedStatus.DRAFT}, {"status": NeedStatus.CANCELLED}],
    ids=["public", "internal", "draft", "cancelled"],
)
def test_the_public_needs_of_a_facility_read_are_those_public_gives(changes):
    # public_of(facility) leaves out the join that checks the facility's publication again: it
    # must give what public() gives, for a published facility and for one that is not.
    for published in (True, False):
        need = NeedFactory(facility=FacilityFactory(is_published=published), **changes)
        expected = list(Need.objects.public().filter(facility=need.facility))
        assert list(Need.objects.public_of(need.facility)) == expected
        assert expected == ([need] if published and not changes else [])
