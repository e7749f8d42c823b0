"""Every legal and every illegal move of a pledge, as the one transition table defines them."""

import pytest
from django.db import transaction
from django.utils import translation

from matching import services
from matching.errors import PledgeError
from matching.models import Pledge, PledgeStatus, PledgeStatusChange
from matching.services import TRANSITIONS
from tests.factories import CompanyFactory, NeedFactory, officer_user, pledge_in_state, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The refusals are read in their English wording, the msgids (Indonesian is the default)."""
    with translation.override("en"):
        yield


S = PledgeStatus
# Moves a person asks for directly; DELIVERED/VERIFIED/reopen follow from reports instead.
DIRECT_MOVES = {
    (S.PROPOSED, S.ACCEPTED): "partner",
    (S.PROPOSED, S.DECLINED): "partner",
    (S.OFFERED, S.APPROVED): "dinsos",
    (S.OFFERED, S.REJECTED): "dinsos",
    (S.PROPOSED, S.CANCELLED): "dinsos",
    (S.OFFERED, S.CANCELLED): "partner",
    (S.ACCEPTED, S.CANCELLED): "partner",
    (S.APPROVED, S.CANCELLED): "dinsos",
    (S.PROPOSED, S.LAPSED): "system",
    (S.OFFERED, S.LAPSED): "system",
}
REPORT_DRIVEN = {
    (S.ACCEPTED, S.DELIVERED),
    (S.APPROVED, S.DELIVERED),
    (S.DELIVERED, S.VERIFIED),
    (S.DELIVERED, S.ACCEPTED),
    (S.DELIVERED, S.APPROVED),
}


def test_the_table_has_no_move_this_test_does_not_know():
    assert set(TRANSITIONS) == set(DIRECT_MOVES) | REPORT_DRIVEN


def _actor(kind, pledge, staff):
    if kind == "system":
        return None
    if kind == "dinsos":
        return staff
    return pledge.company.officers.first().user


@pytest.mark.parametrize(("source", "target"), list(DIRECT_MOVES), ids=lambda s: str(s))
def test_legal_move_changes_status_and_writes_history(source, target):
    staff = staff_user()
    pledge = pledge_in_state(source, staff=staff)
    actor = _actor(DIRECT_MOVES[(source, target)], pledge, staff)
    moved = services.pledge_transition(pledge=pledge, to=target, actor=actor, reason="alasan")
    assert moved.status == target
    last = PledgeStatusChange.objects.filter(pledge=pledge).last()
    assert (last.old_status, last.new_status, last.actor, last.reason) == (source, target, actor, "alasan")


ALL_STATES = list(S)
ILLEGAL = [(a, b) for a in ALL_STATES for b in ALL_STATES if (a, b) not in TRANSITIONS]


@pytest.mark.parametrize(("source", "target"), ILLEGAL, ids=lambda s: str(s))
def test_illegal_move_is_refused_and_changes_nothing(source, target):
    staff = staff_user()
    pledge = pledge_in_state(source, staff=staff)
    need_before = pledge.need.__class__.objects.values().get(pk=pledge.need_id)
    history_before = PledgeStatusChange.objects.count()
    for actor in (staff, pledge.company.officers.first().user, None):
        with pytest.raises(PledgeError):
            services.pledge_transition(pledge=pledge, to=target, actor=actor, reason="x")
    assert Pledge.objects.get(pk=pledge.pk).status == source
    assert pledge.need.__class__.objects.values().get(pk=pledge.need_id) == need_before
    assert PledgeStatusChange.objects.count() == history_before


WRONG_ACTORS = {
    (S.PROPOSED, S.ACCEPTED): ["dinsos", "other_partner", "system"],
    (S.PROPOSED, S.DECLINED): ["dinsos", "other_partner", "system"],
    (S.OFFERED, S.APPROVED): ["partner", "other_partner", "system"],
    (S.OFFERED, S.REJECTED): ["partner", "other_partner", "system"],
    (S.APPROVED, S.CANCELLED): ["other_partner", "system"],
    (S.PROPOSED, S.CANCELLED): ["partner", "other_partner", "system"],
    (S.OFFERED, S.LAPSED): ["dinsos", "partner"],
}


@pytest.mark.parametrize(
    ("source", "target", "who"),
    [(s, t, who) for (s, t), whos in WRONG_ACTORS.items() for who in whos],
    ids=lambda s: str(s),
)
def test_move_by_the_wrong_side_is_refused(source, target, who):
    staff = staff_user()
    pledge = pledge_in_state(source, staff=staff)
    actor = {
        "dinsos": staff,
        "partner": pledge.company.officers.first().user,
        "other_partner": officer_user(CompanyFactory()),
        "system": None,
    }[who]
    with pytest.raises(PledgeError):
        services.pledge_transition(pledge=pledge, to=target, actor=actor, reason="x")
    assert Pledge.objects.get(pk=pledge.pk).status == source


def test_rejecting_or_cancelling_needs_a_reason():
    staff = staff_user()
    offer = pledge_in_state(S.OFFERED, staff=staff)
    with pytest.raises(PledgeError, match="reason"):
        services.pledge_transition(pledge=offer, to=S.REJECTED, actor=staff, reason="  ")
    with pytest.raises(PledgeError, match="reason"):
        services.pledge_transition(pledge=offer, to=S.CANCELLED, actor=staff, reason="")
    assert Pledge.objects.get(pk=offer.pk).status == S.OFFERED


def test_staff_without_the_permission_cannot_approve():
    staff = staff_user()
    offer = pledge_in_state(S.OFFERED, staff=staff)
    bare_staff = staff_user()
    bare_staff.groups.clear()
    with pytest.raises(PledgeError, match="permission"):
        services.pledge_transition(pledge=offer, to=S.APPROVED, actor=bare_staff)


def test_an_inactive_officer_cannot_answer():
    pledge = pledge_in_state(S.PROPOSED)
    officer = pledge.company.officers.first().user
    officer.is_active = False
    officer.save()
    with pytest.raises(PledgeError):
        services.pledge_transition(pledge=pledge, to=S.ACCEPTED, actor=officer)


def test_pledges_and_reports_are_never_deleted():
    pledge = pledge_in_state(S.DELIVERED)
    with pytest.raises(PermissionError):
        pledge.delete()
    with pytest.raises(PermissionError):
        Pledge.objects.all().delete()
    with pytest.raises(PermissionError):
        pledge.deliveries.first().delete()


def test_partner_cannot_offer_for_another_company():
    need = NeedFactory()
    other = officer_user(CompanyFactory())
    with pytest.raises(PledgeError):
        services.pledge_offer(need=need, company=CompanyFactory(), quantity=1, actor=other)
    assert not Pledge.objects.exists()


def test_only_staff_propose():
    company = CompanyFactory()
    with pytest.raises(PledgeError):
        services.pledge_propose(need=NeedFactory(), company=company, quantity=1, actor=officer_user(company))


# --- the moves offered are exactly the moves accepted ---------------------------------------------


@pytest.mark.parametrize("state", [s for s in PledgeStatus if s not in (PledgeStatus.DECLINED,)])
@pytest.mark.parametrize("who", ["partner", "staff", "other_officer", "system"])
def test_pledge_moves_for_offers_exactly_what_pledge_transition_accepts(state, who):
    pledge = pledge_in_state(state)
    actor = {
        "partner": officer_user(pledge.company),
        "staff": staff_user(),
        "other_officer": officer_user(CompanyFactory()),
        "system": None,
    }[who]
    offered = services.pledge_moves_for(pledge, actor)
    accepted = set()
    for target in PledgeStatus:
        try:
            with transaction.atomic():
                services.pledge_transition(pledge=pledge.pk, to=target, actor=actor, reason="Alasan")
                accepted.add(target)
                raise _Undo
        except (_Undo, PledgeError):
            pass
    assert offered == accepted


class _Undo(Exception):
    """Rolls a trial move back."""
