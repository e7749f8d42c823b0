"""The registration of a company's CSR program: every move of the one table, by whom, with
which reason, and what it leaves behind (status history, notices, e-mails)."""

import datetime

import pytest
from django.utils import timezone, translation

from agencies.models import StaffRole
from notifications.models import Notification, OutgoingEmail
from programs import services
from programs.errors import ProgramError
from programs.models import Program, ProgramStatus, ProgramStatusChange
from tests.factories import (
    CompanyFactory,
    StaffFactory,
    agency,
    field,
    officer_user,
    program_data,
    program_in_state,
    region,
)

pytestmark = pytest.mark.django_db
S = ProgramStatus


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def pulpis():
    return agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")


@pytest.fixture
def jakarta():
    return agency("31", "Dinas Sosial Provinsi DKI Jakarta")


@pytest.fixture
def company():
    return CompanyFactory(name="PT Sawit Lestari")


@pytest.fixture
def officer(company):
    return officer_user(company, user__email="ani@sawit.example")


@pytest.fixture
def staff(pulpis):
    return StaffFactory(agency=pulpis, email="dinsos@pulpis.example")


@pytest.fixture
def actors(officer, staff, jakarta, pulpis, company):
    return {
        "officer": officer,
        "staff": staff,
        "other_officer": officer_user(CompanyFactory()),
        "other_staff": StaffFactory(agency=jakarta),
        "viewer": StaffFactory(agency=pulpis, agency__role=StaffRole.VIEWER),
        "national": StaffFactory(),
    }


# (from, to, actor, allowed): every move of the table, and refusals of the wrong actor.
CASES = [
    (S.DRAFT, S.SUBMITTED, "officer", True),
    (S.DRAFT, S.SUBMITTED, "staff", False),
    (S.DRAFT, S.SUBMITTED, "other_officer", False),
    (S.CHANGES_REQUESTED, S.SUBMITTED, "officer", True),
    (S.CHANGES_REQUESTED, S.SUBMITTED, "staff", False),
    (S.SUBMITTED, S.ACTIVE, "staff", True),
    (S.SUBMITTED, S.PLANNED, "staff", True),
    (S.SUBMITTED, S.ACTIVE, "national", True),
    (S.SUBMITTED, S.ACTIVE, "officer", False),
    (S.SUBMITTED, S.ACTIVE, "other_staff", False),
    (S.SUBMITTED, S.ACTIVE, "viewer", False),
    (S.SUBMITTED, S.CHANGES_REQUESTED, "staff", True),
    (S.SUBMITTED, S.CHANGES_REQUESTED, "officer", False),
    (S.SUBMITTED, S.DECLINED, "staff", True),
    (S.SUBMITTED, S.DECLINED, "other_staff", False),
    (S.SUBMITTED, S.DECLINED, "officer", False),
    (S.PLANNED, S.ACTIVE, "officer", True),
    (S.PLANNED, S.ACTIVE, "staff", True),
    (S.PLANNED, S.ACTIVE, "other_officer", False),
    (S.PLANNED, S.COMPLETED, "staff", True),
    (S.ACTIVE, S.COMPLETED, "officer", True),
    (S.ACTIVE, S.COMPLETED, "staff", True),
    (S.ACTIVE, S.COMPLETED, "viewer", False),
    (S.DRAFT, S.CANCELLED, "officer", True),
    (S.DRAFT, S.CANCELLED, "staff", False),
    (S.SUBMITTED, S.CANCELLED, "officer", True),
    (S.SUBMITTED, S.CANCELLED, "staff", True),
    (S.CHANGES_REQUESTED, S.CANCELLED, "officer", True),
    (S.PLANNED, S.CANCELLED, "staff", True),
    (S.ACTIVE, S.CANCELLED, "officer", True),
    (S.ACTIVE, S.CANCELLED, "other_staff", False),
    # Not in the table at all.
    (S.DRAFT, S.ACTIVE, "staff", False),
    (S.DECLINED, S.SUBMITTED, "officer", False),
    (S.COMPLETED, S.ACTIVE, "staff", False),
    (S.CANCELLED, S.SUBMITTED, "officer", False),
    (S.ACTIVE, S.SUBMITTED, "officer", False),  # only by editing the program
    (S.ACTIVE, S.DRAFT, "officer", False),
]


@pytest.mark.parametrize(("old", "new", "who", "allowed"), CASES, ids=[f"{o}-to-{n}-by-{w}" for o, n, w, _a in CASES])
def test_every_move_allowed_or_refused_by_actor(actors, company, officer, staff, old, new, who, allowed):
    program = program_in_state(old, company=company, officer=officer, staff=staff)
    changes = ProgramStatusChange.objects.count()
    # The buttons offered are exactly the moves the service accepts.
    assert (new in services.program_moves_for(program, actors[who])) == allowed
    call = lambda: services.program_move(program=program, to=new, actor=actors[who], reason="Alasan")  # noqa: E731
    if allowed:
        call()
        program.refresh_from_db()
        assert program.status == new
        last = program.changes.last()
        assert (last.old_status, last.new_status, last.actor) == (old, new, actors[who])
        assert program.status_reason == "Alasan"
    else:
        with pytest.raises(ProgramError):
            call()
        program.refresh_from_db()
        assert program.status == old
        assert ProgramStatusChange.objects.count() == changes


