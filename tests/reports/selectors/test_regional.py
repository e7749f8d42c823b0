"""The region table and the gap ranking (``reports.selectors.regional``), checked against the
hand-built data set of ``tests/reports/dataset.py``: the arithmetic is in the comments, next to
the numbers it gives."""

import pytest

from regions.models import Region
from reports.selectors.households import COMPLETE, PARTIAL, UNKNOWN
from reports.selectors.periods import Period
from reports.selectors.regional import region_report
from tests.reports import dataset

pytestmark = pytest.mark.django_db


def rows_by_code(report):
    return {row.code: row for row in report.rows}


def test_national_totals_for_2024(data):
    report = region_report(Period(2024), None, public=False)
    total = report.total.figures
    # P1 10.000.000 + P2 20.000.000 + P3 2.000.000 + P5 500.000 + P6 10.000.000 + P8 1.000.000;
    # P4 (cancelled) and P7 (offer still waiting) are not counted.
    assert total.pledged == 43_500_000
    assert total.pledges == 6
    # Verified reports: P1's partial 6 units 6.000.000 + P2 20.000.000 + P6 10.000.000.
    assert total.delivered == 36_000_000
    # P3's report waits for verification; P5's rejected report never counts.
    assert total.awaiting == 2_000_000
    assert total.beneficiaries == 6 + 20 + 5
    # Four reports (P1 late, P2 without expected date, P3 and P6 on or before the date): 3 of 4.
    assert (total.reports, total.on_time, total.on_time_percent) == (4, 3, 75)
    # Open today: N1 (40 − 30 covered) × 1.000.000 + N2 (10 − 4 − 2) × 500.000 + N3 (20 − 5 − 3 waiting)
    # × 100.000; N4 is fulfilled.
    assert (total.open_needs, total.open_value) == (3, 10_000_000 + 2_000_000 + 1_200_000)


def test_provinces_for_2024_with_partial_and_unknown_households(data):
    report = region_report(Period(2024), None, public=False)
    rows = rows_by_code(report)
    assert list(rows) == ["31", "62"]
    jakarta, kalteng = rows["31"], rows["62"]
    assert (jakarta.figures.pledged, jakarta.figures.delivered, jakarta.figures.open_needs) == (
        10_000_000,
        10_000_000,
        0,
    )
    # No figure anywhere in DKI Jakarta: unknown, never zero; no rupiah per household either.
    assert jakarta.households.status == UNKNOWN and jakarta.households.value is None
    assert jakarta.delivered_per_household is None
    # P1 + P2 + P3 + P5 + P8 = 10 + 20 + 2 + 0,5 + 1 million; verified P1 6 + P2 20 million.
    assert (kalteng.figures.pledged, kalteng.figures.delivered, kalteng.figures.awaiting) == (
        33_500_000,
        26_000_000,
        2_000_000,
    )
    # Kahayan Hilir 800 + Maliku 400; Pandih Batu has none: a partial sum, and no amount per
    # household (it would be overstated).
    assert (kalteng.households.value, kalteng.households.status) == (1200, PARTIAL)
    assert kalteng.pledged_per_household is None
    assert (report.total.households.value, report.total.households.status) == (1200, PARTIAL)
    assert report.unplaced is None


def test_districts_of_pulang_pisau_for_2024(data):
    scope = Region.objects.get(code="62.11")
    report = region_report(Period(2024), scope, public=False)
    rows = rows_by_code(report)
    assert list(rows) == ["62.11.01", "62.11.02", "62.11.03"]
    kahayan, maliku, pandih = rows["62.11.01"], rows["62.11.02"], rows["62.11.03"]

    # 2024 DTKS 800 (the 2023 figure is older, the 2024 BPS figure ranks after DTKS).
    assert (kahayan.households.value, kahayan.households.status, kahayan.households.years) == (800, COMPLETE, "2024")
    # P1 10.000.000 + P2 20.000.000 pledged; 6.000.000 + 20.000.000 verified.
    assert (kahayan.figures.pledged, kahayan.figures.delivered) == (30_000_000, 26_000_000)
    assert kahayan.pledged_per_household == 30_000_000 // 800 == 37_500
    assert kahayan.delivered_per_household == 26_000_000 // 800 == 32_500
    assert (kahayan.figures.open_needs, kahayan.figures.open_value) == (1, 10_000_000)

    # P3 2.000.000 + P8 1.000.000 pledged, nothing verified, P3's 2.000.000 awaiting verification.
    assert (maliku.households.value, maliku.figures.pledged, maliku.figures.delivered) == (400, 3_000_000, 0)
    assert maliku.figures.awaiting == 2_000_000
    assert maliku.pledged_per_household == 3_000_000 // 400 == 7_500
    assert maliku.delivered_per_household == 0

    # No figures: unknown; the pledge P5 still counts.
    assert pandih.households.status == UNKNOWN
    assert (pandih.figures.pledged, pandih.delivered_per_household) == (500_000, None)

    assert (report.total.households.value, report.total.households.status) == (1200, PARTIAL)
    assert (report.total.households.known_parts, report.total.households.parts) == (2, 3)
    assert report.total.figures.pledged == 33_500_000


