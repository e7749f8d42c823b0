"""Reports in a real Chromium: the public summary, the staff dashboard and the printable Forum
TSLP report. The charts are server-drawn SVG; these tests check that their bars render with a
size and keep a screenshot of each page in test-artifacts/."""

import io

import pytest
from PIL import Image

from tests.reports import dataset

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "secret-pass-123"  # tests.factories.UserFactory


def rendered_bars(page, chart: str) -> list[dict]:
    """Sizes of the bars of one chart as the browser laid them out."""
    return page.locator(f'svg[data-chart="{chart}"] rect.bar').evaluate_all(
        "bars => bars.map(bar => { const box = bar.getBoundingClientRect();"
        " return {width: box.width, height: box.height}; })"
    )


def assert_charts_render(page, *charts: str) -> None:
    for chart in charts:
        bars = rendered_bars(page, chart)
        assert bars, f"no bars in the {chart} chart"
        assert any(bar["width"] > 0 and bar["height"] > 0 for bar in bars), f"{chart}: {bars}"


def assert_real_screenshot(png: bytes, path) -> None:
    """A PNG of the page with more than one colour: something was drawn."""
    path.write_bytes(png)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size[0] > 300 and image.size[1] > 300
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 1
    # The bar colours of reports.charts are on the page.
    found = {colour for _count, colour in colours}
    assert {(63, 143, 198), (31, 122, 58)} & found


def test_public_summary_filters_and_charts(page, artifacts_dir):
    dataset.build()
    page.goto("/reports/")
    # The page is in Indonesian (the browser's language): find fields by id, not by label.
    # The filters are folded (a phone would scroll past them): opened first.
    page.locator(".report-filter-panel > summary").click()
    page.fill("#id_year", "2024")
    page.locator("#id_region_province").select_option("62")
    page.locator("form.report-filters button[type=submit]").click()
    page.locator(".report-filter-panel > summary").click()
    page.locator("#id_region_regency").select_option("62.11")
    page.locator("form.report-filters button[type=submit]").click()
    page.wait_for_url("**/reports/?*region=62.11*")

    table = page.locator("#region-table")
    assert table.locator('tr[data-region="62.11.01"] [data-col="pledged"]').inner_text() == "Rp 30.000.000"
    assert "1.200+" in table.locator('tr[data-region="total"] [data-col="households"]').inner_text()
    gap = page.locator("#gap-table tbody tr")
    assert gap.count() == 2 and "Maliku" in gap.first.inner_text()
    assert_charts_render(page, "regions", "gap", "fields", "companies")
    page.set_viewport_size({"width": 1200, "height": 900})
    assert_real_screenshot(page.screenshot(full_page=True), artifacts_dir / "reports-summary.png")

    # Drill down by clicking a district in the table; the year stays.
    table.get_by_role("link", name="Maliku").first.click()
    page.wait_for_url("**region=62.11.02*")
    assert "year=2024" in page.url
    assert page.locator('#region-table tr[data-region="62.11.02"] [data-col="pledged"]').inner_text() == "Rp 3.000.000"


def test_staff_dashboard_in_the_admin(page, artifacts_dir):
    data = dataset.build()
    page.goto("/admin/login/")
    page.fill("#id_username", data.staff.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.locator('#content-main a[href="/admin/reports/dashboard/"]').first.click()
    page.wait_for_url("**/admin/reports/dashboard/")

    page.fill("#id_year", "2024")
    page.select_option("#id_quarter", "2")
    page.locator("form.report-filters button[type=submit]").click()
    page.wait_for_url("**quarter=2*")
    # Q2 2024: P2 20.000.000 + P5 500.000 pledged.
    assert page.locator('[data-figure="pledged"]').inner_text() == "Rp 20.500.000"
    overdue = page.locator("#overdue-table tbody tr")
    assert overdue.count() == 2
    assert "PT Alpha Sawit" in overdue.first.inner_text()
    assert_charts_render(page, "regions", "gap", "fields", "companies")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_real_screenshot(page.screenshot(full_page=True), artifacts_dir / "reports-dashboard.png")


def test_forum_report_prints_with_agency_and_period(page, artifacts_dir, settings):
    settings.AGENCY_NAME = "Dinas Sosial Kabupaten Pulang Pisau"
    dataset.build()
    page.goto("/reports/forum/2024/")
    assert page.locator(".print-header").is_hidden()
    assert_charts_render(page, "fields", "companies")
    page.emulate_media(media="print")
    assert page.locator(".print-header").is_visible()
    assert "Dinas Sosial Kabupaten Pulang Pisau" in page.locator(".print-header").inner_text()
    assert "2024" in page.locator(".print-period").inner_text()
    assert page.locator(".report-actions").is_hidden()
    assert page.locator(".main-nav").is_hidden()
    # On A4 paper (about 720 CSS pixels between the margins) every table fits the page width.
    page.set_viewport_size({"width": 720, "height": 1000})
    overflowing = page.locator(".report-table").evaluate_all(
        "tables => tables.filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
        ".map(t => t.id)"
    )
    assert overflowing == []
    assert_real_screenshot(page.screenshot(full_page=True), artifacts_dir / "forum-tslp-2024-print.png")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    (artifacts_dir / "forum-tslp-2024.pdf").write_bytes(pdf)
