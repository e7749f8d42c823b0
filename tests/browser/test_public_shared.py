"""The public site as people share it, in Chromium at a phone's and a desktop's width: photos,
share links, English content, the map, the request form's answer, no sideways scrolling, and
axe-core finding no accessibility violation on any public page."""

from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from core.models import CsrField
from facilities.models import Priority
from tests.facilities.helpers import cover
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, region
from tests.photo_helpers import published_photo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PAGES = ["/", "/needs/", "need", "covered", "facility", "/facilities/", "/reports/", "/no-such-page/"]


@pytest.fixture
def shared():
    cache.clear()
    region("31", "DKI Jakarta")
    region("31.74", "Kota Jakarta Selatan")
    jakarta = FacilityFactory(
        name="PSBR Taruna Jaya 1",
        region=region("31.74.01", "Tebet"),
        latitude="-6.232500",
        longitude="106.847000",
        background="Rehabilitasi sosial remaja rentan.",
        background_en="Social rehabilitation of vulnerable youth.",
    )
    FacilityFactory(
        name="LKS Kahayan", region=region("62.11.05", "Kahayan Hilir"), latitude="-2.745", longitude="114.263"
    )
    need = NeedFactory(
        facility=jakarta,
        title="Kasur busa dan sprei asrama",
        title_en="Foam mattresses and sheets for the dormitory",
        field=CsrField.objects.get(code="kesehatan"),
        priority=Priority.URGENT,
    )
    published_photo(need, caption="Kasur lama", caption_en="The old mattresses")
    published_photo(jakarta, caption="Gedung panti", caption_en="The building")
    covered = NeedFactory(facility=jakarta, title="Lemari", quantity=1)
    cover(covered, CompanyFactory(name="PT LG Electronics Indonesia"), 1)
    yield {"need": need, "facility": jakarta, "covered": covered}
    cache.clear()


def open_tab(browser, live_server, width, locale="id-ID", axe=False):
    context = browser.new_context(
        base_url=live_server.url,
        viewport=WIDTHS[width],
        is_mobile=width == "phone",
        has_touch=width == "phone",
        locale=locale,
        timezone_id="Asia/Jakarta",
    )
    context.set_default_timeout(15_000)
    # Offline: tiles fail, everything else is the live server.
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    if axe:
        # Injected by the browser itself: the page's CSP rightly refuses an inline script tag.
        context.add_init_script(script=AXE)
    return context, context.new_page()


def url_of(shared, path):
    return {
        "need": shared["need"].get_absolute_url(),
        "covered": shared["covered"].get_absolute_url(),
        "facility": shared["facility"].get_absolute_url(),
    }.get(path, path)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_need_page_shows_its_photo_share_links_and_english_title(browser, live_server, shared, width):
    context, tab = open_tab(browser, live_server, width, locale="en-US")
    try:
        tab.goto(shared["need"].get_absolute_url())
        expect(tab.get_by_role("heading", level=1)).to_have_text("Foam mattresses and sheets for the dormitory")
        photo = tab.locator(".gallery img").first
        expect(photo).to_have_attribute("alt", "The old mattresses")
        # Thumbnails load lazily: brought into view, the photo must load (not a broken image).
        photo.scroll_into_view_if_needed()
        tab.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
        href = tab.get_by_role("link", name="Share on WhatsApp (opens in a new tab)").get_attribute("href")
        assert href.startswith("https://wa.me/?text=Foam%20mattresses")
        expect(tab.get_by_role("button", name="Copy link")).to_be_visible()
        og = tab.locator('meta[property="og:image"]').get_attribute("content")
        assert og.startswith(live_server.url + "/photos/need/")
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_facilities_show_markers_even_when_tiles_fail(browser, live_server, shared, width):
    context, tab = open_tab(browser, live_server, width)
    try:
        tab.goto("/facilities/")
        expect(tab.locator(".leaflet-marker-icon")).to_have_count(2)
        expect(tab.locator(".leaflet-marker-icon").first).to_be_visible()
        tab.locator('.leaflet-marker-icon[title="PSBR Taruna Jaya 1"]').click()
        expect(tab.locator(".leaflet-popup-content a")).to_have_text("PSBR Taruna Jaya 1")
        expect(tab.locator(".facility-card")).to_have_count(2)
    finally:
        context.close()


def test_without_javascript_the_facility_list_works_and_no_map_is_shown(browser, live_server, shared):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="id-ID")
    tab = context.new_page()
    try:
        tab.goto("/facilities/")
        expect(tab.locator(".facility-card")).to_have_count(2)
        expect(tab.locator("[data-map-section]")).to_be_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_success_message_is_in_view_after_sending_the_form(browser, live_server, shared, width):
    context, tab = open_tab(browser, live_server, width)
    try:
        tab.goto(shared["need"].get_absolute_url())
        tab.get_by_label("Nama Anda").fill("Kim Min-jun")
        tab.get_by_label("Perusahaan atau organisasi").fill("Daehong Communications Indonesia")
        tab.get_by_label("E-mail").fill("csr@daehong.example")
        tab.get_by_label("Pesan").fill("Kami ingin membantu.")
        tab.get_by_role("button", name="Kirim permintaan").click()
        message = tab.locator(".message-success")
        expect(message).to_contain_text("Dinas Sosial telah menerima permintaan Anda")
        expect(message).to_be_in_viewport()
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_public_pages_fit_the_screen_and_axe_finds_no_violation(browser, live_server, shared, width, path):
    context, tab = open_tab(browser, live_server, width, axe=True)
    try:
        tab.goto(url_of(shared, path))
        tab.wait_for_load_state("load")
        scroll_width, inner_width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll_width <= inner_width, f"{path} scrolls sideways at {width}: {scroll_width} > {inner_width}"
        result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
        violations = [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]
        assert violations == [], f"{path} at {width}"
    finally:
        context.close()


def test_report_charts_are_legible_and_tables_scroll_with_the_keyboard_on_a_phone(browser, live_server, shared):
    context, tab = open_tab(browser, live_server, "phone")
    try:
        tab.goto("/reports/")
        expect(tab.locator("svg.chart text").first).to_be_visible()
        # The size a reader sees: the font size scaled by the SVG's fit to the screen.
        sizes = tab.locator("svg.chart text").evaluate_all(
            "texts => texts.map(t => t.getScreenCTM().a * parseFloat(t.getAttribute('font-size')))"
        )
        assert sizes and min(sizes) >= 11, sizes
        wraps = tab.locator(".table-wrap")
        assert wraps.count() > 0
        for index in range(wraps.count()):
            wrap = wraps.nth(index)
            assert wrap.get_attribute("tabindex") == "0"
            assert wrap.get_attribute("role") == "region"
            assert wrap.get_attribute("aria-label") or wrap.get_attribute("aria-labelledby")
        amounts = tab.locator(".report-table td.num").evaluate_all(
            "cells => cells.flatMap(c => { const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);"
            " const nodes = []; while (walker.nextNode()) nodes.push(walker.currentNode); return nodes; })"
            ".filter(n => n.textContent.includes('Rp')).filter(n => { const range = document.createRange();"
            " range.selectNodeContents(n);"
            " return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;"
            " }).map(n => n.textContent)"
        )
        assert amounts == []  # no rupiah figure wraps onto a second line
    finally:
        context.close()
