"""The Forum TSLP report of Pulang Pisau for 2024 with its members' programs and realisation
reports, and its reporting discipline, checked figure by figure against the hand-built data set
of ``programs_dataset.py`` (pledges and deliveries of ``dataset.py`` included)."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.selectors.forum import forum_report
from reports.selectors.obligations import (
    MISSING,
    PARTIAL,
    REPORTED,
    RETURNED,
    MemberPeriod,
    ProgramReport,
    forum_discipline,
)
from tests.reports import programs_dataset
from tests.reports.programs_dataset import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return programs_dataset.build()


@pytest.fixture
def report(data):
    return forum_report(2024, agency=data.pulpis, today=TODAY)


def by_slug(report):
    return {row.slug: row for row in report.companies}


def test_members_in_order_of_csr_realised(report):
    # C (PT Gamma Niaga) is not a member. B 30.000.000, A 26.000.000, E 3.000.000, D nothing.
    assert [row.slug for row in report.companies] == [
        "pt-beta-energi",
        "pt-alpha-sawit",
        "pt-eka-sejahtera",
        "pt-delta-karet",
    ]


def test_every_figure_of_each_member(report):
    rows = by_slug(report)
    alpha, beta, delta, eka = (
        rows[slug] for slug in ("pt-alpha-sawit", "pt-beta-energi", "pt-delta-karet", "pt-eka-sejahtera")
    )

    # A: Kasur sehat 50 + Bibit karet 40 million. Needs: pledged P1 10 + P3 2 + P5 0,5 million,
    # delivered P1 6 million, P3's 2 million awaiting. Programs: R1 20 million verified, R3 5
    # million returned (not realised, not awaiting).
    assert (alpha.programs, alpha.budget) == (2, 90_000_000)
    f = alpha.figures
    assert (f.pledged, f.delivered, f.awaiting) == (12_500_000, 6_000_000, 2_000_000)
    assert (f.realised_programs, f.programs_awaiting, alpha.returned) == (20_000_000, 0, 5_000_000)
    assert f.csr_realised == 26_000_000
    # Verified 26 of 6 + 2 + 20 + 5 = 33 million reported: 78,8 %.
    assert (alpha.reported, alpha.verified_percent) == (33_000_000, 79)
    # Kahayan Hilir (P1's delivery, R1) and Maliku (R1).
    assert alpha.districts == 2
    people = alpha.beneficiaries
    # R1: 30 households, 100 persons, 55 women, 20 children, elderly not given, 3 with
    # disability; P1's delivery reached 6 persons.
    assert (people.households, people.persons) == (30, 106)
    assert (people.women, people.children, people.elderly, people.disabled) == (55, 20, None, 3)

    # B: Beasiswa 100 million ("Lama" ended in 2023, "Usulan baru" is not registered). Needs:
    # P2 20 + P6 10 million pledged and delivered. R2 15 million awaits verification.
    assert (beta.programs, beta.budget) == (1, 100_000_000)
    f = beta.figures
    assert (f.pledged, f.delivered, f.realised_programs, f.programs_awaiting) == (30_000_000, 30_000_000, 0, 15_000_000)
    assert (beta.reported, beta.verified_percent) == (45_000_000, 67)
    # Kahayan Hilir (P2) and Pasar Rebo (P6); R2 is not verified, so Pandih Batu is not reached.
    assert beta.districts == 2
    assert (beta.beneficiaries.households, beta.beneficiaries.persons, beta.beneficiaries.women) == (0, 25, None)

    # D: Air bersih 60 million, nothing reported: no verified share (not 0 %).
    assert (delta.programs, delta.budget, delta.figures.csr_realised, delta.reported) == (1, 60_000_000, 0, 0)
    assert (delta.verified_percent, delta.districts) == (None, 0)

    # E: Sekolah desa 10 million, R6 3 million verified in Kahayan Hilir, 5 households, 12 persons.
    assert (eka.programs, eka.budget, eka.figures.realised_programs, eka.verified_percent) == (
        1,
        10_000_000,
        3_000_000,
        100,
    )
    assert (eka.districts, eka.beneficiaries.households, eka.beneficiaries.persons) == (1, 5, 12)


def test_forum_totals(report):
    total = report.total
    assert (total.programs, total.budget) == (5, 90_000_000 + 100_000_000 + 60_000_000 + 10_000_000)
    f = total.figures
    assert (f.pledged, f.delivered, f.awaiting) == (42_500_000, 36_000_000, 2_000_000)
    assert (f.realised_programs, f.programs_awaiting, total.returned) == (23_000_000, 15_000_000, 5_000_000)
    assert f.csr_realised == 59_000_000
    # 59 of 36 + 2 + 23 + 15 + 5 = 81 million: 72,8 %.
    assert (total.reported, total.verified_percent) == (81_000_000, 73)
    # Kahayan Hilir, Maliku and Pasar Rebo; Kahayan Hilir reached by three members counts once.
    assert total.districts == 3
    people = total.beneficiaries
    assert (people.households, people.persons) == (30 + 5, 106 + 25 + 12)
    assert (people.women, people.children, people.elderly, people.disabled) == (55, 20, None, 3)


def test_programs_by_form_and_field(report):
    forms = {row.form: (row.programs, row.budget, row.realised) for row in report.by_form}
    assert forms == {
        "donation": (1, 50_000_000, 20_000_000),  # Kasur sehat, R1
        "micro_business": (1, 40_000_000, 0),  # Bibit karet: R3 was returned
        "empowerment": (2, 110_000_000, 3_000_000),  # Beasiswa (R2 waiting) + Sekolah desa (R6)
        "environment_social": (1, 60_000_000, 0),  # Air bersih
    }
    fields = {row.key: row for row in report.by_field}
    assert (fields["kesehatan"].programs, fields["pendidikan"].programs) == (2, 2)
    assert (fields["ekonomi-kerakyatan"].programs, fields["lingkungan-hidup"].programs) == (1, 1)
    health, education = fields["kesehatan"].figures, fields["pendidikan"].figures
    # kesehatan: needs P1 10 + P2 20 + P5 0,5 pledged, 26 delivered; R1 20 million; half of R2.
    assert (health.pledged, health.delivered, health.realised_programs, health.programs_awaiting) == (
        30_500_000,
        26_000_000,
        20_000_000,
        7_500_000,
    )
    # pendidikan: P3 2 + P6 10 pledged, P6 10 delivered; R6 3 million; the other half of R2.
    assert (education.pledged, education.delivered, education.realised_programs, education.programs_awaiting) == (
        12_000_000,
        10_000_000,
        3_000_000,
        7_500_000,
    )


def test_each_members_programs_with_budget_beside_realised(report):
    lines = [
        (
            line.company,
            line.program.title,
            line.program.budget,
            line.realised,
            line.awaiting,
            line.returned,
            line.districts,
        )
        for line in report.programs
    ]
    assert lines == [
        ("PT Alpha Sawit", "Bibit karet", 40_000_000, 0, 0, 5_000_000, []),
        ("PT Alpha Sawit", "Kasur sehat", 50_000_000, 20_000_000, 0, 0, ["62.11.01", "62.11.02"]),
        ("PT Beta Energi", "Beasiswa", 100_000_000, 0, 15_000_000, 0, []),
        ("PT Delta Karet", "Air bersih", 60_000_000, 0, 0, 0, []),
        ("PT Eka Sejahtera", "Sekolah desa", 10_000_000, 3_000_000, 0, 0, ["62.11.01"]),
    ]


def test_who_reported_for_2024_and_who_reported_on_time(report):
    discipline = report.discipline
    assert discipline.periods == [(2024, 0)]
    statuses = {row.slug: (row.status, row.on_time) for row in discipline.rows}
    assert statuses == {
        # Kasur sehat reported on 2025-01-20, but Bibit karet's report was returned: it waits
        # for the company's correction, which is not the same as never having reported.
        "pt-alpha-sawit": (RETURNED, False),
        # Beasiswa's report came on 2025-02-10, after the due date 2025-01-30: late.
        "pt-beta-energi": (REPORTED, False),
        "pt-delta-karet": (MISSING, False),
        "pt-eka-sejahtera": (REPORTED, True),
    }
    assert [(row.name, [program.title for program in row.missing]) for row in discipline.not_reported] == [
        ("PT Alpha Sawit", ["Bibit karet"]),
        ("PT Delta Karet", ["Air bersih"]),
    ]
    assert (discipline.members, discipline.members_reported, discipline.members_on_time) == (4, 2, 1)
    assert discipline.on_time_percent == 25
    rows = by_slug(report)
    assert (rows["pt-beta-energi"].periods_owed, rows["pt-beta-energi"].periods_reported) == (1, 1)
    assert rows["pt-beta-energi"].periods_on_time == 0
    assert (rows["pt-eka-sejahtera"].periods_on_time, rows["pt-delta-karet"].periods_reported) == (1, 0)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["verified", "submitted"], REPORTED),
        (["verified", "returned"], RETURNED),
        (["returned"], RETURNED),
        (["verified", ""], PARTIAL),
        (["returned", ""], MISSING),
        ([""], MISSING),
        ([], MISSING),
    ],
    ids=["all-in", "one-returned", "only-returned", "one-never-sent", "returned-and-never-sent", "none", "no-program"],
)
def test_a_returned_report_awaits_correction_and_is_not_counted_as_never_sent(statuses, expected):
    row = MemberPeriod(1, "PT Uji", "pt-uji", 2024, 0, datetime.date(2025, 1, 30))
    row.programs = [ProgramReport(index, f"Program {index}", status) for index, status in enumerate(statuses)]
    assert row.status == expected
    assert not row.reported or expected == REPORTED


def test_nothing_is_owed_before_the_due_date(data):
    discipline = forum_discipline(data.pulpis, 2024, today=datetime.date(2025, 1, 30))
    assert discipline.rows == [] and discipline.on_time_percent is None


def test_a_member_without_a_program_still_owes_a_report_and_late_joiners_owe_nothing(data):
    newcomer = programs_dataset.CompanyFactory(name="PT Baru", slug="pt-baru", forum_member=True)
    joiner = programs_dataset.CompanyFactory(
        name="PT Telat", slug="pt-telat", forum_member=True, forum_member__since=datetime.date(2025, 2, 1)
    )
    rows = {row.slug: row for row in forum_discipline(data.pulpis, 2024, today=TODAY).rows}
    assert rows[newcomer.slug].status == MISSING and rows[newcomer.slug].programs == []
    assert joiner.slug not in rows


def test_quarterly_reports(data):
    data.pulpis.realisation_period = "quarter"
    data.pulpis.save()
    sekolah = data.programs["sekolah"]
    sekolah.realisations.all().update(quarter=1)  # R6 becomes Q1 2024, submitted 2025-01-05
    discipline = forum_discipline(data.pulpis, 2024, [data.e], today=TODAY)
    # Q1–Q3 2024 are due by 30 April, 30 July and 30 October 2024; Q4 by 30 January 2025.
    assert [(row.quarter, row.status, row.on_time) for row in discipline.rows] == [
        (1, REPORTED, False),  # reported, but long after 2024-04-30
        (2, MISSING, False),
        (3, MISSING, False),
        (4, MISSING, False),
    ]


EN = {"Accept-Language": "en"}


def test_forum_page_of_pulang_pisau_shows_programs_and_who_did_not_report(client, data):
    html = client.get(reverse("reports:forum", args=[2024]), {"region": "62.11"}, headers=EN).content.decode()
    # The region narrows the money to Pulang Pisau: P6 (Pasar Rebo) is left out of B's deliveries.
    assert 'data-figure="realised-programs">Rp 23.000.000<' in html
    assert 'data-figure="csr-realised">Rp 49.000.000<' in html  # 26 delivered + 23 realised
    assert 'data-figure="returned">Rp 5.000.000<' in html
    assert 'data-figure="members-on-time">25%' in html
    discipline = html.split('id="discipline-table"', 1)[1].split("</table>", 1)[0]
    assert 'data-key="pt-delta-karet" data-status="missing"' in discipline
    assert 'data-key="pt-alpha-sawit" data-status="returned"' in discipline
    assert "Returned, awaiting correction" in discipline
    assert "Bibit karet (returned, awaiting correction)" in discipline
    assert "PT Alpha Sawit (2024, returned, awaiting correction)" in html.split('id="not-reported"', 1)[1]
    assert "PT Delta Karet (2024)" in html.split('id="not-reported"', 1)[1]
    programs = html.split('id="program-table"', 1)[1].split("</table>", 1)[0]
    assert "Kahayan Hilir, Maliku" in programs
    assert "Usulan baru" not in programs and "PT Gamma Niaga" not in html


def test_forum_xlsx_of_pulang_pisau(client, data):
    response = client.get(reverse("reports:forum_xlsx", args=[2024]), {"region": "62.11"}, headers=EN)
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Summary",
        "By form",
        "By field",
        "By SDG goal",
        "By TJSL pillar",
        "Companies",
        "Programs",
        "Reports owed",
    ]
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True) if row[0]}
    assert summary["Programs realised, verified (Rp)"] == 23_000_000
    assert summary["Members reporting on time (%)"] == 25
    assert summary["Households reached"] == 35
    owed = list(workbook["Reports owed"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[3], row[4], row[5]) for row in owed] == [
        ("PT Alpha Sawit", "Returned, awaiting correction", "no", "Bibit karet (returned, awaiting correction)"),
        ("PT Beta Energi", "Reported", "no", None),
        ("PT Delta Karet", "Not reported", "no", "Air bersih"),
        ("PT Eka Sejahtera", "Reported", "yes", None),
    ]
    programs = {row[1]: row for row in workbook["Programs"].iter_rows(min_row=2, values_only=True)}
    assert programs["Kasur sehat"][0] == "PT Alpha Sawit"
    assert programs["Kasur sehat"][10:] == (20_000_000, 0, 0, "Kahayan Hilir, Maliku")