@pytest.mark.parametrize(
    ("old", "new", "who"),
    [
        (S.SUBMITTED, S.CHANGES_REQUESTED, "staff"),
        (S.SUBMITTED, S.DECLINED, "staff"),
        (S.SUBMITTED, S.CANCELLED, "staff"),
        (S.ACTIVE, S.CANCELLED, "officer"),
    ],
    ids=["changes-need-a-comment", "decline-needs-a-reason", "staff-cancel", "officer-cancel"],
)
def test_reasons_are_required(actors, company, officer, staff, old, new, who):
    program = program_in_state(old, company=company, officer=officer, staff=staff)
    with pytest.raises(ProgramError, match="reason"):
        services.program_move(program=program, to=new, actor=actors[who], reason="   ")
    program.refresh_from_db()
    assert program.status == old


def test_a_draft_is_cancelled_without_a_reason(company, officer):
    program = program_in_state(S.DRAFT, company=company, officer=officer)
    services.program_move(program=program, to=S.CANCELLED, actor=officer)
    assert Program.objects.get(pk=program.pk).status == S.CANCELLED


@pytest.mark.parametrize(
    ("start", "expected"), [(1, S.PLANNED), (0, S.ACTIVE), (-5, S.ACTIVE)], ids=["future", "today", "past"]
)
def test_registering_chooses_planned_or_active_by_start_date(company, officer, staff, start, expected):
    today = timezone.localdate()
    program = services.program_create(
        company=company,
        actor=officer,
        data=program_data(start_date=today + datetime.timedelta(days=start)),
        submit=True,
    )
    services.program_register(program=program, actor=staff)
    assert Program.objects.get(pk=program.pk).status == expected


def test_the_agency_is_the_one_of_the_targets(company, officer, pulpis):
    province = agency("62", "Dinas Sosial Provinsi Kalimantan Tengah")
    one = services.program_create(company=company, actor=officer, data=program_data("62.11.01", "62.11.02.2001"))
    assert one.agency == pulpis
    # Targets in two regencies: the province, whose area holds both.
    two = services.program_create(company=company, actor=officer, data=program_data("62.11.01", "62.10.03"))
    assert two.agency == province


def test_targets_under_no_common_agency_are_refused_and_nothing_written(company, officer, pulpis, jakarta):
    before = (Program.objects.count(), ProgramStatusChange.objects.count(), Notification.objects.count())
    with pytest.raises(ProgramError, match="No one agency"):
        services.program_create(company=company, actor=officer, data=program_data("62.11.01", "31.75.01"), submit=True)
    with pytest.raises(ProgramError, match="No one agency"):
        services.program_create(company=company, actor=officer, data=program_data("63.01.01"), submit=True)
    assert (Program.objects.count(), ProgramStatusChange.objects.count(), Notification.objects.count()) == before


def test_a_changed_target_outside_the_registering_agencys_area_is_refused(company, officer, staff, jakarta):
    program = program_in_state(S.CHANGES_REQUESTED, company=company, officer=officer, staff=staff)
    before = list(program.target_regions.values_list("code", flat=True))
    with pytest.raises(ProgramError, match="outside the area of Dinas Sosial Kabupaten Pulang Pisau"):
        services.program_update(program=program, actor=officer, data=program_data("31.75.01", title="Pindah"))
    program.refresh_from_db()
    assert program.title == "Pelatihan usaha tani"
    assert list(program.target_regions.values_list("code", flat=True)) == before


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"fields": []}, "at least one field"),
        ({"budget": -1}, "budget cannot be negative"),
        ({"end_date": timezone.localdate() - datetime.timedelta(days=30)}, "cannot end before it starts"),
        ({"target_regions": []}, "at least one target"),
        ({"title": "  "}, "title"),
        ({"target_regions": "regency"}, "choose kecamatan or villages"),
    ],
    ids=["no-field", "negative-budget", "ends-before-start", "no-target", "no-title", "regency-target"],
)
def test_bad_input_is_refused_and_nothing_written(company, officer, pulpis, overrides, message):
    if overrides.get("target_regions") == "regency":
        overrides = {"target_regions": [region("62.11")]}
    before = Program.objects.count()
    with pytest.raises(ProgramError, match=message):
        services.program_create(company=company, actor=officer, data=program_data(**overrides), submit=True)
    assert Program.objects.count() == before


def test_only_an_officer_of_the_company_writes_its_programs(company, staff, pulpis):
    other = officer_user(CompanyFactory())
    for actor in (staff, other, None):
        with pytest.raises(ProgramError):
            services.program_create(company=company, actor=actor, data=program_data())
    assert not Program.objects.exists()


