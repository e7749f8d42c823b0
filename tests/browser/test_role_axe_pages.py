"""axe-core on the pages no other browser test checks (issue 24), on the demo, at 390 and 1280
px: the agencies' and the forum's public pages, a proposal-only and an offered need, the login
and BAST pages; every page of the partner portal as LG's officer and as a Forum TSLP member reads
it; every page of the facility portal; and the staff's pledge, delivery, facility and document
pages. A page that scrolls sideways counts as a violation too. (The home, needs, facilities,
reports and open-data pages, the queue, imports, dashboard and realisation forms are checked in
test_public_shared.py, test_open_data.py and test_staff_journey.py.)"""

import io
import pprint

import pytest
from django.core.cache import cache
from django.core.management import call_command

from circulars.models import Circular
from facilities.models import Need
from matching.models import Bast, DeliveryReport, Pledge, PledgeStatus
from programs.models import Program, Realisation, RealisationStatus
from tests.browser.roles import WIDTHS, admin_login, open_tab, portal_login, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pages():
    """The paths to check, by the account that reads them (None: a visitor)."""
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    lg = Pledge.objects.filter(company__name="PT LG Electronics Indonesia")
    sebangau = "PT Sebangau Agro Mandiri"
    returned = Realisation.objects.get(program__company__name=sebangau, status=RealisationStatus.RETURNED)
    proposed = Pledge.objects.get(company__name=sebangau, status=PledgeStatus.PROPOSED)
    open_need = Need.objects.filter(facility__slug="psbr-taruna-jaya-1", status="open").first()
    waiting = DeliveryReport.objects.get(pledge__need__title="Peralatan bengkel reparasi telepon seluler")
    verified = lg.get(status=PledgeStatus.VERIFIED)
    program = Program.objects.filter(company__name="PT LG Electronics Indonesia").first()
    circular = Circular.objects.first()
    yield {
        None: [
            "/agencies/",
            "/agencies/dinsos-pulang-pisau/",
            "/agencies/dinsos-dki-jakarta/",
            "/reports/forum/2025/?region=62.11",
            "/reports/forum/2025/sebangau-agro-mandiri/?region=62.11",
            proposed.need.get_absolute_url(),
            lg.get(status=PledgeStatus.OFFERED).need.get_absolute_url(),
            "/needs/?field=kesehatan&status=open&sort=urgency#results",
            f"/bast/{Bast.objects.first().token}/",
            "/accounts/login/",
            "/accounts/password_reset/",
        ],
        ("csr.lg", "mitra-demo"): [
            "/partner/",
            "/partner/needs/",
            f"/partner/needs/{open_need.pk}/pledge/",
            "/partner/pledges/",
            f"/partner/pledges/{lg.get(status=PledgeStatus.OFFERED).pk}/",
            f"/partner/pledges/{verified.pk}/",
            f"/partner/pledges/{lg.filter(status=PledgeStatus.APPROVED).first().pk}/report/",
            "/partner/company/",
            "/partner/programs/",
            "/partner/programs/new/",
            f"/partner/programs/{program.pk}/",
            "/partner/realisations/",
            "/accounts/password_change/",
        ],
        ("csr.pulpis", "mitra-demo"): [
            "/partner/",
            f"/partner/pledges/{proposed.pk}/",
            f"/partner/realisations/{returned.pk}/",
            f"/partner/realisations/{returned.pk}/correct/",
            "/partner/circulars/",
            f"/partner/circulars/{circular.pk}/",
        ],
        ("panti.tarunajaya", "panti-demo"): [
            "/facility/",
            "/facility/needs/new/",
            f"/facility/needs/{open_need.pk}/change/",
            "/facility/photos/",
            "/facility/deliveries/",
            f"/facility/deliveries/{waiting.pk}/",
        ],
        ("dinsos", "dinsos-demo"): [
            "/admin/matching/pledge/",
            f"/admin/matching/pledge/{verified.pk}/change/",
            "/admin/matching/deliveryreport/",
            f"/admin/matching/deliveryreport/{waiting.pk}/change/",
            f"/admin/facilities/facility/{open_need.facility_id}/change/",
            f"/admin/facilities/need/{open_need.pk}/change/",
            "/admin/facilities/need/import/",
            "/admin/programs/program/",
        ],
        ("dinsos.pulpis", "dinsos-demo"): [
            f"/admin/circulars/circular/{circular.pk}/change/",
            f"/admin/programs/realisation/{returned.pk}/change/",
            "/admin/reports/dashboard/?year=2025",
        ],
    }
    cache.clear()


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_on_any_page_of_any_role(browser, live_server, pages, width):
    found = {}
    for account, paths in pages.items():
        context, tab = open_tab(browser, live_server, width, axe=True)
        try:
            if account and account[0].startswith("dinsos"):
                admin_login(tab, *account)
            elif account:
                portal_login(tab, *account)
            for path in paths:
                found[f"{account and account[0]} {path}"] = violations(tab, path)
        finally:
            context.close()
    failing = {page: problems for page, problems in found.items() if problems}
    assert not failing, pprint.pformat(failing, width=160)