def test_gap_ranks_districts_with_figures_by_rupiah_per_poor_household(data):
    report = region_report(Period(2024), Region.objects.get(code="62.11"), public=False)
    # Maliku: 0 delivered / 400 = 0; Kahayan Hilir: 26.000.000 / 800 = 32.500. Pandih Batu has no
    # figures and is not ranked.
    assert [(row.rank, row.name, row.households, row.realised_per_household) for row in report.gap] == [
        (1, "Maliku", 400, 0),
        (2, "Kahayan Hilir", 800, 32_500),
    ]
    assert report.gap_ranked == 2
    national = region_report(Period(2024), None, public=False)
    assert [row.code for row in national.gap] == ["62.11.02", "62.11.01"]


def test_empty_period_counts_nothing_and_uses_the_figures_of_that_year(data):
    report = region_report(Period(2023), Region.objects.get(code="62.11"), public=False)
    rows = rows_by_code(report)
    assert all(row.figures.pledged == row.figures.delivered == row.figures.awaiting == 0 for row in rows.values())
    # In 2023 only Kahayan Hilir had a figure (1.000); Maliku's first is of 2024.
    assert (rows["62.11.01"].households.value, rows["62.11.01"].households.years) == (1000, "2023")
    assert rows["62.11.02"].households.status == UNKNOWN
    assert rows["62.11.01"].delivered_per_household == 0
    # Open needs are today's, whatever the period.
    assert report.total.figures.open_needs == 3
    assert [row.name for row in report.gap] == ["Kahayan Hilir"]


def test_years_before_any_figure_show_households_as_unknown(data):
    report = region_report(Period(2020), None, public=False)
    assert report.total.households.status == UNKNOWN
    assert report.total.figures.pledged == 0
    assert report.gap == []


@pytest.mark.parametrize(
    ("quarter", "pledged", "delivered", "awaiting"),
    [
        # P1 (02-01) 10.000.000 + P6 (01-15) 10.000.000; reports P6 02-01 and P1 03-10.
        (1, 20_000_000, 10_000_000 + 6_000_000, 0),
        # P5 (05-01) 500.000 + P2 (04-10) 20.000.000; P2's report of 05-02.
        (2, 20_500_000, 20_000_000, 0),
        # P3 (07-01) 2.000.000 + P8 (09-01) 1.000.000; P3's report (07-15) awaits verification.
        (3, 3_000_000, 0, 2_000_000),
        (4, 0, 0, 0),
    ],
    ids=["q1", "q2", "q3", "q4-empty"],
)
def test_quarters_split_the_year(data, quarter, pledged, delivered, awaiting):
    total = region_report(Period(2024, quarter), None, public=False).total.figures
    assert (total.pledged, total.delivered, total.awaiting) == (pledged, delivered, awaiting)


def test_all_time_uses_the_latest_figures(data):
    report = region_report(Period(), Region.objects.get(code="62.11"), public=False)
    assert rows_by_code(report)["62.11.01"].households.value == 800
    assert report.total.figures.pledged == 33_500_000


def test_a_region_with_its_own_figure_uses_it_rather_than_the_sum(data):
    dataset.PovertyFigureFactory(region=Region.objects.get(code="62.11"), year=2024, poor_households=5000)
    report = region_report(Period(2024), None, public=False)
    kalteng = rows_by_code(report)["62"]
    # Pulang Pisau's own 5.000 replaces 800 + 400; it is the only regency of the province here.
    assert (kalteng.households.value, kalteng.households.status) == (5000, COMPLETE)
    assert kalteng.pledged_per_household == 33_500_000 // 5000 == 6_700


def test_district_scope_shows_the_district_itself(data):
    report = region_report(Period(2024), Region.objects.get(code="62.11.02"), public=False)
    assert [row.code for row in report.rows] == ["62.11.02"]
    assert report.total.figures.pledged == 3_000_000
    assert [row.name for row in report.gap] == ["Maliku"]


def test_facilities_placed_above_the_level_shown_are_reported_apart(data):
    regency_facility = dataset.FacilityFactory(name="UPT Kabupaten", region=Region.objects.get(code="62.11"))
    need = dataset.NeedFactory(facility=regency_facility, quantity=2, unit_cost=250_000)
    dataset.make_pledge(need, data.c, 2, staff=data.staff, made=dataset.D(2024, 10, 1))
    report = region_report(Period(2024), Region.objects.get(code="62.11"), public=False)
    assert report.unplaced.figures.pledged == 500_000
    # Still part of the regency's total: 33.500.000 + 500.000.
    assert report.total.figures.pledged == 34_000_000


def test_public_open_needs_leave_out_needs_of_unpublished_facilities(data):
    public = region_report(Period(2024), None, public=True).total.figures
    # N3 is at the unpublished Panti Pandih: N1 10.000.000 + N2 2.000.000 only.
    assert (public.open_needs, public.open_value) == (2, 12_000_000)
    # The money is an aggregate and still counts in full.
    assert public.pledged == 43_500_000