def test_editing_a_draft_or_a_returned_program_keeps_its_state(company, officer, staff):
    draft = program_in_state(S.DRAFT, company=company, officer=officer)
    services.program_update(program=draft, actor=officer, data=program_data(title="Baru"))
    returned = program_in_state(S.CHANGES_REQUESTED, company=company, officer=officer, staff=staff)
    services.program_update(program=returned, actor=officer, data=program_data(budget=300_000_000))
    assert Program.objects.get(pk=draft.pk).status == S.DRAFT
    assert Program.objects.get(pk=draft.pk).title == "Baru"
    assert Program.objects.get(pk=returned.pk).status == S.CHANGES_REQUESTED
    services.program_update(program=returned, actor=officer, data=program_data(), submit=True)
    assert Program.objects.get(pk=returned.pk).status == S.SUBMITTED


@pytest.mark.parametrize("state", [S.PLANNED, S.ACTIVE])
def test_editing_a_registered_program_sends_it_back_to_the_agency(company, officer, staff, state):
    program = program_in_state(state, company=company, officer=officer, staff=staff)
    Notification.objects.all().delete()
    services.program_update(program=program, actor=officer, data=program_data(budget=400_000_000))
    program.refresh_from_db()
    assert (program.status, program.budget) == (S.SUBMITTED, 400_000_000)
    last = program.changes.last()
    assert (last.old_status, last.new_status, last.actor) == (state, S.SUBMITTED, officer)
    notice = Notification.objects.get(recipient=staff)
    assert notice.event == "program_changed"
    assert "waits for registration by Dinas Sosial Kabupaten Pulang Pisau again" in notice.text


@pytest.mark.parametrize("state", [S.SUBMITTED, S.DECLINED, S.COMPLETED, S.CANCELLED])
def test_programs_out_of_the_companys_hands_cannot_be_edited(company, officer, staff, state):
    program = program_in_state(state, company=company, officer=officer, staff=staff)
    with pytest.raises(ProgramError, match="cannot be changed"):
        services.program_update(program=program, actor=officer, data=program_data(title="X"))
    assert Program.objects.get(pk=program.pk).title == "Pelatihan usaha tani"


def test_submitting_tells_the_agencys_deciding_staff(company, officer, staff, jakarta, pulpis):
    viewer = StaffFactory(agency=pulpis, agency__role=StaffRole.VIEWER)
    elsewhere = StaffFactory(agency=jakarta)
    program = services.program_create(company=company, actor=officer, data=program_data(), submit=True)
    notices = Notification.objects.filter(program=program)
    assert [n.recipient for n in notices] == [staff]
    assert notices.get().url == f"/admin/programs/program/{program.pk}/change/"
    assert "PT Sawit Lestari submits its program “Pelatihan usaha tani”" in notices.get().text
    email = OutgoingEmail.objects.get(to="dinsos@pulpis.example")
    assert email.event == "program_submitted"
    assert "mengajukan programnya" in email.body and "submits its program" in email.body
    assert not Notification.objects.filter(recipient__in=[viewer, elsewhere]).exists()


def test_a_draft_tells_no_one(company, officer, staff):
    program_in_state(S.DRAFT, company=company, officer=officer)
    assert not Notification.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_asking_for_changes_tells_the_company_with_the_comment(company, officer, staff):
    colleague = officer_user(company, user__email="budi@sawit.example")
    gone = officer_user(company, user__is_active=False)
    program = program_in_state(S.SUBMITTED, company=company, officer=officer, staff=staff)
    services.program_move(program=program, to=S.CHANGES_REQUESTED, actor=staff, reason="Sebutkan desa sasaran")
    notices = Notification.objects.filter(program=program, event="program_changes_requested")
    assert {n.recipient for n in notices} == {officer, colleague}
    assert gone not in {n.recipient for n in notices}
    assert notices.first().url == f"/partner/programs/{program.pk}/"
    assert "Sebutkan desa sasaran" in notices.first().text
    emails = OutgoingEmail.objects.filter(event="program_changes_requested")
    assert {e.to for e in emails} == {"ani@sawit.example", "budi@sawit.example"}
    assert all("Dinas Sosial Kabupaten Pulang Pisau" in e.body for e in emails)
    assert Program.objects.get(pk=program.pk).status_reason == "Sebutkan desa sasaran"


def test_staff_saving_a_program_in_the_admin_derive_its_agency(company, staff, pulpis):
    program = Program.objects.create(
        company=company, title="Bantuan", form="donation", budget=1, start_date=timezone.localdate()
    )
    program.fields.set([field()])
    program.target_regions.set([region("62.11.03")])
    services.program_staff_saved(program=program, actor=staff, created=True)
    program.refresh_from_db()
    assert (program.agency, program.status) == (pulpis, S.PLANNED)
    assert program.changes.get().new_status == S.PLANNED
