"""The shared company registry (issue 22, docs/decisions.md "The shared company registry"):
every agency finds every company, but a company's profile, officers and invitations are
changed only by an agency the company works with (a partnership row, or a pledge in its area)
or a superuser; an officer never moves to another company."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from agencies.models import StaffRole
from partners import services
from partners.errors import PartnerError
from partners.models import Company, Officer, Partnership
from tests.factories import CompanyFactory, OfficerFactory, StaffFactory, UserFactory
from tests.imports.helpers import confirm, problems, upload, xlsx

pytestmark = pytest.mark.django_db
User = get_user_model()


def change_data(client, company, **changes) -> dict:
    form = client.get(reverse("admin:partners_company_change", args=[company.pk])).context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data["focus_fields"] = [field.pk for field in company.focus_fields.all()]
    data["preferred_regions"] = [region.pk for region in company.preferred_regions.all()]
    for prefix in ("partnerships", "officers", "programs"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


@pytest.fixture
def pulpis_member(pulpis):
    company = CompanyFactory(name="PT Sebangau Agro Mandiri")
    Partnership.objects.create(agency=pulpis.agency, company=company, forum_member=True)
    return company


def test_another_agency_reads_a_company_but_cannot_rename_it(client, jakarta, pulpis_member):
    client.force_login(jakarta.staff)
    url = reverse("admin:partners_company_change", args=[pulpis_member.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["not_partnered"] and page.context["may_start_partnership"]
    assert client.post(url, {"name": "Diubah Jakarta"}).status_code == 403
    pulpis_member.refresh_from_db()
    assert pulpis_member.name == "PT Sebangau Agro Mandiri"


def test_the_partnered_agency_keeps_its_company(client, pulpis, pulpis_member):
    client.force_login(pulpis.staff)
    response = client.post(
        reverse("admin:partners_company_change", args=[pulpis_member.pk]),
        change_data(client, pulpis_member, phone="0513-21000"),
    )
    assert response.status_code == 302
    pulpis_member.refresh_from_db()
    assert pulpis_member.phone == "0513-21000"


def test_another_agency_cannot_invite_an_officer_into_the_company(client, jakarta, pulpis_member):
    client.force_login(jakarta.staff)
    url = reverse("admin:partners_company_invite_officer", args=[pulpis_member.pk])
    response = client.post(url, {"email": "penyusup@example.com", "first_name": "Pe", "role": "staff"})
    assert response.status_code == 302
    assert not Officer.objects.filter(company=pulpis_member).exists()
    with pytest.raises(PartnerError):
        services.officer_invite(
            company=pulpis_member,
            email="x@example.com",
            first_name="X",
            last_name="",
            role="staff",
            actor=jakarta.staff,
        )
    assert not User.objects.filter(email__in=["penyusup@example.com", "x@example.com"]).exists()


def test_another_agency_neither_sees_nor_deactivates_nor_demotes_its_officers(client, jakarta, pulpis_member):
    officer = OfficerFactory(company=pulpis_member, role="admin")
    client.force_login(jakarta.staff)
    listed = client.get(reverse("admin:partners_officer_changelist"))
    assert officer.user.username not in listed.content.decode()
    change = reverse("admin:partners_officer_change", args=[officer.pk])
    assert client.post(change, {"role": "staff", "job_title": "", "phone": ""}).status_code in (302, 404)
    client.post(
        reverse("admin:partners_officer_changelist"),
        {"action": "deactivate_officers", "_selected_action": [officer.pk]},
    )
    officer.refresh_from_db()
    officer.user.refresh_from_db()
    assert (officer.role, officer.user.is_active) == ("admin", True)
    with pytest.raises(PartnerError):
        services.officer_deactivate(officer=officer, actor=jakarta.staff)


def test_an_officer_never_moves_to_another_company(client, jakarta):
    hyundai = jakarta.offer.company
    lg = CompanyFactory(name="PT LG Electronics Indonesia")
    Partnership.objects.create(agency=jakarta.agency, company=lg)
    officer = OfficerFactory(company=hyundai)
    client.force_login(jakarta.staff)
    url = reverse("admin:partners_officer_change", args=[officer.pk])
    form = client.get(url).context["adminform"].form
    assert "company" not in form.fields
    client.post(url, {"company": lg.pk, "role": officer.role, "job_title": "", "phone": ""})
    officer.refresh_from_db()
    assert officer.company == hyundai


def test_recording_a_partnership_lets_the_agency_keep_the_company(client, jakarta, pulpis, pulpis_member):
    client.force_login(jakarta.staff)
    response = client.post(reverse("admin:partners_company_start_partnership", args=[pulpis_member.pk]))
    assert response.status_code == 302
    # Jakarta's own row, and nothing of Pulang Pisau's changed.
    assert set(Partnership.objects.filter(company=pulpis_member).values_list("agency_id", "forum_member")) == {
        (pulpis.agency.pk, True),
        (jakarta.agency.pk, False),
    }
    row = Partnership.objects.get(company=pulpis_member, agency=jakarta.agency)
    assert row.history.first().history_user == jakarta.staff


def test_a_viewer_cannot_record_a_partnership(client, pulpis, jakarta):
    viewer = StaffFactory(agency=pulpis.agency, agency__role=StaffRole.VIEWER)
    client.force_login(viewer)
    company = jakarta.offer.company
    client.post(reverse("admin:partners_company_start_partnership", args=[company.pk]))
    assert not Partnership.objects.filter(company=company, agency=pulpis.agency).exists()


def test_a_company_registered_by_an_agency_is_its_partner(client, pulpis):
    client.force_login(pulpis.staff)
    response = client.post(
        reverse("admin:partners_company_add"),
        {
            "name": "PT Kahayan Baru",
            "slug": "pt-kahayan-baru",
            "kind": "company",
            "country": "Indonesia",
            "status": "active",
            **{
                f"{prefix}-{key}": "0"
                for prefix in ("partnerships", "officers", "programs")
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    company = Company.objects.get(slug="pt-kahayan-baru")
    assert Partnership.objects.filter(company=company, agency=pulpis.agency).exists()


def test_a_pledge_in_the_area_makes_a_partner(client, jakarta):
    """Jakarta's side has a company with pledges on a Jakarta need and no partnership row."""
    company = jakarta.offer.company
    assert not Partnership.objects.filter(company=company).exists()
    client.force_login(jakarta.staff)
    page = client.get(reverse("admin:partners_company_change", args=[company.pk]))
    assert not page.context["not_partnered"]
    assert reverse("admin:partners_company_invite_officer", args=[company.pk]) in page.content.decode()


