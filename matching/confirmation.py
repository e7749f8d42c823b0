"""When verifying a delivery needs a recorded reason: the facility's side of a delivery report.

A facility confirms or disputes what a company reported delivered to it (``matching.receipts``).
Dinsos verifies a delivery as before; but verifying one the facility **disputed**, or one it has
**not confirmed** within ``RECEIPT_CONFIRM_DAYS`` of the report, needs a reason that is kept on
the report (``DeliveryReport.override_reason``). Read by ``matching.services.delivery_verify``,
the admin and the work queue, so the rule lives in one place.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from matching.models import DeliveryReceipt, DeliveryReport, ReceiptOutcome


def receipt_of(report: DeliveryReport) -> DeliveryReceipt | None:
    """The facility's answer, or None (read from the cache when it was select_related)."""
    try:
        return report.receipt
    except DeliveryReceipt.DoesNotExist:
        return None


def confirm_deadline(report: DeliveryReport) -> datetime.datetime:
    return report.reported_at + datetime.timedelta(days=settings.RECEIPT_CONFIRM_DAYS)


def override_problem(report: DeliveryReport, now: datetime.datetime | None = None) -> str | None:
    """Why verifying this report needs a reason, or None when it does not."""
    receipt = receipt_of(report)
    if receipt is not None and receipt.outcome == ReceiptOutcome.DISPUTED:
        return _("The facility disputed this delivery: %(reason)s") % {"reason": receipt.reason}
    if receipt is None and (now or timezone.now()) > confirm_deadline(report):
        return _("The facility has not confirmed this delivery within %(days)s days.") % {
            "days": settings.RECEIPT_CONFIRM_DAYS
        }
    return None
