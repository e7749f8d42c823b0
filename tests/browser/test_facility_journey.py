"""The facility's journey in a real Chromium, on the demo data: the head of services of PSBR
Taruna Jaya 1 logs in, confirms the demo delivery with a photo and disputes another; Dinsos
staff see both answers on the delivery reports and in the work queue, and the queue fits a
390 px phone."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from matching import services
from matching.models import DeliveryReport, Pledge, ReceiptOutcome

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo():
    """The demo, and a second delivery to Taruna Jaya: LG reports 5 of its 20 AC technicians."""
    call_command("load_demo", stdout=io.StringIO())
    pledge = Pledge.objects.get(
        need__facility__slug="psbr-taruna-jaya-1",
        need__title__startswith="Pelatihan teknisi AC",
        company__slug="lg-electronics-indonesia",
    )
    second = services.delivery_report_submit(
        pledge=pledge,
        actor=pledge.company.officers.get(user__username="csr.lg").user,
        delivered_on=timezone.localdate(),
        quantity=5,
        notes="Lima peserta angkatan pertama selesai pelatihan.",
    )
    waiting = DeliveryReport.objects.get(pledge__need__title="Peralatan bengkel reparasi telepon seluler")
    return {"waiting": waiting, "second": second}


def _login(tab, username, password):
    tab.goto("/accounts/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.click("button[type=submit].button")


def _no_horizontal_scroll(tab) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_facility_confirms_and_disputes_and_dinsos_sees_both(
    page, browser, live_server, demo, tmp_path, artifacts_dir
):
    waiting, second = demo["waiting"], demo["second"]

    # The facility's account lands on its portal and reads it in English.
    _login(page, "panti.tarunajaya", "panti-demo")
    expect(page).to_have_url(re.compile(r"/facility/$"))
    page.select_option("#language-select", "en")
    page.click(".language-switch button")
    expect(page.locator("h1")).to_have_text("Welcome, Dewi Anggraini")
    todo = page.locator("section", has_text="Deliveries waiting for your confirmation")
    expect(todo).to_contain_text("Peralatan bengkel reparasi telepon seluler")
    expect(todo).to_contain_text("Pelatihan teknisi AC")

    # It confirms the workshop kit, with a photo.
    page.goto(f"/facility/deliveries/{waiting.pk}/")
    photo = tmp_path / "peralatan.jpg"
    Image.new("RGB", (80, 60), (200, 140, 40)).save(photo, format="JPEG")
    expect(page.locator("#id_quantity_received")).to_have_value("1")
    page.select_option("#id_condition", "good")
    page.set_input_files("#id_photo", str(photo))
    page.fill("#id_note", "Diterima oleh kepala bengkel.")
    page.click("#confirm-form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("you received this delivery")
    expect(page.locator("#receipt")).to_contain_text("receipt confirmed")
    expect(page.locator("#receipt img")).to_be_visible()

    # And disputes the training report: only three came back trained.
    page.goto(f"/facility/deliveries/{second.pk}/")
    page.fill("#id_dispute-reason", "Hanya 3 peserta yang menyelesaikan pelatihan, bukan 5.")
    page.fill("#id_dispute-quantity_received", "3")
    page.click("#dispute-form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Your dispute is recorded")
    page.set_viewport_size(PHONE)
    assert _no_horizontal_scroll(page)
    page.screenshot(path=str(artifacts_dir / "facility-delivery-390.png"), full_page=True)
    waiting.refresh_from_db()
    second.refresh_from_db()
    assert waiting.receipt.outcome == ReceiptOutcome.CONFIRMED and waiting.receipt.photo
    assert (second.receipt.outcome, second.receipt.quantity_received) == (ReceiptOutcome.DISPUTED, 3)

    # Dinsos sees both answers on the delivery reports...
    context = browser.new_context(base_url=live_server.url, locale="en-US", timezone_id="Asia/Jakarta")
    context.set_default_timeout(15_000)
    staff = context.new_page()
    staff.goto("/admin/login/")
    staff.fill("#id_username", "dinsos")
    staff.fill("#id_password", "dinsos-demo")
    staff.click("input[type=submit]")
    expect(staff).to_have_url(re.compile(r"/admin/$"))
    expect(staff.locator(".work-waiting")).to_contain_text("disputed by the facility")
    staff.goto("/admin/matching/deliveryreport/")

    def row(report):
        return staff.locator(f"tr:has(a[href$='deliveryreport/{report.pk}/change/'])")

    expect(row(waiting)).to_contain_text("Receipt confirmed")
    expect(row(second)).to_contain_text("Disputed")
    staff.goto(f"/admin/matching/deliveryreport/{waiting.pk}/change/")
    expect(staff.locator(".field-facility_receipt")).to_contain_text("Confirmed by the facility: 1 of 1 paket")
    expect(staff.locator(".field-facility_receipt img")).to_be_visible()

    # ...and in the work queue, where it verifies the confirmed one and must give a reason for
    # the disputed one; each time it comes back to the queue.
    staff.goto("/admin/matching/pledge/queue/")
    confirmed_card = staff.locator(f"#deliveries-{waiting.pk}")
    disputed_card = staff.locator(f"#deliveries-{second.pk}")
    expect(confirmed_card).to_contain_text("The facility confirmed 1 paket")
    expect(disputed_card).to_contain_text("The facility disputes it: Hanya 3 peserta")
    staff.set_viewport_size(PHONE)
    assert _no_horizontal_scroll(staff)
    staff.screenshot(path=str(artifacts_dir / "work-queue-390.png"), full_page=True)
    confirmed_card.locator("form.verify input[name=checked]").check()
    confirmed_card.locator("form.verify button").click()
    expect(staff).to_have_url(re.compile(r"/admin/matching/pledge/queue/$"))
    expect(staff.locator("ul.messagelist li.success")).to_contain_text("is verified")
    disputed_card = staff.locator(f"#deliveries-{second.pk}")
    disputed_card.locator("textarea[name=override_reason]").fill("Dicek di lokasi: 5 peserta tercatat di absensi.")
    disputed_card.locator("form.verify input[name=checked]").check()
    disputed_card.locator("form.verify button").click()
    expect(staff).to_have_url(re.compile(r"/admin/matching/pledge/queue/$"))
    context.close()
    waiting.refresh_from_db()
    second.refresh_from_db()
    assert waiting.status == "verified"
    assert (second.status, second.override_reason) == ("verified", "Dicek di lokasi: 5 peserta tercatat di absensi.")