def test_a_viewer_reads_only_the_companies_and_officers_of_its_agency(client, jakarta, pulpis, pulpis_member):
    theirs = OfficerFactory(company=jakarta.offer.company)
    ours = OfficerFactory(company=pulpis_member)
    camat = StaffFactory(agency=pulpis.agency, agency__role=StaffRole.VIEWER)
    client.force_login(camat)
    companies = client.get(reverse("admin:partners_company_changelist")).context["cl"].result_list
    assert pulpis_member in companies
    assert jakarta.offer.company not in companies
    officers = client.get(reverse("admin:partners_officer_changelist")).context["cl"].result_list
    assert ours in officers
    assert theirs not in officers


def test_a_superuser_changes_any_company(client, pulpis_member):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:partners_company_change", args=[pulpis_member.pk]),
        change_data(client, pulpis_member, phone="021-1"),
    )
    assert response.status_code == 302


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_company_summary_counts_only_pledges_in_the_readers_area(client, jakarta, pulpis, file_format):
    """Issue 22: Pulang Pisau's staff got Jakarta's pledge totals per company and facility."""
    client.force_login(pulpis.staff)
    response = client.get(reverse("admin:partners_company_summary", args=[file_format]))
    assert response.status_code == 200
    if file_format == "csv":
        text = response.content.decode("utf-8-sig")
    else:
        workbook = load_workbook(io.BytesIO(response.content))
        text = "\n".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
    assert jakarta.facility.name not in text
    assert jakarta.offer.company.name not in text
    assert pulpis.facility.name in text


def test_a_company_import_updates_only_partnered_companies_and_partners_new_ones(client, jakarta, pulpis_member):
    client.force_login(jakarta.staff)
    headers = ["Nama Perusahaan", "Telepon"]
    content = xlsx([["PT Sebangau Agro Mandiri", "021-999"], ["PT Baru Jakarta", "021-1"]], headers, sheet="Mitra")
    preview = upload(client, Company, content, "mitra.xlsx")
    assert len(problems(preview)) == 1
    assert "PT Sebangau Agro Mandiri bekerja dengan dinas lain" in problems(preview)[0]
    assert not Company.objects.filter(name="PT Baru Jakarta").exists()

    content = xlsx([["PT Baru Jakarta", "021-1"]], headers, sheet="Mitra")
    confirm(client, Company, upload(client, Company, content, "mitra.xlsx"))
    created = Company.objects.get(name="PT Baru Jakarta")
    assert Partnership.objects.filter(company=created, agency=jakarta.agency).exists()
