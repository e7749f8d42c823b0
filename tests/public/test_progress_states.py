"""What the public reads of a need's progress in each pledge state (issue 24): a Dinsos proposal
that no partner has answered is no pledge, so the need stays open and its help form stays;
offers awaiting Dinsos are shown apart; one vocabulary (pledged, delivered) on every page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from facilities.models import Need
from facilities.selectors import most_urgent_needs
from matching import services
from matching.models import PledgeStatus
from tests.factories import NeedFactory, pledge_in_state, staff_user

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
ID = {"HTTP_ACCEPT_LANGUAGE": "id"}
NEEDS = reverse("facilities:need_list")
S = PledgeStatus
HELP_FORM = 'name="email"'


def counters(need):
    need = Need.objects.get(pk=need.pk)
    return need.quantity_pending, need.quantity_proposed, need.quantity_covered, need.quantity_delivered


def pages(client, need, headers=EN):
    listing = client.get(NEEDS, **headers).content.decode()
    page = client.get(need.get_absolute_url(), **headers).content.decode()
    return listing, page


# (state, open quantity, legend the listing shows, form shown)
STATES = [
    (S.PROPOSED, 10, "Proposed to a partner 10, not yet answered", True),
    (S.OFFERED, 0, "Offered, awaiting Dinsos 10 (100%)", False),
    (S.ACCEPTED, 0, "Pledged 10 (100%)", False),
    (S.APPROVED, 0, "Pledged 10 (100%)", False),
    (S.DELIVERED, 0, "Pledged 10 (100%)", False),
    (S.DECLINED, 10, "Pledged 0 (0%)", True),
    (S.REJECTED, 10, "Pledged 0 (0%)", True),
    (S.CANCELLED, 10, "Pledged 0 (0%)", True),
    (S.LAPSED, 10, "Pledged 0 (0%)", True),
]


@pytest.mark.parametrize(("state", "open_quantity", "legend", "form_shown"), STATES, ids=[s[0] for s in STATES])
def test_the_public_progress_says_what_happened_in_each_pledge_state(client, state, open_quantity, legend, form_shown):
    need = NeedFactory(quantity=10)
    pledge_in_state(state, need=need, quantity=10)

    listing, page = pages(client, need)

    assert Need.objects.get(pk=need.pk).quantity_open == open_quantity
    assert legend in listing
    assert legend in page
    assert f"<strong>{open_quantity}</strong> not yet pledged or offered" in listing
    assert (HELP_FORM in page) is form_shown
    # An offer awaiting Dinsos closes the form but is never called covered.
    assert ("This need is fully covered" in page) is (not form_shown and state != S.OFFERED)
    assert ("Partners have offered the rest of this need" in page) is (state == S.OFFERED)


def test_a_verified_delivery_reads_delivered_and_the_need_is_fulfilled(client):
    need = NeedFactory(quantity=10)
    pledge_in_state(S.VERIFIED, need=need, quantity=10)

    page = client.get(need.get_absolute_url(), **EN).content.decode()

    assert "Pledged 10 (100%)" in page
    assert "Delivered 10 (100%)" in page
    assert "This need is fulfilled." in page


def test_a_proposal_only_need_is_open_and_says_proposed_to_a_partner(client):
    need = NeedFactory(quantity=10)
    pledge_in_state(S.PROPOSED, need=need, quantity=10)

    _, page = pages(client, need)
    _, page_id = pages(client, need, ID)

    assert "Help with this need" in page
    assert "Until a partner agrees, this need stays open." in page
    assert "Offers for" not in page
    assert "Awaiting" not in page
    assert "Diusulkan kepada mitra 10, belum dijawab" in page_id
    assert "Menunggu Dinsos" not in page_id
    assert "sudah tercukupi" not in page_id


def test_indonesian_progress_speaks_of_pledged_and_delivered_never_fulfilled_numbers(client):
    """ "Terpenuhi 0 (0%)" beside "0 belum terpenuhi" told two stories: the legend now says
    dijanjikan and tersalurkan, the card what is not yet pledged or offered."""
    need = NeedFactory(quantity=30)
    pledge_in_state(S.APPROVED, need=need, quantity=30)

    listing, page = pages(client, need, ID)

    assert "Dijanjikan 30 (100%)" in listing
    assert "Tersalurkan 0 (0%)" in listing
    assert "Terpenuhi 30" not in listing
    assert "belum terpenuhi" not in page


def test_the_proposed_counter_follows_the_proposal_through_its_answer():
    need = NeedFactory(quantity=30)
    staff = staff_user()
    proposal = pledge_in_state(S.PROPOSED, need=need, quantity=10, staff=staff)
    pledge_in_state(S.OFFERED, need=need, quantity=5, staff=staff)
    assert counters(need) == (15, 10, 0, 0)

    partner = proposal.company.officers.first().user
    services.pledge_reduce(pledge=proposal, quantity=6, actor=staff, reason="Stok terbatas")
    assert counters(need) == (11, 6, 0, 0)

    services.pledge_transition(pledge=proposal, to=S.ACCEPTED, actor=partner)
    assert counters(need) == (5, 0, 6, 0)


@pytest.mark.parametrize("answer", [S.DECLINED, S.LAPSED, S.CANCELLED])
def test_a_proposal_that_ends_unanswered_or_declined_frees_the_proposed_counter(answer):
    need = NeedFactory(quantity=10)
    pledge_in_state(answer, need=need, quantity=10)
    assert counters(need) == (0, 0, 0, 0)


def test_most_urgent_needs_are_open_not_yet_covered_and_not_past_their_date():
    today = timezone.localdate()
    ahead = NeedFactory(title="Kasur", needed_by=today + datetime.timedelta(days=5))
    undated = NeedFactory(title="Bantal", needed_by=None)
    proposed = NeedFactory(title="Selimut", quantity=10, needed_by=today)
    pledge_in_state(S.PROPOSED, need=proposed, quantity=10)
    past = NeedFactory(title="Lemari", needed_by=today - datetime.timedelta(days=1))
    covered = NeedFactory(title="Kursi", quantity=10, needed_by=today + datetime.timedelta(days=5))
    pledge_in_state(S.APPROVED, need=covered, quantity=10)
    offered = NeedFactory(title="Meja", quantity=10)
    pledge_in_state(S.OFFERED, need=offered, quantity=10)

    urgent = {need.pk for need in most_urgent_needs(limit=10)}

    assert urgent == {ahead.pk, undated.pk, proposed.pk}
    assert past.pk not in urgent


# --- phones: after filtering, the results come first ---------------------------------------------


def test_filtering_needs_lands_on_the_results(client):
    NeedFactory()
    page = client.get(NEEDS, {"field": "kesehatan"}, **EN).content.decode()

    assert f'action="{NEEDS}#results"' in page
    assert 'id="results"' in page
    assert "filters applied" in page
