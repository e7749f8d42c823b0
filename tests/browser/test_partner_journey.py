"""The partner journey in a real Chromium, as a CSR officer and a Dinsos staff member take it.

An officer logs in, filters the needs, pledges part of one and sees it on the dashboard; a Dinsos
staff member approves the offer in the admin; the officer reports the delivery with a photo;
the staff member verifies it; the need's progress moves on the public page.
"""

import re

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from facilities.models import Need
from matching.models import DeliveryReport, DeliveryStatus, Pledge, PledgeStatus
from tests.factories import CompanyFactory, NeedFactory, OfficerFactory, StaffFactory, UserFactory, field

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # tests.factories.UserFactory


@pytest.fixture
def journey_data():
    mattresses = NeedFactory(
        title="Kasur busa untuk asrama PSBR",
        field=field("kesehatan"),
        quantity=40,
        unit="buah",
        unit_cost=1_250_000,
    )
    NeedFactory(title="Pelatihan las untuk 25 remaja", field=field("pendidikan"), quantity=25, unit="orang")
    company = CompanyFactory(name="PT Hyundai Motors Indonesia")
    officer = OfficerFactory(
        company=company,
        user=UserFactory(username="siti@hyundai.example", email="siti@hyundai.example", first_name="Siti"),
    )
    staff = StaffFactory(username="dinsos.rina", first_name="Rina")
    return {"need": mattresses, "officer": officer.user, "staff": staff}


def _login(page, username):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].button")


def _staff_tab(browser, live_server, staff):
    context = browser.new_context(base_url=live_server.url, locale="en-US", timezone_id="Asia/Jakarta")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.goto("/admin/login/")
    tab.fill("#id_username", staff.username)
    tab.fill("#id_password", PASSWORD)
    tab.click("input[type=submit]")
    expect(tab).to_have_url(re.compile(r"/admin/$"))
    return tab


def _admin_action(tab, changelist, pk, action, confirm=None):
    tab.goto(changelist)
    tab.check(f"input[name=_selected_action][value='{pk}']")
    tab.select_option("select[name=action]", action)
    tab.click("button[name=index]")
    if confirm:
        # Verifying shows the evidence first and asks once.
        expect(tab.locator(".verify-confirm img").first).to_be_visible()
        tab.get_by_role("button", name=confirm).click()
    expect(tab.locator("ul.messagelist li.success")).to_be_visible()


def test_officer_pledges_dinsos_approves_officer_delivers_dinsos_verifies(
    page, browser, live_server, journey_data, tmp_path, artifacts_dir
):
    need = journey_data["need"]

    # The officer logs in and lands on the dashboard, then reads the portal in English.
    _login(page, journey_data["officer"].username)
    expect(page).to_have_url(re.compile(r"/partner/$"))
    page.select_option("#language-select", "en")
    page.click(".language-switch button")
    expect(page.locator("h1")).to_have_text("Welcome, Siti")

    # Needs, filtered by field: only the mattresses remain.
    page.click("nav.partner-nav >> text=Needs")
    expect(page.locator(".partner-need")).to_have_count(2)
    # The filters start folded (on a phone they would push the needs down); open them.
    expect(page.locator("#id_field")).to_be_hidden()
    page.get_by_text("Filter and sort").click()
    page.select_option("#id_field", "kesehatan")
    page.click("form.filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"field=kesehatan"))
    cards = page.locator(".partner-need")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Kasur busa untuk asrama PSBR")
    expect(cards.first).to_contain_text("40 still to be covered")

    # Pledge part of it: 25 of 40.
    cards.first.locator("a.button").click()
    expect(page.locator("h1")).to_contain_text("Pledge to")
    page.fill("#id_quantity", "25")
    page.fill("#id_note", "Kasur busa merek lokal, dikirim bertahap")
    page.click("text=Send the offer")
    expect(page.locator(".messages")).to_contain_text("Your offer of 25 pieces")
    pledge = Pledge.objects.get(need=need)
    assert (pledge.status, pledge.quantity) == (PledgeStatus.OFFERED, 25)

    # The dashboard shows the offer waiting for Dinsos.
    page.click("nav.partner-nav >> text=Dashboard")
    offers = page.locator(".todo", has_text="Your offers awaiting approval")
    expect(offers).to_contain_text("Kasur busa untuk asrama PSBR")
    expect(offers).to_contain_text("25 pieces")

    # Dinsos staff approve the offer from the pledge list in the admin.
    staff_tab = _staff_tab(browser, live_server, journey_data["staff"])
    _admin_action(staff_tab, "/admin/matching/pledge/", pledge.pk, "approve_offers")
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.APPROVED

    # The officer sees the approval and reports the delivery with a photo.
    page.goto("/partner/")
    expect(page.locator(".notifications")).to_contain_text("Dinsos approved the offer")
    page.locator(".todo", has_text="Deliveries to report").locator("a.button").click()
    expect(page.locator("h1")).to_contain_text("Report a delivery")
    photo = tmp_path / "serah-terima.png"
    Image.new("RGB", (64, 48), (30, 120, 200)).save(photo)
    page.fill("#id_delivered_on", timezone.localdate().isoformat())
    expect(page.locator("#id_quantity")).to_have_value("25")
    page.fill("#id_beneficiaries_reached", "25")
    page.set_input_files("#id_photos", str(photo))
    page.click("text=Send the report")
    expect(page.locator(".messages")).to_contain_text("is with Dinsos for verification")
    expect(page.locator(".delivery")).to_contain_text("Awaiting verification")
    report = DeliveryReport.objects.get(pledge=pledge)
    assert report.evidence.count() == 1

    # Dinsos staff verify the delivery in the admin.
    _admin_action(staff_tab, "/admin/matching/deliveryreport/", report.pk, "verify_reports", "Verify this report")
    report.refresh_from_db()
    assert report.status == DeliveryStatus.VERIFIED
    staff_tab.context.close()

    # The need's progress moved: the public page shows the delivery, the pledge is verified.
    page.goto(need.get_absolute_url())
    expect(page.locator(".legend")).to_contain_text("Delivered 25 (62%)")
    page.goto(f"/partner/pledges/{pledge.pk}/")
    expect(page.locator(".badges")).to_contain_text("Delivery verified")
    page.screenshot(path=str(artifacts_dir / "partner-journey-pledge.png"), full_page=True)
    need = Need.objects.get(pk=need.pk)
    assert (need.quantity_covered, need.quantity_delivered, need.quantity_remaining) == (25, 25, 15)
