"""All CSR in the regional report and the breakdowns: pledges and deliveries to facility needs
beside programs' budgets and verified realisations, checked figure by figure against the
hand-built data set of ``tests/reports/programs_dataset.py``. The arithmetic is in the comments."""

import pytest

from regions.models import Region
from reports.selectors.breakdowns import by_company, by_field
from reports.selectors.households import UNKNOWN
from reports.selectors.periods import Period
from reports.selectors.programs import split
from reports.selectors.regional import region_report
from tests.reports import programs_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return programs_dataset.build()


def pulpis(period=None):
    return region_report(period or Period(2024), Region.objects.get(code="62.11"), public=True)


def test_split_keeps_every_rupiah():
    assert split(10_000_000, 3) == [3_333_334, 3_333_333, 3_333_333]
    assert split(100_000_000, 2) == [50_000_000, 50_000_000]
    assert split(5, 0) == []


def test_every_kecamatan_row_of_pulang_pisau_in_2024(data):
    report = pulpis()
    rows = {row.code: row for row in report.rows}
    assert list(rows) == ["62.11.01", "62.11.02", "62.11.03"]
    kahayan, maliku, pandih = (rows[code].figures for code in rows)

    # Kahayan Hilir. Facility needs (dataset.py): pledged P1 10 + P2 20 million, delivered P1 6 +
    # P2 20 million. Programs realised (verified): R1 2.000.000 + R6 3.000.000.
    assert (kahayan.pledged, kahayan.delivered, kahayan.awaiting) == (30_000_000, 26_000_000, 0)
    assert (kahayan.realised_programs, kahayan.programs_awaiting) == (5_000_000, 0)
    # Planned: Kasur sehat 50 million over 01 and 02 → 25.000.000; Beasiswa 100 million over 01
    # and 03 → 50.000.000; Sekolah desa 10 million over three → 3.333.334 (the first gets the
    # remainder rupiah). "Usulan baru" is not registered and counts nowhere.
    assert kahayan.planned_programs == 25_000_000 + 50_000_000 + 3_333_334 == 78_333_334
    assert kahayan.csr_realised == 26_000_000 + 5_000_000 == 31_000_000
    assert kahayan.csr_planned == 30_000_000 + 78_333_334 == 108_333_334
    assert rows["62.11.01"].realised_per_household == 31_000_000 / 800 == 38_750
    assert rows["62.11.01"].planned_per_household == round(108_333_334 / 800) == 135_417

    # Maliku. Needs: pledged P3 2 + P8 1 million, P3's 2 million awaiting. Programs: R1 18.000.000
    # + R4 4.000.000 (C is not a forum member, but its CSR is CSR).
    assert (maliku.pledged, maliku.delivered, maliku.awaiting) == (3_000_000, 0, 2_000_000)
    assert (maliku.realised_programs, maliku.programs_awaiting) == (22_000_000, 0)
    # Kasur sehat 25.000.000 + Bukan anggota 90.000.000 + Air bersih 60.000.000 + Sekolah desa 3.333.333.
    assert maliku.planned_programs == 178_333_333
    assert (maliku.csr_realised, maliku.csr_planned) == (22_000_000, 181_333_333)
    assert rows["62.11.02"].realised_per_household == 22_000_000 / 400 == 55_000
    assert rows["62.11.02"].planned_per_household == round(181_333_333 / 400) == 453_333

    # Pandih Batu: no poverty figures, so "unknown" per household whatever the money. Needs:
    # P5 500.000 pledged. Programs: R2 15.000.000 awaiting verification (apart), R3 returned
    # (never counts); Beasiswa 50.000.000 + Bibit karet 40.000.000 + Sekolah desa 3.333.333 planned.
    assert (pandih.pledged, pandih.delivered, pandih.realised_programs) == (500_000, 0, 0)
    assert (pandih.programs_awaiting, pandih.csr_awaiting) == (15_000_000, 15_000_000)
    assert pandih.planned_programs == 93_333_333
    assert rows["62.11.03"].households.status == UNKNOWN
    assert rows["62.11.03"].realised_per_household is None
    assert rows["62.11.03"].planned_per_household is None


def test_totals_of_pulang_pisau_in_2024(data):
    total = pulpis().total
    figures = total.figures
    assert (figures.pledged, figures.delivered, figures.awaiting) == (33_500_000, 26_000_000, 2_000_000)
    # 5.000.000 + 22.000.000 verified; 15.000.000 awaiting; budgets 50 + 100 + 90 + 40 + 60 + 10 million.
    assert (figures.realised_programs, figures.programs_awaiting) == (27_000_000, 15_000_000)
    assert figures.planned_programs == 350_000_000
    assert (figures.csr_realised, figures.csr_planned, figures.csr_awaiting) == (53_000_000, 383_500_000, 17_000_000)
    # 800 + 400 households, Pandih Batu unknown: partial, so no amount per household.
    assert (total.households.value, total.households.status) == (1200, "partial")
    assert total.realised_per_household is None
    assert pulpis().unplaced is None


