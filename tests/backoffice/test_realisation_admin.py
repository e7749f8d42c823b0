"""Realisation reports in the admin: scoped to the staff's area, read-only, verified or returned
through the services' actions, never by a viewer or by another agency's staff."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies.models import StaffRole
from programs import realisations
from programs.models import Realisation, RealisationStatus
from programs.rules import ShareLine
from tests.factories import CompanyFactory, OfficerFactory, ProgramFactory, StaffFactory, agency, region
from tests.portal.helpers import file_realisation, png, pulpis, registered_program

pytestmark = pytest.mark.django_db
LAST_YEAR = datetime.date.today().year - 1
CHANGELIST = "admin:programs_realisation_changelist"


@pytest.fixture
def report():
    company = CompanyFactory(name="PT Sawit Kahayan Lestari")
    officer = OfficerFactory(company=company).user
    program = registered_program(company)
    return file_realisation(program, officer, LAST_YEAR, files=[(png("panen.png"), "photo")])


@pytest.fixture
def pulpis_staff(client):
    user = StaffFactory(agency=pulpis())
    client.force_login(user)
    return user


@pytest.fixture
def jakarta_report():
    jakarta = agency("31", "Dinas Sosial Provinsi DKI Jakarta")
    company = CompanyFactory(name="PT Korea Jakarta")
    program = ProgramFactory(company=company, agency=jakarta, title="Rehabilitasi remaja")
    pasar_rebo = region("31.75.01", "Pasar Rebo")
    program.target_regions.set([pasar_rebo])
    return realisations.realisation_submit(
        program=program,
        actor=OfficerFactory(company=company).user,
        year=LAST_YEAR,
        quarter=0,
        amount=5,
        shares=[ShareLine(pasar_rebo, 5)],
        households=0,
        persons=0,
        activities="Pelatihan",
    )


def test_staff_see_the_reports_of_their_area_only(client, pulpis_staff, report, jakarta_report):
    response = client.get(reverse(CHANGELIST))
    assert [obj.pk for obj in response.context["cl"].result_list] == [report.pk]
    change = reverse("admin:programs_realisation_change", args=[jakarta_report.pk])
    assert client.get(change).status_code in (302, 404)


def test_the_report_page_shows_the_split_and_links_the_evidence(client, pulpis_staff, report):
    response = client.get(reverse("admin:programs_realisation_change", args=[report.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kahayan Hilir" in page and "Rp 3.000.000" in page
    evidence_url = reverse("programs:evidence_download", args=[report.evidence.get().pk])
    assert evidence_url in page
    assert client.get(evidence_url).status_code == 200
    assert 'name="_save"' not in page  # nothing the company reported is editable


def test_staff_verify_through_the_action_after_seeing_the_evidence(client, pulpis_staff, report):
    data = {"action": "verify_reports", "_selected_action": [report.pk]}
    asked = client.post(reverse(CHANGELIST), data)
    page = asked.content.decode()
    # Each report's split and photos are shown, and one button verifies them.
    assert "Kahayan Hilir — Rp 3.000.000" in page
    assert reverse("programs:evidence_download", args=[report.evidence.get().pk]) in page
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED
    response = client.post(reverse(CHANGELIST), {**data, "apply": "1"}, follow=True)
    assert response.status_code == 200
    report.refresh_from_db()
    assert (report.status, report.verified_by) == (RealisationStatus.VERIFIED, pulpis_staff)


def test_staff_return_with_a_reason_asked_for_first(client, pulpis_staff, report):
    data = {"action": "return_reports", "_selected_action": [report.pk]}
    asked = client.post(reverse(CHANGELIST), data)
    assert asked.status_code == 200 and 'name="reason"' in asked.content.decode()
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED
    client.post(reverse(CHANGELIST), {**data, "apply": "1", "reason": "Foto Maliku belum ada"})
    report.refresh_from_db()
    assert (report.status, report.review_note) == (RealisationStatus.RETURNED, "Foto Maliku belum ada")


def test_a_reviewed_report_is_refused_with_a_message(client, pulpis_staff, report):
    data = {"action": "verify_reports", "_selected_action": [report.pk], "apply": "1"}
    client.post(reverse(CHANGELIST), data)
    response = client.post(reverse(CHANGELIST), data, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "cannot become" in response.content.decode()


def test_a_viewer_reads_and_acts_on_nothing(client, report):
    viewer = StaffFactory(agency=pulpis(), agency__role=StaffRole.VIEWER)
    client.force_login(viewer)
    response = client.get(reverse(CHANGELIST))
    assert [obj.pk for obj in response.context["cl"].result_list] == [report.pk]
    assert "verify_reports" not in response.content.decode()
    client.post(reverse(CHANGELIST), {"action": "verify_reports", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED


def test_jakarta_staff_cannot_verify_a_pulang_pisau_report(client, report):
    client.force_login(StaffFactory(agency=agency("31", "Dinas Sosial Provinsi DKI Jakarta")))
    client.post(reverse(CHANGELIST), {"action": "verify_reports", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED


def test_the_changelist_keeps_its_query_count_as_reports_grow(client, pulpis_staff, report, django_assert_num_queries):
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse(CHANGELIST)).status_code == 200
    program = report.program
    officer = Realisation.objects.get().reported_by
    for year in range(LAST_YEAR - 5, LAST_YEAR):
        file_realisation(program, officer, year, files=[(png(), "photo")])
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse(CHANGELIST))
    assert len(response.context["cl"].result_list) == 6
