"""The company's CSR programs in the partner portal: listing, writing, submitting, following
the agency's answer; bad input is a form error and writes nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from portal.program_forms import kecamatan_choices
from programs import services
from programs.models import Program, ProgramStatus, ProgramStatusChange
from tests.factories import StaffFactory, agency, field, program_in_state, region
from tests.portal.helpers import snapshot

pytestmark = pytest.mark.django_db
S = ProgramStatus


@pytest.fixture
def pulpis():
    home = agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")
    region("62.11.01", "Kahayan Hilir")
    region("62.11.02", "Pandih Batu")
    region("62.11.01.2001", "Desa Buntoi")
    return home


@pytest.fixture
def staff(pulpis):
    return StaffFactory(agency=pulpis, email="dinsos@pulpis.example")


def _form(**overrides):
    today = timezone.localdate()
    data = {
        "title": "Sekolah lapang petani",
        "form": "empowerment",
        "fields": ["ekonomi-kerakyatan", "pendidikan"],
        "budget": "150000000",
        "start_date": (today - datetime.timedelta(days=5)).isoformat(),
        "end_date": (today + datetime.timedelta(days=200)).isoformat(),
        "kecamatan": ["62.11.01", "62.11.02"],
        "villages": "",
        "target_beneficiaries": "80",
        "government_program": "PKH",
        "action": "submit",
    }
    data.update(overrides)
    return data


def test_the_nav_links_to_the_programs(officer_client):
    page = officer_client.get(reverse("partner:dashboard")).content.decode()
    assert reverse("partner:program_list") in page


def test_an_officer_submits_a_new_program_to_the_agency_of_its_targets(officer_client, officer, pulpis, staff):
    response = officer_client.get(reverse("partner:program_create"))
    page = response.content.decode()
    assert "Kahayan Hilir (62.11.01)" in page
    response = officer_client.post(reverse("partner:program_create"), _form(villages="62110120 01"))
    assert response.status_code == 400  # "62110120 01" is not one code: two unknown codes
    assert "not the code of a village" in response.content.decode()
    response = officer_client.post(reverse("partner:program_create"), _form(villages="6211012001"))
    program = Program.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("partner:program_detail", args=[program.pk])
    assert (program.status, program.agency, program.company) == (S.SUBMITTED, pulpis, officer.company)
    assert set(program.target_regions.values_list("code", flat=True)) == {"62.11.01", "62.11.02", "62.11.01.2001"}
    assert set(program.fields.values_list("code", flat=True)) == {"ekonomi-kerakyatan", "pendidikan"}
    assert Notification.objects.get(recipient=staff).event == "program_submitted"
    page = officer_client.get(response["Location"]).content.decode()
    assert "Submitted, awaiting registration" in page
    assert "Desa Buntoi (62.11.01.2001)" in page


def test_a_draft_is_saved_and_submitted_later(officer_client, pulpis, staff):
    officer_client.post(reverse("partner:program_create"), _form(action="save"))
    program = Program.objects.get()
    assert program.status == S.DRAFT
    assert not Notification.objects.exists()
    response = officer_client.post(reverse("partner:program_submit", args=[program.pk]))
    assert response.status_code == 302
    assert Program.objects.get().status == S.SUBMITTED


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"kecamatan": ["62.11.01", "31.75.01"]}, "No one agency on this portal covers all of"),
        ({"kecamatan": [], "villages": ""}, "Choose at least one target kecamatan or village."),
        ({"budget": "-5"}, "Rupiah cannot be negative."),
        ({"fields": []}, "Choose at least one field."),
        ({"end_date": "2000-01-01"}, "cannot end before it starts"),
        ({"kecamatan": ["99.99.99"]}, "Select a valid choice"),
    ],
    ids=["two-agencies", "no-target", "negative-budget", "no-field", "ends-before-start", "unknown-kecamatan"],
)
def test_bad_input_is_a_form_error_and_writes_nothing(officer_client, pulpis, overrides, message):
    agency("31", "Dinas Sosial Provinsi DKI Jakarta")
    region("31.75.01", "Pasar Rebo")
    before = snapshot()
    response = officer_client.post(reverse("partner:program_create"), _form(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


def test_the_agencys_comment_is_shown_and_the_program_is_resubmitted(officer_client, officer, staff):
    program = program_in_state(S.SUBMITTED, company=officer.company, officer=officer.user, staff=staff)
    services.program_move(program=program, to=S.CHANGES_REQUESTED, actor=staff, reason="Sebutkan desa sasaran")
    # The notice on the dashboard links to the program, and opening it reads the notice.
    dashboard = officer_client.get(reverse("partner:dashboard")).content.decode()
    detail_url = reverse("partner:program_detail", args=[program.pk])
    assert f'href="{detail_url}"' in dashboard
    assert "asks for changes to the program" in dashboard
    page = officer_client.get(detail_url).content.decode()
    assert "Comment of Dinas Sosial Kabupaten Pulang Pisau" in page
    assert "Sebutkan desa sasaran" in page
    assert not Notification.objects.filter(recipient=officer.user, read_at__isnull=True).exists()
    edit = officer_client.get(reverse("partner:program_edit", args=[program.pk]))
    assert 'value="Pelatihan usaha tani"' in edit.content.decode()
    response = officer_client.post(
        reverse("partner:program_edit", args=[program.pk]),
        _form(title="Pelatihan usaha tani", villages="62.11.01.2001", kecamatan=[]),
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.status == S.SUBMITTED
    assert list(program.target_regions.values_list("code", flat=True)) == ["62.11.01.2001"]


def test_editing_a_registered_program_warns_and_sends_it_back(officer_client, officer, staff):
    program = program_in_state(S.ACTIVE, company=officer.company, officer=officer.user, staff=staff)
    url = reverse("partner:program_edit", args=[program.pk])
    assert "Saving your changes sends it back to the agency" in officer_client.get(url).content.decode()
    response = officer_client.post(url, _form(budget="999", action="save"))
    assert response.status_code == 302
    program.refresh_from_db()
    assert (program.status, program.budget) == (S.SUBMITTED, 999)
    assert program.changes.last().old_status == S.ACTIVE


def test_a_declined_program_cannot_be_edited(officer_client, officer, staff):
    program = program_in_state(S.DECLINED, company=officer.company, officer=officer.user, staff=staff)
    before = snapshot()
    response = officer_client.post(reverse("partner:program_edit", args=[program.pk]), _form())
    assert response.status_code == 302
    assert snapshot() == before


def test_cancelling_needs_a_reason(officer_client, officer, staff):
    program = program_in_state(S.ACTIVE, company=officer.company, officer=officer.user, staff=staff)
    url = reverse("partner:program_cancel", args=[program.pk])
    response = officer_client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert Program.objects.get(pk=program.pk).status == S.ACTIVE
    officer_client.post(url, {"reason": "Lahan tidak tersedia"})
    assert Program.objects.get(pk=program.pk).status == S.CANCELLED
    assert ProgramStatusChange.objects.filter(program=program).last().reason == "Lahan tidak tersedia"


def test_start_and_complete_from_the_detail_page(officer_client, officer, staff):
    program = program_in_state(S.PLANNED, company=officer.company, officer=officer.user, staff=staff)
    page = officer_client.get(reverse("partner:program_detail", args=[program.pk])).content.decode()
    assert reverse("partner:program_start", args=[program.pk]) in page
    officer_client.post(reverse("partner:program_start", args=[program.pk]))
    assert Program.objects.get(pk=program.pk).status == S.ACTIVE
    officer_client.post(reverse("partner:program_complete", args=[program.pk]))
    assert Program.objects.get(pk=program.pk).status == S.COMPLETED


def test_a_refused_move_is_a_message_and_changes_nothing(officer_client, officer, staff):
    program = program_in_state(S.SUBMITTED, company=officer.company, officer=officer.user, staff=staff)
    before = snapshot()
    response = officer_client.post(reverse("partner:program_complete", args=[program.pk]), follow=True)
    assert "cannot become" in response.content.decode()
    assert snapshot() == before


def _grow(officer, staff, n):
    for index in range(n):
        program_in_state(
            [S.DRAFT, S.SUBMITTED, S.ACTIVE, S.CHANGES_REQUESTED, S.COMPLETED][index % 5],
            company=officer.company,
            officer=officer.user,
            staff=staff,
            fields=[field("pendidikan"), field("kesehatan")],
        )


# Session, user, officer with its company; the count, the page and its fields.
PROGRAM_LIST_QUERIES = 6


def test_the_program_list_costs_the_same_queries_with_1_and_5_programs(
    officer_client, officer, staff, django_assert_num_queries
):
    url = reverse("partner:program_list")
    _grow(officer, staff, 1)
    with django_assert_num_queries(PROGRAM_LIST_QUERIES):
        small = officer_client.get(url)
    _grow(officer, staff, 4)
    with django_assert_num_queries(PROGRAM_LIST_QUERIES):
        large = officer_client.get(url)
    assert small.content.decode().count("Pelatihan usaha tani") == 1
    page = large.content.decode()
    assert page.count("Pelatihan usaha tani") == 5
    assert "Rp 250.000.000" in page
    assert "Dinsos 62.11" in page


def test_another_companys_programs_are_not_listed(officer_client, other_officer, staff):
    program_in_state(S.ACTIVE, company=other_officer.company, officer=other_officer.user, staff=staff)
    page = officer_client.get(reverse("partner:program_list")).content.decode()
    assert "Pelatihan usaha tani" not in page
    assert "no program here yet" in page


@pytest.mark.parametrize("name", ["program_list", "program_create"])
def test_program_pages_render_in_indonesian_the_default(officer_client, settings, officer, staff, name):
    settings.LANGUAGE_CODE = "id"
    program_in_state(S.SUBMITTED, company=officer.company, officer=officer.user, staff=staff)
    page = officer_client.get(reverse(f"partner:{name}"), HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "Program CSR" in page
    if name == "program_list":
        assert "Diajukan, menunggu registrasi" in page


def test_the_kecamatan_choices_are_those_of_every_agencys_area_grouped_by_regency(django_assert_num_queries):
    agency("62.11")  # a regency's Dinsos: its kecamatan
    agency("31")  # a province's: the kecamatan of all its regencies
    for code in ("62.11.02", "62.11.01", "31.71.01", "31.75.03", "62.12.01"):
        region(code, f"Kecamatan {code}")

    with django_assert_num_queries(2):  # the agencies' areas, the kecamatan with their regency
        choices = kecamatan_choices()

    assert choices == [
        ("Wilayah 31.71 (31.71)", [("31.71.01", "Kecamatan 31.71.01 (31.71.01)")]),
        ("Wilayah 31.75 (31.75)", [("31.75.03", "Kecamatan 31.75.03 (31.75.03)")]),
        (
            "Wilayah 62.11 (62.11)",
            [("62.11.01", "Kecamatan 62.11.01 (62.11.01)"), ("62.11.02", "Kecamatan 62.11.02 (62.11.02)")],
        ),
    ]
