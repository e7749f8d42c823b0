"""The work queue as a place to work: counts of what waits, actions that come back to the
queue, the company's photos and the facility's answer beside verify and return buttons."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from matching import receipts, services
from matching.models import DeliveryReport, DeliveryStatus, EvidenceKind, PledgeStatus
from tests.factories import FacilityMemberFactory, pledge_in_state, staff_user
from tests.portal.helpers import png

pytestmark = pytest.mark.django_db
S = PledgeStatus
QUEUE = "/admin/matching/pledge/queue/"


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def staff(client):
    user = staff_user()
    client.force_login(user)
    return user


def delivery_with_photo(staff, quantity=4):
    pledge = pledge_in_state(S.APPROVED, quantity=quantity, staff=staff)
    officer = pledge.company.officers.first().user
    return services.delivery_report_submit(
        pledge=pledge,
        actor=officer,
        delivered_on=timezone.localdate(),
        quantity=quantity,
        files=[(png(), EvidenceKind.PHOTO)],
    )


def disputed(staff):
    report = delivery_with_photo(staff)
    member = FacilityMemberFactory(facility=report.pledge.need.facility)
    receipts.delivery_receipt_dispute(report=report, actor=member.user, reason="Hanya separuh yang datang")
    return report


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def test_the_index_and_the_queue_count_what_waits(client, staff):
    pledge_in_state(S.OFFERED, staff=staff)
    pledge_in_state(S.OFFERED, staff=staff)
    disputed(staff)
    delivery_with_photo(staff)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Work queue: 4 items waiting" in index
    assert "<strong>2</strong> offers to approve" in index
    assert "<strong>2</strong> deliveries to verify" in index
    assert "1 disputed by the facility" in index
    queue = client.get(QUEUE).content.decode()
    assert "4 items waiting, oldest first" in queue
    assert "<strong>2</strong> deliveries to verify" in queue
    # Other admin pages list the queue without counting.
    other = client.get(reverse("admin:matching_pledge_changelist")).content.decode()
    assert "Work queue:" not in other


def test_approving_from_the_queue_comes_back_to_it_with_the_message(client, staff):
    offer = pledge_in_state(S.OFFERED, staff=staff)
    response = client.post(
        reverse("admin:matching_pledge_changelist"),
        {"action": "approve_offers", "_selected_action": [offer.pk], "next": QUEUE},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == QUEUE
    assert "1 offers approved." in _messages(response)
    offer.refresh_from_db()
    assert offer.status == S.APPROVED


@pytest.mark.parametrize("target", ["https://evil.example/admin/", "//evil.example/", "javascript:alert(1)"])
def test_a_next_to_another_site_is_ignored(client, staff, target):
    offer = pledge_in_state(S.OFFERED, staff=staff)
    response = client.post(
        reverse("admin:matching_pledge_changelist"),
        {"action": "approve_offers", "_selected_action": [offer.pk], "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:matching_pledge_changelist")


def test_rejecting_offers_from_the_queue_keeps_the_way_back(client, staff):
    offer = pledge_in_state(S.OFFERED, staff=staff)
    url = reverse("admin:matching_pledge_changelist")
    page = client.post(url, {"action": "reject_offers", "_selected_action": [offer.pk], "next": QUEUE})
    assert f'name="next" value="{QUEUE}"' in page.content.decode()
    response = client.post(
        url,
        {"action": "reject_offers", "_selected_action": [offer.pk], "apply": "1", "reason": "Duplikat", "next": QUEUE},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == QUEUE
    offer.refresh_from_db()
    assert offer.status == S.REJECTED


def test_the_queue_shows_thumbnails_the_facility_answer_and_buttons(client, staff):
    report = disputed(staff)
    page = client.get(QUEUE).content.decode()
    evidence_url = reverse("matching:evidence_download", args=[report.evidence.get().pk])
    assert f'<img src="{evidence_url}"' in page
    assert "The facility disputes it: Hanya separuh yang datang" in page
    assert reverse("admin:matching_deliveryreport_verify", args=[report.pk]) in page
    assert reverse("admin:matching_deliveryreport_reject", args=[report.pk]) in page
    assert 'name="override_reason"' in page  # asked for right there


def test_verifying_a_disputed_delivery_from_the_queue_needs_the_reason(client, staff):
    report = disputed(staff)
    url = reverse("admin:matching_deliveryreport_verify", args=[report.pk])
    response = client.post(url, {"next": QUEUE, "checked": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == QUEUE
    assert any("Give a reason to verify it anyway" in m for m in _messages(response))
    report.refresh_from_db()
    assert report.status == DeliveryStatus.SUBMITTED
    response = client.post(
        url, {"next": QUEUE, "checked": "1", "override_reason": "BAST lengkap, dicek di lokasi"}, follow=True
    )
    assert response.redirect_chain[-1][0] == QUEUE
    report.refresh_from_db()
    assert (report.status, report.override_reason) == (DeliveryStatus.VERIFIED, "BAST lengkap, dicek di lokasi")


def test_returning_a_delivery_from_the_queue_needs_a_reason(client, staff):
    report = delivery_with_photo(staff)
    url = reverse("admin:matching_deliveryreport_reject", args=[report.pk])
    client.post(url, {"next": QUEUE})
    report.refresh_from_db()
    assert report.status == DeliveryStatus.SUBMITTED
    response = client.post(url, {"next": QUEUE, "reason": "Foto tidak jelas"}, follow=True)
    assert response.redirect_chain[-1][0] == QUEUE
    report.refresh_from_db()
    assert report.status == DeliveryStatus.REJECTED
    assert client.get(url).status_code == 405


def test_the_report_page_shows_both_sides_and_the_buttons(client, staff):
    report = disputed(staff)
    page = client.get(reverse("admin:matching_deliveryreport_change", args=[report.pk])).content.decode()
    assert f'<img src="{reverse("matching:evidence_download", args=[report.evidence.get().pk])}"' in page
    assert "Disputed by the facility" in page and "Hanya separuh yang datang" in page
    assert reverse("admin:matching_deliveryreport_verify", args=[report.pk]) in page
    changelist = client.get(reverse("admin:matching_deliveryreport_changelist")).content.decode()
    assert "Disputed" in changelist


def test_the_verify_action_asks_for_a_reason_when_the_facility_disputed(client, staff):
    report = disputed(staff)
    url = reverse("admin:matching_deliveryreport_changelist")
    page = client.post(url, {"action": "verify_reports", "_selected_action": [report.pk]})
    assert page.status_code == 200
    assert "Hanya separuh yang datang" in page.content.decode()
    assert DeliveryReport.objects.get(pk=report.pk).status == DeliveryStatus.SUBMITTED
    client.post(url, {"action": "verify_reports", "_selected_action": [report.pk], "apply": "1", "override_reason": ""})
    assert DeliveryReport.objects.get(pk=report.pk).status == DeliveryStatus.SUBMITTED
    client.post(
        url,
        {"action": "verify_reports", "_selected_action": [report.pk], "apply": "1", "override_reason": "Dicek"},
    )
    assert DeliveryReport.objects.get(pk=report.pk).status == DeliveryStatus.VERIFIED


@pytest.mark.parametrize(
    "url_name",
    ["admin:matching_pledge_queue", "admin:matching_deliveryreport_changelist", "admin:index"],
)
def test_pages_keep_their_query_count_with_photos_and_answers(client, staff, url_name, django_assert_num_queries):
    def build():
        pledge_in_state(S.OFFERED, staff=staff)
        disputed(staff)
        delivery_with_photo(staff)

    build()
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse(url_name)).status_code == 200
    for _ in range(3):
        build()
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse(url_name))


def test_no_developer_names_on_the_dashboard(client, staff):
    page = client.get(reverse("admin:reports_dashboard")).content.decode()
    assert "send_delivery_reminders" not in page


def test_verifying_a_delivery_asks_once_that_the_evidence_was_looked_at(client, staff):
    report = delivery_with_photo(staff)
    url = reverse("admin:matching_deliveryreport_verify", args=[report.pk])
    page = client.get(reverse("admin:matching_deliveryreport_change", args=[report.pk])).content.decode()
    assert "I have looked at the photos, the BAST and the facility" in page
    response = client.post(url, {"next": QUEUE}, follow=True)
    assert any("Tick that you have looked at the evidence" in m for m in _messages(response))
    report.refresh_from_db()
    assert report.status == DeliveryStatus.SUBMITTED
    client.post(url, {"next": QUEUE, "checked": "1"})
    report.refresh_from_db()
    assert report.status == DeliveryStatus.VERIFIED


def test_the_verify_action_shows_each_deliverys_evidence_before_verifying(client, staff):
    report = delivery_with_photo(staff)
    url = reverse("admin:matching_deliveryreport_changelist")
    page = client.post(url, {"action": "verify_reports", "_selected_action": [report.pk]}).content.decode()
    assert f'<img src="{reverse("matching:evidence_download", args=[report.evidence.get().pk])}"' in page
    assert "The facility has not answered yet." in page
    assert "Verify this report" in page
    assert DeliveryReport.objects.get(pk=report.pk).status == DeliveryStatus.SUBMITTED
    client.post(url, {"action": "verify_reports", "_selected_action": [report.pk], "apply": "1"})
    assert DeliveryReport.objects.get(pk=report.pk).status == DeliveryStatus.VERIFIED
