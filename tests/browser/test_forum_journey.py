"""The Forum TSLP journey in a real Chromium (issue 12): a Pulang Pisau member's officer finds
its program in the partner portal and reports what it realised, split over two kecamatan with a
photo; Dinsos Pulang Pisau verifies the report in the admin; the public reports then show the
rupiah realised in those kecamatan, and the gap ranking orders the kecamatan by all CSR.
"""

import re

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from programs.models import Realisation, RealisationStatus
from tests.factories import CompanyFactory, OfficerFactory, PovertyFigureFactory, StaffFactory, UserFactory, region
from tests.portal.helpers import pulpis, registered_program

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # tests.factories.UserFactory


@pytest.fixture
def forum():
    agency = pulpis()
    kahayan = region("62.11.01", "Kahayan Hilir")
    maliku = region("62.11.02", "Maliku")
    jabiren = region("62.11.03", "Jabiren Raya")
    for place, households in ((kahayan, 1200), (maliku, 800), (jabiren, 500)):
        PovertyFigureFactory(region=place, poor_households=households)
    company = CompanyFactory(name="PT Sebangau Agro Mandiri")
    officer = OfficerFactory(
        company=company,
        user=UserFactory(username="csr.pulpis", email="csr@sebangau.example", first_name="Dewi"),
    )
    program = registered_program(company, title="Sekolah lapang petani")
    staff = StaffFactory(username="dinsos.pulpis", first_name="Yohanes", agency=agency)
    return {"officer": officer.user, "program": program, "staff": staff}


def _login(page, username):
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].button")


def test_member_reports_a_realisation_dinsos_verifies_and_the_reports_count_it(
    page, browser, live_server, forum, tmp_path, artifacts_dir
):
    program = forum["program"]
    year = timezone.localdate().year

    # The officer logs in, reads the portal in English and finds the program.
    _login(page, forum["officer"].username)
    expect(page).to_have_url(re.compile(r"/partner/$"))
    page.select_option("#language-select", "en")
    page.click(".language-switch button")
    page.click("nav.partner-nav >> text=Programs")
    expect(page).to_have_url(re.compile(r"/partner/programs/$"))
    expect(page.locator("main")).to_contain_text("Sekolah lapang petani")
    page.click("text=Sekolah lapang petani")
    expect(page.locator("h1")).to_have_text("Sekolah lapang petani")

    # A realisation report: Rp 30.000.000 split over Kahayan Hilir and Maliku, with a photo.
    page.click("text=Report what this program realised")
    expect(page.locator("h1")).to_contain_text("Realisation report of")
    page.select_option("#id_year", str(year))
    page.fill("#id_amount", "Rp 30.000.000")
    page.select_option("#id_shares-0-region", "62.11.01")
    page.fill("#id_shares-0-amount", "Rp 18.000.000")
    page.fill("#id_shares-0-households", "40")
    page.select_option("#id_shares-1-region", "62.11.02")
    page.fill("#id_shares-1-amount", "Rp 12.000.000")
    page.fill("#id_shares-1-households", "25")
    page.fill("#id_households", "65")
    page.fill("#id_persons", "210")
    page.fill("#id_women", "96")
    page.fill("#id_activities", "Sekolah lapang padi dan pembibitan karet di dua kecamatan")
    photo = tmp_path / "sekolah-lapang.png"
    Image.new("RGB", (64, 48), (40, 140, 60)).save(photo)
    page.set_input_files("#id_photos", str(photo))
    page.click("text=Send the report")
    expect(page).to_have_url(re.compile(r"/partner/realisations/\d+/$"))
    report = Realisation.objects.get(program=program)
    assert (report.status, report.amount, report.evidence.count()) == (RealisationStatus.SUBMITTED, 30_000_000, 1)
    assert sorted(report.shares.values_list("region_id", "amount")) == [
        ("62.11.01", 18_000_000),
        ("62.11.02", 12_000_000),
    ]

    # Before verification the public reports count nothing realised in Pulang Pisau.
    page.goto("/reports/?region=62.11")
    expect(page.locator("#region-table tr[data-region='62.11.01'] td[data-col='csr-realised']")).to_have_text("Rp 0")

    # Dinsos Pulang Pisau finds it in the work queue and verifies it from its own page, beside
    # its photo, once it has ticked that it looked at it.
    context = browser.new_context(base_url=live_server.url, locale="en-US", timezone_id="Asia/Jakarta")
    context.set_default_timeout(15_000)
    staff_tab = context.new_page()
    staff_tab.goto("/admin/login/")
    staff_tab.fill("#id_username", forum["staff"].username)
    staff_tab.fill("#id_password", PASSWORD)
    staff_tab.click("input[type=submit]")
    expect(staff_tab).to_have_url(re.compile(r"/admin/$"))
    staff_tab.get_by_role("link", name="1 realisation reports to verify").click()
    staff_tab.locator(f"#realisations-{report.pk} h3 a").click()
    expect(staff_tab.locator(".field-split")).to_contain_text("Kahayan Hilir — Rp 18.000.000")
    expect(staff_tab.locator(".field-reporter")).to_contain_text("Dewi")
    staff_tab.locator("#realisation-decision input[name=checked]").check()
    staff_tab.get_by_role("button", name="Verify the report").click()
    expect(staff_tab.locator("ul.messagelist li.success")).to_contain_text("is verified")
    context.close()
    report.refresh_from_db()
    assert report.status == RealisationStatus.VERIFIED

    # The officer sees the verification; the public reports now count it per kecamatan.
    page.goto(f"/partner/realisations/{report.pk}/")
    expect(page.locator("main")).to_contain_text("Verified")
    page.goto("/reports/?region=62.11")
    rows = page.locator("#regions tr[data-region], table tr[data-region]")
    expect(page.locator("#region-table tr[data-region='62.11.01'] td[data-col='csr-realised']")).to_have_text(
        "Rp 18.000.000"
    )
    expect(page.locator("#region-table tr[data-region='62.11.02'] td[data-col='csr-realised']")).to_have_text(
        "Rp 12.000.000"
    )
    assert rows.count() >= 3
    # The gap ranking: Jabiren Raya (nothing) first, then Kahayan Hilir (Rp 15.000 per
    # household), then Maliku (Rp 15.000 per household, fewer households).
    gap = page.locator("#gap-table tbody tr")
    expect(gap).to_have_count(3)
    assert [gap.nth(i).get_attribute("data-region") for i in range(3)] == ["62.11.03", "62.11.01", "62.11.02"]
    expect(gap.nth(1).locator("td[data-col='realised-per-household']")).to_have_text("Rp 15.000")
    page.screenshot(path=str(artifacts_dir / "forum-journey-reports.png"), full_page=True)
