"""The agency's side of a program's registration in the admin: actions, history, scoping,
the work queue, and programs staff write themselves."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from programs.models import Program, ProgramStatus
from tests.factories import StaffFactory, agency, field, officer_user, program_in_state, region

pytestmark = pytest.mark.django_db
S = ProgramStatus
CHANGELIST = "admin:programs_program_changelist"


@pytest.fixture
def pulpis():
    return agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")


@pytest.fixture
def staff(client, pulpis):
    user = StaffFactory(agency=pulpis)
    client.force_login(user)
    return user


@pytest.fixture
def officer():
    return officer_user()


def test_register_action_registers_submitted_programs_and_refuses_others(client, staff, officer):
    submitted = program_in_state(S.SUBMITTED, officer=officer, staff=staff)
    later = program_in_state(S.SUBMITTED, officer=officer, staff=staff)
    Program.objects.filter(pk=later.pk).update(start_date=timezone.localdate() + datetime.timedelta(days=30))
    active = program_in_state(S.ACTIVE, officer=officer, staff=staff)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "register_programs", "_selected_action": [submitted.pk, later.pk, active.pk]},
        follow=True,
    )
    assert Program.objects.get(pk=submitted.pk).status == S.ACTIVE
    assert Program.objects.get(pk=later.pk).status == S.PLANNED
    texts = [str(m) for m in response.context["messages"]]
    assert len(texts) == 2  # the success, and the refusal for the program already registered
    registered = Notification.objects.filter(recipient=officer, event="program_registered")
    assert {n.program_id for n in registered} == {submitted.pk, later.pk, active.pk}  # active's in its setup


@pytest.mark.parametrize(
    ("action", "state"),
    [("request_changes", S.CHANGES_REQUESTED), ("decline_programs", S.DECLINED), ("cancel_programs", S.CANCELLED)],
)
def test_answers_with_a_comment_ask_for_it_first(client, staff, officer, action, state):
    program = program_in_state(S.SUBMITTED, officer=officer, staff=staff)
    url = reverse(CHANGELIST)
    response = client.post(url, {"action": action, "_selected_action": [program.pk]})
    assert response.status_code == 200
    assert Program.objects.get(pk=program.pk).status == S.SUBMITTED
    client.post(url, {"action": action, "_selected_action": [program.pk], "apply": "1", "reason": "Lengkapi RAB"})
    program.refresh_from_db()
    assert (program.status, program.status_reason) == (state, "Lengkapi RAB")
    assert program.changes.last().actor == staff


def test_the_change_page_shows_the_history_and_edits_no_status(client, staff, officer):
    program = program_in_state(S.CHANGES_REQUESTED, officer=officer, staff=staff)
    response = client.get(reverse("admin:programs_program_change", args=[program.pk]), HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Lengkapi data sasaran" in page
    assert 'name="status"' not in page


def test_drafts_and_other_agencies_programs_are_not_shown(client, staff, officer):
    draft = program_in_state(S.DRAFT, officer=officer, staff=staff)
    jakarta = program_in_state(S.SUBMITTED, officer=officer, targets=("31.75.01",))
    ours = program_in_state(S.SUBMITTED, officer=officer, staff=staff)
    response = client.get(reverse(CHANGELIST))
    assert [p.pk for p in response.context["cl"].result_list] == [ours.pk]
    for other in (draft, jakarta):
        assert client.get(reverse("admin:programs_program_change", args=[other.pk])).status_code in (302, 404)
    client.post(reverse(CHANGELIST), {"action": "register_programs", "_selected_action": [jakarta.pk]})
    assert Program.objects.get(pk=jakarta.pk).status == S.SUBMITTED


def test_the_province_sees_the_programs_of_its_regencies(client, officer, pulpis):
    province_staff = StaffFactory(agency=agency("62", "Dinas Sosial Provinsi Kalimantan Tengah"))
    program = program_in_state(S.SUBMITTED, officer=officer)
    client.force_login(province_staff)
    client.post(reverse(CHANGELIST), {"action": "register_programs", "_selected_action": [program.pk]})
    assert Program.objects.get(pk=program.pk).status == S.ACTIVE


def test_the_work_queue_lists_programs_awaiting_registration(client, staff, officer):
    waiting = program_in_state(S.SUBMITTED, officer=officer, staff=staff)
    program_in_state(S.ACTIVE, officer=officer, staff=staff)
    program_in_state(S.SUBMITTED, officer=officer, targets=("31.75.01",))
    response = client.get(reverse("admin:matching_pledge_queue"))
    assert [item.obj.pk for item in response.context["items"] if item.kind == "programs"] == [waiting.pk]
    assert reverse("admin:programs_program_change", args=[waiting.pk]) in response.content.decode()


def _add_data(company, *targets):
    return {
        "company": company.pk,
        "title": "Bantuan sembako",
        "form": "donation",
        "fields": [field("sosial-keagamaan").pk],
        "budget": "5000000",
        "start_date": timezone.localdate().isoformat(),
        "target_regions": list(targets),
        "target_beneficiaries": "10",
        "changes-TOTAL_FORMS": "0",
        "changes-INITIAL_FORMS": "0",
    }


def test_staff_add_a_program_registered_with_their_agency(client, staff, officer, pulpis):
    company = officer.officer.company
    region("62.11.01")
    response = client.post(reverse("admin:programs_program_add"), _add_data(company, "62.11.01"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    program = Program.objects.get()
    assert (program.status, program.agency) == (S.PLANNED, pulpis)
    assert program.changes.get().actor == staff


def test_staff_cannot_target_outside_their_area(client, staff, officer):
    region("31.75.01")
    response = client.post(
        reverse("admin:programs_program_add"), _add_data(officer.officer.company, "31.75.01"), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "lie outside the area of Dinas Sosial Kabupaten Pulang Pisau" in response.content.decode()
    assert not Program.objects.exists()
