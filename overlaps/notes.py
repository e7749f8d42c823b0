"""Reads of the overlap notes: the reasons given to go ahead despite an overlap, for the staff
work queue (``backoffice``) and the Forum TSLP report (``reports``). One query each."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from agencies.scope import Scope
from overlaps.models import OverlapNote
from regions.models import in_area

# How long a note stays in the work queue.
QUEUE_DAYS = 30


def _with_context(notes: QuerySet[OverlapNote]) -> QuerySet[OverlapNote]:
    return notes.select_related(
        "need__facility", "pledge__company", "pledge__need__facility", "program__company", "region", "actor"
    )


def notes_for_queue(scope: Scope, *, limit: int = 20, now: datetime.datetime | None = None) -> list[OverlapNote]:
    """The newest notes of the last ``QUEUE_DAYS`` days in the staff account's area."""
    since = (now or timezone.now()) - datetime.timedelta(days=QUEUE_DAYS)
    notes = OverlapNote.objects.filter(scope.q("region"), created_at__gte=since)
    return list(_with_context(notes)[:limit])


def notes_of_year(area_code: str, year: int) -> list[OverlapNote]:
    """Every note of ``year`` (Asia/Jakarta) in the area ``area_code`` ("" for everywhere)."""
    notes = OverlapNote.objects.filter(in_area(area_code) if area_code else Q(), created_at__year=year)
    return list(_with_context(notes).order_by("created_at", "pk"))
