"""The head of a facility in a real Chromium, on the demo (issue 24): on a phone, PSBR Taruna
Jaya 1 proposes a need, which waits in Dinsos's work queue; it confirms a delivery and writes the
company a thank-you note; once Dinsos has verified the delivery, a visitor reads the note and the
facility's confirmation on the need's public page."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

from facilities.models import Need, NeedStatus
from matching.models import DeliveryReport, DeliveryStatus
from tests.browser.roles import admin_login, fits_the_screen, open_tab, portal_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

THANKS = "Terima kasih LG, para remaja kini berlatih memperbaiki telepon sendiri."


@pytest.fixture
def demo():
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    yield DeliveryReport.objects.get(pledge__need__title="Peralatan bengkel reparasi telepon seluler")
    cache.clear()


def test_the_facility_proposes_a_need_and_thanks_the_company_in_public(browser, live_server, demo):
    report = demo
    context, tab = open_tab(browser, live_server, "phone")
    try:
        portal_login(tab, "panti.tarunajaya", "panti-demo", lands_on=r"/facility/$")
        expect(tab.locator("h1")).to_have_text("Selamat datang, Dewi Anggraini")
        assert fits_the_screen(tab)

        # A new need, as a draft for Dinsos.
        tab.get_by_role("link", name="Usulkan kebutuhan baru").click()
        tab.get_by_label("Judul").fill("Rak buku perpustakaan asrama")
        tab.get_by_label("Bidang").select_option(label="Pendidikan")
        tab.get_by_label("Jenis").select_option(label="Barang")
        tab.get_by_label("Jumlah").fill("6")
        tab.get_by_label("Unit").fill("buah")
        tab.get_by_label("Perkiraan biaya satuan (Rp)").fill("1.500.000")
        assert fits_the_screen(tab)
        tab.get_by_role("button", name="Kirim ke Dinsos").click()
        expect(tab.locator(".messages")).to_contain_text("Rak buku perpustakaan asrama")
        need = Need.objects.get(title="Rak buku perpustakaan asrama")
        assert (need.status, need.quantity, need.unit_cost) == (NeedStatus.DRAFT, 6, 1_500_000)

        # The delivery waiting for its confirmation: received, with a thank-you note.
        tab.goto("/facility/")
        waiting = tab.locator("section", has_text="Penyaluran yang menunggu konfirmasi Anda")
        expect(waiting).to_contain_text("Peralatan bengkel reparasi telepon seluler")
        waiting.get_by_role("link", name="Konfirmasi atau sanggah").click()
        expect(tab).to_have_url(re.compile(rf"/facility/deliveries/{report.pk}/$"))
        tab.select_option("#id_condition", "good")
        tab.get_by_label("Ucapan terima kasih kepada perusahaan (opsional)").fill(THANKS)
        assert fits_the_screen(tab)
        tab.click("#confirm-form button[type=submit]")
        expect(tab.locator("#receipt")).to_be_visible()
    finally:
        context.close()

    # Dinsos finds the proposed need and the confirmed delivery in its queue, and verifies it.
    context, staff = open_tab(browser, live_server)
    try:
        admin_login(staff, "dinsos", "dinsos-demo")
        staff.goto("/admin/matching/pledge/queue/")
        expect(staff.locator(f"#new_needs-{need.pk}")).to_contain_text("Rak buku perpustakaan asrama")
        expect(staff.locator(f"#new_needs-{need.pk}")).to_contain_text("6 buah · Rp 9.000.000")
        card = staff.locator(f"#deliveries-{report.pk}")
        expect(card).to_contain_text("Panti mengonfirmasi 1 paket")
        card.locator("form.verify input[name=checked]").check()
        card.locator("form.verify button").click()
        expect(staff.locator("ul.messagelist li.success")).to_be_visible()
    finally:
        context.close()
    report.refresh_from_db()
    assert report.status == DeliveryStatus.VERIFIED

    # A visitor on a phone reads the delivery, the facility's confirmation and its note.
    context, tab = open_tab(browser, live_server, "phone")
    try:
        tab.goto(report.pledge.need.get_absolute_url())
        delivery = tab.locator(".delivery-list li").first
        expect(delivery).to_contain_text("PT LG Electronics Indonesia menyalurkan 1 paket")
        expect(delivery).to_contain_text("Dikonfirmasi panti pada")
        expect(delivery.locator("blockquote.thank-you")).to_contain_text(THANKS)
        expect(delivery.locator("blockquote.thank-you")).to_contain_text("PSBR Taruna Jaya 1")
        assert fits_the_screen(tab)
    finally:
        context.close()
