"""Government coverage (issue 26): recorded by staff of the area only, per facility or
kecamatan, aggregates only; bad input is refused with a message and changes nothing."""

import datetime

import pytest

from agencies.models import StaffRole
from coverage import services
from coverage.models import CoverageSource, GovernmentCoverage, SupportKind
from coverage.selectors import coverage_for
from tests.factories import FacilityFactory, StaffFactory, agency, field, region

pytestmark = pytest.mark.django_db

YEAR = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)


def values(**overrides):
    data = {
        "source": CoverageSource.APBD,
        "program_name": "Bantuan permakanan lansia",
        "region": region("62.11.01"),
        "field": field("kesehatan"),
        "start_date": YEAR[0],
        "end_date": YEAR[1],
        "kind": SupportKind.FOOD,
        "amount": 120_000_000,
        "households": 0,
    }
    data.update(overrides)
    return data


def pulang_pisau_staff(**kwargs):
    return StaffFactory(agency=agency("62.11"), **kwargs)


def test_staff_record_coverage_of_a_kecamatan_in_their_area():
    record = services.coverage_create(actor=pulang_pisau_staff(), **values())
    assert record.region_id == "62.11.01"
    assert record.facility is None
    assert record.period_label == "2026"


def test_a_facility_record_takes_the_facilitys_kecamatan():
    facility = FacilityFactory(region=region("62.11.02.2001"))
    record = services.coverage_create(actor=pulang_pisau_staff(), **values(region=None, facility=facility))
    assert record.region_id == "62.11.02"


@pytest.mark.parametrize(
    ("overrides", "field_name"),
    [
        pytest.param({"region": region_code}, "region", id=f"region-{region_code}")
        for region_code in ("31.75.01",)  # another agency's area
    ]
    + [
        pytest.param({"amount": 0, "households": 0}, "amount", id="neither-amount-nor-households"),
        pytest.param({"end_date": datetime.date(2025, 12, 31)}, "end_date", id="period-ends-before-start"),
    ],
)
def test_bad_records_are_refused_and_change_nothing(overrides, field_name):
    if "region" in overrides:
        overrides["region"] = region(overrides["region"])
    with pytest.raises(services.CoverageError) as refused:
        services.coverage_create(actor=pulang_pisau_staff(), **values(**overrides))
    assert refused.value.field == field_name
    assert not GovernmentCoverage.objects.exists()


def test_a_regency_is_not_a_kecamatan():
    with pytest.raises(services.CoverageError) as refused:
        services.coverage_create(actor=pulang_pisau_staff(), **values(region=region("62.11")))
    assert refused.value.field == "region"


def test_a_viewer_records_nothing():
    viewer = StaffFactory(agency=agency("62.11"), agency__role=StaffRole.VIEWER)
    with pytest.raises(services.CoverageError):
        services.coverage_create(actor=viewer, **values())
    assert not GovernmentCoverage.objects.exists()


def test_a_correction_cannot_move_a_record_out_of_the_area():
    staff = pulang_pisau_staff()
    record = services.coverage_create(actor=staff, **values())
    with pytest.raises(services.CoverageError):
        services.coverage_update(record=record, actor=staff, changes={"region": region("31.75.01")})
    record.refresh_from_db()
    assert record.region_id == "62.11.01"


def test_coverage_for_a_facility_reads_its_own_and_its_kecamatans_records_only():
    facility = FacilityFactory(region=region("62.11.01.2001"))
    other = FacilityFactory(region=region("62.11.01.2002"))
    own = services.coverage_create(actor=None, **values(region=None, facility=facility))
    whole = services.coverage_create(actor=None, **values())
    services.coverage_create(actor=None, **values(region=None, facility=other))
    services.coverage_create(actor=None, **values(field=field("pendidikan")))
    services.coverage_create(actor=None, **values(region=region("62.11.02")))
    found = coverage_for(
        field_codes=["kesehatan"],
        kecamatan_codes=["62.11.01"],
        facility_id=facility.pk,
        start=datetime.date(2026, 5, 1),
        end=datetime.date(2026, 6, 1),
    )
    assert set(found) == {own, whole}
