import pytest
from django.core.management import CommandError, call_command
from django.db.models import Q, Sum

from agencies.models import Agency
from facilities.models import Facility, Need, NeedStatus
from matching.models import COVERING_STATES, PENDING_STATES, Pledge
from partners.models import Company
from tests.factories import region

pytestmark = pytest.mark.django_db


def run(**options):
    call_command(
        "generate_bench_data",
        facilities=30,
        needs=300,
        companies=20,
        pledges=600,
        batch_size=97,
        stdout=None,
        **options,
    )


def test_bench_data_has_the_requested_size_spread_over_districts():
    for code in ("31.75.01", "31.75.02", "62.11.01"):
        region(code)

    run()

    assert Facility.objects.count() == 30
    assert Need.objects.count() == 300
    assert Company.objects.count() == 20
    assert 500 <= Pledge.objects.count() <= 600
    assert set(Facility.objects.values_list("region_id", flat=True)) <= {"31.75.01", "31.75.02", "62.11.01"}
    assert Need.objects.public().open().exists()
    assert Need.objects.filter(status=NeedStatus.FULFILLED).exists()
    # An agency for every province, every fifth regency, and a national one.
    assert set(Agency.objects.values_list("level", flat=True)) == {"national", "province", "regency"}
    assert Agency.objects.filter(region_id="31").exists()


def test_bench_data_counters_are_the_sums_of_the_pledges():
    region("31.75.01")

    run(seed=11)

    sums = Need.objects.annotate(
        pending=Sum("pledges__quantity", filter=Q(pledges__status__in=PENDING_STATES), default=0),
        covered=Sum("pledges__quantity", filter=Q(pledges__status__in=COVERING_STATES), default=0),
        delivered=Sum("pledges__quantity_verified", filter=Q(pledges__status__in=COVERING_STATES), default=0),
    )
    for need in sums:
        assert (need.quantity_pending, need.quantity_covered, need.quantity_delivered) == (
            need.pending,
            need.covered,
            need.delivered,
        )
        assert (need.status == NeedStatus.FULFILLED) == (need.quantity_delivered == need.quantity)
        if need.status in (NeedStatus.DRAFT, NeedStatus.CANCELLED):
            assert need.pending == need.covered == 0


def test_bench_data_needs_regions_and_refuses_to_run_twice():
    with pytest.raises(CommandError, match="load_regions --all"):
        run()
    region("31.75.01")
    run()
    with pytest.raises(CommandError, match="already present"):
        run()
