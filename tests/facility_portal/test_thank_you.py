"""The facility's thank-you note (issue 24): written when it confirms receipt, public on the
need's page with the delivery's date and the "confirmed by the facility" mark only once Dinsos
has verified the delivery."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from matching import receipts, services
from matching.models import DeliveryReceipt
from tests.facility_portal.helpers import snapshot
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

THANKS = "Terima kasih, kasurnya sudah dipakai di asrama putra."
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def confirm(member_client, report, **extra):
    return member_client.post(
        reverse("facility:delivery_confirm", args=[report.pk]),
        {
            "quantity_received": "10",
            "received_on": timezone.localdate().isoformat(),
            "condition": "good",
            "thank_you": THANKS,
            **extra,
        },
    )


def public_page(need) -> str:
    return Client().get(need.get_absolute_url(), **EN).content.decode()


def test_the_confirmation_form_says_the_note_is_public_after_verification(member_client, report):
    page = member_client.get(reverse("facility:delivery_detail", args=[report.pk])).content.decode()
    assert "Thank-you note to the company (optional)" in page
    assert "Shown on the need&#x27;s public page once Dinsos has verified the delivery." in page


def test_a_thank_you_note_shows_on_the_need_page_only_once_dinsos_verifies(member_client, report, need, company):
    response = confirm(member_client, report)
    assert response.status_code == 302
    assert DeliveryReceipt.objects.get(report=report).thank_you == THANKS

    before = public_page(need)
    assert THANKS not in before
    assert "Deliveries verified by Dinsos" not in before

    services.delivery_verify(report=report, actor=staff_user())
    after = public_page(need)

    today = timezone.localdate()
    assert "Deliveries verified by Dinsos" in after
    assert f"PT LG Electronics Indonesia delivered 10 pieces on {today:%-d %B %Y}." in after
    assert f"Confirmed by the facility on {today:%-d %B %Y}" in after
    assert THANKS in after


def test_a_verified_delivery_the_facility_did_not_confirm_has_no_mark_and_no_note(report, need):
    services.delivery_verify(report=report, actor=staff_user(), override_reason="Panti tidak menjawab 14 hari")
    page = public_page(need)
    assert "PT LG Electronics Indonesia delivered 10 pieces" in page
    assert "Confirmed by the facility" not in page


def test_a_dispute_clears_the_thank_you_note(member_client, report, member):
    confirm(member_client, report)
    receipts.delivery_receipt_dispute(
        report=report, actor=member.user, reason="Hanya 6 yang datang", quantity_received=6
    )
    assert DeliveryReceipt.objects.get(report=report).thank_you == ""


def test_a_note_longer_than_allowed_is_refused_and_nothing_is_written(member_client, report):
    before = snapshot()
    response = confirm(member_client, report, thank_you="x" * 301)
    assert response.status_code == 400
    assert "Ensure this value has at most 300 characters" in response.content.decode()
    assert snapshot() == before
