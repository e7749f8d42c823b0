"""Staff pages at national scale (issue 23): the needs changelist without a SELECT DISTINCT
over every need, the matching screen without an option per company, query counts that stay the
same as the data grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from facilities.models import NeedStatus
from matching.models import PledgeStatus
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, pledge_in_state, region, staff_user

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:facilities_need_changelist")


@pytest.fixture
def staff(client):
    user = staff_user()
    client.force_login(user)
    return user


def grow(size: int) -> None:
    """Needs in several provinces and regencies, and as many companies."""
    for index in range(size):
        code = ("31.75.01", "32.01.02", "62.11.01", "62.12.03")[index % 4]
        NeedFactory(facility=FacilityFactory(region=region(code)))
        CompanyFactory()


def queries(client, url: str, query: dict | None = None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, query or {}).status_code == 200
    return [item["sql"] for item in captured.captured_queries]


@pytest.mark.parametrize("query", [{}, {"q": "Kasur"}, {"area": "62.11"}, {"sdg_goals__number__exact": "1"}])
def test_needs_changelist_reads_no_distinct_and_a_fixed_number_of_queries(client, staff, query):
    grow(4)
    small = queries(client, CHANGELIST, query)
    grow(12)
    large = queries(client, CHANGELIST, query)
    assert len(small) == len(large)
    assert [sql for sql in large if "DISTINCT" in sql.upper()] == []


def test_needs_changelist_offers_the_provinces_and_regencies_that_hold_needs(client, staff):
    grow(4)
    html = client.get(CHANGELIST, headers={"Accept-Language": "en"}).content.decode()
    for code in ("31", "31.75", "32.01", "62", "62.11", "62.12"):
        assert f"area={code}" in html.replace("&amp;", "&")
    assert "area=31.75.01" not in html  # districts are not offered
    region("33.01.01")  # a region without needs is not offered either
    html = client.get(CHANGELIST).content.decode()
    assert "area=33" not in html


def test_matching_screen_holds_the_chosen_company_only_and_its_queries_stay_flat(client, staff):
    grow(4)
    need = NeedFactory()
    url = reverse("admin:facilities_need_match", args=[need.pk])
    small = queries(client, url)
    grow(12)
    CompanyFactory(name="PT Tidak Ditampilkan")
    large = queries(client, url)
    assert len(small) == len(large)
    page = client.get(url).content.decode()
    assert "PT Tidak Ditampilkan" not in page
    assert "admin-autocomplete" in page  # the others are searched through the company admin
    assert "admin/js/autocomplete.js" in page


def test_staff_find_any_company_for_the_matching_screen_through_the_autocomplete(client, staff):
    CompanyFactory(name="PT Dicari Lewat Pencarian")
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "matching", "model_name": "pledge", "field_name": "company", "term": "Dicari"},
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["PT Dicari Lewat Pencarian"]


def test_facilities_changelist_counts_open_needs_of_the_listed_rows_without_joining_every_need(client, staff):
    """The column "open needs" is a subquery per listed facility; the changelist's counts read
    the facilities alone, and its queries stay the same as the data grows."""
    url = reverse("admin:facilities_facility_changelist")
    busy = FacilityFactory(name="Panti Ramai", region=region("31.75.01"))
    quiet = FacilityFactory(name="Panti Sepi", region=region("31.75.01"))
    for status in (NeedStatus.OPEN, NeedStatus.OPEN, NeedStatus.DRAFT, NeedStatus.FULFILLED):
        NeedFactory(facility=busy, status=status)
    NeedFactory(facility=quiet, status=NeedStatus.OPEN)
    grow(4)
    small = queries(client, url)
    grow(12)
    large = queries(client, url)
    assert len(small) == len(large)
    assert [sql for sql in large if "COUNT(*)" in sql and "facilities_need" in sql] == []

    response = client.get(url, {"o": "-7"})  # the seventh column, open needs, most first
    listed = [(facility.name, facility.open_need_count) for facility in response.context["cl"].result_list]
    assert listed[0] == ("Panti Ramai", 2)
    assert dict(listed)["Panti Sepi"] == 1
    assert [count for _name, count in listed] == sorted((count for _name, count in listed), reverse=True)


def test_pledges_changelist_reads_no_distinct_dates_and_a_fixed_number_of_queries(client, staff):
    """The pledges' date filter, not a date hierarchy: its year links cost a SELECT DISTINCT
    over every pledge on each page."""
    url = reverse("admin:matching_pledge_changelist")
    pledge_in_state(PledgeStatus.APPROVED)
    small = queries(client, url)
    for _ in range(6):
        pledge_in_state(PledgeStatus.APPROVED)
    large = queries(client, url)
    assert len(small) == len(large)
    assert [sql for sql in large if "DISTINCT" in sql.upper()] == []
    html = client.get(url, headers={"Accept-Language": "en"}).content.decode()
    assert "created_at__gte" in html  # the date filter is still offered


postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's")


def plan_of(sql: str) -> str:
    with connection.cursor() as cursor:
        # On a few rows a sequential scan and a sort are cheapest: forbid both (and the sort that
        # finishes what another index ordered in part), so that the plan walks an index in the
        # query's order if one has it, and sorts anyway if none has.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_incremental_sort = off")
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


@postgresql_only
def test_needs_changelist_reads_its_page_and_its_region_filter_from_indexes(client, staff):
    grow(4)
    sent = queries(client, CHANGELIST)
    page = next(sql for sql in sent if 'ORDER BY "facilities_need"."priority" ASC' in sql)
    regions = next(sql for sql in sent if sql.startswith('SELECT "regions_region"."code"'))
    # The first page in the changelist's order, without sorting every need of the country.
    plan = plan_of(page)
    assert "need_staff_order_idx" in plan
    assert "Sort Key: facilities_need.priority" not in plan
    # The ~550 provinces and regencies, not the 90,000 regions filtered one by one.
    assert "region_upper_levels_idx" in plan_of(regions)


@postgresql_only
def test_postgresql_compiles_no_query_to_machine_code(client):
    # The planner's estimates decide JIT; a changelist filter estimated far above its cost spent
    # 18-75 ms compiling to run in 6 (csrportal/settings.py).
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
