"""Government coverage in the reports (issue 26): per region beside the poor households and all
CSR realised, the gap ranking that can count it, and the Forum TSLP report's overlaps."""

import datetime

import pytest
from django.urls import reverse

from coverage import services
from coverage.models import CoverageSource, SupportKind
from overlaps.models import OverlapAction, OverlapNote
from programs.models import ProgramStatus
from tests.factories import (
    NeedFactory,
    PovertyFigureFactory,
    ProgramFactory,
    StaffFactory,
    agency,
    field,
    realisation,
    region,
)

pytestmark = pytest.mark.django_db

SUMMARY = reverse("reports:summary")
EN = {"Accept-Language": "en"}


def table_cell(html: str, table: str, region_code: str, column: str) -> str:
    part = html.split(f'id="{table}"', 1)[1]
    row = part.split(f'data-region="{region_code}"', 1)[1].split("</tr>", 1)[0]
    return row.split(f'data-col="{column}">', 1)[1].split("</td>", 1)[0].strip()


@pytest.fixture
def pulang_pisau():
    agency("62.11")
    for code, households in (("62.11.01", 1000), ("62.11.02", 400), ("62.11.03", 800)):
        PovertyFigureFactory(region=region(code), year=2026, poor_households=households)
    common = {"region": region("62.11.01"), "field": field("kesehatan"), "start_date": datetime.date(2026, 1, 1)}
    common["end_date"] = datetime.date(2026, 12, 31)
    services.coverage_create(
        actor=None,
        source=CoverageSource.BANSOS,
        program_name="PKH",
        kind=SupportKind.CASH,
        amount=300_000_000,
        households=600,
        **common,
    )
    services.coverage_create(
        actor=None,
        source=CoverageSource.APBD,
        program_name="Permakanan",
        kind=SupportKind.FOOD,
        amount=50_000_000,
        **common,
    )
    program = ProgramFactory(status=ProgramStatus.ACTIVE)
    realisation(program, 2026, shares={"62.11.02": 100_000_000})


def test_the_summary_shows_government_coverage_beside_poverty_and_csr(client, pulang_pisau):
    html = client.get(SUMMARY, {"year": 2026, "region": "62.11"}, headers=EN).content.decode()
    assert table_cell(html, "government-table", "62.11.01", "government-households") == "600"
    assert table_cell(html, "government-table", "62.11.01", "uncovered") == "400"
    assert table_cell(html, "government-table", "62.11.01", "government-amount") == "Rp 350.000.000"
    assert table_cell(html, "government-table", "62.11.02", "csr-realised") == "Rp 100.000.000"
    assert table_cell(html, "government-table", "62.11.02", "government-households") == "0"


def test_a_year_the_records_do_not_cover_shows_none(client, pulang_pisau):
    html = client.get(SUMMARY, {"year": 2025, "region": "62.11"}, headers=EN).content.decode()
    assert "No government program recorded for this region and period." in html


def test_the_gap_ranking_can_count_the_governments_programs(client, pulang_pisau):
    html = client.get(SUMMARY, {"year": 2026, "region": "62.11"}, headers=EN).content.decode()
    assert 'id="government-gap-table"' not in html
    html = client.get(SUMMARY, {"year": 2026, "region": "62.11", "gap": "government"}, headers=EN).content.decode()
    ranking = html.split('id="government-gap-table"', 1)[1].split("</table>", 1)[0]
    # Per poor household: 62.11.03 nothing, 62.11.02 Rp 250.000 (CSR), 62.11.01 Rp 350.000 (government).
    order = [ranking.index(f'data-region="{code}"') for code in ("62.11.03", "62.11.02", "62.11.01")]
    assert order == sorted(order)


# --- the forum report -----------------------------------------------------------------------


@pytest.fixture
def note():
    need = NeedFactory(facility__region=region("62.11.01.2001"), title="Kasur busa panti")
    return OverlapNote.objects.create(
        action=OverlapAction.NEED_CREATED,
        need=need,
        region=need.facility.region,
        overlaps=[{"kind": "coverage", "id": 1, "label": "Government coverage: PKH"}],
        reason="Rahasia alasan staf",
    )


def test_the_forum_report_counts_the_years_overlaps_and_shows_reasons_to_staff_only(client, note):
    agency("62.11")
    url = reverse("reports:forum", args=[note.created_at.year])
    html = client.get(url, {"region": "62.11"}, headers=EN).content.decode()
    section = html.split('id="overlaps"', 1)[1].split("</section>", 1)[0]
    assert "Need created" in section and 'data-kind="coverage">1<' in section
    assert "Rahasia alasan staf" not in section

    client.force_login(StaffFactory(agency=agency("62.11")))
    html = client.get(url, {"region": "62.11"}, headers=EN).content.decode()
    assert "Rahasia alasan staf" in html and "Kasur busa panti" in html


def test_the_forum_report_of_another_area_or_year_shows_no_overlap(client, note):
    agency("31")
    html = client.get(reverse("reports:forum", args=[note.created_at.year]), {"region": "31"}, headers=EN)
    assert "No overlap this year." in html.content.decode()
    html = client.get(reverse("reports:forum", args=[note.created_at.year - 1]), {"region": "62.11"}, headers=EN)
    assert "No overlap this year." in html.content.decode()
