"""Needs change only through facilities.services: the admin, the import and the demo loader
call them, and they refuse what the workflow does not allow, changing nothing."""

import pytest
from django.urls import reverse
from django.utils import translation

from facilities import services
from facilities.models import Need, NeedStatus
from matching.models import PledgeStatus
from tests.facilities.helpers import cover
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, field, pledge_in_state, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """The refusals are read in their English wording, the msgids (Indonesian is the default)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def test_need_create_opens_a_need_or_keeps_a_draft():
    staff = staff_user()
    facility = FacilityFactory()
    values = {"facility": facility, "title": "Kasur", "field": field(), "kind": "goods", "quantity": 40, "unit": "buah"}
    need = services.need_create(actor=staff, **values)
    draft = services.need_create(actor=staff, publish=False, **{**values, "title": "Lemari"})
    assert need.status == NeedStatus.OPEN
    assert draft.status == NeedStatus.DRAFT
    assert need.history.first().history_user == staff


def test_need_create_refuses_an_invalid_need_and_writes_nothing():
    with pytest.raises(services.NeedError) as refused:
        services.need_create(actor=None, facility=FacilityFactory(), title="", field=field(), kind="goods", quantity=1)
    assert refused.value.field in {"title", "unit"}
    assert not Need.objects.exists()


def test_an_account_without_the_permission_cannot_change_needs(django_user_model):
    user = django_user_model.objects.create_user("tamu", password="x")
    need = NeedFactory()
    with pytest.raises(services.NeedError):
        services.need_update(need=need, actor=user, changes={"title": "Diganti"})
    need.refresh_from_db()
    assert need.title != "Diganti"


def test_need_update_refuses_a_quantity_below_what_pledges_hold():
    need = NeedFactory(quantity=40)
    cover(need, CompanyFactory(), 25)
    with pytest.raises(services.NeedError, match="below what partners have pledged"):
        services.need_update(need=need, actor=staff_user(), changes={"quantity": 20})
    need.refresh_from_db()
    assert need.quantity == 40


def test_need_update_cannot_touch_the_status_or_the_counters():
    need = NeedFactory()
    for changes in ({"status": NeedStatus.CANCELLED}, {"quantity_covered": 5}):
        with pytest.raises(services.NeedError, match="only through the workflow"):
            services.need_update(need=need, actor=staff_user(), changes=changes)
    need.refresh_from_db()
    assert (need.status, need.quantity_covered) == (NeedStatus.OPEN, 0)


def test_lowering_the_quantity_to_what_was_delivered_fulfils_the_need_and_raising_it_reopens():
    need = NeedFactory(quantity=40)
    cover(need, CompanyFactory(), 25, verified=25)
    need = services.need_update(need=need, actor=staff_user(), changes={"quantity": 25})
    assert need.status == NeedStatus.FULFILLED
    need = services.need_update(need=need, actor=staff_user(), changes={"quantity": 30})
    assert need.status == NeedStatus.OPEN
    assert need.quantity_remaining == 5


@pytest.mark.parametrize("state", [PledgeStatus.OFFERED, PledgeStatus.PROPOSED, PledgeStatus.APPROVED])
def test_cancelling_a_need_with_live_pledges_is_refused_and_changes_nothing(state):
    pledge = pledge_in_state(state)
    need = pledge.need
    with pytest.raises(services.NeedError, match="still has live pledges"):
        services.need_cancel(need=need, actor=staff_user(), reason="Panti ditutup")
    need.refresh_from_db()
    pledge.refresh_from_db()
    assert need.status == NeedStatus.OPEN
    assert pledge.status == state


def test_a_need_whose_pledges_are_all_delivered_or_gone_can_be_cancelled_with_its_reason():
    need = NeedFactory(quantity=40)
    cover(need, CompanyFactory(), 10, verified=10)
    pledge_in_state(PledgeStatus.CANCELLED, need=need)
    need = services.need_cancel(need=need, actor=staff_user(), reason="Sudah dipenuhi dinas lain")
    assert need.status == NeedStatus.CANCELLED
    assert need.history.first().history_change_reason == "Sudah dipenuhi dinas lain"


def test_cancelling_needs_a_reason():
    need = NeedFactory()
    with pytest.raises(services.NeedError, match="Say why"):
        services.need_cancel(need=need, actor=staff_user(), reason="  ")


def test_a_cancelled_need_reopens_and_a_fulfilled_one_reopens_only_with_a_higher_quantity():
    staff = staff_user()
    cancelled = services.need_cancel(need=NeedFactory(), actor=staff, reason="Salah ketik")
    assert services.need_reopen(need=cancelled, actor=staff).status == NeedStatus.OPEN

    fulfilled = NeedFactory(quantity=10)
    cover(fulfilled, CompanyFactory(), 10, verified=10)
    assert fulfilled.status == NeedStatus.FULFILLED
    with pytest.raises(services.NeedError, match="raise its quantity"):
        services.need_reopen(need=fulfilled, actor=staff)
    reopened = services.need_reopen(need=fulfilled, actor=staff, quantity=15)
    assert (reopened.status, reopened.quantity, reopened.quantity_remaining) == (NeedStatus.OPEN, 15, 5)


def test_fulfilled_is_never_chosen_by_hand():
    assert "by itself" in services.move_problem(NeedFactory(), NeedStatus.OPEN, NeedStatus.FULFILLED)


def test_a_draft_is_published():
    need = NeedFactory(status=NeedStatus.DRAFT)
    assert services.need_publish(need=need, actor=staff_user()).status == NeedStatus.OPEN


# --- the admin goes through the services ---------------------------------------------------------


def test_the_admin_form_shows_the_status_but_cannot_change_it(client):
    staff = staff_user()
    need = NeedFactory(quantity=40)
    client.force_login(staff)
    url = reverse("admin:facilities_need_change", args=[need.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()
    data = {
        "facility": need.facility_id,
        "title": "Kasur busa baru",
        "description": "",
        "field": need.field_id,
        "kind": need.kind,
        "status": NeedStatus.CANCELLED,
        "is_public": "on",
        "quantity": 40,
        "unit": need.unit,
        "unit_cost": need.unit_cost,
        "beneficiaries": 0,
        "priority": need.priority,
        "needed_by": "",
        "source": "",
        "source_date": "",
        "pledges-TOTAL_FORMS": "0",
        "pledges-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    need.refresh_from_db()
    assert (need.title, need.status) == ("Kasur busa baru", NeedStatus.OPEN)
    assert need.history.first().history_user == staff


def test_the_admin_refuses_a_quantity_below_the_pledges_with_a_form_error(client):
    need = NeedFactory(quantity=40)
    cover(need, CompanyFactory(), 30)
    client.force_login(staff_user())
    response = client.post(
        reverse("admin:facilities_need_change", args=[need.pk]),
        {
            "facility": need.facility_id,
            "title": need.title,
            "field": need.field_id,
            "kind": need.kind,
            "is_public": "on",
            "quantity": 10,
            "unit": need.unit,
            "unit_cost": need.unit_cost,
            "beneficiaries": 0,
            "priority": need.priority,
            "pledges-TOTAL_FORMS": "0",
            "pledges-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "below what partners have pledged" in response.content.decode()
    need.refresh_from_db()
    assert need.quantity == 40


def test_the_admin_cancel_action_asks_for_a_reason_and_refuses_needs_with_live_pledges(client):
    free = NeedFactory()
    pledged = pledge_in_state(PledgeStatus.OFFERED).need
    client.force_login(staff_user())
    url = reverse("admin:facilities_need_changelist")
    ids = [str(free.pk), str(pledged.pk)]
    asked = client.post(url, {"action": "cancel_needs", "_selected_action": ids})
    assert asked.status_code == 200
    assert 'name="reason"' in asked.content.decode()
    done = client.post(url, {"action": "cancel_needs", "_selected_action": ids, "apply": "1", "reason": "Tutup"})
    assert done.status_code == 302
    free.refresh_from_db()
    pledged.refresh_from_db()
    assert free.status == NeedStatus.CANCELLED
    assert pledged.status == NeedStatus.OPEN
