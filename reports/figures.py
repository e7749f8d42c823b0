"""Figures that never make a visitor wait for a rebuild (issue 23, item 2).

A report's aggregates for one set of parameters are kept as one row, ``FigureSnapshot``: the
value a *builder* returned (a module-level function taking JSON parameters, e.g.
``reports.figures.dashboard_figures``), pickled, with the reports' data version
(``core.versioned_cache``, group ``reports``) the build started from.

- ``read(builder, **params)`` returns the snapshot's value: one query. If the data changed since
  (its version is not the current one, or it was built on an earlier day) the value is still
  returned, and a rebuild of that key is enqueued once (``refresh_figures``). Only when no
  snapshot exists at all (first boot, a region nobody asked before) is it built inline, by one
  process at a time: the others wait for it briefly.
- A save, deletion or many-to-many change of a reported model enqueues ``refresh_figures`` when
  its transaction commits; bulk writes send no signal but bump the version (``changed``), which
  the next reader notices. The task rebuilds every stale snapshot read in the last
  ``REFRESH_DAYS`` days, one key at a time, each under a lock (``cache.add``) so that two workers
  never build the same key at once.
- The version is read *before* the builder reads any row, so a build that raced a write carries
  the older version and is built again: old figures are never stored under a newer version.
- ``REPORT_FIGURES_BUILT_ON_READ = True`` (the tests' settings) rebuilds a stale snapshot while
  the reader waits instead: the figures a test reads are those of its own writes.
- Keys hold a digest of the reports' code (``CODE``), so a deploy never unpickles figures of
  the previous release; the task deletes snapshots nobody read for ``FORGET_DAYS``.

Builders from the layers above (the public site's headline figures) are passed in as functions
and stored by dotted path: this module imports none of them.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

from agencies.models import Agency
from core import versioned_cache
from partners.models import Company
from regions.models import Region
from reports.apps import REPORTED_APPS, REPORTED_MODELS, REPORTS_GROUP
from reports.models import FigureSnapshot
from reports.selectors import coverage, forum, regional
from reports.selectors.periods import Period

logger = logging.getLogger(__name__)

# The reports' code: a change of any module of the package gives every key a new name.
CODE = hashlib.sha256(
    b"".join(path.read_bytes() for path in sorted(Path(__file__).resolve().parent.rglob("*.py")))
).hexdigest()[:12]
LOCK_SECONDS = 300  # a build never takes longer; a crashed builder's lock expires
WAIT_SECONDS = 10  # how long a reader waits for another process's first build
COALESCE_SECONDS = 2  # the writes of one moment enqueue one refresh of every stale snapshot
# The snapshots' own version, bumped after each snapshot is written: whole pages built from
# snapshots (reports.views.summary) are kept under it beside the data's version, so a page read
# between a write and the rebuild (old figures) is left behind once the rebuild is written.
FIGURES_GROUP = "report-figures"
REFRESH_DAYS = 2  # snapshots not read for longer are rebuilt only when read again
FORGET_DAYS = 30  # snapshots not read for longer (old releases' keys too) are deleted


def _path(builder: Callable) -> str:
    path = f"{builder.__module__}.{builder.__qualname__}"
    if import_string(path) is not builder:
        raise ValueError(f"{path} is not a module-level function")
    return path


def key_of(path: str, params: dict) -> str:
    digest = hashlib.sha256(json.dumps([path, params], sort_keys=True, default=str).encode()).hexdigest()[:40]
    return f"{CODE}:{path.rsplit('.', 1)[-1][:100]}:{digest}"


def _lock(key: str) -> str:
    return f"figures:building:{key}"


def _stale(row: FigureSnapshot, current: int, today: datetime.date) -> bool:
    return row.data_version != current or timezone.localdate(row.computed_at) != today


def read(builder: Callable[..., Any], **params: Any) -> Any:
    """The newest figures ``builder(**params)`` returned; see the module's docstring."""
    path = _path(builder)
    key = key_of(path, params)
    today = timezone.localdate()
    current = versioned_cache.version(REPORTS_GROUP)
    row = FigureSnapshot.objects.filter(key=key).defer("params").first()
    if row is not None:
        try:
            value = pickle.loads(row.payload)  # noqa: S301 -- our own rows, written by build()
        except Exception:  # a payload that no longer loads is as good as none
            logger.warning("figures: snapshot %s does not load; building it again", key)
        else:
            if _stale(row, current, today):
                if getattr(settings, "REPORT_FIGURES_BUILT_ON_READ", False):
                    return _first_build(key, path, params)
                schedule(key, current)
            if row.read_on != today:
                FigureSnapshot.objects.filter(pk=row.pk).update(read_on=today)
            return value
    return _first_build(key, path, params)


def _first_build(key: str, path: str, params: dict) -> Any:
    if cache.add(_lock(key), 1, LOCK_SECONDS):
        try:
            return build(key, path, params)
        finally:
            cache.delete(_lock(key))
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.05)
        row = FigureSnapshot.objects.filter(key=key).only("payload").first()
        if row is not None:
            return pickle.loads(row.payload)  # noqa: S301
    return import_string(path)(**params)  # the other build failed or is too slow: build, keep nothing


