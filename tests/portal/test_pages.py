"""What the officer sees: the dashboard, the needs with filters and suggestions, the pledge
list, the company profile. And every list page at a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import CsrField
from facilities.models import FacilityType, NeedKind, Priority
from matching.models import Pledge, PledgeStatus
from notifications.models import Notification
from partners.models import CompanyStatus
from portal import filters as partner_filters
from programs.models import ProgramStatus, RealisationStatus
from tests.factories import (
    FacilityFactory,
    NeedFactory,
    ProgramFactory,
    field,
    pledge_in_state,
    program_in_state,
    realisation,
    region,
)
from tests.portal.helpers import snapshot

pytestmark = pytest.mark.django_db


# --- dashboard -------------------------------------------------------------------------------


def test_dashboard_shows_what_waits_and_the_totals(officer_client, officer, need):
    company = officer.company
    proposal = pledge_in_state(PledgeStatus.PROPOSED, company=company, need=need, quantity=5)
    approved = pledge_in_state(PledgeStatus.APPROVED, company=company, quantity=4)
    offered = pledge_in_state(PledgeStatus.OFFERED, company=company, quantity=3)
    pledge_in_state(PledgeStatus.VERIFIED, company=company, quantity=2)
    page = officer_client.get(reverse("partner:dashboard")).content.decode()
    assert "Proposals from Dinsos to answer" in page
    assert reverse("partner:pledge_detail", args=[proposal.pk]) in page
    assert reverse("partner:delivery_report", args=[approved.pk]) in page
    assert "Your offers awaiting approval" in page and offered.need.title in page
    # Totals by status, in rupiah: approved 4 + verified 2 are committed, 2 are verified.
    assert "Rp 7.500.000" in page  # (4 + 2) × 1.250.000
    assert "Rp 2.500.000" in page
    assert "Delivery verified" in page
    assert "unread notification" in page


def test_dashboard_flags_a_proposal_about_to_lapse(officer_client, officer, need):
    proposal = pledge_in_state(PledgeStatus.PROPOSED, company=officer.company, need=need, quantity=5)
    Pledge.objects.filter(pk=proposal.pk).update(respond_by=timezone.now() + datetime.timedelta(days=1))
    assert "lapses soon" in officer_client.get(reverse("partner:dashboard")).content.decode()


def test_dashboard_of_a_new_partner_points_to_the_needs(officer_client):
    page = officer_client.get(reverse("partner:dashboard")).content.decode()
    assert "Nothing waits for you right now." in page
    assert "Your company has not pledged yet." in page
    assert reverse("partner:need_list") in page


def test_mark_all_notifications_read(officer_client, officer, need):
    pledge_in_state(PledgeStatus.PROPOSED, company=officer.company, need=need, quantity=5)
    officer_client.post(reverse("partner:notifications_read"))
    assert not Notification.objects.filter(recipient=officer.user, read_at__isnull=True).exists()


# --- needs -----------------------------------------------------------------------------------


def _titles(response):
    return [suggestion.obj.title for suggestion in response.context["suggestions"]]


def test_needs_listing_filters_by_field_kind_region_type_priority_and_text(officer_client):
    bekasi = FacilityFactory(name="Panti Bekasi", region=region("32.75.01"), facility_type=FacilityType.ELDERLY)
    jakarta = FacilityFactory(name="PSBR Taruna Jaya 1", facility_type=FacilityType.YOUTH)
    NeedFactory(facility=jakarta, title="Pelatihan las", field=field("pendidikan"), kind=NeedKind.SERVICES)
    NeedFactory(facility=jakarta, title="Kasur busa", priority=Priority.URGENT)
    NeedFactory(facility=bekasi, title="Kursi roda")
    url = reverse("partner:need_list")
    assert sorted(_titles(officer_client.get(url))) == ["Kasur busa", "Kursi roda", "Pelatihan las"]
    assert _titles(officer_client.get(url, {"field": "pendidikan"})) == ["Pelatihan las"]
    assert _titles(officer_client.get(url, {"kind": "services"})) == ["Pelatihan las"]
    assert _titles(officer_client.get(url, {"region": "32"})) == ["Kursi roda"]
    assert _titles(officer_client.get(url, {"facility_type": "elderly"})) == ["Kursi roda"]
    assert _titles(officer_client.get(url, {"priority": "1"})) == ["Kasur busa"]
    assert sorted(_titles(officer_client.get(url, {"q": "taruna"}))) == ["Kasur busa", "Pelatihan las"]
    assert _titles(officer_client.get(url, {"q": "las", "kind": "services"})) == ["Pelatihan las"]


def test_needs_listing_shows_only_what_can_still_be_pledged(officer_client):
    open_need = NeedFactory(title="Masih terbuka")
    full = NeedFactory(title="Sudah penuh", quantity=5)
    pledge_in_state(PledgeStatus.APPROVED, need=full, quantity=5)
    NeedFactory(title="Rahasia", is_public=False)
    NeedFactory(title="Draf", status="draft")
    response = officer_client.get(reverse("partner:need_list"))
    assert _titles(response) == [open_need.title]


def test_suggested_order_puts_the_companys_field_and_region_first_with_reasons(officer_client, officer):
    officer.company.focus_fields.set([field("pendidikan")])
    officer.company.preferred_regions.set([region("62.11", "Kabupaten Pulang Pisau")])
    elsewhere = NeedFactory(title="Kasur di Jakarta", field=field("kesehatan"))
    fits = NeedFactory(
        title="Beasiswa di Pulang Pisau",
        field=field("pendidikan"),
        facility=FacilityFactory(region=region("62.11.01", "Kahayan Hilir")),
    )
    response = officer_client.get(reverse("partner:need_list"))
    suggestions = response.context["suggestions"]
    assert [s.obj.pk for s in suggestions] == [fits.pk, elsewhere.pk]
    assert suggestions[0].reasons[:2] == ["same field: Education", "region: Kahayan Hilir"]
    page = response.content.decode()
    assert "Why it fits you:" in page and "same field: Education" in page
    # Another order keeps the reasons.
    newest = officer_client.get(reverse("partner:need_list"), {"sort": "newest"})
    assert [s.obj.pk for s in newest.context["suggestions"]] == [fits.pk, elsewhere.pk]
    assert "same field: Education" in newest.content.decode()


def test_need_card_shows_remaining_progress_and_what_we_hold(officer_client, officer, need):
    pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=25)  # another company
    pledge_in_state(PledgeStatus.OFFERED, need=need, company=officer.company, quantity=5)
    page = officer_client.get(reverse("partner:need_list")).content.decode()
    assert "<strong>10</strong> still to be covered" in page
    assert "Pledged 25 (62%)" in page
    assert "Your company already holds 5 pieces of this need." in page
    assert reverse("partner:pledge_create", args=[need.pk]) in page


def test_bad_filter_values_never_fail_the_page(officer_client, need):
    for query in ({"region": "'; drop"}, {"priority": "9"}, {"needed_by": "kemarin"}, {"sort": "evil"}, {"page": "x"}):
        assert officer_client.get(reverse("partner:need_list"), query).status_code == 200


# --- pledge list -----------------------------------------------------------------------------


def test_pledge_list_filters_by_status_and_text(officer_client, officer, need):
    proposed = pledge_in_state(PledgeStatus.PROPOSED, company=officer.company, need=need, quantity=5)
    approved = pledge_in_state(PledgeStatus.APPROVED, company=officer.company, quantity=5)
    url = reverse("partner:pledge_list")
    assert list(officer_client.get(url).context["pledges"]) == [approved, proposed]
    assert list(officer_client.get(url, {"status": "proposed"}).context["pledges"]) == [proposed]
    assert list(officer_client.get(url, {"q": "asrama"}).context["pledges"]) == [proposed]
    assert officer_client.get(url, {"status": "nonsense"}).status_code == 200


# --- company profile -------------------------------------------------------------------------


def _profile(**overrides):
    data = {
        "form": "company",
        "company-business_scope": "Otomotif",
        "company-csr_strategy": "Pendidikan vokasi untuk remaja panti",
        "company-focus_fields": ["pendidikan", "kesehatan"],
        "company-address": "Jl. Jend. Sudirman, Jakarta",
        "company-website": "hyundai.example",
        "company-email": "csr@hyundai.example",
        "company-phone": "021-555",
    }
    data.update(overrides)
    return data


def test_partner_edits_its_profile(officer_client, officer):
    region("62.11", "Kabupaten Pulang Pisau")
    region("31", "DKI Jakarta")
    response = officer_client.post(
        reverse("partner:company"), _profile(**{"company-preferred_regions": ["62.11"], "company-region": "31"})
    )
    assert response.status_code == 302
    company = officer.company
    company.refresh_from_db()
    assert company.csr_strategy == "Pendidikan vokasi untuk remaja panti"
    assert company.website == "https://hyundai.example"
    assert set(company.focus_fields.values_list("code", flat=True)) == {"pendidikan", "kesehatan"}
    assert list(company.preferred_regions.values_list("code", flat=True)) == ["62.11"]
    assert company.region_id == "31"
    assert company.history.first().history_user == officer.user


def test_partner_cannot_change_status_forum_membership_or_name(officer_client, officer):
    company = officer.company
    response = officer_client.post(
        reverse("partner:company"),
        _profile(
            **{
                "company-status": CompanyStatus.INACTIVE,
                "company-forum_member": "on",
                "company-forum_member_since": "2020-01-01",
                "company-name": "PT Lain",
                "company-notes": "catatan",
                "status": CompanyStatus.INACTIVE,
                "forum_member": "on",
            }
        ),
    )
    assert response.status_code == 302
    company.refresh_from_db()
    assert (company.status, company.partnerships.exists(), company.name) == (
        CompanyStatus.ACTIVE,
        False,
        "PT Hyundai Motors Indonesia",
    )
    page = officer_client.get(reverse("partner:company")).content.decode()
    assert 'name="company-status"' not in page and 'name="company-forum_member"' not in page


def test_bad_profile_input_is_a_form_error_and_changes_nothing(officer_client):
    before = snapshot()
    for bad in ({"company-email": "bukan-email"}, {"company-focus_fields": ["tidak-ada"]}, {"company-region": "99"}):
        response = officer_client.post(reverse("partner:company"), _profile(**bad))
        assert response.status_code == 400
    assert officer_client.post(reverse("partner:company"), {"form": "other"}).status_code == 400
    assert snapshot() == before


def test_officer_edits_own_contact_details_and_sees_colleagues(officer_client, officer):
    from tests.factories import officer_user

    colleague = officer_user(officer.company, job_title="CSR Manager")
    page = officer_client.get(reverse("partner:company")).content.decode()
    assert colleague.email in page and "CSR Manager" in page
    officer_client.post(
        reverse("partner:company"),
        {"form": "contact", "contact-first_name": "Siti", "contact-last_name": "Aminah", "contact-phone": "0812"},
    )
    officer.refresh_from_db()
    officer.user.refresh_from_db()
    assert (officer.user.last_name, officer.phone) == ("Aminah", "0812")


def test_programs_are_listed_on_the_profile(officer_client, officer):
    ProgramFactory(company=officer.company, title="Hyundai Peduli Panti")
    assert "Hyundai Peduli Panti" in officer_client.get(reverse("partner:company")).content.decode()


# --- every page in both languages ------------------------------------------------------------


@pytest.mark.parametrize("name", ["dashboard", "need_list", "pledge_list", "company"])
def test_pages_offer_the_language_switch(officer_client, name):
    page = officer_client.get(reverse(f"partner:{name}")).content.decode()
    assert 'action="/i18n/setlang/"' in page
    assert 'value="en"' in page and 'value="id"' in page


def test_switching_to_english_keeps_the_page(officer_client):
    response = officer_client.post("/i18n/setlang/", {"language": "en", "next": reverse("partner:need_list")})
    assert response["Location"] == reverse("partner:need_list")
    page = officer_client.get(reverse("partner:need_list"))
    assert page.status_code == 200
    assert '<html lang="en">' in page.content.decode()
    # CSR fields follow the reader's language.
    assert CsrField.objects.get(code="pendidikan").name_en in page.content.decode()


# --- constant queries as the data grows ------------------------------------------------------


def _grow(company, n):
    for _ in range(n):
        for state in (PledgeStatus.PROPOSED, PledgeStatus.OFFERED, PledgeStatus.APPROVED, PledgeStatus.DELIVERED):
            pledge_in_state(state, company=company, quantity=2)
        NeedFactory(facility=FacilityFactory(region=region("62.11.01")), field=field("pendidikan"))
        program_in_state(ProgramStatus.CHANGES_REQUESTED, company=company)
        realisation(
            ProgramFactory(company=company), 2025, shares={"62.11.01": 1_000_000}, status=RealisationStatus.RETURNED
        )
    ProgramFactory(company=company)


# Session, user, officer with its company, then each page's own reads: the dashboard's four
# short lists, totals, notifications and unread count; the needs' field choices, the region
# lists, count and page; the pledges' count and page.
PAGE_QUERIES = {
    # with the share of deliveries confirmed by facilities, the documents to acknowledge, the
    # programs to change and the realisation reports to correct
    "dashboard": 14,
    "need_list": 8,  # the page ranked over ids, then its rows read whole
    "pledge_list": 5,
}


@pytest.fixture
def ranking_queries(monkeypatch):
    """Counts the queries ``matching.selectors.suggest_needs_for_company`` runs to prepare its
    ranked queryset (the company's fields, regions, history, programs...). That module owns the
    number and may change it; the needs page adds it to its own, and the sum must not grow."""
    counts: list[int] = []
    original = partner_filters.suggest_needs_for_company

    def counting(*args, **kwargs):
        with CaptureQueriesContext(connection) as captured:
            result = original(*args, **kwargs)
        counts.append(len(captured))
        return result

    monkeypatch.setattr(partner_filters, "suggest_needs_for_company", counting)
    return counts


@pytest.mark.parametrize("name", sorted(PAGE_QUERIES))
def test_list_pages_cost_the_same_queries_as_pledges_grow(
    officer_client, officer, django_assert_num_queries, ranking_queries, name
):
    company = officer.company
    company.focus_fields.set([field("pendidikan")])
    company.preferred_regions.set([region("62.11")])
    url = reverse(f"partner:{name}")
    _grow(company, 1)
    with CaptureQueriesContext(connection) as small_queries:
        small = officer_client.get(url)
    assert small.status_code == 200
    assert len(small_queries) == PAGE_QUERIES[name] + sum(ranking_queries)
    ranking_before = list(ranking_queries)

    _grow(company, 6)
    ranking_queries.clear()
    with django_assert_num_queries(len(small_queries)):
        large = officer_client.get(url)
    assert large.status_code == 200
    assert ranking_queries == ranking_before
    assert len(large.content) > len(small.content)


@pytest.mark.parametrize("name", ["dashboard", "need_list", "pledge_list", "company"])
def test_pages_render_in_indonesian_the_default(officer_client, settings, officer, need, name):
    settings.LANGUAGE_CODE = "id"
    pledge_in_state(PledgeStatus.PROPOSED, company=officer.company, need=need, quantity=5)
    response = officer_client.get(reverse(f"partner:{name}"))
    assert response.status_code == 200
    assert '<html lang="id">' in response.content.decode()


def test_dashboard_flags_an_overdue_delivery(officer_client, officer, need):
    pledge = pledge_in_state(PledgeStatus.APPROVED, company=officer.company, need=need, quantity=5)
    two_days_ago = timezone.localdate() - datetime.timedelta(days=2)
    Pledge.objects.filter(pk=pledge.pk).update(expected_delivery_date=two_days_ago)
    page = officer_client.get(reverse("partner:dashboard")).content.decode()
    assert "overdue" in page
