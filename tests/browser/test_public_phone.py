"""The public site for a visitor on a phone (390 px) and a desktop (1280 px), in Chromium: the
need page's deliveries, the facility's address and phone, the clustered map with its popups, the
kecamatan chosen in one submit, /reports/ that fits the screen with the gap ranking first, the
footer and the privacy notice, and axe-core finding no violation on each of them."""

from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from facilities.models import Priority
from matching import receipts, services
from matching.models import PledgeStatus
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, member_user, officer_user, region, staff_user
from tests.photo_helpers import published_photo
from tests.reports import dataset

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
THANKS = "Terima kasih, kasur baru sudah dipakai anak-anak asrama putra."


def delivered_with_thanks(need, company, quantity: int, thank_you: str):
    """A pledge approved, delivered, confirmed by the facility with a thank-you note and verified
    by Dinsos: through the workflow services."""
    partner, staff = officer_user(company), staff_user()
    pledge = services.pledge_offer(need=need, company=company, quantity=quantity, actor=partner)
    services.pledge_transition(pledge=pledge, to=PledgeStatus.APPROVED, actor=staff)
    report = services.delivery_report_submit(
        pledge=pledge, actor=partner, delivered_on=timezone.localdate(), quantity=quantity
    )
    receipts.delivery_receipt_confirm(
        report=report,
        actor=member_user(need.facility),
        quantity_received=quantity,
        received_on=timezone.localdate(),
        condition="good",
        thank_you=thank_you,
    )
    services.delivery_verify(report=report, actor=staff)


@pytest.fixture
def site():
    cache.clear()
    region("31", "DKI Jakarta")
    region("31.74", "Kota Jakarta Selatan")
    region("31.75", "Kota Jakarta Timur")
    region("62", "Kalimantan Tengah")
    region("62.11", "Kabupaten Pulang Pisau")
    taruna = FacilityFactory(
        name="PSBR Taruna Jaya 1",
        region=region("31.74.01", "Tebet"),
        latitude="-6.232500",
        longitude="106.847000",
        address="Jl. Tebet Barat Dalam Raya No. 1\nJakarta Selatan 12810",
        phone="021-829 1234",
        contact_phone="0812-0000-9999",
        head_name="Ibu Kepala Rahasia",
    )
    # Two more in Jakarta, close enough to be clustered with the first at the scale of Indonesia.
    FacilityFactory(
        name="PSAA Putra Utama", region=region("31.74.02", "Setiabudi"), latitude="-6.1800", longitude="106.8000"
    )
    FacilityFactory(
        name="PSTW Budi Mulia", region=region("31.75.01", "Pasar Rebo"), latitude="-6.3200", longitude="106.8600"
    )
    FacilityFactory(
        name="LKS Kahayan", region=region("62.11.05", "Kahayan Hilir"), latitude="-2.745000", longitude="114.263000"
    )
    mattresses = NeedFactory(
        facility=taruna,
        title="Kasur busa asrama putra",
        title_en="Foam mattresses for the boys' dormitory",
        quantity=20,
        priority=Priority.URGENT,
    )
    published_photo(mattresses, caption="Kasur lama", caption_en="The old mattresses")
    delivered_with_thanks(mattresses, CompanyFactory(name="PT LG Electronics Indonesia"), 12, THANKS)
    NeedFactory(facility=taruna, title="Mesin jahit", quantity=4, priority=Priority.HIGH)
    NeedFactory(facility=taruna, title="Pelatihan barista", quantity=15)
    NeedFactory(facility=taruna, title="Lemari pakaian", quantity=10)
    yield {"need": mattresses, "facility": taruna}
    cache.clear()


def open_tab(browser, live_server, width, *, locale="id-ID", axe=False):
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


def axe_violations(tab, selector: str = "document") -> list:
    context = "document" if selector == "document" else f"document.querySelector({selector!r})"
    result = tab.evaluate(f"axe.run({context}, {{resultTypes: ['violations']}})")
    return [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]


def popup_shown(tab) -> None:
    """Leaflet fades a popup in: its text is checked (contrast) once it is opaque."""
    tab.wait_for_function("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")


