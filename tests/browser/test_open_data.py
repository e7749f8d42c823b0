"""The open-data catalogue in Chromium at a phone's and a desktop's width: no sideways scrolling,
the column dictionaries open, the files download, and axe-core finds no violation."""

from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.factories import FacilityFactory, NeedFactory, region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def catalogue_data():
    cache.clear()
    NeedFactory(facility=FacilityFactory(name="LKS Kahayan", region=region("62.11.05", "Kahayan Hilir")))
    yield
    cache.clear()


@pytest.mark.parametrize("width", WIDTHS)
def test_catalogue_fits_the_screen_opens_its_columns_and_axe_finds_no_violation(
    browser, live_server, catalogue_data, width
):
    context = browser.new_context(
        base_url=live_server.url, viewport=WIDTHS[width], is_mobile=width == "phone", locale="id-ID"
    )
    context.set_default_timeout(15_000)
    context.add_init_script(script=AXE)
    tab = context.new_page()
    try:
        tab.goto("/data/")
        for summary in tab.locator("summary").all():
            summary.click()
        expect(tab.locator("code", has_text="#adm3+code").first).to_be_visible()
        scroll_width, inner_width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll_width <= inner_width, f"/data/ scrolls sideways at {width}: {scroll_width} > {inner_width}"
        result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
        violations = [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3]) for v in result["violations"]]
        assert violations == [], f"/data/ at {width}"
        with tab.expect_download() as download:
            tab.locator("#needs a[href$='needs.hxl.csv']").click()
        assert download.value.suggested_filename == "needs.hxl.csv"
    finally:
        context.close()
