"""A facility proposes new needs (drafts) and changes (proposals); Dinsos publishes or applies."""

import pytest
from django.urls import reverse

from facilities import proposals, services
from facilities.models import Need, NeedProposal, NeedStatus, ProposalStatus
from facilities.services import NeedError
from notifications.models import Notification
from tests.factories import StaffFactory, agency, field, staff_user

pytestmark = pytest.mark.django_db

NEW_NEED = {
    "title": "Lemari pakaian",
    "field": "kesehatan",
    "kind": "goods",
    "quantity": "12",
    "unit": "buah",
    "unit_cost": "900000",
    "priority": "2",
    "beneficiaries": "40",
}


def test_a_proposed_need_is_a_draft_of_the_facility_and_staff_hear_of_it(member_client, facility):
    jakarta = StaffFactory(agency=agency("31"))
    response = member_client.post(reverse("facility:need_new"), {**NEW_NEED, "facility": "999"})
    assert response.status_code == 302
    need = Need.objects.get(title="Lemari pakaian")
    assert (need.facility, need.status) == (facility, NeedStatus.DRAFT)
    notice = Notification.objects.get(event="need_proposed", recipient=jakarta)
    assert notice.url == reverse("admin:facilities_need_change", args=[need.pk])
    assert "Lemari pakaian" in notice.text
    services.need_publish(need=need, actor=jakarta)
    assert Need.objects.get(pk=need.pk).status == NeedStatus.OPEN


def test_need_create_lets_a_facility_make_drafts_of_its_own_only(member, other_member, facility):
    values = {"title": "X", "field": field("kesehatan"), "kind": "goods", "quantity": 1, "unit": "buah"}
    with pytest.raises(NeedError):
        services.need_create(actor=member.user, publish=True, facility=facility, **values)
    with pytest.raises(NeedError):
        services.need_create(actor=other_member.user, publish=False, facility=facility, **values)
    assert not Need.objects.filter(title="X").exists()
    draft = services.need_create(actor=member.user, publish=False, facility=facility, **values)
    assert draft.status == NeedStatus.DRAFT


def test_a_proposed_change_waits_for_dinsos_and_is_applied_through_the_services(member, need):
    staff = staff_user()
    proposal = proposals.need_change_propose(
        actor=member.user, need=need, changes={"quantity": 50, "title": need.title}, note="Penghuni bertambah"
    )
    assert proposal.changes == {"quantity": 50}  # only what differs
    need.refresh_from_db()
    assert need.quantity == 40
    proposals.need_proposal_apply(proposal=proposal, actor=staff)
    need.refresh_from_db()
    proposal.refresh_from_db()
    assert (need.quantity, proposal.status, proposal.decided_by) == (50, ProposalStatus.APPLIED, staff)
    assert need.history.first().history_user == staff


def test_a_proposal_is_applied_from_the_admin(client, member, need):
    proposal = proposals.need_change_propose(actor=member.user, need=need, changes={"unit": "lembar"})
    client.force_login(staff_user())
    need_page = client.get(reverse("admin:facilities_need_change", args=[need.pk])).content.decode()
    assert reverse("admin:facilities_needproposal_change", args=[proposal.pk]) in need_page
    response = client.post(
        reverse("admin:facilities_needproposal_changelist"),
        {"action": "apply_proposals", "_selected_action": [proposal.pk]},
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.unit == "lembar"
    page = client.get(reverse("admin:facilities_needproposal_change", args=[proposal.pk])).content.decode()
    assert "lembar" in page


def test_a_proposal_below_what_partners_hold_is_refused(member, need):
    from matching.models import PledgeStatus
    from tests.factories import pledge_in_state

    pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=30)
    with pytest.raises(NeedError, match="below what partners"):
        proposals.need_change_propose(actor=member.user, need=need, changes={"quantity": 20})
    assert not NeedProposal.objects.exists()


def test_a_change_identical_to_the_need_is_refused_on_the_page(member_client, need):
    data = {
        "title": need.title,
        "field": need.field_id,
        "kind": need.kind,
        "quantity": need.quantity,
        "unit": need.unit,
        "unit_cost": need.unit_cost,
        "priority": need.priority,
        "needed_by": need.needed_by.isoformat(),
        "beneficiaries": need.beneficiaries,
    }
    response = member_client.post(reverse("facility:need_change", args=[need.pk]), data)
    assert response.status_code == 400
    assert "Nothing differs" in response.content.decode()
    assert not NeedProposal.objects.exists()


def test_declining_needs_a_reason(member, need):
    staff = staff_user()
    proposal = proposals.need_change_propose(actor=member.user, need=need, changes={"quantity": 41})
    with pytest.raises(NeedError):
        proposals.need_proposal_decline(proposal=proposal, actor=staff, reason=" ")
    proposals.need_proposal_decline(proposal=proposal, actor=staff, reason="Sudah dipenuhi APBD")
    with pytest.raises(NeedError, match="already answered"):
        proposals.need_proposal_apply(proposal=proposal, actor=staff)


def test_the_home_page_shows_needs_with_progress_and_deliveries_to_answer(member_client, need, report):
    page = member_client.get(reverse("facility:home")).content.decode()
    assert need.title in page
    assert 'class="progress"' in page
    assert reverse("facility:delivery_detail", args=[report.pk]) in page


def test_facility_pages_keep_their_query_count_as_deliveries_grow(
    member_client, need, company, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.facility_portal.conftest import reported
    from tests.factories import officer_user

    officer_user(company)
    reported(need, company, quantity=2)
    for name in ("home", "delivery_list"):
        with CaptureQueriesContext(connection) as small:
            assert member_client.get(reverse(f"facility:{name}")).status_code == 200
        for _ in range(4):
            reported(need, company, quantity=2)
        with django_assert_num_queries(len(small.captured_queries)):
            member_client.get(reverse(f"facility:{name}"))