def map_settled(tab) -> None:
    """A pressed cluster zooms the map, then markercluster slides its markers apart: a marker is
    pressed once both animations have ended (a press while they run can land where the marker was)."""
    tab.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim')")


def fits_the_screen(tab) -> None:
    scroll_width, inner_width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width, f"{tab.url} scrolls sideways: {scroll_width} > {inner_width}"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_need_page_shows_verified_deliveries_and_the_thank_you_note_accessibly(browser, live_server, site, width):
    context, tab = open_tab(browser, live_server, width, axe=True)
    try:
        tab.goto(site["need"].get_absolute_url())
        deliveries = tab.locator("section[aria-labelledby=deliveries-title]")
        expect(deliveries).to_contain_text("PT LG Electronics Indonesia")
        expect(deliveries).to_contain_text("Dikonfirmasi panti")
        expect(deliveries.locator("blockquote.thank-you")).to_contain_text(THANKS)
        photo = tab.locator(".gallery img").first
        photo.scroll_into_view_if_needed()
        tab.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
        fits_the_screen(tab)
        assert axe_violations(tab, "section[aria-labelledby=deliveries-title]") == []
        assert axe_violations(tab, ".gallery") == []
        assert axe_violations(tab) == []
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_facility_page_gives_address_and_a_phone_link_and_no_personal_number(browser, live_server, site, width):
    context, tab = open_tab(browser, live_server, width, axe=True)
    try:
        tab.goto(site["facility"].get_absolute_url())
        expect(tab.locator("address.facility-address")).to_contain_text("Jl. Tebet Barat Dalam Raya No. 1")
        call = tab.get_by_role("link", name="021-829 1234")
        expect(call).to_have_attribute("href", "tel:+62218291234")
        expect(tab.locator("main")).not_to_contain_text("0812-0000-9999")
        expect(tab.locator("main")).not_to_contain_text("Ibu Kepala Rahasia")
        # Its map: one marker, whose popup lists the open needs.
        tab.locator(".leaflet-marker-icon").first.click()
        popup = tab.locator(".leaflet-popup-content")
        expect(popup).to_contain_text("4 kebutuhan terbuka")
        expect(popup.locator("li").first).to_have_text("Kasur busa asrama putra")
        popup_shown(tab)
        fits_the_screen(tab)
        assert axe_violations(tab) == []
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_clusters_close_facilities_and_popups_list_open_needs(browser, live_server, site, width):
    context, tab = open_tab(browser, live_server, width, axe=True)
    refused = []
    tab.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    try:
        tab.goto("/facilities/")
        cluster = tab.locator(".marker-cluster")
        expect(cluster).to_have_count(1)
        expect(cluster).to_have_text("3")
        expect(cluster).to_have_attribute("aria-label", "3 panti di sini: perbesar")
        expect(tab.locator(".leaflet-marker-icon:not(.marker-cluster)")).to_have_count(1)
        assert axe_violations(tab) == []
        cluster.click()
        marker = tab.locator('.leaflet-marker-icon[title="PSBR Taruna Jaya 1"]')
        expect(marker).to_be_visible()
        map_settled(tab)
        marker.click()
        popup = tab.locator(".leaflet-popup-content")
        expect(popup.get_by_role("link", name="PSBR Taruna Jaya 1")).to_have_attribute(
            "href", site["facility"].get_absolute_url()
        )
        expect(popup).to_contain_text("4 kebutuhan terbuka")
        # The most urgent first; of the same priority, the newest.
        expect(popup.locator("li")).to_have_text(["Kasur busa asrama putra", "Mesin jahit", "Lemari pakaian"])
        popup_shown(tab)
        fits_the_screen(tab)
        assert axe_violations(tab) == []
        assert refused == [], "the CSP refused something the map needs"
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_footer_leads_to_the_privacy_notice(browser, live_server, site, width):
    context, tab = open_tab(browser, live_server, width, axe=True)
    try:
        tab.goto("/")
        footer = tab.get_by_role("contentinfo")
        footer.get_by_role("link", name="Pemberitahuan privasi").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Pemberitahuan privasi")
        expect(tab.locator("main")).to_contain_text("Tidak ada data tentang penghuni.")
        expect(tab.get_by_role("heading", name="Hak Anda")).to_be_visible()
        fits_the_screen(tab)
        assert axe_violations(tab) == []
    finally:
        context.close()


