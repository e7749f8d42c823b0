from django.utils import timezone

from matching import services
from matching.models import PledgeStatus
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, officer_user, region, staff_user


def cover(need, company, quantity, *, verified=0):
    """A partner's offer, approved by Dinsos, with ``verified`` of it delivered and verified:
    built through the workflow services, so the need's counters are what the portal keeps."""
    partner, staff = officer_user(company), staff_user()
    pledge = services.pledge_offer(
        need=need, company=company, quantity=quantity, actor=partner, note="Catatan internal: jangan tampilkan"
    )
    services.pledge_transition(pledge=pledge, to=PledgeStatus.APPROVED, actor=staff)
    if verified:
        report = services.delivery_report_submit(
            pledge=pledge, actor=partner, delivered_on=timezone.localdate(), quantity=verified
        )
        services.delivery_verify(report=report, actor=staff)
    need.refresh_from_db()
    return pledge


def grow(count: int):
    """``count`` facilities, each with two open needs (one covered and delivered in part) and one
    fulfilled need, in two provinces: data that grows without changing its shape."""
    for index in range(count):
        code = "31.75.01" if index % 2 else "62.11.01"
        facility = FacilityFactory(region=region(code))
        company = CompanyFactory()
        covered = NeedFactory(facility=facility, quantity=40)
        cover(covered, company, 25, verified=10)
        NeedFactory(facility=facility, field=covered.field)
        fulfilled = NeedFactory(facility=facility, quantity=5)
        cover(fulfilled, company, 5, verified=5)
