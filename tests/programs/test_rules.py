"""The rules of programs and realisation reports (programs.rules), read in English."""

import datetime

import pytest
from django.utils import translation

from agencies.models import ReportingPeriod
from programs.rules import ShareLine, count_problems, period_due, period_end, period_problems, share_problems
from tests.factories import agency, region

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 5, 10)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def pulpis():
    region("62", "Kalimantan Tengah")
    return agency("62.11", "Dinsos Pulang Pisau")


def test_period_ends_and_due_dates(pulpis):
    assert period_end(2025, 0) == datetime.date(2025, 12, 31)
    assert period_end(2025, 1) == datetime.date(2025, 3, 31)
    assert period_end(2024, 4) == datetime.date(2024, 12, 31)
    assert period_due(pulpis, 2025, 2) == datetime.date(2025, 7, 30)


def test_period_kind_and_future(pulpis):
    assert period_problems(pulpis, 2025, 0, today=TODAY) == []
    assert "not per quarter" in period_problems(pulpis, 2025, 3, today=TODAY)[0]
    assert "future" in period_problems(pulpis, 2026, 0, today=datetime.date(2025, 12, 1))[0]
    pulpis.realisation_period = ReportingPeriod.QUARTER
    assert "choose a quarter" in period_problems(pulpis, 2025, 0, today=TODAY)[0]
    assert period_problems(pulpis, 2026, 2, today=TODAY) == []
    assert "future" in period_problems(pulpis, 2026, 3, today=TODAY)[0]
    assert period_problems(pulpis, 2026, 5, today=TODAY) == ["The quarter must be 1, 2, 3 or 4."]


def test_split_must_add_up_and_stay_in_targets(pulpis):
    kahayan = region("62.11.01", "Kahayan Hilir")
    maliku = region("62.11.02", "Maliku")
    village = region("62.11.01.2001", "Pulang Pisau")
    jakarta = region("31.71.01", "Gambir")
    assert (
        share_problems(
            amount=300, shares=[ShareLine(kahayan, 100), ShareLine(village, 200)], targets=[kahayan], agency=pulpis
        )
        == []
    )
    (problem,) = share_problems(amount=300, shares=[ShareLine(kahayan, 100)], targets=[kahayan], agency=pulpis)
    assert problem == "The split adds up to Rp 100 but the total realised is Rp 300."
    problems = share_problems(amount=100, shares=[ShareLine(maliku, 100)], targets=[kahayan], agency=pulpis)
    assert problems == ["Maliku (62.11.02) is not among the program's target regions."]
    problems = share_problems(amount=100, shares=[ShareLine(jakarta, 100)], targets=[], agency=pulpis)
    assert "outside the area" in problems[0]
    problems = share_problems(
        amount=0, shares=[ShareLine(kahayan, -5), ShareLine(kahayan, 5)], targets=[], agency=pulpis
    )
    assert any("negative" in p for p in problems) and any("twice" in p for p in problems)


def test_counts():
    assert count_problems(households=3, persons=10, women=4, children=None) == []
    assert count_problems(households=-1, persons=10) == ["Counts of beneficiaries cannot be negative."]
    assert "larger than the persons" in count_problems(households=1, persons=2, women=3)[0]


def test_split_households_stay_within_the_households_reached(pulpis):
    kahayan = region("62.11.01", "Kahayan Hilir")
    maliku = region("62.11.02", "Maliku")
    lines = [ShareLine(kahayan, 100, 30), ShareLine(maliku, 200, 25)]
    targets = [kahayan, maliku]
    assert share_problems(amount=300, shares=lines, targets=targets, agency=pulpis, households=55) == []
    assert share_problems(amount=300, shares=lines, targets=targets, agency=pulpis) == []
    assert share_problems(amount=300, shares=lines, targets=targets, agency=pulpis, households=50) == [
        "The split counts 55 households but the report reached 50."
    ]