# A word laid out on two lines has two boxes: every word of the page's text, measured.
BROKEN_WORDS = """(root) => {
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement || !node.parentElement.offsetParent) continue;
    const re = /\\S+/g;
    let match;
    while ((match = re.exec(node.data))) {
      if (match[0].length < 2) continue;
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_reports_fit_the_phone_lead_with_the_gap_ranking_and_break_no_word(browser, live_server, width):
    dataset.build()
    context, tab = open_tab(browser, live_server, width, axe=True)
    try:
        tab.goto("/reports/?year=2024&region=62.11")
        expect(tab.locator("#gap-table tbody tr").first).to_be_visible()
        fits_the_screen(tab)
        # Every table sits in its own scroll container, no wider than the screen, named and
        # reachable with the keyboard (axe: scrollable-region-focusable).
        tables = tab.locator("main table")
        assert tables.count() >= 4
        for index in range(tables.count()):
            wrap = tables.nth(index).locator("xpath=..")
            assert "table-wrap" in (wrap.get_attribute("class") or "")
            assert wrap.get_attribute("role") == "region" and wrap.get_attribute("aria-label")
            assert wrap.get_attribute("tabindex") == "0"
            box = wrap.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS[width]["width"]
        # The gap ranking comes before the table of every region.
        gap_top = tab.locator("#gap").bounding_box()["y"]
        assert gap_top < tab.locator("#by-region").bounding_box()["y"]
        if width == "phone":
            assert gap_top < 2 * WIDTHS["phone"]["height"], f"the ranking starts {gap_top} px down"
        broken = tab.locator("main").evaluate(BROKEN_WORDS)
        assert broken == [], f"words broken across lines: {broken[:10]}"
        assert axe_violations(tab) == []
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_kecamatan_is_chosen_on_a_phone(browser, live_server, site, javascript):
    """With JavaScript each choice fills the next select and one submit is enough; without it,
    each submit offers the next level."""
    kahayan = FacilityFactory._meta.model.objects.get(name="LKS Kahayan")
    NeedFactory(facility=kahayan, title="Popok dewasa", quantity=900)
    context = browser.new_context(
        base_url=live_server.url,
        viewport=WIDTHS["phone"],
        is_mobile=True,
        has_touch=True,
        locale="id-ID",
        java_script_enabled=javascript,
    )
    if javascript:
        context.add_init_script(script=AXE)
    tab = context.new_page()
    try:
        tab.goto("/needs/?region=31")  # a visitor who had chosen Jakarta
        if tab.locator(".filter-panel").get_attribute("open") is None:
            tab.locator(".filter-panel > summary").click()
        button = tab.get_by_role("button", name="Tampilkan kebutuhan")
        tab.get_by_label("Provinsi", exact=True).select_option(label="Kalimantan Tengah")
        if not javascript:  # each submit offers the next level
            button.click()
            tab.wait_for_url("**/needs/?*region=62*")
        tab.get_by_label("Kabupaten/kota", exact=True).select_option(label="Kabupaten Pulang Pisau")
        if not javascript:
            button.click()
            tab.wait_for_url("**/needs/?*region=62.11*")
        tab.get_by_label("Kecamatan", exact=True).select_option(label="Kahayan Hilir")
        button.click()
        tab.wait_for_url("**/needs/?*region=62.11.05*")
        expect(tab.locator("#results")).to_contain_text("1 kebutuhan sesuai")
        expect(tab.locator(".cards")).to_contain_text("Popok dewasa")
        expect(tab.locator("#id_region_district")).to_have_value("62.11.05")
        if javascript:
            fits_the_screen(tab)
            assert axe_violations(tab) == []
    finally:
        context.close()
