"""The regional report, the staff dashboard and the Forum TSLP report by SDG (TPB) goal and TJSL
pillar (issue 27): pledges and deliveries to needs tagged with a goal, and programs tagged with
it, count in each of their goals; TJSL pillars count only state-owned companies' programs."""

import io

import pytest
from django.db.models import Sum
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from facilities.models import Need
from partners.models import CompanyKind
from programs.models import Program
from reports.selectors.activity import deliveries_counted, pledges_counted
from reports.selectors.forum import forum_report
from reports.selectors.periods import Period
from reports.selectors.sdg import by_goal_and_pillar
from tests.reports import programs_dataset
from tests.reports.programs_dataset import TODAY

pytestmark = pytest.mark.django_db
PERIOD = Period(2024)
EN = {"Accept-Language": "en"}


@pytest.fixture
def data():
    data = programs_dataset.build()
    # Kasur sehat (A, Rp 50 million planned, 20 million verified) serves goals 1 and 3; Sekolah
    # desa (E, 10 million, 3 million verified) goal 4. A is state-owned: Kasur sehat is in the
    # social pillar, Bibit karet (A, 40 million, its report returned) in the economic and social
    # ones. Beasiswa (B, not state-owned) has a pillar that must not count.
    data.a.kind = CompanyKind.STATE_OWNED
    data.a.save()
    Program.objects.get(title="Kasur sehat").sdg_goals.set([1, 3])
    Program.objects.get(title="Sekolah desa").sdg_goals.set([4])
    Program.objects.get(title="Kasur sehat").tjsl_pillars.set(["social"])
    Program.objects.get(title="Bibit karet").tjsl_pillars.set(["economic", "social"])
    Program.objects.get(title="Beasiswa").tjsl_pillars.set(["environment"])
    # One need with pledges in 2024 serves goal 1 too.
    data.tagged_need = Need.objects.filter(pledges__in=pledges_counted(PERIOD, "62.11")).distinct().first()
    data.tagged_need.sdg_goals.set([1])
    return data


def _sum(queryset, path: str) -> int:
    return queryset.aggregate(total=Sum(path))["total"] or 0


def test_goals_count_needs_and_programs_and_pillars_only_state_owned_programs(data):
    with translation.override("id"):
        tags = by_goal_and_pillar(PERIOD, "62.11")
    goals = {row.key: row for row in tags.goals}

    need = data.tagged_need
    pledged = _sum(pledges_counted(PERIOD, "62.11").filter(need=need), "value")
    delivered = _sum(deliveries_counted(PERIOD, "62.11").filter(pledge__need=need, status="verified"), "value")
    assert pledged > 0
    assert [row.key for row in tags.goals] == [1, 3, 4, None]
    assert goals[1].programs == 1
    assert (goals[1].figures.pledged, goals[1].figures.delivered) == (pledged, delivered)
    assert (goals[1].figures.planned_programs, goals[1].figures.realised_programs) == (50_000_000, 20_000_000)
    assert goals[1].figures.csr_planned == pledged + 50_000_000
    assert (goals[3].figures.pledged, goals[3].figures.realised_programs) == (0, 20_000_000)
    assert (goals[4].figures.planned_programs, goals[4].figures.realised_programs) == (10_000_000, 3_000_000)
    assert goals[None].name == "Tanpa tujuan SDG"
    assert goals[1].name == "1. Tanpa Kemiskinan"
    # Every pledge and program is in a row: untagged ones in the last.
    assert sum(row.figures.pledged for row in tags.goals if row.key != 3) == _sum(
        pledges_counted(PERIOD, "62.11"), "value"
    )

    pillars = {row.key: row for row in tags.pillars}
    assert [row.key for row in tags.pillars] == ["economic", "social"]
    assert (pillars["economic"].programs, pillars["economic"].figures.planned_programs) == (1, 40_000_000)
    assert pillars["economic"].figures.realised_programs == 0
    assert (pillars["social"].programs, pillars["social"].figures.planned_programs) == (2, 90_000_000)
    assert pillars["social"].figures.realised_programs == 20_000_000


def test_the_public_summary_and_the_staff_dashboard_show_both_tables(client, data):
    page = client.get(reverse("reports:summary"), {"year": 2024, "region": "62.11"}, headers=EN).content.decode()
    assert 'id="goal-table"' in page and 'id="pillar-table"' in page
    assert 'data-chart="goals"' in page
    assert "1. No poverty" in page
    assert "Social pillar" in page and "Environmental pillar" not in page

    client.force_login(data.staff)
    dashboard = client.get(reverse("admin:reports_dashboard"), {"year": 2024, "region": "62.11"}, headers=EN)
    assert 'id="goal-table"' in dashboard.content.decode()
    assert 'id="pillar-table"' in dashboard.content.decode()

    indonesian = client.get(
        reverse("reports:summary"), {"year": 2024, "region": "62.11"}, headers={"Accept-Language": "id"}
    )
    assert "Menurut tujuan TPB (SDG)" in indonesian.content.decode()


def test_the_forum_report_and_its_xlsx_break_down_by_tjsl_pillar(client, data):
    report = forum_report(2024, agency=data.pulpis, today=TODAY)
    assert [(row.code, row.programs, row.realised) for row in report.by_tjsl] == [
        ("economic", 1, 0),
        ("social", 2, 20_000_000),
    ]

    page = client.get(reverse("reports:forum", args=[2024]), {"region": "62.11"}, headers=EN).content.decode()
    assert 'id="tjsl-table"' in page and "Economic pillar" in page

    response = client.get(reverse("reports:forum_xlsx", args=[2024]), {"region": "62.11"}, headers=EN)
    rows = list(load_workbook(io.BytesIO(response.content))["By TJSL pillar"].iter_rows(values_only=True))
    assert rows[1:] == [("Economic pillar", 1, 0), ("Social pillar", 2, 20_000_000)]


def test_a_state_owned_program_without_a_pillar_has_its_own_row(data):
    Program.objects.get(title="Bibit karet").tjsl_pillars.clear()

    tags = by_goal_and_pillar(PERIOD, "62.11")
    report = forum_report(2024, agency=data.pulpis, today=TODAY)

    assert [(row.key, row.programs) for row in tags.pillars] == [("social", 1), (None, 1)]
    assert [(row.code, row.programs) for row in report.by_tjsl] == [("social", 1), (None, 1)]
