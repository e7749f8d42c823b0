"""Deliveries overdue today: accepted or approved pledges past their expected date."""

from __future__ import annotations

import datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from matching.models import DELIVERABLE_STATES, Pledge
from regions.models import in_area
from reports.models import Reminder


def overdue_pledges(scope_code: str = "", *, today: datetime.date | None = None) -> QuerySet[Pledge]:
    """Accepted or approved pledges past their expected delivery date with quantity still
    unreported (a pledge fully reported is "delivered", no longer in these states)."""
    today = today or timezone.localdate()
    return (
        Pledge.objects.filter(status__in=DELIVERABLE_STATES, expected_delivery_date__lt=today)
        .filter(in_area(scope_code, "need__facility__region__code"))
        .order_by()
    )


def overdue_list(scope_code: str = "", *, limit: int = 50, today: datetime.date | None = None):
    """``(count, the oldest ``limit`` overdue pledges)`` with need, facility, company and the day
    of their last reminder: two queries."""
    overdue = overdue_pledges(scope_code, today=today)
    # The oldest ids first, then their details: the joins touch ``limit`` rows, not all overdue.
    oldest = overdue.order_by("expected_delivery_date", "pk").values("pk")[:limit]
    rows = list(
        Pledge.objects.filter(pk__in=Subquery(oldest))
        .select_related("need__facility", "company")
        .annotate(
            last_reminded=Subquery(
                Reminder.objects.filter(pledge=OuterRef("pk")).order_by("-sent_on").values("sent_on")[:1]
            )
        )
        .order_by("expected_delivery_date", "pk")[:limit]
    )
    return overdue.count(), rows
