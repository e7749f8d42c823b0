"""Counts of what waits for Dinsos, and the receivers' confirmations of a company's deliveries.

The counts are what the admin index and the work queue's header show: each is one aggregate
query, whatever the number of rows waiting.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from matching.models import DeliveryReport, DeliveryStatus, Pledge, PledgeStatus, ReceiptOutcome
from matching.selectors import LAPSE_WARNING


@dataclass(frozen=True)
class WorkCounts:
    offers: int
    deliveries: int
    disputed: int
    unconfirmed_late: int
    lapsing: int

    @property
    def total(self) -> int:
        return self.offers + self.deliveries + self.lapsing


def work_queue_counts(*, area: Callable[[str], Q] | None = None, now: datetime.datetime | None = None) -> WorkCounts:
    """How many offers, deliveries (of which disputed by the facility, or not confirmed in
    time) and soon-lapsing proposals wait, in the area: two queries."""
    now = now or timezone.now()
    area = area or (lambda path: Q())
    pledges = Pledge.objects.filter(area("need__facility__region")).aggregate(
        offers=Count("pk", filter=Q(status=PledgeStatus.OFFERED)),
        lapsing=Count("pk", filter=Q(status=PledgeStatus.PROPOSED, respond_by__lte=now + LAPSE_WARNING)),
    )
    late = now - datetime.timedelta(days=settings.RECEIPT_CONFIRM_DAYS)
    deliveries = DeliveryReport.objects.filter(
        area("pledge__need__facility__region"), status=DeliveryStatus.SUBMITTED
    ).aggregate(
        waiting=Count("pk"),
        disputed=Count("pk", filter=Q(receipt__outcome=ReceiptOutcome.DISPUTED)),
        unconfirmed_late=Count("pk", filter=Q(receipt__isnull=True, reported_at__lt=late)),
    )
    return WorkCounts(
        offers=pledges["offers"],
        deliveries=deliveries["waiting"],
        disputed=deliveries["disputed"],
        unconfirmed_late=deliveries["unconfirmed_late"],
        lapsing=pledges["lapsing"],
    )


@dataclass(frozen=True)
class ReceiptShare:
    reported: int  # delivery reports not rejected
    confirmed: int  # of which the receiving facility confirmed
    disputed: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.confirmed / self.reported) if self.reported else None


def company_receipt_share(company_id: int) -> ReceiptShare:
    """The share of a company's delivery reports (rejected ones aside) that the receiving
    facility confirmed: one query."""
    row = (
        DeliveryReport.objects.filter(pledge__company_id=company_id)
        .exclude(status=DeliveryStatus.REJECTED)
        .aggregate(
            reported=Count("pk"),
            confirmed=Count("pk", filter=Q(receipt__outcome=ReceiptOutcome.CONFIRMED)),
            disputed=Count("pk", filter=Q(receipt__outcome=ReceiptOutcome.DISPUTED)),
        )
    )
    return ReceiptShare(**row)
