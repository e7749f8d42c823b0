import pytest

from matching.models import Pledge, PledgeOrigin, PledgeStatus
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, region


def cover(need, company, quantity, *, verified=0):
    """An approved (or verified) pledge and the need counters that the services would leave.

    Verified quantity counts as delivered; a pledge whose whole quantity is verified is verified.
    """
    status = PledgeStatus.VERIFIED if verified and verified == quantity else PledgeStatus.APPROVED
    pledge = Pledge.objects.create(
        need=need,
        company=company,
        quantity=quantity,
        value=quantity * need.unit_cost,
        origin=PledgeOrigin.OFFER,
        status=status,
        quantity_reported=verified,
        quantity_verified=verified,
        note="Catatan internal: jangan tampilkan",
    )
    need.quantity_covered += quantity
    need.quantity_delivered += verified
    if need.quantity_delivered == need.quantity:
        need.status = "fulfilled"
    need.save(update_fields=["quantity_covered", "quantity_delivered", "status"])
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


@pytest.fixture
def grown():
    return grow
