"""A company's CSR officer reading the partner portal in English, in a real Chromium on the demo
(issue 24): needs carry their English titles and units; pledge statuses speak from the officer's
side ("Your offer, awaiting Dinsos", "Proposed to you, please answer"); "Waiting for you" lists
the realisation report returned for correction and the program the agency asks to change; on a
phone the status of "Our pledges" stays on screen; the BAST upload says it is optional."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

from matching.models import Pledge, PledgeStatus
from partners.models import Company
from programs.models import ProgramStatus
from tests.browser.roles import fits_the_screen, open_tab, portal_login, switch_language
from tests.factories import program_in_state

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    users = get_user_model().objects
    program = program_in_state(
        ProgramStatus.CHANGES_REQUESTED,
        company=Company.objects.get(name="PT Sebangau Agro Mandiri"),
        officer=users.get(username="csr.pulpis"),
        staff=users.get(username="dinsos.pulpis"),
        targets=("62.11.01",),
        title="Pembibitan karet rakyat",
    )
    yield {"program": program}
    cache.clear()


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_a_forum_member_officer_sees_what_waits_for_them_in_english(browser, live_server, demo, width):
    proposal = Pledge.objects.get(company__name="PT Sebangau Agro Mandiri", status=PledgeStatus.PROPOSED)
    context, tab = open_tab(browser, live_server, width, language="en")
    try:
        portal_login(tab, "csr.pulpis", "mitra-demo", lands_on=r"/partner/$")
        switch_language(tab, "en")
        waiting = tab.locator("section[aria-labelledby=waiting-title]")
        expect(waiting.get_by_role("heading", name="Waiting for you")).to_be_visible()
        returned = waiting.locator(".todo", has_text="Realisation reports returned for correction")
        expect(returned).to_contain_text("Paket sembako dan cek kesehatan lansia")
        to_change = waiting.locator(".todo", has_text="Programs the agency asks you to change")
        expect(to_change).to_contain_text("Pembibitan karet rakyat")
        expect(to_change).to_contain_text("Lengkapi data sasaran")
        proposals = waiting.locator(".todo", has_text="Proposals from Dinsos to answer")
        expect(proposals).to_contain_text("Mattresses and mosquito nets")
        expect(proposals).to_contain_text("30 pieces")
        # Notices are read in English too: the need's English title and unit.
        expect(tab.locator(".notifications")).to_contain_text(
            "cover 30 pieces of “Mattresses and mosquito nets” at LKS Lansia Betang Sejahtera"
        )
        assert fits_the_screen(tab)

        # Our pledges: the status stays on screen, even on a phone.
        tab.locator("nav.partner-nav").get_by_role("link", name="Our pledges").click()
        row = tab.locator("tbody tr", has_text=f"#{proposal.pk}")
        status = row.get_by_text("Proposed to you, please answer")
        expect(status).to_be_visible()
        box = status.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= tab.viewport_size["width"], box
        assert fits_the_screen(tab)

        # The proposal from the officer's side: to answer, never "Awaiting Dinsos".
        tab.goto(f"/partner/pledges/{proposal.pk}/")
        expect(tab.locator("h1")).to_contain_text("Mattresses and mosquito nets")
        expect(tab.locator(".badges")).to_have_text("Proposed to you, please answer")
        expect(tab.locator("main")).not_to_contain_text("Awaiting Dinsos")
        expect(tab.locator("main")).not_to_contain_text("Kasur dan kelambu")
    finally:
        context.close()


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_an_officer_reads_needs_offers_and_the_delivery_form_in_english(browser, live_server, demo, width):
    offer = Pledge.objects.get(company__name="PT LG Electronics Indonesia", status=PledgeStatus.OFFERED)
    approved = Pledge.objects.filter(company__name="PT LG Electronics Indonesia", status=PledgeStatus.APPROVED)
    training = approved.get(need__title__startswith="Pelatihan teknisi AC")
    context, tab = open_tab(browser, live_server, width, language="en")
    try:
        portal_login(tab, "csr.lg", "mitra-demo", lands_on=r"/partner/$")
        switch_language(tab, "en")

        # Needs in English, with their units: never "Popok dewasa" or "900 paket".
        tab.goto("/partner/needs/")
        diapers = tab.locator(".partner-need", has_text="PSBG Belaian Kasih").filter(has_text="Adult diapers")
        expect(diapers).to_contain_text("900 packages needed")
        expect(diapers.get_by_role("link", name="Pledge Adult diapers")).to_be_visible()
        expect(diapers).to_contain_text("Rp 85.000 each")
        expect(tab.locator("main")).not_to_contain_text("Popok dewasa")
        assert fits_the_screen(tab)

        # The company's own offer, said from its side.
        tab.goto(f"/partner/pledges/{offer.pk}/")
        expect(tab.locator(".badges")).to_have_text("Your offer, awaiting Dinsos")
        expect(tab.locator("main")).to_contain_text("12 units")
        expect(tab.locator("main")).not_to_contain_text("Offered by partner")

        # Reporting a delivery: the units in English, the BAST optional.
        tab.goto(f"/partner/pledges/{training.pk}/report/")
        expect(tab.locator("h1")).to_contain_text("Training as air-conditioning and home-appliance technicians")
        expect(tab.get_by_label("Quantity delivered (people)")).to_be_visible()
        expect(tab.get_by_text("Signed handover record (BAST), PDF (optional)")).to_be_visible()
        form = tab.locator("main form").first
        expect(form).not_to_contain_text(re.compile(r"\borang\b"))
        assert fits_the_screen(tab)
    finally:
        context.close()
