"""The English partner portal reads English (issue 24): needs' English titles where they exist,
units in English, pledge statuses from the officer's own point of view, and everything that
waits for the officer on the dashboard."""

import pytest
from django.urls import reverse

from matching.models import PledgeStatus
from programs.models import ProgramStatus, RealisationStatus
from tests.factories import NeedFactory, ProgramFactory, pledge_in_state, program_in_state, realisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def diapers():
    return NeedFactory(title="Popok dewasa", title_en="Adult diapers", quantity=900, unit="paket")


def test_needs_show_their_english_title_and_unit(officer_client, diapers):
    page = officer_client.get(reverse("partner:need_list")).content.decode()

    assert "Adult diapers" in page
    assert "Popok dewasa" not in page
    assert "900 packages needed" in page
    assert "paket" not in page


def test_a_need_without_an_english_title_keeps_its_indonesian_one(officer_client):
    NeedFactory(title="Kasur busa untuk asrama", title_en="", unit="buah")
    assert "Kasur busa untuk asrama" in officer_client.get(reverse("partner:need_list")).content.decode()


def test_the_pledge_form_asks_for_the_quantity_in_english_units(officer_client, diapers):
    page = officer_client.get(reverse("partner:pledge_create", args=[diapers.pk])).content.decode()

    assert "Quantity (packages)" in page
    assert "Quantity (paket)" not in page
    assert "Pledge to “Adult diapers”" in page


@pytest.mark.parametrize(
    ("state", "label"),
    [
        (PledgeStatus.PROPOSED, "Proposed to you, please answer"),
        (PledgeStatus.OFFERED, "Your offer, awaiting Dinsos"),
        (PledgeStatus.ACCEPTED, "Accepted by you"),
        (PledgeStatus.DECLINED, "Declined by you"),
        (PledgeStatus.APPROVED, "Approved by Dinsos"),
    ],
    ids=["proposed", "offered", "accepted", "declined", "approved"],
)
def test_pledge_statuses_read_from_the_officers_point_of_view(officer_client, officer, diapers, state, label):
    pledge = pledge_in_state(state, need=diapers, company=officer.company, quantity=10)

    listing = officer_client.get(reverse("partner:pledge_list")).content.decode()
    detail = officer_client.get(reverse("partner:pledge_detail", args=[pledge.pk])).content.decode()

    assert label in listing
    assert label in detail
    assert "Adult diapers" in listing
    assert "10 packages" in listing
    assert "Offered by partner" not in listing
    assert "Awaiting Dinsos" not in detail


def test_the_delivery_form_says_the_bast_is_optional_and_counts_in_english(officer_client, officer, diapers):
    pledge = pledge_in_state(PledgeStatus.APPROVED, need=diapers, company=officer.company, quantity=10)
    page = officer_client.get(reverse("partner:delivery_report", args=[pledge.pk])).content.decode()

    assert "Signed handover record (BAST), PDF (optional)" in page
    assert "Quantity delivered (packages)" in page


def test_the_dashboard_lists_returned_reports_and_programs_awaiting_changes(officer_client, officer):
    company = officer.company
    asked = program_in_state(ProgramStatus.CHANGES_REQUESTED, company=company, title="Beasiswa desa")
    returned = realisation(
        ProgramFactory(company=company, title="Air bersih"),
        2025,
        shares={"62.11.01": 5_000_000},
        status=RealisationStatus.RETURNED,
        review_note="Lampirkan kuitansi",
    )
    program_in_state(ProgramStatus.CHANGES_REQUESTED, title="Program perusahaan lain")

    page = officer_client.get(reverse("partner:dashboard")).content.decode()

    assert "Programs the agency asks you to change" in page
    assert reverse("partner:program_detail", args=[asked.pk]) in page
    assert "Realisation reports returned for correction" in page
    assert reverse("partner:realisation_detail", args=[returned.pk]) in page
    assert "Lampirkan kuitansi" in page
    assert "Program perusahaan lain" not in page
    assert "Nothing waits for you right now." not in page


def test_the_partner_needs_filters_start_folded_and_filtering_lands_on_the_results(officer_client, diapers):
    url = reverse("partner:need_list")
    first = officer_client.get(url).content.decode()
    filtered = officer_client.get(url, {"field": "kesehatan"}).content.decode()

    assert '<details class="filter-panel">' in first
    assert '<details class="filter-panel" open>' in filtered
    assert "filters applied" in filtered
    assert f'action="{url}#results"' in filtered
    assert 'id="results"' in filtered


def test_our_pledges_show_the_status_right_after_the_need(officer_client, officer, diapers):
    """On a phone the table scrolls sideways: the status comes before the figures, on screen."""
    pledge_in_state(PledgeStatus.OFFERED, need=diapers, company=officer.company, quantity=10)
    page = officer_client.get(reverse("partner:pledge_list")).content.decode()
    head = page[page.index('<table class="pledges">') :]

    assert head.index(">Status<") < head.index(">Quantity<") < head.index(">Value<")
    assert head.index("Your offer, awaiting Dinsos") < head.index("10 packages")