def build(key: str, path: str, params: dict) -> Any:
    """Build and store one snapshot; the caller holds the key's lock."""
    version = versioned_cache.version(REPORTS_GROUP)  # before any row is read
    started = time.monotonic()
    value = import_string(path)(**params)
    now = timezone.now()
    FigureSnapshot.objects.update_or_create(
        key=key,
        defaults={
            "builder": path,
            "params": params,
            "data_version": version,
            "computed_at": now,
            "build_ms": round((time.monotonic() - started) * 1000),
            "read_on": timezone.localdate(now),
            "payload": pickle.dumps(value, pickle.HIGHEST_PROTOCOL),
        },
    )
    versioned_cache.bump(FIGURES_GROUP)  # after the row is written: see FIGURES_GROUP
    return value


def schedule(key: str = "", current: int | None = None) -> None:
    """Enqueue a refresh when the transaction commits: of one stale key (a reader found it
    stale), once per data version; or, after a write, of every stale snapshot, once per
    ``COALESCE_SECONDS`` however many rows the transactions of that moment saved (a later
    write left out is found stale by its next reader, which schedules its key). Nothing where
    readers rebuild stale snapshots themselves (``REPORT_FIGURES_BUILT_ON_READ``)."""
    if getattr(settings, "REPORT_FIGURES_BUILT_ON_READ", False):
        return
    if key:
        current = versioned_cache.version(REPORTS_GROUP) if current is None else current
        marker, seconds = f"figures:queued:{key}:{current}", LOCK_SECONDS
    else:
        marker, seconds = "figures:queued:*", COALESCE_SECONDS

    def enqueue() -> None:
        if cache.add(marker, 1, seconds):
            refresh_figures.enqueue(key, time.time())

    transaction.on_commit(enqueue)


@task()
def refresh_figures(key: str = "", since: float | None = None) -> int:
    """Background job: rebuild the stale snapshots (``key``'s only, if given), and those computed
    before ``since`` (the moment of the change, a Unix time: the worker's own cache may not hold
    the web processes' versions, e.g. a development server without Redis); how many were built."""
    today = timezone.localdate()
    before = datetime.datetime.fromtimestamp(since, tz=datetime.UTC) if since is not None else None
    if not key:
        FigureSnapshot.objects.filter(read_on__lt=today - datetime.timedelta(days=FORGET_DAYS)).delete()
    rows = FigureSnapshot.objects.only("key", "builder", "params", "data_version", "computed_at")
    rows = rows.filter(key=key) if key else rows.filter(read_on__gte=today - datetime.timedelta(days=REFRESH_DAYS))
    built = 0
    for row in rows.order_by("-read_on", "key"):
        older = before is not None and row.computed_at < before
        if not older and not _stale(row, versioned_cache.version(REPORTS_GROUP), today):
            continue
        if not cache.add(_lock(row.key), 1, LOCK_SECONDS):
            continue  # another worker is building it
        try:
            build(row.key, row.builder, row.params)
            built += 1
        except Exception:
            logger.exception("figures: rebuilding %s failed; the old figures stay", row.key)
        finally:
            cache.delete(_lock(row.key))
    return built


def _reported(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    # A migration's historical models (another app registry) are not the data being reported.
    return meta is not None and meta.apps is apps and (meta.app_label in REPORTED_APPS or meta.label in REPORTED_MODELS)


def _changed(sender, **kwargs) -> None:
    if sender is not FigureSnapshot and _reported(sender):
        schedule()


def _relations_changed(sender, instance, action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and _reported(type(instance)):
        schedule()


def connect() -> None:
    """Rebuild after every committed change of a reported model (reports.apps.ready)."""
    post_save.connect(_changed, dispatch_uid="reports.figures.save")
    post_delete.connect(_changed, dispatch_uid="reports.figures.delete")
    m2m_changed.connect(_relations_changed, dispatch_uid="reports.figures.relations")


# The builders of the reports' own figures: JSON parameters in, picklable figures out.


def _region(code: str) -> Region | None:
    return Region.objects.get(code=code) if code else None


def dashboard_figures(year: int | None, quarter: int | None, scope: str, public: bool, language: str):
    """``regional.dashboard`` (the public summary, or the staff dashboard's with ``public`` off)."""
    with translation.override(language):
        return regional.dashboard(Period(year, quarter), _region(scope), public=public)


def government_gap_figures(year: int | None, quarter: int | None, scope: str):
    """``coverage.gap_counting_government``: the gap ranking counting the government's rupiah
    (``/reports/?gap=government``), as heavy as the dashboard's own ranking."""
    return coverage.gap_counting_government(Period(year, quarter), scope)


def forum_figures(year: int, company: int | None, scope: str, agency: int | None, listed_only: bool, language: str):
    """``forum.forum_report`` for the forum of ``agency`` (all forums if None), or one member."""
    with translation.override(language):
        return forum.forum_report(
            year,
            company=Company.objects.get(pk=company) if company else None,
            scope=_region(scope),
            agency=Agency.objects.get(pk=agency) if agency else None,
            listed_only=listed_only,
        )
