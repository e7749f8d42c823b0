"""A visitor on a phone, in a real Chromium on the demo (issue 24): a need whose only pledge is a
Dinsos proposal the company has not answered is shown open ("diusulkan kepada mitra") with the
help form; a need whose rest is only offered is shown apart, never as covered; progress speaks
one vocabulary everywhere (dijanjikan, tersalurkan, terverifikasi), never "Terpenuhi 0 (0%)"
beside "0 belum terpenuhi"."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

from facilities.models import Need
from matching.models import Pledge, PledgeStatus
from tests.browser.roles import fits_the_screen, open_tab

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The old words: a fulfilled count beside a not-fulfilled one.
OLD_WORDS = re.compile(r"Terpenuhi \d|belum terpenuhi|Menunggu Dinsos \d")


@pytest.fixture
def demo():
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    yield {
        "proposed": Need.objects.get(title="Kasur dan kelambu"),
        "offered": Pledge.objects.get(company__name="PT LG Electronics Indonesia", status=PledgeStatus.OFFERED).need,
        "delivered": Need.objects.get(title="Kasur busa dan sprei asrama"),
    }
    cache.clear()


def test_a_visitor_on_a_phone_reads_what_happened_to_each_need(browser, live_server, demo):
    context, tab = open_tab(browser, live_server, "phone")
    try:
        # Proposed to a company that has not answered: open, and the help form is there.
        proposed = demo["proposed"]
        tab.goto(proposed.get_absolute_url())
        legend = tab.locator(".legend").first
        expect(legend).to_contain_text("Dijanjikan 0 (0%)")
        expect(legend).to_contain_text("Diusulkan kepada mitra 30, belum dijawab")
        expect(tab.locator("main")).to_contain_text("Selama belum ada mitra yang setuju, kebutuhan ini tetap terbuka.")
        expect(tab.get_by_role("heading", name="Bantu memenuhi kebutuhan ini")).to_be_visible()
        expect(tab.get_by_role("button", name="Kirim permintaan")).to_be_visible()
        expect(tab.locator("main")).not_to_contain_text("sudah tercukupi")
        expect(tab.locator("main")).not_to_contain_text(OLD_WORDS)
        assert fits_the_screen(tab)

        # On the facility's page it is among the open needs, 30 not yet pledged.
        tab.get_by_role("link", name="LKS Lansia Betang Sejahtera").first.click()
        card = tab.locator(".need-card", has_text="Kasur dan kelambu")
        expect(card).to_contain_text("Dibutuhkan 30 buah, 30 belum dijanjikan atau ditawarkan")
        expect(card).to_contain_text("Diusulkan kepada mitra 30, belum dijawab")
        expect(tab.locator("main")).not_to_contain_text(OLD_WORDS)
        assert fits_the_screen(tab)

        # Offered by a company, awaiting Dinsos: shown apart, never as covered.
        tab.goto(demo["offered"].get_absolute_url())
        expect(tab.locator(".legend").first).to_contain_text("Ditawarkan, menunggu Dinsos 12 (100%)")
        expect(tab.locator(".legend").first).to_contain_text("Dijanjikan 0 (0%)")
        expect(tab.locator("main")).not_to_contain_text("sudah tercukupi")
        expect(tab.locator("main")).to_contain_text("menunggu konfirmasi Dinas Sosial")
        expect(tab.get_by_role("heading", name="Mitra telah menawarkan sisa kebutuhan ini")).to_be_visible()

        # Pledged in full and partly delivered: pledged, delivered, the delivery verified.
        tab.goto(demo["delivered"].get_absolute_url())
        legend = tab.locator(".legend").first
        expect(legend).to_contain_text("Dijanjikan 40 (100%)")
        expect(legend).to_contain_text("Tersalurkan 25 (62%)")
        expect(tab.get_by_role("heading", name="Penyaluran yang diverifikasi Dinsos")).to_be_visible()
        expect(tab.locator(".delivery-list")).to_contain_text("PT LG Electronics Indonesia menyalurkan 25 buah")
        expect(tab.locator("main")).not_to_contain_text(OLD_WORDS)

        # The home page and the needs list speak the same words.
        tab.goto("/")
        stats = tab.locator("dl.stats").first
        expect(stats).to_contain_text("Dijanjikan oleh mitra")
        expect(stats).to_contain_text("Tersalurkan dan terverifikasi")
        expect(tab.locator("main")).not_to_contain_text(OLD_WORDS)
        expect(tab.locator("main")).not_to_contain_text("Terpenuhi oleh mitra")
        tab.goto("/needs/")
        expect(tab.locator(".need-card").first).to_contain_text("Dijanjikan")
        expect(tab.locator(".need-card").first).to_contain_text("Tersalurkan")
        expect(tab.locator("main")).not_to_contain_text(OLD_WORDS)
        assert fits_the_screen(tab)
    finally:
        context.close()
