"""A company's reporting discipline in words (``reports.selectors.discipline``), on the data
set of ``tests/reports/dataset.py``."""

import pytest
from django.utils import translation

from reports.selectors.discipline import company_discipline_text

pytestmark = pytest.mark.django_db


def test_company_discipline_in_words(data):
    with translation.override("en"):
        text = company_discipline_text(data.a)
        assert text == "1 of 2 delivery reports on time (50%); 2 deliveries overdue without a report today"
        assert company_discipline_text(data.c) == "No delivery reported yet"
