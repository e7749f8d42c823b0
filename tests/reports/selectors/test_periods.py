"""The period of a report (``reports.selectors.periods``)."""

import pytest
from django.utils import translation

from reports.selectors.periods import Period
from tests.reports import dataset


def test_period_bounds():
    assert (Period(2024, 1).start, Period(2024, 1).end) == (dataset.D(2024, 1, 1), dataset.D(2024, 3, 31))
    assert Period(2024, 4).end == dataset.D(2024, 12, 31)
    with translation.override("en"):
        assert Period(2024).label == "2024" and Period().label == "All years"
        assert Period(2024, 3).label == "Q3 2024"
    with pytest.raises(ValueError):
        Period(None, 2)
