"""The Forum TSLP report by SDG (TPB) goal (issue 27): a program in two goals counts, with all
its verified realisation, in each; programs with no goal make their own row; the page and the
xlsx show the same figures."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from programs.models import Program
from reports.selectors.forum import forum_report
from reports.selectors.sdg import by_sdg_goal
from tests.reports import programs_dataset
from tests.reports.programs_dataset import TODAY

pytestmark = pytest.mark.django_db
EN = {"Accept-Language": "en"}


@pytest.fixture
def data():
    data = programs_dataset.build()
    # Kasur sehat (R1: 20 million verified) serves goals 1 and 3; Sekolah desa (R6: 3 million)
    # goal 4; Bibit karet (R3 returned: nothing realised) goal 1.
    Program.objects.get(title="Kasur sehat").sdg_goals.set([1, 3])
    Program.objects.get(title="Sekolah desa").sdg_goals.set([4])
    Program.objects.get(title="Bibit karet").sdg_goals.set([1])
    return data


def test_a_program_in_two_goals_counts_in_each_and_untagged_programs_have_their_row(data):
    report = forum_report(2024, agency=data.pulpis, today=TODAY)
    rows = {row.number: (row.programs, row.realised) for row in report.by_sdg}
    untagged = [
        line for line in report.programs if line.program.title not in ("Kasur sehat", "Sekolah desa", "Bibit karet")
    ]
    assert rows == {
        1: (2, 20_000_000),  # Kasur sehat and Bibit karet
        3: (1, 20_000_000),  # Kasur sehat again
        4: (1, 3_000_000),  # Sekolah desa
        None: (len(untagged), sum(line.realised for line in untagged)),
    }
    assert [row.number for row in report.by_sdg] == [1, 3, 4, None]
    assert untagged  # Beasiswa and Air bersih have no goal
    # The label is the reader's language (the report is read in whatever a request activated).
    with translation.override("id"):
        assert forum_report(2024, agency=data.pulpis, today=TODAY).by_sdg[0].label == "1. Tanpa Kemiskinan"
    with translation.override("en"):
        assert forum_report(2024, agency=data.pulpis, today=TODAY).by_sdg[0].label == "1. No poverty"


def test_no_untagged_row_when_every_program_has_a_goal():
    assert by_sdg_goal([]) == []


def test_the_breakdown_is_one_query_however_many_programs_and_goals(data, django_assert_num_queries):
    lines = [(program.pk, 1_000) for program in Program.objects.all()]
    with django_assert_num_queries(1):
        few = by_sdg_goal(lines[:2])
    for program in Program.objects.all():
        program.sdg_goals.set([2, 5, 16])
    with django_assert_num_queries(1):
        many = by_sdg_goal(lines)
    assert [(row.number, row.programs) for row in few] == [(None, 2)]
    assert [row.number for row in many] == [2, 5, 16]
    assert [row.programs for row in many] == [len(lines)] * 3


def test_the_page_and_the_xlsx_show_the_table(client, data):
    page = client.get(reverse("reports:forum", args=[2024]), {"region": "62.11"}, headers={"Accept-Language": "id"})
    text = page.content.decode()
    assert "Realisasi menurut Tujuan TPB/SDG" in text
    assert "Tanpa tujuan SDG" in text
    assert 'data-key="3"' in text

    response = client.get(reverse("reports:forum_xlsx", args=[2024]), {"region": "62.11"}, headers=EN)
    sheet = load_workbook(io.BytesIO(response.content))["By SDG goal"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("SDG (TPB) goal", "Programs", "Realised, verified (Rp)")
    assert rows[1] == ("1. No poverty", 2, 20_000_000)
    assert rows[2] == ("3. Good health and well-being", 1, 20_000_000)
    assert rows[3] == ("4. Quality education", 1, 3_000_000)
    assert rows[4][0] == "No SDG goal"
