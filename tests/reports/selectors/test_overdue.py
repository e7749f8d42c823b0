"""Deliveries overdue today (``reports.selectors.overdue``), on the data set of
``tests/reports/dataset.py``."""

import pytest

from reports.selectors.overdue import overdue_list

pytestmark = pytest.mark.django_db


def test_overdue_list_oldest_first(data):
    count, rows = overdue_list()
    assert count == 2
    assert [pledge.pk for pledge in rows] == [data.p1.pk, data.p5.pk]
    assert rows[0].quantity_outstanding == 4
