"""The overlap warnings in the admin (issue 26): the need form, publishing needs, approving
offers and registering programs. Going ahead over an overlap needs a reason (a form error
otherwise, nothing changed); the reason is recorded as an OverlapNote and shows in the work
queue."""

import datetime

import pytest
from django.contrib.admin import helpers
from django.urls import reverse
from django.utils import timezone

from coverage import services as coverage_services
from coverage.models import CoverageSource, SupportKind
from facilities.models import Need, NeedStatus
from matching.models import Pledge, PledgeStatus
from overlaps.models import OverlapAction, OverlapNote
from programs.models import ProgramStatus
from tests.factories import (
    FacilityFactory,
    NeedFactory,
    StaffFactory,
    agency,
    field,
    pledge_in_state,
    program_in_state,
    region,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = StaffFactory(agency=agency("62.11"))
    client.force_login(user)
    return user


@pytest.fixture
def facility():
    return FacilityFactory(region=region("62.11.01.2001"))


def apbd(facility=None, **overrides):
    today = timezone.localdate()
    data = {
        "source": CoverageSource.APBD,
        "program_name": "Pengadaan kasur panti (APBD 2026)",
        "region": None if facility else region("62.11.01"),
        "facility": facility,
        "field": field("kesehatan"),
        "start_date": datetime.date(today.year, 1, 1),
        "end_date": datetime.date(today.year, 12, 31),
        "kind": SupportKind.GOODS,
        "amount": 60_000_000,
    }
    data.update(overrides)
    return coverage_services.coverage_create(actor=None, **data)


def need_post(facility, **changes):
    data = {
        "facility": facility.pk,
        "title": "Kasur busa untuk asrama",
        "field": "kesehatan",
        "kind": "goods",
        "quantity": 20,
        "unit": "buah",
        "unit_cost": "1.000.000",
        "beneficiaries": 20,
        "priority": 3,
        "is_public": "on",
        "pledges-TOTAL_FORMS": 0,
        "pledges-INITIAL_FORMS": 0,
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return data


# --- the need form --------------------------------------------------------------------------


def test_a_new_need_without_overlap_is_saved_without_a_reason(client, staff, facility):
    NeedFactory(facility=facility, title="Laptop untuk belajar")
    response = client.post(reverse("admin:facilities_need_add"), need_post(facility))
    assert response.status_code == 302
    assert Need.objects.filter(title="Kasur busa untuk asrama").exists()
    assert not OverlapNote.objects.exists()


def test_a_new_need_covered_by_apbd_is_refused_without_a_reason(client, staff, facility):
    apbd(facility)
    response = client.post(reverse("admin:facilities_need_add"), need_post(facility))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["overlap_reason"]
    assert "Pengadaan kasur panti" in errors[0]
    assert not Need.objects.exists()
    assert not OverlapNote.objects.exists()


def test_a_new_need_over_a_similar_need_goes_ahead_with_a_reason(client, staff, facility):
    earlier = NeedFactory(facility=facility, title="Kasur busa asrama putra")
    response = client.post(
        reverse("admin:facilities_need_add"),
        need_post(facility, overlap_reason="Asrama putri, bukan putra: kebutuhan lain."),
    )
    assert response.status_code == 302
    need = Need.objects.get(title="Kasur busa untuk asrama")
    note = OverlapNote.objects.get()
    assert (note.action, note.need, note.actor) == (OverlapAction.NEED_CREATED, need, staff)
    assert note.overlaps[0]["kind"] == "need" and note.overlaps[0]["id"] == earlier.pk
    assert note.region_id == facility.region_id


# --- admin actions --------------------------------------------------------------------------


def action_post(client, model_url, action, pks, **extra):
    data = {"action": action, helpers.ACTION_CHECKBOX_NAME: [str(pk) for pk in pks], **extra}
    return client.post(reverse(model_url), data)


def test_publishing_a_draft_without_overlap_goes_ahead_at_once(client, staff, facility):
    draft = NeedFactory(facility=facility, status=NeedStatus.DRAFT, title="Kasur busa")
    response = action_post(client, "admin:facilities_need_changelist", "publish_needs", [draft.pk])
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == NeedStatus.OPEN


def test_publishing_a_draft_covered_by_apbd_asks_for_a_reason(client, staff, facility):
    apbd()  # the whole kecamatan
    draft = NeedFactory(facility=facility, status=NeedStatus.DRAFT, title="Kasur busa")
    page = action_post(client, "admin:facilities_need_changelist", "publish_needs", [draft.pk])
    assert page.status_code == 200
    assert "Pengadaan kasur panti" in page.content.decode()
    refused = action_post(client, "admin:facilities_need_changelist", "publish_needs", [draft.pk], apply="1")
    assert refused.status_code == 200
    assert refused.context["form"].errors["overlap_reason"]
    draft.refresh_from_db()
    assert draft.status == NeedStatus.DRAFT
    assert not OverlapNote.objects.exists()

    done = action_post(
        client,
        "admin:facilities_need_changelist",
        "publish_needs",
        [draft.pk],
        apply="1",
        overlap_reason="APBD hanya untuk panti lansia di kecamatan ini.",
    )
    assert done.status_code == 302
    draft.refresh_from_db()
    assert draft.status == NeedStatus.OPEN
    note = OverlapNote.objects.get()
    assert (note.action, note.need_id) == (OverlapAction.NEED_PUBLISHED, draft.pk)


def test_approving_an_offer_over_another_companys_pledge_needs_a_reason(client, staff, facility):
    need = NeedFactory(facility=facility, quantity=40)
    earlier = pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=10, staff=staff)
    offer = pledge_in_state(PledgeStatus.OFFERED, need=need, quantity=10, staff=staff)
    refused = action_post(client, "admin:matching_pledge_changelist", "approve_offers", [offer.pk], apply="1")
    assert refused.status_code == 200
    assert earlier.company.name in refused.content.decode()
    offer.refresh_from_db()
    assert offer.status == PledgeStatus.OFFERED

    action_post(
        client,
        "admin:matching_pledge_changelist",
        "approve_offers",
        [offer.pk],
        apply="1",
        overlap_reason="Bersama-sama menutup 40 kasur.",
    )
    offer.refresh_from_db()
    assert offer.status == PledgeStatus.APPROVED
    note = OverlapNote.objects.get()
    assert (note.action, note.pledge_id, note.need_id) == (OverlapAction.PLEDGE_APPROVED, offer.pk, need.pk)
    assert [item["id"] for item in note.overlaps] == [earlier.pk]


def test_approving_the_only_offer_goes_ahead_at_once(client, staff, facility):
    offer = pledge_in_state(PledgeStatus.OFFERED, need=NeedFactory(facility=facility), staff=staff)
    response = action_post(client, "admin:matching_pledge_changelist", "approve_offers", [offer.pk])
    assert response.status_code == 302
    assert Pledge.objects.get(pk=offer.pk).status == PledgeStatus.APPROVED


def test_registering_a_program_overlapping_another_needs_a_reason(client, staff):
    other = program_in_state(ProgramStatus.ACTIVE, targets=("62.11.01",), staff=staff, title="Sekolah lapang tani")
    submitted = program_in_state(ProgramStatus.SUBMITTED, targets=("62.11.01",), staff=staff)
    page = action_post(client, "admin:programs_program_changelist", "register_programs", [submitted.pk])
    assert other.title in page.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == ProgramStatus.SUBMITTED
    action_post(
        client,
        "admin:programs_program_changelist",
        "register_programs",
        [submitted.pk],
        apply="1",
        overlap_reason="Desa sasaran berbeda.",
    )
    submitted.refresh_from_db()
    assert submitted.is_registered
    note = OverlapNote.objects.get()
    assert (note.action, note.program_id) == (OverlapAction.PROGRAM_REGISTERED, submitted.pk)
    assert note.region_id == "62.11.01"


# --- the work queue -------------------------------------------------------------------------


def test_overlap_notes_show_in_the_work_queue_of_their_area_only(client, staff, facility):
    NeedFactory(facility=facility, title="Kasur busa asrama putra")
    client.post(reverse("admin:facilities_need_add"), need_post(facility, overlap_reason="Asrama lain."))
    page = client.get(reverse("admin:matching_pledge_queue")).content.decode()
    assert "Asrama lain." in page and "Kasur busa asrama putra" in page

    client.force_login(StaffFactory(agency=agency("31")))
    page = client.get(reverse("admin:matching_pledge_queue")).content.decode()
    assert "Asrama lain." not in page


def test_the_reason_is_asked_of_a_new_need_only(client, staff, facility):
    assert 'name="overlap_reason"' in client.get(reverse("admin:facilities_need_add")).content.decode()
    need = NeedFactory(facility=facility)
    page = client.get(reverse("admin:facilities_need_change", args=[need.pk])).content.decode()
    assert 'name="overlap_reason"' not in page
