"""The company uploads the signed BAST back; staff see whether it came back."""

import pytest
from django.urls import reverse
from django.utils import timezone

from matching import services
from matching.models import Evidence, EvidenceKind, PledgeStatus
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    StaffFactory,
    agency,
    officer_user,
    pledge_in_state,
    region,
)
from tests.portal.helpers import pdf, png

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivered():
    home = agency("62.11")
    staff = StaffFactory(agency=home)
    need = NeedFactory(facility=FacilityFactory(region=region("62.11.01")))
    company = CompanyFactory()
    officer = officer_user(company)
    pledge = pledge_in_state(PledgeStatus.APPROVED, need=need, company=company, quantity=6, staff=staff)
    report = services.delivery_report_submit(
        pledge=pledge, actor=officer, delivered_on=timezone.localdate(), quantity=6
    )
    return report, officer, staff


def _url(report):
    return reverse("partner:bast_scan_upload", args=[report.pk])


def test_the_pledge_page_offers_the_bast_and_its_upload(client, delivered):
    report, officer, _ = delivered
    client.force_login(officer)
    page = client.get(reverse("partner:pledge_detail", args=[report.pledge_id])).content.decode()
    assert report.bast.number in page
    assert reverse("matching:bast_download", args=[report.pk]) in page
    assert _url(report) in page


def test_the_signed_scan_becomes_the_reports_bast_evidence(client, delivered):
    report, officer, staff = delivered
    client.force_login(officer)
    response = client.post(_url(report), {"scan": pdf("bast-ditandatangani.pdf")})
    assert response.status_code == 302
    scan = Evidence.objects.get(report=report)
    assert (scan.kind, scan.content_type, scan.uploaded_by) == (EvidenceKind.BAST, "application/pdf", officer)
    client.force_login(staff)
    change = client.get(reverse("admin:matching_deliveryreport_change", args=[report.pk])).content.decode()
    assert report.bast.number in change


def test_a_scan_that_is_not_a_pdf_is_refused_and_nothing_is_written(client, delivered):
    report, officer, _ = delivered
    client.force_login(officer)
    response = client.post(_url(report), {"scan": png("bast.pdf")})
    assert response.status_code == 400
    assert not Evidence.objects.filter(report=report).exists()


def test_another_company_cannot_upload_or_see_the_delivery(client, delivered):
    report, _, _ = delivered
    client.force_login(officer_user(CompanyFactory()))
    assert client.post(_url(report), {"scan": pdf()}).status_code == 404
    assert not Evidence.objects.filter(report=report).exists()


def test_the_staff_see_whether_the_signed_scan_came_back(client, delivered):
    report, officer, staff = delivered
    client.force_login(staff)
    listing = reverse("admin:matching_deliveryreport_changelist")
    before = client.get(listing, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert report.bast.number in before
    assert "signed scan not yet returned" in before
    client.force_login(officer)
    client.post(_url(report), {"scan": pdf()})
    client.force_login(staff)
    after = client.get(listing, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "signed scan received" in after and "signed scan not yet returned" not in after
