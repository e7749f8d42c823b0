"""The agencies' read-only viewers in a real Chromium, on the demo (issue 24): the Camat of
Kahayan Hilir and Bappeda Pulang Pisau land under a read-only banner on an index made for
reading (documents to acknowledge at the top, then the reports, their area's facilities and
programs) and find no counter or button they cannot act on, at 390 and 1280 px."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

from facilities.models import Facility
from programs.models import Realisation
from tests.browser.roles import admin_login, fits_the_screen, open_tab

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KAHAYAN_HILIR = "62.11.05"  # the camat's kecamatan in the demo


@pytest.fixture
def demo():
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    yield Realisation.objects.get(program__title="Literasi keuangan dan tabungan pelajar")
    cache.clear()


def reads_in_order(tab, *ids):
    tops = [tab.locator(f"#{section}").bounding_box()["y"] for section in ids]
    assert tops == sorted(tops), dict(zip(ids, tops, strict=True))


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_camat_reads_its_kecamatan_and_changes_nothing(browser, live_server, demo, width):
    context, tab = open_tab(browser, live_server, width)
    try:
        admin_login(tab, "camat.kahayanhilir", "viewer-demo")
        expect(tab.locator(".read-only-banner")).to_contain_text("Akun hanya-baca.")
        expect(tab.locator(".read-only-banner")).to_contain_text("tidak dapat mengubah apa pun")
        expect(tab.locator("#content")).to_contain_text("Kecamatan Kahayan Hilir")
        documents = tab.locator("#reading-documents")
        expect(documents).to_contain_text("Dokumen untuk Anda: 0 perlu dikonfirmasi")
        expect(documents).to_contain_text("Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020")
        expect(documents).to_contain_text("dikonfirmasi")
        reads_in_order(tab, "reading-documents", "reading-reports", "reading-facilities", "reading-programs")
        expect(tab.locator("#reading-reports")).to_contain_text("Laporan tahunan Forum TSLP")
        # Its kecamatan only: one facility, the programs there, with their true status.
        facilities = tab.locator("#reading-facilities")
        in_kecamatan = Facility.objects.filter(region__code__startswith=KAHAYAN_HILIR).count()
        expect(facilities.get_by_role("heading")).to_contain_text(f"({in_kecamatan})")
        expect(facilities).to_contain_text("LKSA Harapan Kahayan · Kahayan Hilir")
        expect(facilities).not_to_contain_text("Maliku")
        programs = tab.locator("#reading-programs")
        expect(programs.get_by_role("heading")).to_contain_text(re.compile(r"\(\d+\)"))
        expect(programs.locator("li", has_text="Literasi keuangan dan tabungan pelajar")).to_contain_text("Selesai")
        # No counters of work it cannot do, no add links.
        expect(tab.locator(".work-waiting")).to_have_count(0)
        expect(tab.locator("#content a.addlink")).to_have_count(0)
        assert fits_the_screen(tab)

        # A verified report of its kecamatan: readable, the banner stays, no decision buttons.
        tab.locator("#reading-programs a", has_text="Literasi keuangan dan tabungan pelajar").click()
        expect(tab.locator(".read-only-banner")).to_be_visible()
        expect(tab.locator("input[name=_save]")).to_have_count(0)
        tab.goto(f"/admin/programs/realisation/{demo.pk}/change/")
        expect(tab.locator(".field-split")).to_contain_text("Kahayan Hilir — Rp 82.000.000")
        expect(tab.get_by_role("button", name="Verifikasi laporan")).to_have_count(0)
        expect(tab.get_by_role("button", name="Kembalikan ke perusahaan")).to_have_count(0)
        assert fits_the_screen(tab)
    finally:
        context.close()


def test_bappeda_reads_the_whole_regency(browser, live_server, demo):
    context, tab = open_tab(browser, live_server, "phone")
    try:
        admin_login(tab, "bappeda.pulpis", "viewer-demo")
        expect(tab.locator(".read-only-banner")).to_contain_text("Akun hanya-baca.")
        expect(tab.locator("#content")).to_contain_text("Kabupaten Pulang Pisau")
        reads_in_order(tab, "reading-documents", "reading-reports", "reading-facilities", "reading-programs")
        expect(tab.locator("#reading-reports")).to_contain_text(re.compile(r"Laporan realisasi · \d+ terverifikasi"))
        facilities = tab.locator("#reading-facilities")
        expect(facilities).to_contain_text("LKSA Harapan Kahayan")
        expect(facilities).to_contain_text("LKS Lansia Betang Sejahtera")
        expect(facilities).not_to_contain_text("PSBR Taruna Jaya 1")
        expect(tab.locator(".work-waiting")).to_have_count(0)
        assert fits_the_screen(tab)
        # The reports dashboard opens from the index, for reading.
        tab.locator("#reading-reports a").first.click()
        expect(tab.locator(".read-only-banner")).to_be_visible()
        assert fits_the_screen(tab)
    finally:
        context.close()
