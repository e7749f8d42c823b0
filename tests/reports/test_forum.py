"""The Forum TSLP annual report, for the whole forum and for one company, as a page and as an
xlsx, checked against the hand-built data set of ``dataset.py``."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from regions.models import Region
from reports.selectors.forum import forum_report
from tests.reports import dataset

pytestmark = pytest.mark.django_db
EN = {"Accept-Language": "en"}


@pytest.fixture
def data():
    return dataset.build()


def test_forum_report_for_2024(data):
    report = forum_report(2024)
    total = report.total
    # Members A and B only (C is not one): A P1 10 + P3 2 + P5 0,5; B P2 20 + P6 10 million.
    assert [row.name for row in report.companies] == ["PT Beta Energi", "PT Alpha Sawit"]
    assert total.figures.pledged == 42_500_000
    assert total.figures.pledges == 5
    # Verified: A P1 6 million; B P2 20 + P6 10 million. Awaiting: A P3 2 million.
    assert (total.figures.delivered, total.figures.awaiting) == (36_000_000, 2_000_000)
    assert total.figures.beneficiaries == 6 + 20 + 5
    # Delivered pledges: P3 (awaiting verification), P2 and P6 (verified).
    assert (total.pledges_delivered, total.pledges_verified) == (3, 2)
    # A reached Kahayan Hilir; B Kahayan Hilir and Pasar Rebo: two districts, not three.
    assert total.districts == 2
    alpha = next(row for row in report.companies if row.slug == "pt-alpha-sawit")
    beta = next(row for row in report.companies if row.slug == "pt-beta-energi")
    assert (alpha.districts, beta.districts) == (1, 2)
    assert (alpha.pledges_delivered, alpha.pledges_verified, beta.pledges_verified) == (1, 0, 2)
    # Programs running in 2024: A "Kasur sehat" 50 million, B "Beasiswa" 100 million (since
    # 2023-06-01). A's cancelled program, B's program that ended in 2023 and C's are left out.
    assert (total.programs, total.budget) == (2, 150_000_000)
    forms = {row.form: (row.programs, row.budget) for row in report.by_form}
    assert forms == {
        "donation": (1, 50_000_000),
        "empowerment": (1, 100_000_000),
        "environment_social": (0, 0),
        "micro_business": (0, 0),
    }
    fields = {row.key: row for row in report.by_field}
    # "Beasiswa" is in both fields, "Kasur sehat" in health.
    assert (fields["kesehatan"].programs, fields["pendidikan"].programs) == (2, 1)
    # kesehatan: P1 10 + P2 20 + P5 0,5 million; pendidikan: P3 2 + P6 10 (P8 is C's, not a member).
    assert (fields["kesehatan"].figures.pledged, fields["pendidikan"].figures.pledged) == (30_500_000, 12_000_000)


def test_forum_report_for_one_company(data):
    report = forum_report(2024, company=data.a)
    assert report.total.figures.pledged == 12_500_000
    assert (report.total.figures.delivered, report.total.figures.awaiting) == (6_000_000, 2_000_000)
    assert (report.total.programs, report.total.budget) == (1, 50_000_000)
    assert [line.program.title for line in report.programs] == ["Kasur sehat"]
    assert report.district_names == ["Kahayan Hilir"]
    assert report.total.figures.on_time_percent == 50


def test_forum_report_of_a_year_without_activity(data):
    report = forum_report(2023)
    assert report.total.figures.pledged == report.total.figures.delivered == 0
    assert report.total.districts == 0
    # Running in 2023: B's "Beasiswa" (from June) and "Lama" (the whole year).
    assert (report.total.programs, report.total.budget) == (2, 130_000_000)


def test_forum_report_within_a_region(data):
    report = forum_report(2024, scope=Region.objects.get(code="31"))
    # Only P6 (B, Pasar Rebo) lies in DKI Jakarta.
    assert (report.total.figures.pledged, report.total.figures.delivered, report.total.districts) == (
        10_000_000,
        10_000_000,
        1,
    )


def test_forum_page_prints_agency_and_period(client, data, settings):
    settings.AGENCY_NAME = "Dinas Sosial Kabupaten Pulang Pisau"
    response = client.get(reverse("reports:forum", args=[2024]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dinas Sosial Kabupaten Pulang Pisau" in html
    assert "31 December 2024" in html or "31 Desember 2024" in html
    assert 'data-figure="pledged">Rp 42.500.000<' in html
    assert 'data-figure="districts">2<' in html
    assert reverse("reports:forum_company", args=[2024, "pt-alpha-sawit"]) in html
    assert "PT Gamma Niaga" not in html


def test_company_page_and_unknown_or_non_member_company(client, data):
    response = client.get(reverse("reports:forum_company", args=[2024, "pt-alpha-sawit"]))
    assert response.status_code == 200
    assert 'data-figure="pledged">Rp 12.500.000<' in response.content.decode()
    assert client.get(reverse("reports:forum_company", args=[2024, "pt-gamma-niaga"])).status_code == 404
    assert client.get(reverse("reports:forum_company", args=[2024, "no-such-company"])).status_code == 404
    assert client.get("/reports/forum/1999/").status_code == 404
    assert client.get("/reports/forum/99999999999999999999/").status_code == 404


def read_xlsx(response):
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(b"".join(response.streaming_content if response.streaming else [response.content])))


def test_forum_xlsx_holds_the_same_figures(client, data, settings):
    settings.AGENCY_NAME = "Dinas Sosial Kabupaten Pulang Pisau"
    response = client.get(reverse("reports:forum_xlsx", args=[2024]), headers=EN)
    assert 'filename="forum-tslp-2024.xlsx"' in response["Content-Disposition"]
    workbook = read_xlsx(response)
    assert workbook.sheetnames == [
        "Summary",
        "By form",
        "By field",
        "By SDG goal",
        "By TJSL pillar",
        "Companies",
        "Programs",
    ]
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True) if row[0]}
    assert summary["Agency"] == "Dinas Sosial Kabupaten Pulang Pisau"
    assert summary["Period"] == "01/01/2024 – 31/12/2024"
    assert summary["Pledged (Rp)"] == 42_500_000
    assert summary["Delivered, verified (Rp)"] == 36_000_000
    assert summary["Districts reached"] == 2
    companies = list(workbook["Companies"].iter_rows(values_only=True))
    assert companies[1][:4] == ("PT Beta Energi", 1, 100_000_000, 30_000_000)


def test_forum_xlsx_sheets_have_a_bold_frozen_header_and_readable_columns(client, data):
    workbook = read_xlsx(client.get(reverse("reports:forum_xlsx", args=[2024]), headers=EN))
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        # Each column at least as wide as its header (core.spreadsheets.writing.column_widths).
        for cell in sheet[1]:
            assert sheet.column_dimensions[cell.column_letter].width >= min(len(cell.value), 60)
    assert workbook["Companies"]["A1"].value == "Company"


def test_forum_xlsx_shows_rupiah_and_dates_as_numbers_and_dates(client, data):
    workbook = read_xlsx(client.get(reverse("reports:forum_xlsx", args=[2024]), headers=EN))
    companies = workbook["Companies"]
    assert companies["C1"].value == "Budget (Rp)"
    assert companies["C2"].value == 100_000_000
    assert companies["C2"].number_format == '"Rp "#,##0'
    programs = workbook["Programs"]
    headers = [cell.value for cell in programs[1]]
    start = programs.cell(row=2, column=headers.index("Start") + 1)
    assert isinstance(start.value, datetime.datetime)
    assert start.number_format == "DD/MM/YYYY"


def test_company_xlsx_lists_programs_and_districts(client, data):
    response = client.get(reverse("reports:forum_company_xlsx", args=[2024, "pt-alpha-sawit"]), headers=EN)
    workbook = read_xlsx(response)
    assert workbook.sheetnames == [
        "Summary",
        "By form",
        "By field",
        "By SDG goal",
        "By TJSL pillar",
        "Programs",
        "Districts reached",
    ]
    programs = list(workbook["Programs"].iter_rows(values_only=True))
    assert programs[1][0] == "Kasur sehat" and programs[1][3] == 50_000_000
    assert [row[0] for row in workbook["Districts reached"].iter_rows(min_row=2, values_only=True)] == ["Kahayan Hilir"]


def test_xlsx_cells_that_look_like_formulas_are_escaped(client, data):
    data.b.name = '=HYPERLINK("http://example.com","klik")'
    data.b.save()
    workbook = read_xlsx(client.get(reverse("reports:forum_xlsx", args=[2024]), headers=EN))
    names = [row[0] for row in workbook["Companies"].iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://example.com","klik")' in names


def test_xlsx_of_a_name_with_a_control_character_still_opens(client, data):
    # Pasted from a word processor: xlsx refuses the character, the one writer replaces it.
    data.b.name = "PT Beta\x0bEnergi"
    data.b.save()
    response = client.get(reverse("reports:forum_xlsx", args=[2024]), headers=EN)
    assert response.status_code == 200
    names = [row[0] for row in read_xlsx(response)["Companies"].iter_rows(min_row=2, values_only=True)]
    assert "PT Beta\N{REPLACEMENT CHARACTER}Energi" in names
