"""The facility confirms or disputes a delivery; Dinsos needs a reason to verify against it."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from matching import receipts, services
from matching.errors import PledgeError
from matching.models import DeliveryReceipt, DeliveryStatus, ReceiptOutcome
from notifications.models import Notification
from tests.facility_portal.helpers import snapshot
from tests.factories import StaffFactory, agency, staff_user
from tests.portal.helpers import png

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today


def _confirm(report, user, **overrides):
    values = {"quantity_received": 10, "received_on": TODAY(), "condition": "good"}
    values.update(overrides)
    return receipts.delivery_receipt_confirm(report=report, actor=user, **values)


def test_confirmation_is_recorded_and_both_sides_hear_of_it(report, member, company):
    jakarta_staff = StaffFactory(agency=agency("31"))
    receipt = _confirm(report, member.user, quantity_received=8, condition="partly_damaged", note="2 robek")
    assert (receipt.outcome, receipt.quantity_received, receipt.answered_by) == (
        ReceiptOutcome.CONFIRMED,
        8,
        member.user,
    )
    events = set(Notification.objects.filter(event="receipt_confirmed").values_list("recipient_id", flat=True))
    officers = set(company.officers.values_list("user_id", flat=True))
    assert officers <= events
    assert jakarta_staff.pk in events
    assert member.user.pk not in events


def test_photo_is_stored_without_its_metadata(report, member):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Kamera Rahasia"
    Image.new("RGB", (20, 20), (10, 200, 30)).save(buffer, format="JPEG", exif=exif)
    receipt = _confirm(report, member.user, photo=SimpleUploadedFile("kasur.jpg", buffer.getvalue()))
    with receipt.photo.open("rb") as handle, Image.open(handle) as stored:
        assert not stored.getexif()
    assert receipt.photo_content_type == "image/jpeg"


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"quantity_received": 11}, "cannot confirm more"),
        ({"quantity_received": 0}, "above zero"),
        ({"received_on": TODAY() + datetime.timedelta(days=1)}, "future"),
        ({"condition": "excellent"}, "condition"),
        ({"photo": SimpleUploadedFile("kasur.jpg", b"MZ\x90\x00 not an image")}, "not a JPEG"),
    ],
    ids=["more-than-reported", "zero", "future-date", "unknown-condition", "not-an-image"],
)
def test_bad_confirmations_write_nothing(report, member, overrides, message):
    before = snapshot()
    with pytest.raises(PledgeError, match=message):
        _confirm(report, member.user, **overrides)
    assert snapshot() == before


def test_someone_elses_delivery_cannot_be_confirmed(report, other_member):
    before = snapshot()
    with pytest.raises(PledgeError, match="receiving facility"):
        _confirm(report, other_member.user)
    with pytest.raises(PledgeError, match="receiving facility"):
        receipts.delivery_receipt_dispute(report=report, actor=other_member.user, reason="x")
    assert snapshot() == before


def test_a_dispute_needs_a_reason_and_can_be_corrected_with_history(report, member):
    with pytest.raises(PledgeError, match="what is wrong"):
        receipts.delivery_receipt_dispute(report=report, actor=member.user, reason="  ")
    receipts.delivery_receipt_dispute(
        report=report, actor=member.user, reason="Hanya 6 yang datang", quantity_received=6
    )
    receipt = _confirm(report, member.user)
    assert receipt.outcome == ReceiptOutcome.CONFIRMED
    assert [h.outcome for h in receipt.history.order_by("history_id")] == ["disputed", "confirmed"]
    assert DeliveryReceipt.objects.count() == 1


def test_the_form_refuses_more_than_reported_with_a_message(member_client, report):
    before = snapshot()
    response = member_client.post(
        reverse("facility:delivery_confirm", args=[report.pk]),
        {"quantity_received": "11", "received_on": TODAY().isoformat(), "condition": "good"},
    )
    assert response.status_code == 400
    assert "cannot confirm more than that" in response.content.decode()
    assert snapshot() == before


def test_the_form_refuses_a_photo_that_is_not_an_image(member_client, report):
    before = snapshot()
    response = member_client.post(
        reverse("facility:delivery_confirm", args=[report.pk]),
        {
            "quantity_received": "10",
            "received_on": TODAY().isoformat(),
            "condition": "good",
            "photo": SimpleUploadedFile("kasur.png", b"<?php echo 1; ?>"),
        },
    )
    assert response.status_code == 400
    assert "is not a JPEG, PNG or WebP photo" in response.content.decode()
    assert snapshot() == before


# --- Dinsos verifies: a reason against a dispute or a missing confirmation -------------------


def test_verifying_a_disputed_delivery_needs_a_reason(report, member):
    staff = staff_user()
    receipts.delivery_receipt_dispute(report=report, actor=member.user, reason="Tidak ada yang datang")
    with pytest.raises(PledgeError, match="disputed"):
        services.delivery_verify(report=report, actor=staff)
    report.refresh_from_db()
    assert report.status == DeliveryStatus.SUBMITTED
    services.delivery_verify(report=report, actor=staff, override_reason="BAST ditandatangani kepala panti")
    report.refresh_from_db()
    assert (report.status, report.override_reason) == (DeliveryStatus.VERIFIED, "BAST ditandatangani kepala panti")


def test_verifying_needs_a_reason_only_after_the_days_to_confirm(report, settings):
    staff = staff_user()
    settings.RECEIPT_CONFIRM_DAYS = 7
    type(report).objects.filter(pk=report.pk).update(reported_at=report.reported_at - datetime.timedelta(days=8))
    with pytest.raises(PledgeError, match="within 7 days"):
        services.delivery_verify(report=report, actor=staff)
    settings.RECEIPT_CONFIRM_DAYS = 9
    services.delivery_verify(report=report, actor=staff)
    report.refresh_from_db()
    assert (report.status, report.override_reason) == (DeliveryStatus.VERIFIED, "")


def test_a_confirmed_delivery_verifies_without_a_reason_even_late(report, member):
    _confirm(report, member.user)
    type(report).objects.filter(pk=report.pk).update(reported_at=report.reported_at - datetime.timedelta(days=30))
    services.delivery_verify(report=report, actor=staff_user())
    report.refresh_from_db()
    assert report.status == DeliveryStatus.VERIFIED


def test_after_verification_the_facility_can_no_longer_answer(report, member):
    _confirm(report, member.user)
    services.delivery_verify(report=report, actor=staff_user())
    with pytest.raises(PledgeError, match="already verified"):
        receipts.delivery_receipt_dispute(report=report, actor=member.user, reason="Terlambat")


def test_the_company_dashboard_shows_the_share_confirmed(client, report, member, company, need):
    from tests.facility_portal.conftest import reported

    _confirm(report, member.user)
    second = reported(need, company, quantity=5)
    receipts.delivery_receipt_dispute(report=second, actor=member.user, reason="Belum datang")
    client.force_login(company.officers.first().user)
    page = client.get(reverse("partner:dashboard")).content.decode()
    assert "Deliveries confirmed by the receiving facility" in page
    assert "50%" in page
    assert "1 of 2" in page


def test_a_png_photo_is_accepted_through_the_page(member_client, report):
    response = member_client.post(
        reverse("facility:delivery_confirm", args=[report.pk]),
        {"quantity_received": "9", "received_on": TODAY().isoformat(), "condition": "good", "photo": png()},
    )
    assert response.status_code == 302
    receipt = DeliveryReceipt.objects.get()
    assert receipt.quantity_received == 9 and receipt.photo
