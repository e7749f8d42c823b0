"""The staff's admin in a real Chromium (issue 24): as dinsos.pulpis, a realisation report that
has waited 15 days is counted on the index, listed first in the work queue with its age, and
verified from its own page beside its split and its photo; as a viewer (bappeda.pulpis), the
admin is an index made for reading under a read-only banner; and axe-core finds no violation on
these admin pages at a phone's and a desktop's width."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from agencies.models import StaffRole
from circulars import services as circulars
from matching import services
from matching.models import EvidenceKind, PledgeStatus
from programs import realisations
from programs.models import Realisation, RealisationStatus
from programs.rules import ShareLine
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    OfficerFactory,
    StaffFactory,
    UserFactory,
    pledge_in_state,
    region,
)
from tests.portal.helpers import pdf, png, pulpis, registered_program

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
PASSWORD = "secret-pass-123"  # tests.factories.UserFactory
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
YEAR = timezone.localdate().year - 1


@pytest.fixture
def pulang_pisau():
    agency = pulpis()
    agency.forum_name = "Forum TSLP Kabupaten Pulang Pisau"
    agency.save()
    kahayan = region("62.11.01", "Kahayan Hilir")
    maliku = region("62.11.02", "Maliku")
    staff = StaffFactory(username="dinsos.pulpis", first_name="Yohanes", last_name="Pandawa", agency=agency)
    viewer = StaffFactory(username="bappeda.pulpis", first_name="Bappeda", agency=agency, agency__role=StaffRole.VIEWER)
    company = CompanyFactory(name="PT Sebangau Agro Mandiri")
    officer = OfficerFactory(
        company=company,
        user=UserFactory(username="csr.pulpis", email="csr@sebangau.example", first_name="Dewi", last_name="Lestari"),
    )
    program = registered_program(company, title="Sekolah lapang petani")
    report = realisations.realisation_submit(
        program=program,
        actor=officer.user,
        year=YEAR,
        quarter=0,
        amount=30_000_000,
        shares=[ShareLine(kahayan, 18_000_000, 40), ShareLine(maliku, 12_000_000, 25)],
        households=65,
        persons=210,
        activities="Sekolah lapang padi dan pembibitan karet di dua kecamatan",
        files=[(png("sekolah-lapang.png"), "photo")],
    )
    Realisation.objects.filter(pk=report.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=15))
    # A delivery to a facility of the regency, with a photo and the BAST, also waiting.
    need = NeedFactory(facility=FacilityFactory(name="LKSA Harapan Kahayan", region=kahayan), title="Kasur busa")
    pledge = pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=5, staff=staff)
    delivery = services.delivery_report_submit(
        pledge=pledge,
        actor=pledge.company.officers.first().user,
        delivered_on=timezone.localdate(),
        quantity=5,
        files=[(png(), EvidenceKind.PHOTO), (pdf(), EvidenceKind.BAST)],
    )
    perbup = circulars.circular_create(
        agency=agency,
        title="Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020",
        issued_on=datetime.date(2020, 6, 2),
        file=pdf("perbup.pdf"),
        actor=staff,
    )
    circulars.circular_send(circular=perbup, users=[viewer], actor=staff)
    return {"staff": staff, "viewer": viewer, "report": report, "delivery": delivery, "program": program}


def open_tab(browser, live_server, width="desktop", *, axe=False):
    context = browser.new_context(
        base_url=live_server.url,
        viewport=WIDTHS[width],
        is_mobile=width == "phone",
        has_touch=width == "phone",
        locale="id-ID",
        timezone_id="Asia/Jakarta",
    )
    context.set_default_timeout(15_000)
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    if axe:
        # Injected by the browser itself: the page's CSP rightly refuses an inline script tag.
        context.add_init_script(script=AXE)
    return context, context.new_page()


def admin_login(tab, username):
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.click("input[type=submit]")
    expect(tab).to_have_url(re.compile(r"/admin/$"))


def test_a_report_waiting_15_days_is_in_the_queue_and_verified_from_its_own_page(
    browser, live_server, pulang_pisau, artifacts_dir
):
    report = pulang_pisau["report"]
    context, tab = open_tab(browser, live_server)
    try:
        admin_login(tab, "dinsos.pulpis")
        # The index counts it: not "0 … 0 … 0" any more.
        waiting = tab.locator(".work-waiting")
        expect(waiting.get_by_role("heading", name="Yang menunggu Anda")).to_be_visible()
        expect(waiting).to_contain_text("1 laporan realisasi yang perlu diverifikasi")
        expect(waiting).to_contain_text("1 penyaluran yang perlu diverifikasi")

        # The queue lists it first, the oldest, with its age.
        tab.get_by_role("link", name=re.compile("Buka antrean kerja")).click()
        cards = tab.locator("ol.queue-cards > li")
        expect(cards).to_have_count(3)  # the report, the delivery, Bappeda's acknowledgement awaited
        expect(cards.first).to_have_attribute("id", f"realisations-{report.pk}")
        expect(cards.first).to_contain_text("menunggu 15 hari")
        expect(cards.first).to_contain_text("Kahayan Hilir — Rp 18.000.000")

        # Its own page: the split in words, the reporter by name, the photo, the buttons.
        cards.first.locator("h3 a").click()
        expect(tab.locator("h1")).to_contain_text("laporan realisasi")
        expect(tab.locator(".field-split")).to_contain_text("Kahayan Hilir — Rp 18.000.000 · 40 KK")
        expect(tab.locator(".field-split")).to_contain_text("Maliku — Rp 12.000.000 · 25 KK")
        expect(tab.locator(".field-reporter")).to_contain_text("Dewi Lestari (PT Sebangau Agro Mandiri)")
        photo = tab.locator(".field-evidence img").first
        expect(photo).to_be_visible()
        # Thumbnails load lazily: brought into view, the photo must load (not a broken image).
        photo.scroll_into_view_if_needed()
        tab.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
        assert "/programs/evidence/" in photo.get_attribute("src")
        tab.screenshot(path=str(artifacts_dir / "realisation-report-1280.png"), full_page=True)

        # Verifying asks once that the evidence was looked at: the box must be ticked.
        verify = tab.get_by_role("button", name="Verifikasi laporan")
        verify.click()
        expect(tab).to_have_url(re.compile(rf"/admin/programs/realisation/{report.pk}/change/"))
        report.refresh_from_db()
        assert report.status == RealisationStatus.SUBMITTED
        tab.get_by_label("Saya sudah memeriksa rincian per wilayah dan bukti di atas").check()
        verify.click()

        # Back in the queue, with the message; the report waits no more.
        expect(tab).to_have_url(re.compile(r"/admin/matching/pledge/queue/"))
        expect(tab.locator("ul.messagelist li.success")).to_contain_text("terverifikasi")
        expect(tab.locator("ol.queue-cards > li")).to_have_count(2)
        expect(tab.locator(f"#realisations-{report.pk}")).to_have_count(0)
        report.refresh_from_db()
        assert (report.status, report.verified_by) == (RealisationStatus.VERIFIED, pulang_pisau["staff"])
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_viewer_lands_on_an_index_made_for_reading(browser, live_server, pulang_pisau, width, artifacts_dir):
    context, tab = open_tab(browser, live_server, width)
    try:
        admin_login(tab, "bappeda.pulpis")
        expect(tab.locator(".read-only-banner")).to_contain_text("Akun hanya-baca.")
        documents = tab.locator("#reading-documents")
        expect(documents).to_contain_text("Dokumen untuk Anda: 1 perlu dikonfirmasi")
        expect(documents).to_contain_text("Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020")
        box = tab.locator("#reading-documents").bounding_box()
        assert box["y"] < tab.locator("#reading-reports").bounding_box()["y"]
        expect(tab.locator("#reading-reports")).to_contain_text("Laporan tahunan Forum TSLP")
        expect(tab.locator("#reading-facilities")).to_contain_text("LKSA Harapan Kahayan")
        expect(tab.locator("#reading-programs")).to_contain_text("Sekolah lapang petani")
        expect(tab.locator(".work-waiting")).to_have_count(0)
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        tab.screenshot(path=str(artifacts_dir / f"viewer-index-{width}.png"), full_page=True)
        # The banner stays on every page; the report's page has no buttons for a viewer.
        tab.goto(f"/admin/programs/realisation/{pulang_pisau['report'].pk}/change/")
        expect(tab.locator(".read-only-banner")).to_be_visible()
        expect(tab.get_by_role("button", name="Verifikasi laporan")).to_have_count(0)
    finally:
        context.close()


def test_the_map_beside_the_coordinates_fills_them(browser, live_server, pulang_pisau):
    context, tab = open_tab(browser, live_server)
    try:
        admin_login(tab, "dinsos.pulpis")
        tab.goto("/admin/facilities/facility/add/")
        expect(tab.get_by_label("Alamat halaman (URL)")).to_be_visible()
        expect(tab.locator("#id_latitude")).to_have_value("")
        tab.locator(".location-map").click(position={"x": 200, "y": 150})
        expect(tab.locator("#id_latitude")).not_to_have_value("")
        expect(tab.locator("#id_longitude")).not_to_have_value("")
        expect(tab.locator(".location-map .leaflet-marker-icon")).to_have_count(1)
        # Typing moves the marker to the typed place.
        tab.fill("#id_latitude", "-2.745000")
        tab.fill("#id_longitude", "114.263000")
        tab.locator("#id_longitude").dispatch_event("change")
        expect(tab.locator("#id_latitude")).to_have_value("-2.745000")
    finally:
        context.close()


def _violations(tab, path):
    tab.goto(path)
    tab.wait_for_load_state("load")
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]
    wide = tab.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    return found + ([("scrolls-sideways", path)] if wide else [])


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_on_the_staff_pages(browser, live_server, pulang_pisau, width):
    report, delivery = pulang_pisau["report"], pulang_pisau["delivery"]
    staff_pages = [
        "/admin/",
        "/admin/matching/pledge/queue/",
        "/admin/matching/pledge/queue/?kind=realisations",
        f"/admin/programs/realisation/{report.pk}/change/",
        f"/admin/matching/deliveryreport/{delivery.pk}/change/",
        "/admin/facilities/facility/add/",
        "/admin/facilities/need/add/",
        "/admin/core/importrecord/",
        "/admin/programs/realisation/import/",
        "/admin/reports/dashboard/",
        f"/reports/forum/{YEAR}/",
    ]
    found = {}
    context, tab = open_tab(browser, live_server, width, axe=True)
    try:
        admin_login(tab, "dinsos.pulpis")
        for path in staff_pages:
            found[path] = _violations(tab, path)
    finally:
        context.close()
    context, tab = open_tab(browser, live_server, width, axe=True)
    try:
        admin_login(tab, "bappeda.pulpis")
        found["viewer /admin/"] = _violations(tab, "/admin/")
    finally:
        context.close()
    context, tab = open_tab(browser, live_server, width, axe=True)
    try:
        tab.goto("/accounts/login/")
        tab.fill("#id_username", "csr.pulpis")
        tab.fill("#id_password", PASSWORD)
        tab.click("button[type=submit].button")
        expect(tab).to_have_url(re.compile(r"/partner/$"))
        found["realisation form"] = _violations(
            tab, f"/partner/programs/{pulang_pisau['program'].pk}/realisations/new/"
        )
    finally:
        context.close()
    assert {path: problems for path, problems in found.items() if problems} == {}
