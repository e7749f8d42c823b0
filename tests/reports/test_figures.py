"""The reports' figures kept as snapshots (reports.figures): a write never makes the next reader
wait for a rebuild, the background task brings the new figures, and old figures are never kept
under a newer data version."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import versioned_cache
from facilities.models import Need
from reports import figures
from reports.apps import REPORTS_GROUP
from reports.models import FigureSnapshot
from tests.facilities.helpers import cover
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, region
from tests.reports import dataset
from tests.reports.test_pages import cell

pytestmark = pytest.mark.django_db
EN = {"Accept-Language": "en"}
SUMMARY = reverse("reports:summary")


@pytest.fixture
def data(settings):
    # The production behaviour: stale snapshots are shown while the worker rebuilds them.
    settings.REPORT_FIGURES_BUILT_ON_READ = False
    return dataset.build()


def pledged_in_jakarta(client) -> str:
    return cell(client.get(SUMMARY, headers=EN).content.decode(), "31", "pledged")


def pledge_in_jakarta() -> None:
    need = NeedFactory(facility=FacilityFactory(region=region("31.75.01")), quantity=10, unit_cost=1_000_000)
    cover(need, CompanyFactory(), 5)


def test_after_a_pledge_readers_see_the_snapshot_at_once_and_the_task_brings_the_new_figures(
    client, data, django_capture_on_commit_callbacks
):
    assert pledged_in_jakarta(client) == "Rp 10.000.000"  # the first visit builds the snapshot
    with django_capture_on_commit_callbacks(execute=True):
        pledge_in_jakarta()
    assert DBTaskResult.objects.filter(task_path=figures.refresh_figures.module_path).exists()

    # The next visitor is not made to wait: one read of the snapshot, the old figures.
    with CaptureQueriesContext(connection) as read:
        assert pledged_in_jakarta(client) == "Rp 10.000.000"
    assert sum("reports_figuresnapshot" in query["sql"] for query in read.captured_queries) == 1
    assert not any("matching_pledge" in query["sql"] for query in read.captured_queries)

    assert figures.refresh_figures.call() == 1  # the worker's job, run here synchronously
    assert pledged_in_jakarta(client) == "Rp 15.000.000"
    assert figures.refresh_figures.call() == 0  # nothing stale any more


def test_a_page_read_between_a_write_and_the_rebuild_is_not_kept_under_the_new_version(client, data):
    assert pledged_in_jakarta(client) == "Rp 10.000.000"  # built the snapshot: a new snapshots' version
    assert pledged_in_jakarta(client) == "Rp 10.000.000"  # kept under it
    with CaptureQueriesContext(connection) as kept:
        assert pledged_in_jakarta(client) == "Rp 10.000.000"
    assert not any("reports_figuresnapshot" in query["sql"] for query in kept.captured_queries)  # the kept page
    pledge_in_jakarta()
    # Read after the write (the version is new, the snapshot old): the old figures, and nothing
    # may keep that page under the new version...
    assert pledged_in_jakarta(client) == "Rp 10.000.000"
    figures.refresh_figures.call()
    # ...so once the snapshot is rebuilt, the same URL shows the new figures.
    assert pledged_in_jakarta(client) == "Rp 15.000.000"


def racing_build(**params):
    """A build during which a pledge is saved (committed by another process, in real life)."""
    pledge_in_jakarta()
    return figures.dashboard_figures(**params)


def test_a_build_that_raced_a_write_carries_the_version_it_started_from(data):
    params = {"year": None, "quarter": None, "scope": "", "public": True, "language": "en"}
    path = f"{__name__}.racing_build"
    before = versioned_cache.version(REPORTS_GROUP)
    figures.build(figures.key_of(path, params), path, params)
    snapshot = FigureSnapshot.objects.get()
    assert snapshot.data_version == before
    assert versioned_cache.version(REPORTS_GROUP) != before  # so the next reader asks for a rebuild


def test_a_bulk_write_without_signals_makes_the_snapshot_stale(client, data):
    assert pledged_in_jakarta(client) == "Rp 10.000.000"
    assert figures.refresh_figures.call() == 0
    Need.objects.filter(facility__region__code__startswith="31").update(title="Bulk")
    versioned_cache.changed(Need)  # what every bulk writer (the imports) does
    assert figures.refresh_figures.call() == 1
    assert FigureSnapshot.objects.get().data_version == versioned_cache.version(REPORTS_GROUP)


def test_two_workers_never_build_the_same_key_at_once(client, data):
    assert pledged_in_jakarta(client) == "Rp 10.000.000"
    pledge_in_jakarta()
    (key,) = FigureSnapshot.objects.values_list("key", flat=True)
    cache.add(f"figures:building:{key}", 1, 60)  # another worker holds the key
    assert figures.refresh_figures.call() == 0
    cache.delete(f"figures:building:{key}")
    assert figures.refresh_figures.call(key) == 1


def test_the_staff_dashboard_and_the_forum_report_read_snapshots_too(client, data):
    client.force_login(data.staff)
    assert client.get(reverse("admin:reports_dashboard")).status_code == 200
    assert client.get(reverse("reports:forum", args=[2024])).status_code == 200
    assert client.get(reverse("reports:forum_xlsx", args=[2024])).status_code == 200
    builders = set(FigureSnapshot.objects.values_list("builder", flat=True))
    assert builders == {"reports.figures.dashboard_figures", "reports.figures.forum_figures"}


def test_a_snapshot_that_no_longer_loads_is_built_again(client, data):
    assert pledged_in_jakarta(client) == "Rp 10.000.000"
    FigureSnapshot.objects.update(payload=b"not a pickle")
    assert pledged_in_jakarta(client) == "Rp 10.000.000"


def test_a_change_rebuilds_what_was_computed_before_it_even_if_the_worker_sees_another_version(client, data):
    """The worker's cache may not share the web processes' versions (a development server
    without Redis): the task also rebuilds every snapshot computed before the change."""
    assert pledged_in_jakarta(client) == "Rp 10.000.000"
    assert figures.refresh_figures.call() == 0
    assert figures.refresh_figures.call("", time.time()) == 1


def test_snapshots_nobody_read_for_a_month_are_forgotten(client, data):
    assert pledged_in_jakarta(client) == "Rp 10.000.000"
    FigureSnapshot.objects.update(read_on=timezone.localdate() - datetime.timedelta(days=figures.FORGET_DAYS + 1))
    figures.refresh_figures.call()
    assert not FigureSnapshot.objects.exists()


def test_a_write_of_many_rows_enqueues_one_refresh_and_none_where_readers_rebuild(
    data, settings, django_capture_on_commit_callbacks
):
    cache.delete("figures:queued:*")
    refreshes = DBTaskResult.objects.filter(task_path=figures.refresh_figures.module_path)
    with django_capture_on_commit_callbacks(execute=True):
        pledge_in_jakarta()  # a region, a facility, a need, a company, a pledge and its history
        pledge_in_jakarta()
    assert refreshes.count() == 1

    cache.delete("figures:queued:*")
    settings.REPORT_FIGURES_BUILT_ON_READ = True
    with django_capture_on_commit_callbacks(execute=True):
        pledge_in_jakarta()
    assert refreshes.count() == 1
