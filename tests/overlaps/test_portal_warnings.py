"""The overlap warnings in the partner portal (an offer, a program submitted for registration)
and the facility portal (a new need proposed): the overlaps are shown, going ahead needs a
reason (a form error otherwise, nothing changed), and the reason is recorded."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coverage import services as coverage_services
from coverage.models import CoverageSource, SupportKind
from facilities.models import Need
from matching.models import Pledge, PledgeStatus
from overlaps.models import OverlapAction, OverlapNote
from programs.models import Program, ProgramStatus
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    FacilityMemberFactory,
    NeedFactory,
    OfficerFactory,
    field,
    pledge_in_state,
    program_in_state,
    region,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    officer = OfficerFactory(company=CompanyFactory(name="PT Sawit Makmur"))
    client.force_login(officer.user)
    return officer


# --- an offer -------------------------------------------------------------------------------


def test_an_offer_beside_another_companys_pledge_is_warned_without_naming_it(client, officer):
    need = NeedFactory(quantity=40)
    pledge_in_state(PledgeStatus.APPROVED, need=need, company=CompanyFactory(name="PT Rahasia"), quantity=10)
    url = reverse("partner:pledge_create", args=[need.pk])
    response = client.post(url, {"quantity": "10"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "overlap-warning" in page and "PT Rahasia" not in page
    assert response.context["form"].errors["overlap_reason"]
    assert not Pledge.objects.filter(company=officer.company).exists()

    response = client.post(url, {"quantity": "10", "overlap_reason": "Kami menutup sisa 30 kasur bertahap."})
    assert response.status_code == 302
    pledge = Pledge.objects.get(company=officer.company)
    note = OverlapNote.objects.get()
    assert (note.action, note.pledge, note.need, note.actor) == (
        OverlapAction.PLEDGE_OFFERED,
        pledge,
        need,
        officer.user,
    )


def test_the_first_offer_needs_no_reason(client, officer):
    need = NeedFactory(quantity=40)
    pledge_in_state(PledgeStatus.REJECTED, need=need, quantity=10)
    response = client.post(reverse("partner:pledge_create", args=[need.pk]), {"quantity": "10"})
    assert response.status_code == 302
    assert not OverlapNote.objects.exists()


# --- a program submitted --------------------------------------------------------------------


def program_form(**overrides):
    today = timezone.localdate()
    data = {
        "title": "Sekolah lapang petani",
        "form": "empowerment",
        "fields": ["ekonomi-kerakyatan"],
        "budget": "150000000",
        "start_date": (today - datetime.timedelta(days=5)).isoformat(),
        "end_date": (today + datetime.timedelta(days=200)).isoformat(),
        "kecamatan": ["62.11.01"],
        "villages": "",
        "target_beneficiaries": "80",
        "action": "submit",
    }
    data.update(overrides)
    return data


def test_submitting_a_program_where_another_member_works_needs_a_reason(client, officer):
    other = program_in_state(ProgramStatus.ACTIVE, targets=("62.11.01",), title="Pelatihan tani PT Lain")
    response = client.post(reverse("partner:program_create"), program_form())
    assert response.status_code == 400
    assert "Pelatihan tani PT Lain" in response.content.decode()
    assert not Program.objects.filter(company=officer.company).exists()

    response = client.post(reverse("partner:program_create"), program_form(overlap_reason="Komoditas berbeda."))
    assert response.status_code == 302
    program = Program.objects.get(company=officer.company)
    note = OverlapNote.objects.get()
    assert (note.action, note.program, note.overlaps[0]["id"]) == (OverlapAction.PROGRAM_SUBMITTED, program, other.pk)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"kecamatan": ["62.11.02"]}, id="another-kecamatan"),
        pytest.param({"fields": ["pendidikan"]}, id="another-field"),
        pytest.param({"action": "save"}, id="a-draft-is-not-submitted"),
    ],
)
def test_programs_that_do_not_overlap_are_saved_without_a_reason(client, officer, changes):
    region("62.11.02")
    program_in_state(ProgramStatus.ACTIVE, targets=("62.11.01",))
    response = client.post(reverse("partner:program_create"), program_form(**changes))
    assert response.status_code == 302
    assert Program.objects.filter(company=officer.company).exists()
    assert not OverlapNote.objects.exists()


def test_the_submit_button_of_an_overlapping_draft_leads_to_the_form(client, officer):
    program_in_state(ProgramStatus.ACTIVE, targets=("62.11.01",))
    client.post(reverse("partner:program_create"), program_form(action="save"))
    draft = Program.objects.get(company=officer.company)
    response = client.post(reverse("partner:program_submit", args=[draft.pk]))
    assert response["Location"] == reverse("partner:program_edit", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == ProgramStatus.DRAFT
    client.post(reverse("partner:program_edit", args=[draft.pk]), program_form(overlap_reason="Lokasi desa lain."))
    draft.refresh_from_db()
    assert draft.status == ProgramStatus.SUBMITTED
    assert OverlapNote.objects.get().program == draft


# --- a need proposed by a facility ----------------------------------------------------------


NEW_NEED = {
    "title": "Kasur busa untuk asrama",
    "field": "kesehatan",
    "kind": "goods",
    "quantity": "12",
    "unit": "buah",
    "unit_cost": "900000",
    "priority": "2",
    "beneficiaries": "40",
}


@pytest.fixture
def member(client):
    member = FacilityMemberFactory(facility=FacilityFactory(region=region("62.11.01.2001")))
    client.force_login(member.user)
    return member


def test_a_facility_proposing_a_need_covered_by_apbd_gives_a_reason(client, member):
    today = timezone.localdate()
    coverage_services.coverage_create(
        actor=None,
        source=CoverageSource.APBD,
        program_name="Kasur panti APBD",
        region=None,
        facility=member.facility,
        field=field("kesehatan"),
        start_date=datetime.date(today.year, 1, 1),
        end_date=datetime.date(today.year, 12, 31),
        kind=SupportKind.GOODS,
        amount=30_000_000,
    )
    response = client.post(reverse("facility:need_new"), NEW_NEED)
    assert response.status_code == 400
    assert "Kasur panti APBD" in response.content.decode()
    assert not Need.objects.exists()
    response = client.post(reverse("facility:need_new"), {**NEW_NEED, "overlap_reason": "APBD untuk asrama lama."})
    assert response.status_code == 302
    note = OverlapNote.objects.get()
    assert (note.action, note.need.title, note.actor) == (OverlapAction.NEED_PROPOSED, NEW_NEED["title"], member.user)


def test_a_facility_proposing_a_new_kind_of_need_gives_no_reason(client, member):
    NeedFactory(facility=member.facility, title="Kasur busa", field=field("pendidikan"))
    NeedFactory(facility=FacilityFactory(region=member.facility.region), title="Kasur busa untuk asrama")
    response = client.post(reverse("facility:need_new"), NEW_NEED)
    assert response.status_code == 302
    assert not OverlapNote.objects.exists()
