"""Each overlap warning (issue 26), with the cases that must and must not warn."""

import datetime

import pytest
from django.utils import timezone

from coverage import services as coverage_services
from coverage.models import CoverageSource, SupportKind
from facilities.models import Need, NeedStatus
from matching.models import PledgeStatus
from overlaps.selectors import need_overlaps, overlaps_of_need, overlaps_of_program, pledge_overlaps, similar_titles
from programs.models import ProgramStatus
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    field,
    pledge_in_state,
    program_in_state,
    region,
)

pytestmark = pytest.mark.django_db


def coverage(**overrides):
    today = timezone.localdate()
    data = {
        "source": CoverageSource.APBD,
        "program_name": "Rehabilitasi sosial panti (APBD)",
        "region": region("62.11.01"),
        "field": field("kesehatan"),
        "start_date": datetime.date(today.year, 1, 1),
        "end_date": datetime.date(today.year, 12, 31),
        "kind": SupportKind.GOODS,
        "amount": 80_000_000,
    }
    data.update(overrides)
    return coverage_services.coverage_create(actor=None, **data)


@pytest.fixture
def facility():
    return FacilityFactory(region=region("62.11.01.2001"))


def warn(facility, title="Kasur busa untuk asrama", field_code="kesehatan", **kwargs):
    return need_overlaps(facility=facility, field_code=field_code, title=title, **kwargs)


@pytest.mark.parametrize(
    ("first", "second", "similar"),
    [
        ("Kasur busa asrama putra", "Kasur busa untuk asrama", True),
        ("Kasur busa", "kasur-busa 2026", True),
        ("Kasur busa", "Laptop untuk belajar", False),
        ("Beras 10 kg", "Minyak goreng", False),
    ],
)
def test_similar_titles(first, second, similar):
    assert similar_titles(first, second) is similar


# --- needs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [NeedStatus.OPEN, NeedStatus.FULFILLED])
def test_an_open_or_fulfilled_similar_need_of_the_facility_warns(facility, status):
    need = NeedFactory(facility=facility, title="Kasur busa asrama putra", status=status)
    found = warn(facility)
    assert [(overlap.kind, overlap.id) for overlap in found] == [("need", need.pk)]
    assert "Kasur busa asrama putra" in found[0].label


@pytest.mark.parametrize(
    "other",
    [
        pytest.param({"field": "pendidikan"}, id="another-field"),
        pytest.param({"title": "Laptop untuk belajar"}, id="another-title"),
        pytest.param({"facility": "other"}, id="another-facility"),
        pytest.param({"status": NeedStatus.CANCELLED}, id="cancelled"),
        pytest.param({"status": NeedStatus.DRAFT}, id="draft"),
        pytest.param({"age_days": 400}, id="older-than-12-months"),
    ],
)
def test_needs_that_do_not_overlap(facility, other):
    need = NeedFactory(
        facility=FacilityFactory(region=facility.region) if other.get("facility") else facility,
        title=other.get("title", "Kasur busa asrama putra"),
        field=field(other.get("field", "kesehatan")),
        status=other.get("status", NeedStatus.OPEN),
    )
    if "age_days" in other:
        Need.objects.filter(pk=need.pk).update(created_at=timezone.now() - datetime.timedelta(days=other["age_days"]))
    assert warn(facility) == []


def test_a_need_does_not_overlap_itself(facility):
    need = NeedFactory(facility=facility, title="Kasur busa asrama putra")
    assert overlaps_of_need(need) == []


def test_government_coverage_of_the_facility_or_its_kecamatan_warns(facility):
    own = coverage(region=None, facility=facility)
    whole = coverage()
    found = warn(facility)
    assert {(overlap.kind, overlap.id) for overlap in found} == {("coverage", own.pk), ("coverage", whole.pk)}
    assert "APBD" in found[0].label


@pytest.mark.parametrize(
    "other",
    [pytest.param({"field": field_code}, id="another-field") for field_code in ("pendidikan",)]
    + [
        pytest.param({"region": "62.11.02"}, id="another-kecamatan"),
        pytest.param({"other_facility": True}, id="another-facility-in-the-kecamatan"),
        pytest.param({"last_year": True}, id="another-period"),
    ],
)
def test_government_coverage_that_does_not_overlap(facility, other):
    today = timezone.localdate()
    values = {}
    if "field" in other:
        values["field"] = field(other["field"])
    if "region" in other:
        values["region"] = region(other["region"])
    if other.get("other_facility"):
        values.update(region=None, facility=FacilityFactory(region=region("62.11.01.2002")))
    if other.get("last_year"):
        values.update(start_date=datetime.date(today.year - 1, 1, 1), end_date=datetime.date(today.year - 1, 12, 31))
    coverage(**values)
    assert warn(facility) == []


