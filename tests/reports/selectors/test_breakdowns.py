"""Figures by field, company and facility (``reports.selectors.breakdowns``), checked against
the hand-built data set of ``tests/reports/dataset.py``: the arithmetic is in the comments, next
to the numbers it gives."""

import pytest

from reports.selectors.breakdowns import by_company, by_facility, by_field
from reports.selectors.periods import Period

pytestmark = pytest.mark.django_db


def test_by_field(data):
    rows = {row.key: row.figures for row in by_field(Period(2024))}
    assert len(rows) == 9  # every field of the Perbup, even without figures
    # kesehatan: P1 10 + P2 20 + P5 0,5 million; verified 6 + 20 million.
    assert (rows["kesehatan"].pledged, rows["kesehatan"].delivered) == (30_500_000, 26_000_000)
    # pendidikan: P3 2 + P6 10 + P8 1 million; verified P6 10 million; P3 awaiting 2 million.
    assert (rows["pendidikan"].pledged, rows["pendidikan"].delivered, rows["pendidikan"].awaiting) == (
        13_000_000,
        10_000_000,
        2_000_000,
    )
    assert rows["infrastruktur"].pledged == 0


def test_by_company_with_on_time_share_and_overdue(data):
    rows = by_company(Period(2024))
    # Largest pledged first: B 30.000.000 (P2 + P6), A 12.500.000 (P1 + P3 + P5), C 1.000.000.
    assert [(row.name, row.figures.pledged) for row in rows] == [
        ("PT Beta Energi", 30_000_000),
        ("PT Alpha Sawit", 12_500_000),
        ("PT Gamma Niaga", 1_000_000),
    ]
    beta, alpha, gamma = (row.figures for row in rows)
    assert (beta.delivered, beta.on_time_percent, beta.overdue) == (30_000_000, 100, 0)
    # A: P1's report late, P3's on time: 50 %. P1 (4 units left, due 2024-03-01) and P5 (due
    # 2024-06-30, its only report rejected) are overdue.
    assert (alpha.delivered, alpha.awaiting, alpha.on_time_percent, alpha.overdue) == (6_000_000, 2_000_000, 50, 2)
    # C reported nothing and has no expected date: no rate (not 0 %), nothing overdue.
    assert (gamma.reports, gamma.on_time_percent, gamma.overdue) == (0, None, 0)


def test_by_facility_hides_unpublished_facilities_from_the_public(data):
    staff_rows = {row.name: row.figures.pledged for row in by_facility(Period(2024), public=False)}
    assert staff_rows == {
        "Panti Kahayan": 30_000_000,
        "PSBR Taruna Jaya": 10_000_000,
        "LKS Maliku": 3_000_000,
        "Panti Pandih": 500_000,
    }
    public_rows = {row.name for row in by_facility(Period(2024), public=True)}
    assert public_rows == {"Panti Kahayan", "PSBR Taruna Jaya", "LKS Maliku"}
