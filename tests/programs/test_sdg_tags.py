"""SDG (TPB) goals and targets on programs and needs, and TJSL pillars on programs of
state-owned companies (issue 27): the portal's form, the services and the admin refuse a target
outside the chosen goals and a pillar on a program of a company that is not a BUMN/BUMD."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from core.models import SdgGoal, SdgTarget
from partners.models import CompanyKind
from programs import services
from programs.errors import ProgramError
from programs.models import Program, TjslPillar
from tests.factories import (
    CompanyFactory,
    NeedFactory,
    OfficerFactory,
    StaffFactory,
    agency,
    field,
    officer_user,
    program_data,
    region,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pulpis():
    home = agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")
    region("62.11.01", "Kahayan Hilir")
    return home


def _form(**overrides):
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
        "action": "save",
    }
    data.update(overrides)
    return data


def _officer_client(client, kind):
    officer = OfficerFactory(company=CompanyFactory(kind=kind))
    client.force_login(officer.user)
    return officer


def test_an_officer_tags_a_program_with_goals_and_their_targets(client, pulpis):
    _officer_client(client, CompanyKind.COMPANY)
    response = client.post(reverse("partner:program_create"), _form(sdg_goals=["1", "4"], sdg_targets=["1.2", "4.1"]))
    assert response.status_code == 302
    program = Program.objects.get()
    assert sorted(program.sdg_goals.values_list("number", flat=True)) == [1, 4]
    assert sorted(program.sdg_targets.values_list("code", flat=True)) == ["1.2", "4.1"]
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "1. Tanpa Kemiskinan" in page
    assert "4. Pendidikan Berkualitas" in page


def test_a_target_outside_the_chosen_goals_is_a_form_error_and_writes_nothing(client, pulpis):
    _officer_client(client, CompanyKind.COMPANY)
    response = client.post(
        reverse("partner:program_create"),
        _form(sdg_goals=["1"], sdg_targets=["1.1", "4.1"]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "4.1: choose the goal of each target too." in response.content.decode()
    assert not Program.objects.exists()


def test_only_a_state_owned_company_gets_the_pillars_field(client, pulpis):
    _officer_client(client, CompanyKind.COMPANY)
    assert 'name="tjsl_pillars"' not in client.get(reverse("partner:program_create")).content.decode()
    # Sent anyway, the pillar is ignored: the field is not the company's.
    client.post(reverse("partner:program_create"), _form(tjsl_pillars=["social"]))
    assert not Program.objects.get().tjsl_pillars.exists()

    _officer_client(client, CompanyKind.STATE_OWNED)
    assert 'name="tjsl_pillars"' in client.get(reverse("partner:program_create")).content.decode()
    response = client.post(reverse("partner:program_create"), _form(tjsl_pillars=["social", "economic"]))
    assert response.status_code == 302
    program = Program.objects.get(company__kind=CompanyKind.STATE_OWNED)
    assert set(program.tjsl_pillars.values_list("code", flat=True)) == {"social", "economic"}


def test_services_refuse_a_pillar_for_a_company_that_is_not_state_owned(pulpis):
    company = CompanyFactory(kind=CompanyKind.COMPANY)
    officer = officer_user(company)
    with pytest.raises(ProgramError, match="state-owned"):
        services.program_create(
            company=company,
            actor=officer,
            data=program_data(tjsl_pillars=[TjslPillar.objects.get(code="social")]),
        )
    with pytest.raises(ProgramError, match="choose the goal of each target"):
        services.program_create(
            company=company,
            actor=officer,
            data=program_data(
                sdg_goals=[SdgGoal.objects.get(number=2)], sdg_targets=[SdgTarget.objects.get(code="1.1")]
            ),
        )
    assert not Program.objects.exists()


def test_the_four_tjsl_pillars_are_shipped():
    assert list(TjslPillar.objects.values_list("code", flat=True)) == [
        "economic",
        "social",
        "environment",
        "law_governance",
    ]


def _admin_data(company, **overrides):
    data = {
        "company": company.pk,
        "title": "Bantuan sembako",
        "form": "donation",
        "fields": [field("sosial-keagamaan").pk],
        "budget": "5000000",
        "start_date": timezone.localdate().isoformat(),
        "target_regions": ["62.11.01"],
        "target_beneficiaries": "10",
        "changes-TOTAL_FORMS": "0",
        "changes-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_admin_saves_tags_and_refuses_a_pillar_for_a_private_company(client, pulpis):
    client.force_login(StaffFactory(agency=pulpis))
    private = CompanyFactory(kind=CompanyKind.COMPANY)
    response = client.post(
        reverse("admin:programs_program_add"),
        _admin_data(private, tjsl_pillars=["social"], sdg_goals=["3"], sdg_targets=["2.1"]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "tjsl_pillars" in errors and "sdg_targets" in errors
    assert not Program.objects.exists()

    bumn = CompanyFactory(kind=CompanyKind.STATE_OWNED)
    response = client.post(
        reverse("admin:programs_program_add"),
        _admin_data(bumn, tjsl_pillars=["social"], sdg_goals=["1", "2"], sdg_targets=["2.1"]),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    program = Program.objects.get()
    assert list(program.tjsl_pillars.values_list("code", flat=True)) == ["social"]
    assert sorted(program.sdg_goals.values_list("number", flat=True)) == [1, 2]

    changelist = client.get(reverse("admin:programs_program_changelist"), {"sdg_goals__number__exact": "2"})
    assert changelist.status_code == 200
    assert "Bantuan sembako" in changelist.content.decode()
    other_goal = client.get(reverse("admin:programs_program_changelist"), {"sdg_goals__number__exact": "5"})
    assert "Bantuan sembako" not in other_goal.content.decode()


def test_admin_tags_a_need_and_its_public_page_shows_the_goals(client, pulpis):
    need = NeedFactory(title="Buku pelajaran untuk panti")
    assert "Tanpa Kemiskinan" not in client.get(need.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="id").content.decode()
    need.sdg_goals.set([1, 4])
    cache.clear()
    page = client.get(need.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "1. Tanpa Kemiskinan" in page
    assert "4. Pendidikan Berkualitas" in page


def test_staff_tag_a_need_in_the_admin_and_filter_needs_by_goal(client, pulpis):
    client.force_login(StaffFactory(agency=pulpis))
    need = NeedFactory(title="Tangki air bersih", facility__region=region("62.11.01.2001", "Buntoi"))
    change_url = reverse("admin:facilities_need_change", args=[need.pk])
    form = client.get(change_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"sdg_goals": ["6", "13"], "photos-TOTAL_FORMS": "0", "photos-INITIAL_FORMS": "0"})
    data.update({"pledges-TOTAL_FORMS": "0", "pledges-INITIAL_FORMS": "0"})
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert sorted(need.sdg_goals.values_list("number", flat=True)) == [6, 13]
    changelist = reverse("admin:facilities_need_changelist")
    assert "Tangki air bersih" in client.get(changelist, {"sdg_goals__number__exact": "6"}).content.decode()
    assert "Tangki air bersih" not in client.get(changelist, {"sdg_goals__number__exact": "4"}).content.decode()
