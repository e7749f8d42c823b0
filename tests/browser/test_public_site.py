"""The public site in a real Chromium, as a visitor arriving from a shared link on a phone takes it."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from core.models import CsrField
from facilities.models import Priority
from partners.models import PartnerInterest
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def public_data():
    cache.clear()
    region("31", "DKI Jakarta")
    region("31.75", "Kota Jakarta Timur")
    jakarta = FacilityFactory(
        name="PSBR Taruna Jaya 1",
        region=region("31.75.01", "Pasar Rebo"),
        background="Rehabilitasi sosial remaja rentan di Jakarta Timur.",
        head_name="Kepala Rahasia",
        contact_phone="021-8400000",
    )
    pulang_pisau = FacilityFactory(name="LKS Kahayan", region=region("62.11.01", "Kahayan Hilir"))
    welding = NeedFactory(
        facility=jakarta,
        title="Pelatihan las untuk 25 remaja",
        field=CsrField.objects.get(code="pendidikan"),
        quantity=25,
        unit="orang",
        priority=Priority.URGENT,
    )
    NeedFactory(facility=jakarta, title="Kasur busa 40 buah", field=CsrField.objects.get(code="kesehatan"))
    NeedFactory(facility=pulang_pisau, title="Beasiswa sekolah", field=CsrField.objects.get(code="pendidikan"))
    CompanyFactory(name="PT LG Electronics Indonesia")
    yield {"welding": welding, "jakarta": jakarta}
    cache.clear()


def card_titles(page):
    """The titles of the cards shown; `expect(...).to_have_text` waits for the page a click opened."""
    return page.locator(".need-card .need-title")


def test_visitor_filters_needs_by_field_and_region_and_shares_the_link(page, public_data):
    page.goto("/needs/")
    expect(page.locator(".need-card")).to_have_count(3)
    expect(page.locator("#id_field")).to_be_hidden()  # on a phone the filters start folded

    page.get_by_text("Filter dan urutkan").click()
    page.select_option("#id_field", "pendidikan")
    page.select_option("#id_region_province", "31")
    page.get_by_role("button", name="Tampilkan kebutuhan").click()
    # A province chosen: its regencies/cities are offered, then their districts.
    page.select_option("#id_region_regency", "31.75")
    page.get_by_role("button", name="Tampilkan kebutuhan").click()
    page.select_option("#id_region_district", "31.75.01")
    page.get_by_role("button", name="Tampilkan kebutuhan").click()

    expect(card_titles(page)).to_have_text(["Pelatihan las untuk 25 remaja"])
    expect(page.locator(".need-card .meta").first).to_contain_text("Pasar Rebo, Kota Jakarta Timur, DKI Jakarta")
    # Empty fields are left out of the link, so it stays short enough to share; it lands on the
    # results, not on the form above them.
    assert re.search(
        r"\?field=pendidikan&status=open&sort=urgency&region=31&region=31\.75&region=31\.75\.01#results$", page.url
    )
    top = page.evaluate("document.getElementById('results').getBoundingClientRect().top")
    assert 0 <= top < page.evaluate("window.innerHeight")
    page.goto(page.url)
    expect(card_titles(page)).to_have_text(["Pelatihan las untuk 25 remaja"])


def test_filters_work_without_javascript(browser, live_server, public_data):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="id-ID")
    tab = context.new_page()
    try:
        tab.goto("/needs/")
        tab.get_by_text("Filter dan urutkan").click()
        tab.select_option("#id_region_province", "62")
        tab.get_by_role("button", name="Tampilkan kebutuhan").click()
        expect(card_titles(tab)).to_have_text(["Beasiswa sekolah"])
        assert "region=62" in tab.url
    finally:
        context.close()


def test_visitor_opens_a_facility_from_a_need_and_sees_no_contacts(page, public_data):
    page.goto("/needs/")
    page.locator(".need-card", has_text="Pelatihan las").get_by_role("link", name="PSBR Taruna Jaya 1").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("PSBR Taruna Jaya 1")
    expect(page.get_by_text("Rehabilitasi sosial remaja rentan di Jakarta Timur.")).to_be_visible()
    expect(page.locator("#open-needs-title + ul .need-card")).to_have_count(2)
    content = page.content()
    assert "Kepala Rahasia" not in content
    assert "021-8400000" not in content


def test_visitor_switches_to_english_and_back(page, public_data):
    page.goto("/needs/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator(".need-card .badges").first).to_contain_text("Pendidikan")

    page.select_option("#language-select", "en")
    page.get_by_role("button", name=re.compile("Change|Ganti|Ubah")).click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".need-card .badges").first).to_contain_text("Education")
    assert page.url.endswith("/needs/")

    page.select_option("#language-select", "id")
    page.get_by_role("button", name=re.compile("Change|Ganti|Ubah")).click()
    expect(page.locator("html")).to_have_attribute("lang", "id")


def test_would_be_partner_steps_forward_with_the_keyboard(page, public_data):
    need = public_data["welding"]
    page.goto(need.get_absolute_url())
    expect(page.locator('meta[property="og:title"]')).to_have_attribute(
        "content", "Pelatihan las untuk 25 remaja · PSBR Taruna Jaya 1"
    )

    page.get_by_label("Nama Anda").fill("Kim Min-jun")
    page.get_by_label("Perusahaan atau organisasi").fill("Daehong Communications Indonesia")
    page.get_by_label("E-mail").fill("csr@daehong.example")
    page.get_by_label("Pesan").fill("Kami ingin mendanai pelatihan las.")
    # The robot trap is out of the tab order: from the message, Tab goes straight to the button.
    page.get_by_label("Pesan").press("Tab")
    expect(page.get_by_role("button", name="Kirim permintaan")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator(".message-success")).to_contain_text("Dinas Sosial telah menerima permintaan Anda")
    interest = PartnerInterest.objects.get()
    assert (interest.need_id, interest.organisation) == (need.pk, "Daehong Communications Indonesia")


@pytest.mark.parametrize(
    "path", ["/needs/", "need", "facility", "/facilities/", "/"], ids=lambda p: p.strip("/") or "home"
)
def test_pages_fit_a_phone_screen(browser, live_server, public_data, artifacts_dir, path):
    urls = {"need": public_data["welding"].get_absolute_url(), "facility": public_data["jakarta"].get_absolute_url()}
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="id-ID"
    )
    tab = context.new_page()
    try:
        tab.goto(urls.get(path, path))
        name = (path.strip("/") or "home").replace("/", "-")
        tab.screenshot(path=str(artifacts_dir / f"public-{name}-390x844.png"), full_page=True)
        scroll_width, inner_width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll_width <= inner_width, f"{path} scrolls sideways on a phone: {scroll_width} > {inner_width}"
    finally:
        context.close()
