"""A Dinsos clerk of Pulang Pisau in a real Chromium (issue 24): the work queue holds every kind
of waiting item (offers, deliveries, realisation reports, programs, needs and need changes
proposed by facilities, acknowledgements awaited, proposals about to lapse), oldest first with its
age, and the admin index counts the same; a realisation report is verified from its own page,
its split in words ("Kahayan Hilir — Rp 45.000.000"), its reporter by name and its photo beside
the one confirmation, on a phone as on a desktop. The forms speak the clerk's language: the
facility form has no "Slug", rupiah are typed "3.000.000", acknowledgement times are in WIB."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from circulars.models import Circular
from facilities.models import Need
from programs import realisations
from programs.models import Realisation, RealisationStatus
from programs.rules import ShareLine
from tests.browser.roles import admin_login, fits_the_screen, open_tab
from tests.factories import CompanyFactory, FacilityFactory, OfficerFactory, StaffFactory, UserFactory, region
from tests.matching.test_work_queue_kinds import build_work
from tests.portal.helpers import pdf, png, pulpis, registered_program

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # tests.factories.UserFactory
QUEUE = "/admin/matching/pledge/queue/"
KIND_AGES = {
    "deliveries": 3,
    "realisations": 15,
    "offers": 1,
    "programs": 9,
    "new_needs": 2,
    "need_changes": 4,
    "acknowledgements": 30,
    "lapsing": 0,
}


@pytest.fixture
def clerk():
    agency = pulpis()
    kahayan = region("62.11.01", "Kahayan Hilir")
    maliku = region("62.11.02", "Maliku")
    area = {"agency": agency, "facility": FacilityFactory(name="LKSA Harapan Kahayan", region=kahayan)}
    staff = StaffFactory(username="dinsos.pulpis", first_name="Yohanes", last_name="Pandawa", agency=agency)
    built = build_work(area, staff, ages=KIND_AGES)
    company = CompanyFactory(name="PT Sebangau Agro Mandiri")
    officer = OfficerFactory(
        company=company, user=UserFactory(username="csr.pulpis", first_name="Dewi", last_name="Lestari")
    )
    report = realisations.realisation_submit(
        program=registered_program(company, title="Sekolah lapang petani"),
        actor=officer.user,
        year=timezone.localdate().year - 1,
        quarter=0,
        amount=90_000_000,
        shares=[ShareLine(kahayan, 45_000_000, 60), ShareLine(maliku, 45_000_000, 40)],
        households=100,
        persons=320,
        activities="Sekolah lapang padi di dua kecamatan",
        files=[(png("sekolah-lapang.png"), "photo"), (pdf("laporan.pdf"), "document")],
    )
    # The oldest of all but the acknowledgement: it waited 20 days.
    Realisation.objects.filter(pk=report.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=20))
    return {"staff": staff, "built": built, "report": report}


def counters(tab) -> dict[str, int]:
    """The index's counters, by the kind each links to."""
    links = tab.locator(".work-waiting ul.queue-counts a")
    return {
        re.search(r"kind=(\w+)", links.nth(i).get_attribute("href")).group(1): int(
            links.nth(i).locator("strong").inner_text()
        )
        for i in range(links.count())
    }


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_queue_holds_every_kind_oldest_first_and_a_report_is_verified_from_its_page(
    browser, live_server, clerk, width, artifacts_dir
):
    report = clerk["report"]
    context, tab = open_tab(browser, live_server, width)
    try:
        admin_login(tab, "dinsos.pulpis", PASSWORD)
        # The index counts every kind that waits.
        expect(tab.locator(".work-waiting").get_by_role("heading", name="Yang menunggu Anda")).to_be_visible()
        counted = counters(tab)
        assert counted == {kind: 2 if kind == "realisations" else 1 for kind in KIND_AGES}
        expect(tab.locator(".work-waiting .queue-total")).to_contain_text(
            "Buka antrean kerja: 9 menunggu, yang terlama lebih dulu"
        )
        assert fits_the_screen(tab)

        # The queue: the same nine, oldest first, each with its age.
        tab.locator(".work-waiting .queue-total a").click()
        expect(tab).to_have_url(re.compile(re.escape(QUEUE)))
        cards = tab.locator("ol.queue-cards > li")
        expect(cards).to_have_count(9)
        ids = [cards.nth(i).get_attribute("id") for i in range(9)]
        built = clerk["built"]
        expected = [f"acknowledgements-{built['acknowledgements']}", f"realisations-{report.pk}"] + [
            f"{kind}-{built[kind]}"
            for kind in sorted((k for k in KIND_AGES if k != "acknowledgements"), key=lambda k: -KIND_AGES[k])
        ]
        assert ids == expected
        for kind in KIND_AGES:
            assert cards.locator(f":scope.queue-{kind}").count() == counted[kind]
        expect(cards.nth(0).locator(".queue-age")).to_have_text("menunggu 30 hari")
        expect(cards.nth(1).locator(".queue-age")).to_have_text("menunggu 20 hari")
        expect(cards.nth(8).locator(".queue-age")).to_have_text("sejak hari ini")
        expect(cards.nth(1)).to_contain_text("Kahayan Hilir — Rp 45.000.000")
        expect(cards.nth(1)).to_contain_text("Dewi Lestari")
        assert fits_the_screen(tab)
        tab.screenshot(path=str(artifacts_dir / f"clerk-queue-{width}.png"), full_page=True)

        # The report's own page: the split in words, the reporter by name, the evidence, one
        # confirmation before the button verifies.
        cards.nth(1).locator("h3 a").click()
        expect(tab.locator(".field-split")).to_contain_text("Kahayan Hilir — Rp 45.000.000 · 60 KK")
        expect(tab.locator(".field-split")).to_contain_text("Maliku — Rp 45.000.000 · 40 KK")
        expect(tab.locator(".field-split")).not_to_contain_text("62.11.01")
        expect(tab.locator(".field-reporter")).to_contain_text("Dewi Lestari (PT Sebangau Agro Mandiri)")
        expect(tab.locator(".field-evidence img").first).to_be_visible()
        expect(tab.locator(".field-evidence")).to_contain_text("laporan.pdf")
        expect(tab.get_by_role("button", name="Kembalikan ke perusahaan")).to_be_visible()
        tab.get_by_label("Saya sudah memeriksa rincian per wilayah dan bukti di atas").check()
        tab.get_by_role("button", name="Verifikasi laporan").click()
        expect(tab).to_have_url(re.compile(re.escape(QUEUE)))
        expect(tab.locator("ul.messagelist li.success")).to_contain_text("terverifikasi")
        expect(tab.locator("ol.queue-cards > li")).to_have_count(8)
        expect(tab.locator(f"#realisations-{report.pk}")).to_have_count(0)
    finally:
        context.close()
    report.refresh_from_db()
    assert (report.status, report.verified_by) == (RealisationStatus.VERIFIED, clerk["staff"])