def test_coverage_starting_before_the_need_is_needed_warns(facility):
    today = timezone.localdate()
    later = coverage(start_date=today + datetime.timedelta(days=30), end_date=today + datetime.timedelta(days=90))
    assert warn(facility) == []
    found = warn(facility, needed_by=today + datetime.timedelta(days=60))
    assert [overlap.id for overlap in found] == [later.pk]


# --- pledges --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "state", [PledgeStatus.PROPOSED, PledgeStatus.OFFERED, PledgeStatus.ACCEPTED, PledgeStatus.APPROVED]
)
def test_a_live_pledge_of_another_company_warns(state):
    pledge = pledge_in_state(state, quantity=5)
    found = pledge_overlaps(need=pledge.need, company_id=CompanyFactory().pk)
    assert [(overlap.kind, overlap.id) for overlap in found] == [("pledge", pledge.pk)]
    assert pledge.company.name in found[0].label


@pytest.mark.parametrize(
    "state",
    [PledgeStatus.DECLINED, PledgeStatus.REJECTED, PledgeStatus.CANCELLED, PledgeStatus.VERIFIED],
)
def test_a_closed_pledge_does_not_warn(state):
    pledge = pledge_in_state(state, quantity=5)
    assert pledge_overlaps(need=pledge.need, company_id=CompanyFactory().pk) == []


def test_the_companys_own_pledge_and_the_pledge_itself_do_not_warn():
    pledge = pledge_in_state(PledgeStatus.OFFERED, quantity=5)
    assert pledge_overlaps(need=pledge.need, company_id=pledge.company_id) == []
    assert pledge_overlaps(need=pledge.need, company_id=CompanyFactory().pk, exclude_pledge_id=pledge.pk) == []


def test_a_pledge_on_another_need_does_not_warn():
    pledge_in_state(PledgeStatus.APPROVED, quantity=5)
    assert pledge_overlaps(need=NeedFactory(), company_id=CompanyFactory().pk) == []


# --- programs -------------------------------------------------------------------------------


def test_another_program_in_the_same_kecamatan_and_field_warns():
    first = program_in_state(ProgramStatus.ACTIVE, targets=("62.11.01",))
    second = program_in_state(ProgramStatus.SUBMITTED, targets=("62.11.01.2001", "62.11.03"))
    found = overlaps_of_program(second)
    assert [(overlap.kind, overlap.id) for overlap in found] == [("program", first.pk)]
    assert first.company.name in found[0].label


@pytest.mark.parametrize(
    "other",
    [
        pytest.param({"targets": ("62.11.02",)}, id="another-kecamatan"),
        pytest.param({"fields": "pendidikan"}, id="another-field"),
        pytest.param({"state": ProgramStatus.DECLINED}, id="declined"),
        pytest.param({"state": ProgramStatus.DRAFT}, id="draft"),
        pytest.param({"last_year": True}, id="another-year"),
    ],
)
def test_programs_that_do_not_overlap(other):
    today = timezone.localdate()
    overrides = {}
    if "fields" in other:
        overrides["fields"] = [field(other["fields"])]
    if other.get("last_year"):
        overrides.update(start_date=datetime.date(today.year - 1, 1, 1), end_date=datetime.date(today.year - 1, 12, 31))
    program_in_state(other.get("state", ProgramStatus.ACTIVE), targets=other.get("targets", ("62.11.01",)), **overrides)
    second = program_in_state(ProgramStatus.SUBMITTED, targets=("62.11.01",))
    assert overlaps_of_program(second) == []


def test_the_companys_own_program_does_not_warn():
    first = program_in_state(ProgramStatus.ACTIVE, targets=("62.11.01",))
    second = program_in_state(ProgramStatus.SUBMITTED, company=first.company, targets=("62.11.01",))
    assert overlaps_of_program(second) == []


def test_government_coverage_in_the_programs_kecamatan_warns():
    program = program_in_state(ProgramStatus.SUBMITTED, targets=("62.11.01",))
    facility = FacilityFactory(region=region("62.11.01.2001"))
    record = coverage(field=field("ekonomi-kerakyatan"), region=None, facility=facility)
    coverage(field=field("ekonomi-kerakyatan"), region=region("62.11.05"))
    coverage(field=field("kesehatan"))
    found = overlaps_of_program(program)
    assert [(overlap.kind, overlap.id) for overlap in found] == [("coverage", record.pk)]