def test_the_gap_ranks_kecamatan_by_all_csr_realised(data):
    gap = pulpis().gap
    # By deliveries alone Maliku (0) would come before Kahayan Hilir (32.500); with programs'
    # realisations Kahayan Hilir has 31.000.000 / 800 = 38.750 and Maliku 22.000.000 / 400 = 55.000.
    assert [(row.rank, row.name, row.realised_per_household) for row in gap] == [
        (1, "Kahayan Hilir", 38_750),
        (2, "Maliku", 55_000),
    ]
    kahayan = gap[0]
    assert (kahayan.pledged, kahayan.delivered, kahayan.realised_programs, kahayan.csr_realised) == (
        30_000_000,
        26_000_000,
        5_000_000,
        31_000_000,
    )
    assert (kahayan.planned_programs, kahayan.csr_planned) == (78_333_334, 108_333_334)


def test_a_realisation_counts_in_the_period_it_reports_on(data):
    # R5 is Beasiswa's 2023 report: it counts in 2023 (and all time), not in 2024.
    rows = {row.code: row for row in pulpis(Period(2023)).rows}
    assert rows["62.11.01"].figures.realised_programs == 7_000_000
    # 2023: Kahayan Hilir had 1.000 households; nothing was delivered to its facility needs.
    assert rows["62.11.01"].realised_per_household == 7_000
    # Planned in 2023: Beasiswa (from 2023-06-01) only, 50.000.000 in each of its two kecamatan.
    assert (rows["62.11.01"].figures.planned_programs, rows["62.11.03"].figures.planned_programs) == (
        50_000_000,
        50_000_000,
    )
    all_time = {row.code: row.figures for row in pulpis(Period()).rows}
    assert all_time["62.11.01"].realised_programs == 12_000_000
    # A yearly report is not inside any quarter.
    assert pulpis(Period(2024, 4)).total.figures.realised_programs == 0


def test_provinces_and_nation_add_programs_up(data):
    report = region_report(Period(2024), None, public=False)
    rows = {row.code: row.figures for row in report.rows}
    assert (rows["62"].realised_programs, rows["62"].planned_programs) == (27_000_000, 350_000_000)
    assert (rows["31"].realised_programs, rows["31"].csr_realised) == (0, 10_000_000)
    assert report.total.figures.csr_realised == 36_000_000 + 27_000_000
    assert [row.code for row in report.gap] == ["62.11.01", "62.11.02"]


def test_a_program_aimed_at_the_whole_regency_is_shown_apart_in_the_kecamatan_table(data):
    # No targets: it counts in its agency's region, Pulang Pisau itself.
    start = programs_dataset.D(2024, 1, 1)
    programs_dataset.ProgramFactory(company=data.e, budget=7_000_000, agency=data.pulpis, start_date=start)
    report = pulpis()
    assert report.unplaced.figures.planned_programs == 7_000_000
    assert report.total.figures.planned_programs == 357_000_000


def test_by_field_splits_a_program_over_its_fields(data):
    rows = {row.key: row.figures for row in by_field(Period(2024))}
    # Realised: R1 (Kasur sehat, kesehatan) 20.000.000; R4 (Bukan anggota) 4.000.000 + R6 (Sekolah
    # desa) 3.000.000 in pendidikan. Awaiting: R2 (Beasiswa, two fields) 7.500.000 in each.
    assert (rows["kesehatan"].realised_programs, rows["pendidikan"].realised_programs) == (20_000_000, 7_000_000)
    assert (rows["kesehatan"].programs_awaiting, rows["pendidikan"].programs_awaiting) == (7_500_000, 7_500_000)
    # Planned: kesehatan Kasur sehat 50 + Beasiswa 50; pendidikan Beasiswa 50 + Bukan anggota 90 +
    # Sekolah desa 10; the other two fields their one program each.
    assert (rows["kesehatan"].planned_programs, rows["pendidikan"].planned_programs) == (100_000_000, 150_000_000)
    assert (rows["ekonomi-kerakyatan"].planned_programs, rows["lingkungan-hidup"].planned_programs) == (
        40_000_000,
        60_000_000,
    )
    # With the needs of dataset.py: kesehatan delivered 26.000.000 + 20.000.000.
    assert rows["kesehatan"].csr_realised == 46_000_000
    assert sum(row.planned_programs for row in rows.values()) == 350_000_000


def test_by_company_ranks_by_all_csr_realised_and_lists_program_only_companies(data):
    rows = by_company(Period(2024))
    # B: delivered 30.000.000 (R2 still awaiting); A: 6.000.000 + R1 20.000.000; C: R4 4.000.000;
    # E: R6 3.000.000 (programs only); D: nothing realised, Air bersih planned.
    assert [(row.name, row.figures.csr_realised, row.figures.csr_planned) for row in rows] == [
        ("PT Beta Energi", 30_000_000, 30_000_000 + 100_000_000),
        ("PT Alpha Sawit", 26_000_000, 12_500_000 + 50_000_000 + 40_000_000),
        ("PT Gamma Niaga", 4_000_000, 1_000_000 + 90_000_000),
        ("PT Eka Sejahtera", 3_000_000, 10_000_000),
        ("PT Delta Karet", 0, 60_000_000),
    ]
    beta = rows[0].figures
    assert (beta.programs_awaiting, beta.on_time_percent) == (15_000_000, 100)
