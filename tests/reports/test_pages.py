"""The public summary at /reports/ and the staff dashboard in the admin: what they show, who
may see them, bad input, and a query count that does not grow with the data."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programs.models import RealisationStatus
from tests.facilities.helpers import cover
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    PovertyFigureFactory,
    ProgramFactory,
    field,
    officer_user,
    realisation,
    region,
    staff_user,
)
from tests.reports import dataset

pytestmark = pytest.mark.django_db
EN = {"Accept-Language": "en"}
SUMMARY = reverse("reports:summary")
DASHBOARD = reverse("admin:reports_dashboard")


@pytest.fixture
def data():
    return dataset.build()


@pytest.fixture
def staff_client(client, data):
    client.force_login(data.staff)
    return client


def cell(html: str, region_code: str, column: str) -> str:
    """The text of one cell of the region table, found by its data attributes (the gap ranking,
    before it, has rows of districts too)."""
    table = html.split('id="region-table"', 1)[1]
    row = table.split(f'data-region="{region_code}"', 1)[1].split("</tr>", 1)[0]
    return row.split(f'data-col="{column}">', 1)[1].split("</td>", 1)[0].strip()


def test_summary_shows_the_figures_of_the_chosen_year_and_region(client, data):
    response = client.get(SUMMARY, {"year": 2024, "region": "62.11"}, headers=EN)
    assert response.status_code == 200
    html = response.content.decode()
    assert cell(html, "62.11.01", "pledged") == "Rp 30.000.000"
    assert cell(html, "62.11.01", "delivered") == "Rp 26.000.000"
    assert cell(html, "62.11.01", "realised-per-household") == "Rp 32.500"
    assert cell(html, "62.11.02", "awaiting") == "Rp 2.000.000"
    assert "unknown" in cell(html, "62.11.03", "households")
    assert "1.200+" in cell(html, "total", "households")
    assert 'data-figure="pledged">Rp 33.500.000<' in html
    # The charts: bars for the regions, the gap and the fields.
    assert html.count('class="bar bar-') >= 6
    assert 'data-chart="gap"' in html and 'data-chart="regions"' in html
    # The unpublished facility never appears by name on the public page.
    assert "Panti Pandih" not in html


def test_summary_without_filters_shows_provinces(client, data):
    html = client.get(SUMMARY, headers=EN).content.decode()
    assert cell(html, "62", "pledged") == "Rp 33.500.000"
    assert cell(html, "31", "pledged") == "Rp 10.000.000"
    assert "unknown" in cell(html, "31", "households")
    assert "All years" in html


def test_summary_is_kept_until_the_data_changes_and_then_shows_the_change(client, data, django_assert_num_queries):
    before = cell(client.get(SUMMARY, headers=EN).content.decode(), "31", "pledged")
    with CaptureQueriesContext(connection) as kept:
        client.get(SUMMARY, headers=EN)
    with CaptureQueriesContext(connection) as built:
        client.get(SUMMARY, {"year": 2024}, headers=EN)
    assert len(kept.captured_queries) < len(built.captured_queries)

    need = NeedFactory(facility=FacilityFactory(region=region("31.75.01")), quantity=10, unit_cost=1_000_000)
    cover(need, CompanyFactory(), 5)

    after = cell(client.get(SUMMARY, headers=EN).content.decode(), "31", "pledged")
    assert (before, after) == ("Rp 10.000.000", "Rp 15.000.000")


def test_summary_of_an_empty_period_shows_zero_money_and_known_households(client, data):
    html = client.get(SUMMARY, {"year": 2023, "region": "62.11"}, headers=EN).content.decode()
    assert cell(html, "62.11.01", "pledged") == "Rp 0"
    assert cell(html, "62.11.01", "households").startswith("1.000")
    assert "unknown" in cell(html, "62.11.02", "households")
    assert "Nothing to chart: no rupiah was pledged or delivered" in html


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "1800"},
        {"year": "99999999999999999999999"},
        {"quarter": "7", "year": "2024"},
        {"quarter": "2"},
        {"region": "xx"},
        {"region": "99.99"},
        {"region": "62.11.01.2001"},
        {"region": "62" * 40},
    ],
    ids=[
        "year-text",
        "year-too-old",
        "year-huge",
        "quarter-out-of-range",
        "quarter-without-year",
        "region-malformed",
        "region-unknown",
        "region-village",
        "region-long",
    ],
)
def test_bad_filters_show_an_error_and_never_fail(client, staff_client, data, query):
    for url in (SUMMARY, DASHBOARD):
        response = staff_client.get(url, query, headers=EN)
        assert response.status_code == 200
        assert 'class="errorlist' in response.content.decode()


def test_a_nul_byte_in_a_filter_is_a_bad_request(staff_client, data):
    # core.middleware.NulByteMiddleware answers for the whole site, before any form sees it.
    for url in (SUMMARY, DASHBOARD):
        assert staff_client.get(url, {"year": "2024\x00"}, headers=EN).status_code == 400


def test_region_selects_keep_the_most_specific_consistent_choice(client, data):
    # After switching province without JavaScript the old regency (of another province) is dropped.
    html = client.get(SUMMARY, {"region": ["62", "31.75"]}, headers=EN).content.decode()
    assert 'data-region="62.11"' in html and 'class="errorlist' not in html
    html = client.get(SUMMARY, {"region": ["62", "62.11"]}, headers=EN).content.decode()
    assert 'data-region="62.11.01"' in html


def test_quarter_filter(client, data):
    html = client.get(SUMMARY, {"year": 2024, "quarter": 2}, headers=EN).content.decode()
    assert 'data-figure="pledged">Rp 20.500.000<' in html
    assert "Q2 2024" in html


def test_dashboard_needs_staff_with_pledge_permission(client, data):
    assert client.get(DASHBOARD).status_code == 302  # to the admin login
    client.force_login(officer_user(CompanyFactory()))
    assert client.get(DASHBOARD).status_code == 302  # officers never use the admin
    bare = staff_user()
    bare.groups.clear()
    bare.user_permissions.add(Permission.objects.get(codename="view_facility"))
    client.force_login(bare)
    assert client.get(DASHBOARD).status_code == 403
    assert "CSR reports dashboard" not in client.get(reverse("admin:index"), headers=EN).content.decode()


def test_dashboard_shows_overdue_deliveries_and_is_listed_on_the_admin_index(staff_client, data):
    index = staff_client.get(reverse("admin:index"), headers=EN).content.decode()
    assert DASHBOARD in index and "CSR reports dashboard" in index
    html = staff_client.get(DASHBOARD, {"year": 2024}, headers=EN).content.decode()
    assert "Overdue deliveries: 2" in html
    overdue = html.split('id="overdue-table"', 1)[1].split("</table>", 1)[0]
    assert overdue.index(f'data-pledge="{data.p1.pk}"') < overdue.index(f'data-pledge="{data.p5.pk}"')
    # Staff see the unpublished facility too, linked to its admin page.
    assert "Panti Pandih" in html
    assert reverse("admin:partners_company_change", args=[data.a.pk]) in html
    assert 'data-figure="on-time">75%<' in html


def test_company_profile_in_the_admin_shows_its_on_time_rate(staff_client, data):
    html = staff_client.get(reverse("admin:partners_company_change", args=[data.a.pk]), headers=EN).content.decode()
    assert "1 of 2 delivery reports on time (50%)" in html
    assert "2 deliveries overdue without a report today" in html


def grow(count: int) -> None:
    """More of everything: districts with figures, facilities, companies, pledges, deliveries,
    programs in two districts with a verified and a waiting realisation report."""
    staff = staff_user()
    for index in range(count):
        district = region(f"62.11.{10 + index:02d}", f"Kecamatan {index}")
        PovertyFigureFactory(region=district, year=2024, poor_households=300 + index)
        facility = FacilityFactory(region=district)
        company = CompanyFactory(forum_member=True)
        officer_user(company)
        need = NeedFactory(facility=facility, quantity=10, unit_cost=100_000)
        dataset.make_pledge(
            need,
            company,
            4,
            staff=staff,
            made=datetime.date(2024, 6, 1),
            expected=datetime.date(2024, 6, 15),
            reports=[(datetime.date(2024, 6, 20), 2, 2, "verified")],
        )
        program = ProgramFactory(
            company=company,
            budget=1_000_000,
            start_date=datetime.date(2024, 1, 1),
            fields=[field("kesehatan"), field("pendidikan")],
        )
        program.target_regions.set([district, region("62.11.01")])
        program.sdg_goals.set([1, index % 17 + 1])  # the Forum TSLP report's table by SDG goal
        realisation(program, 2024, shares={district.code: 400_000, "62.11.01": 100_000})
        realisation(program, 2023, shares={district.code: 50_000}, status=RealisationStatus.SUBMITTED)


@pytest.mark.parametrize(
    ("url", "query"),
    [
        (SUMMARY, {}),
        (SUMMARY, {"year": 2024, "region": "62.11"}),
        (SUMMARY, {"year": 2024, "quarter": 2, "region": "62"}),
        (DASHBOARD, {}),
        (DASHBOARD, {"year": 2024, "region": "62.11"}),
        (reverse("reports:forum", args=[2024]), {}),
        (reverse("reports:forum_company", args=[2024, "pt-alpha-sawit"]), {"region": "62.11"}),
        (reverse("reports:forum_xlsx", args=[2024]), {}),
    ],
    ids=[
        "summary",
        "summary-regency",
        "summary-quarter",
        "dashboard",
        "dashboard-regency",
        "forum",
        "forum-company",
        "forum-xlsx",
    ],
)
def test_query_count_stays_the_same_as_data_grows(staff_client, data, django_assert_num_queries, url, query):
    """Read from the figures' snapshot (reports.figures), the first request having built it; the
    tests' settings rebuild a stale snapshot on read, so the request after ``grow`` builds again."""
    assert staff_client.get(url, query).status_code == 200
    with CaptureQueriesContext(connection) as small:
        assert staff_client.get(url, query).status_code == 200
    count = len(small.captured_queries)  # before grow() fills the connection's query log
    grow(6)
    assert staff_client.get(url, query).status_code == 200
    with django_assert_num_queries(count):
        assert staff_client.get(url, query).status_code == 200