def test_the_clerks_forms_speak_their_language(browser, live_server, clerk):
    facility = FacilityFactory(name="PSAA Kahayan", region=region("62.11.01"))
    other = FacilityFactory(name="LKS Maliku", slug="lks-maliku", region=region("62.11.02"))
    need = Need.objects.get(title="Kasur busa asrama")
    circular = Circular.objects.get(title="Surat edaran Forum TSLP")
    # Recorded at 20:30 UTC: 03:30 the next morning in Jakarta.
    Circular.objects.filter(pk=circular.pk).update(
        created_at=datetime.datetime(2026, 6, 1, 20, 30, tzinfo=datetime.UTC)
    )
    context, tab = open_tab(browser, live_server)
    try:
        admin_login(tab, "dinsos.pulpis", PASSWORD)

        # The facility form: "Alamat halaman (URL)", never "Slug", even in its error.
        tab.goto(f"/admin/facilities/facility/{facility.pk}/change/")
        expect(tab.get_by_label("Alamat halaman (URL)")).to_be_visible()
        expect(tab.locator("#content")).not_to_contain_text("Slug")
        tab.get_by_label("Alamat halaman (URL)").fill(other.slug)
        tab.locator("input[name=_save]").click()
        expect(tab.locator(".errorlist")).to_be_visible()
        expect(tab.locator("#content")).not_to_contain_text("Slug")

        # Rupiah typed as people write them.
        tab.goto(f"/admin/facilities/need/{need.pk}/change/")
        unit_cost = tab.locator("#id_unit_cost")
        assert unit_cost.get_attribute("type") != "number"
        unit_cost.fill("3.000.000")
        tab.locator("input[name=_save]").click()
        expect(tab.locator("ul.messagelist li.success")).to_be_visible()
        need.refresh_from_db()
        assert need.unit_cost == 3_000_000

        # Acknowledgements: recorded and sent times in Jakarta time.
        tab.goto(f"/admin/circulars/circular/{circular.pk}/change/")
        expect(tab.locator(".field-recorded")).to_contain_text("02-06-2026 03:30 WIB")
    finally:
        context.close()
