"""Realisation reports in the admin: scoped to the staff's area, read-only, verified or returned
through the services' actions, never by a viewer or by another agency's staff."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agencies.models import StaffRole
from programs import realisations
from programs.models import Realisation, RealisationStatus
from programs.rules import ShareLine
from tests.factories import CompanyFactory, OfficerFactory, ProgramFactory, StaffFactory, agency, region
from tests.portal.helpers import file_realisation, png, pulpis, registered_program

pytestmark = pytest.mark.django_db
LAST_YEAR = timezone.localdate().year - 1
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


# --- the report's own page: verify and return there (issue 24) -----------------------------------


def _page(client, report):
    return client.get(reverse("admin:programs_realisation_change", args=[report.pk]), headers={"Accept-Language": "en"})


def _decide(client, report, **data):
    url = reverse("admin:programs_realisation_decide", args=[report.pk])
    return client.post(url, data, follow=True, headers={"Accept-Language": "en"})


def test_the_page_shows_the_split_in_words_the_reporter_by_name_and_the_photos(client, pulpis_staff, report):
    officer = report.reported_by
    officer.first_name, officer.last_name = "Dewi", "Lestari"
    officer.save()
    page = _page(client, report).content.decode()
    assert "Kahayan Hilir — Rp 3.000.000" in page
    assert "62.11.01: 3000000" not in page
    assert "Dewi Lestari (PT Sawit Kahayan Lestari)" in page
    photo = reverse("programs:evidence_download", args=[report.evidence.get().pk])
    assert f'<img src="{photo}"' in page  # a thumbnail, through the access-checked view
    assert "/media/" not in page
    assert reverse("admin:programs_realisation_decide", args=[report.pk]) in page
    assert 'name="checked"' in page and 'name="reason"' in page


def test_verifying_from_the_page_asks_once_that_the_evidence_was_looked_at(client, pulpis_staff, report):
    response = _decide(client, report, to="verified")
    assert "Tick that you have looked at the evidence" in response.content.decode()
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED
    response = _decide(client, report, to="verified", checked="1")
    assert response.redirect_chain[-1][0] == reverse("admin:programs_realisation_change", args=[report.pk])
    assert "is verified: it counts in the reports" in response.content.decode()
    report.refresh_from_db()
    assert (report.status, report.verified_by) == (RealisationStatus.VERIFIED, pulpis_staff)
    # A verified report has no buttons any more.
    assert 'name="checked"' not in _page(client, report).content.decode()


def test_returning_from_the_page_needs_the_reason_the_company_reads(client, pulpis_staff, report):
    _decide(client, report, to="returned", reason="  ")
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED
    queue = "/admin/matching/pledge/queue/"
    response = _decide(client, report, to="returned", reason="Foto Maliku belum ada", next=queue)
    assert response.redirect_chain[-1][0] == queue
    report.refresh_from_db()
    assert (report.status, report.review_note) == (RealisationStatus.RETURNED, "Foto Maliku belum ada")


@pytest.mark.parametrize(
    "data", [{"to": "cancelled"}, {}, {"to": "submitted", "checked": "1"}], ids=["other", "none", "back"]
)
def test_no_other_move_is_made_from_the_page(client, pulpis_staff, report, data):
    _decide(client, report, **data)
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED


def test_a_decision_is_a_post_and_a_next_elsewhere_is_ignored(client, pulpis_staff, report):
    url = reverse("admin:programs_realisation_decide", args=[report.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, {"to": "verified", "checked": "1", "next": "https://evil.example/"})
    assert response["Location"] == reverse("admin:programs_realisation_change", args=[report.pk])


def test_a_viewer_reads_the_page_and_cannot_decide(client, report):
    client.force_login(StaffFactory(agency=pulpis(), agency__role=StaffRole.VIEWER))
    page = _page(client, report).content.decode()
    assert "Kahayan Hilir — Rp 3.000.000" in page
    assert 'name="checked"' not in page
    response = client.post(
        reverse("admin:programs_realisation_decide", args=[report.pk]), {"to": "verified", "checked": "1"}
    )
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED


def test_another_agencys_staff_cannot_decide(client, report):
    client.force_login(StaffFactory(agency=agency("31", "Dinas Sosial Provinsi DKI Jakarta")))
    url = reverse("admin:programs_realisation_decide", args=[report.pk])
    assert client.post(url, {"to": "verified", "checked": "1"}).status_code == 404
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED


def test_the_page_keeps_its_query_count_with_more_photos_and_regions(
    client, pulpis_staff, report, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as small:
        assert _page(client, report).status_code == 200
    program, officer = report.program, report.reported_by
    bigger = realisations.realisation_submit(
        program=program,
        actor=officer,
        year=LAST_YEAR - 1,
        quarter=0,
        amount=9_000_000,
        shares=[ShareLine(region("62.11.01"), 4_000_000), ShareLine(region("62.11.02", "Maliku"), 5_000_000)],
        households=20,
        persons=60,
        activities="Pelatihan",
        files=[(png(f"foto-{n}.png"), "photo") for n in range(4)],
    )
    with django_assert_num_queries(len(small.captured_queries)):
        page = _page(client, bigger).content.decode()
    assert "Maliku — Rp 5.000.000" in page and page.count('class="evidence-thumb"') == 4
