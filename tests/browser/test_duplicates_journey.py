"""Issue 26 in a real Chromium: a clerk of Pulang Pisau adds a facility that is already
registered under a slightly different name, is warned with the reason, opens the pair, merges
the two keeping the new record, and finds the other one's needs on the kept facility."""

import re

import pytest
from playwright.sync_api import expect

from duplicates.models import MergeRecord
from facilities.models import Facility
from tests.browser.test_staff_journey import _violations, admin_login, open_tab
from tests.factories import FacilityFactory, NeedFactory, StaffFactory, region
from tests.portal.helpers import pulpis

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def registered_twice():
    agency = pulpis()
    StaffFactory(username="dinsos.pulpis", first_name="Yohanes", last_name="Pandawa", agency=agency)
    kahayan = region("62.11.05", "Kahayan Hilir")
    existing = FacilityFactory(name="Panti Asuhan Budi Mulia", region=kahayan)
    NeedFactory(facility=existing, title="Seragam sekolah anak")
    NeedFactory(facility=existing, title="Kasur dan bantal asrama")
    return existing


def test_a_clerk_is_warned_of_a_facility_already_registered_and_merges_it(
    browser, live_server, registered_twice, artifacts_dir
):
    existing = registered_twice
    context, tab = open_tab(browser, live_server)
    try:
        admin_login(tab, "dinsos.pulpis")
        tab.goto("/admin/facilities/facility/add/")
        tab.fill("#id_name", "Panti Asuhan Budi Mulya")
        tab.select_option("#id_facility_type", "children")
        tab.select_option("#id_operator", "community")
        tab.locator(".field-region .select2-selection").click()
        tab.locator(".select2-search__field").fill("Kahayan")
        tab.locator(".select2-results__option", has_text="Kahayan Hilir").first.click()
        tab.fill("#id_lks_registration_number", "460/21/LKS-PP")
        tab.locator("input[name=_continue]").click()

        # Saved, and warned: the existing facility with the reason, a link to the pair.
        expect(tab).to_have_url(re.compile(r"/admin/facilities/facility/\d+/change/"))
        new = Facility.objects.get(name="Panti Asuhan Budi Mulya")
        warning = tab.locator("ul.messagelist li.warning")
        expect(warning).to_contain_text("mungkin sudah terdaftar")
        expect(warning).to_contain_text("Nama mirip di kecamatan yang sama")
        tab.screenshot(path=str(artifacts_dir / "duplicate-warning-1280.png"), full_page=True)
        warning.get_by_role("link", name="Panti Asuhan Budi Mulia").click()

        # The pair: both side by side, the existing one with its two needs.
        expect(tab.locator(".duplicate-reason")).to_contain_text("Nama mirip di kecamatan yang sama")
        expect(tab.locator(".duplicate-records")).to_contain_text("Panti Asuhan Budi Mulia")
        tab.screenshot(path=str(artifacts_dir / "duplicate-pair-1280.png"), full_page=True)
        tab.get_by_role("link", name="Sama: gabungkan…").click()

        # The merge: keep the new record (its name is the right one), say why, confirm.
        tab.get_by_label("Panti Asuhan Budi Mulya").check()
        tab.get_by_label("Alasan").fill("Panti yang sama, nama lama salah ketik")
        tab.locator("#id_confirm").check()
        tab.screenshot(path=str(artifacts_dir / "duplicate-merge-1280.png"), full_page=True)
        tab.get_by_role("button", name="Gabungkan").click()

        # Back on the kept facility, which now lists the other one's needs.
        expect(tab).to_have_url(re.compile(rf"/admin/facilities/facility/{new.pk}/change/"))
        expect(tab.locator("ul.messagelist li.success")).to_contain_text("digabungkan ke Panti Asuhan Budi Mulya")
        needs = tab.locator("#needs-group")
        expect(needs).to_contain_text("Seragam sekolah anak")
        expect(needs).to_contain_text("Kasur dan bantal asrama")
        tab.screenshot(path=str(artifacts_dir / "duplicate-merged-1280.png"), full_page=True)
    finally:
        context.close()
    assert not Facility.objects.filter(pk=existing.pk).exists()
    record = MergeRecord.objects.get()
    assert (record.kept_id, record.removed_id, record.merged_by.username) == (new.pk, existing.pk, "dinsos.pulpis")
    assert record.moved["facilities.Need"] == 2


def test_axe_finds_no_violation_on_the_duplicates_pages(browser, live_server, registered_twice):
    existing = registered_twice
    other = FacilityFactory(name="PSAA Budi Mulya", region=existing.region)
    pages = [
        "/admin/duplicates/duplicatedecision/possible/",
        f"/admin/duplicates/duplicatedecision/pair/facility/{existing.pk}/{other.pk}/",
        f"/admin/duplicates/duplicatedecision/merge/facility/{existing.pk}/{other.pk}/",
    ]
    context, tab = open_tab(browser, live_server, axe=True)
    try:
        admin_login(tab, "dinsos.pulpis")
        found = {path: _violations(tab, path) for path in pages}
    finally:
        context.close()
    assert found == {path: [] for path in pages}
