"""The coverage arithmetic: a need's counters follow its pledges and never exceed it."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from facilities.models import Need, NeedStatus
from matching import services
from matching.errors import PledgeError
from matching.models import Pledge, PledgeStatus
from tests.factories import CompanyFactory, NeedFactory, officer_user, pledge_in_state, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The refusals are read in their English wording, the msgids (Indonesian is the default)."""
    with translation.override("en"):
        yield


S = PledgeStatus


def counters(need):
    need = Need.objects.get(pk=need.pk)
    return need.quantity_pending, need.quantity_covered, need.quantity_delivered, need.status


def test_offer_reserves_then_approval_covers():
    need = NeedFactory(quantity=40)
    staff = staff_user()
    offer = pledge_in_state(S.OFFERED, need=need, quantity=25, staff=staff)
    assert counters(need) == (25, 0, 0, NeedStatus.OPEN)
    services.pledge_transition(pledge=offer, to=S.APPROVED, actor=staff)
    assert counters(need) == (0, 25, 0, NeedStatus.OPEN)


def test_two_companies_cover_one_need_in_parts_and_it_fulfils_itself():
    need = NeedFactory(quantity=40)
    staff = staff_user()
    first = pledge_in_state(S.APPROVED, need=need, quantity=25, staff=staff)
    second = pledge_in_state(S.ACCEPTED, need=need, quantity=15, staff=staff)
    assert counters(need) == (0, 40, 0, NeedStatus.OPEN)
    with pytest.raises(PledgeError, match="Only 0"):
        pledge_in_state(S.OFFERED, need=need, quantity=1, staff=staff)

    for pledge, parts in ((first, [10, 15]), (second, [15])):
        partner = pledge.company.officers.first().user
        for part in parts:
            report = services.delivery_report_submit(
                pledge=pledge, actor=partner, delivered_on=timezone.localdate(), quantity=part
            )
            services.delivery_verify(report=report, actor=staff)
    assert counters(need) == (0, 40, 40, NeedStatus.FULFILLED)
    assert set(Pledge.objects.filter(need=need).values_list("status", flat=True)) == {S.VERIFIED}


def test_partial_delivery_keeps_the_pledge_open_until_the_whole_quantity_is_reported():
    staff = staff_user()
    pledge = pledge_in_state(S.APPROVED, quantity=10, staff=staff)
    partner = pledge.company.officers.first().user
    report = services.delivery_report_submit(
        pledge=pledge, actor=partner, delivered_on=timezone.localdate(), quantity=4
    )
    services.delivery_verify(report=report, actor=staff)
    pledge.refresh_from_db()
    assert (pledge.status, pledge.quantity_reported, pledge.quantity_verified) == (S.APPROVED, 4, 4)
    assert counters(pledge.need)[2] == 4
    with pytest.raises(PledgeError, match="Only 6"):
        services.delivery_report_submit(pledge=pledge, actor=partner, delivered_on=timezone.localdate(), quantity=7)


def test_cancelling_frees_the_quantity():
    need = NeedFactory(quantity=40)
    staff = staff_user()
    pledge = pledge_in_state(S.APPROVED, need=need, quantity=30, staff=staff)
    services.pledge_transition(pledge=pledge, to=S.CANCELLED, actor=staff, reason="Perusahaan menunda program")
    assert counters(need) == (0, 0, 0, NeedStatus.OPEN)
    assert Need.objects.get(pk=need.pk).quantity_remaining == 40


def test_declining_rejecting_and_lapsing_free_the_reservation():
    need = NeedFactory(quantity=30)
    staff = staff_user()
    for state in (S.DECLINED, S.REJECTED, S.LAPSED):
        pledge_in_state(state, need=need, quantity=10, staff=staff)
    assert counters(need) == (0, 0, 0, NeedStatus.OPEN)


def test_reducing_frees_the_difference_and_may_complete_the_delivery():
    need = NeedFactory(quantity=40)
    staff = staff_user()
    pledge = pledge_in_state(S.APPROVED, need=need, quantity=30, staff=staff)
    partner = pledge.company.officers.first().user
    services.delivery_report_submit(pledge=pledge, actor=partner, delivered_on=timezone.localdate(), quantity=20)
    with pytest.raises(PledgeError, match="20 were already reported"):
        services.pledge_reduce(pledge=pledge, quantity=15, actor=partner, reason="Stok habis")
    reduced = services.pledge_reduce(pledge=pledge, quantity=20, actor=partner, reason="Stok habis")
    assert reduced.status == S.DELIVERED
    assert counters(need) == (0, 20, 0, NeedStatus.OPEN)
    assert Need.objects.get(pk=need.pk).quantity_remaining == 20


def test_cancelling_after_a_reported_delivery_is_refused():
    staff = staff_user()
    pledge = pledge_in_state(S.APPROVED, quantity=10, staff=staff)
    partner = pledge.company.officers.first().user
    services.delivery_report_submit(pledge=pledge, actor=partner, delivered_on=timezone.localdate(), quantity=3)
    with pytest.raises(PledgeError, match="reduce it"):
        services.pledge_transition(pledge=pledge, to=S.CANCELLED, actor=staff, reason="x")


def test_rejected_delivery_report_reopens_the_pledge():
    staff = staff_user()
    pledge = pledge_in_state(S.DELIVERED, quantity=10, staff=staff)
    report = pledge.deliveries.get()
    services.delivery_reject(report=report, actor=staff, reason="BAST belum ditandatangani")
    pledge.refresh_from_db()
    assert (pledge.status, pledge.quantity_reported) == (S.APPROVED, 0)
    with pytest.raises(PledgeError, match="already reviewed"):
        services.delivery_verify(report=report, actor=staff)


@pytest.mark.parametrize("quantity", [0, -5, 41, "3"], ids=["zero", "negative", "beyond", "text"])
def test_offer_with_a_bad_quantity_creates_nothing(quantity):
    need = NeedFactory(quantity=40)
    company = CompanyFactory()
    with pytest.raises(PledgeError):
        services.pledge_offer(need=need, company=company, quantity=quantity, actor=officer_user(company))
    assert not Pledge.objects.exists()
    assert counters(need) == (0, 0, 0, NeedStatus.OPEN)


def test_no_pledges_on_a_need_that_is_not_open():
    need = NeedFactory(status=NeedStatus.DRAFT)
    company = CompanyFactory()
    with pytest.raises(PledgeError, match="no longer open"):
        services.pledge_offer(need=need, company=company, quantity=1, actor=officer_user(company))


@pytest.mark.parametrize(
    "values",
    [
        {"quantity": 0},
        {"quantity": -1},
        {"quantity_pending": 30, "quantity_covered": 20},
        {"quantity_covered": 5, "quantity_delivered": 6},
        {"quantity_pending": 5, "quantity_proposed": 6},
    ],
    ids=[
        "zero-quantity",
        "negative-quantity",
        "pledged-beyond-quantity",
        "delivered-beyond-covered",
        "proposed-beyond-pending",
    ],
)
def test_the_database_refuses_impossible_needs(values):
    need = NeedFactory(quantity=40)
    # Bypass the services on purpose: the constraint is the last line of defence.
    with pytest.raises(IntegrityError), transaction.atomic():
        Need.objects.filter(pk=need.pk).update(**values)


def test_the_database_refuses_a_zero_pledge():
    pledge = pledge_in_state(S.OFFERED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pledge.objects.filter(pk=pledge.pk).update(quantity=0)
