"""A member of Forum TSLP Pulang Pisau in a real Chromium, on the demo (issue 24): the forum's
lists of members that did not report say of PT Sebangau Agro Mandiri that its report was
returned ("dikembalikan, menunggu perbaikan"), never plain "Belum dilaporkan"; its officer, on a
phone, finds the returned report among what waits, reads Dinsos's reason, corrects it and sends it
again; the report then waits for Dinsos's verification, no longer for the member."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

from programs.models import Realisation, RealisationStatus
from tests.browser.roles import fits_the_screen, open_tab, portal_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORUM_REPORT = "/reports/forum/2025/?region=62.11"
AGENCY = "/agencies/dinsos-pulang-pisau/"


@pytest.fixture
def returned():
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    yield Realisation.objects.get(program__company__name="PT Sebangau Agro Mandiri", status=RealisationStatus.RETURNED)
    cache.clear()


def test_a_member_corrects_a_returned_report_the_forum_lists_as_returned(browser, live_server, returned, tmp_path):
    report = returned
    context, tab = open_tab(browser, live_server)
    try:
        # The forum's lists: returned, awaiting correction.
        tab.goto(AGENCY)
        not_reported = tab.locator("[data-key='sebangau-agro-mandiri'], li", has_text="PT Sebangau Agro Mandiri")
        expect(not_reported.first).to_contain_text("dikembalikan, menunggu perbaikan")
        tab.goto(FORUM_REPORT)
        expect(tab.locator("#not-reported")).to_contain_text(
            "PT Sebangau Agro Mandiri (2025, dikembalikan, menunggu perbaikan)"
        )
        row = tab.locator("#discipline tr", has_text="PT Sebangau Agro Mandiri")
        expect(row).to_contain_text("Paket sembako dan cek kesehatan lansia (dikembalikan, menunggu perbaikan)")
        expect(row).not_to_contain_text("Belum dilaporkan")
    finally:
        context.close()

    context, tab = open_tab(browser, live_server, "phone")
    try:
        portal_login(tab, "csr.pulpis", "mitra-demo", lands_on=r"/partner/$")
        waiting = tab.locator(".todo", has_text="Laporan realisasi yang dikembalikan untuk diperbaiki")
        waiting.get_by_role("link", name=re.compile("Paket sembako dan cek kesehatan lansia")).click()
        expect(tab).to_have_url(re.compile(rf"/partner/realisations/{report.pk}/$"))
        expect(tab.locator("main")).to_contain_text("Mohon lengkapi rincian per desa")
        tab.get_by_role("link", name="Perbaiki dan kirim lagi").click()

        # The split by village, the households, a photo: sent again.
        tab.select_option("#id_shares-0-region", label="Kanamit, Maliku")
        tab.fill("#id_shares-0-households", "85")
        tab.fill("#id_households", "85")
        photo = tmp_path / "sembako.png"
        Image.new("RGB", (64, 48), (160, 120, 40)).save(photo)
        tab.set_input_files("#id_photos", str(photo))
        assert fits_the_screen(tab)
        tab.get_by_role("button", name="Kirim laporan").click()
        expect(tab).to_have_url(re.compile(rf"/partner/realisations/{report.pk}/$"))
        expect(tab.locator("main")).not_to_contain_text("Dikembalikan untuk diperbaiki")
        expect(tab.locator("main")).to_contain_text("Kanamit")
        assert fits_the_screen(tab)
        # Nothing of it waits for the member any more.
        tab.goto("/partner/")
        expect(tab.locator(".todo", has_text="Laporan realisasi yang dikembalikan untuk diperbaiki")).to_have_count(0)
    finally:
        context.close()
    report.refresh_from_db()
    assert (report.status, report.households, report.evidence.count()) == (RealisationStatus.SUBMITTED, 85, 1)

    # The forum report no longer says it waits for the member's correction.
    context, tab = open_tab(browser, live_server)
    try:
        tab.goto(FORUM_REPORT)
        row = tab.locator("#discipline tr", has_text="PT Sebangau Agro Mandiri")
        expect(row).not_to_contain_text("dikembalikan")
        waiting = tab.locator("dl div", has=tab.get_by_text("Dilaporkan, menunggu verifikasi", exact=True))
        expect(waiting.locator("dd")).to_have_text("Rp 61.750.000")
    finally:
        context.close()
