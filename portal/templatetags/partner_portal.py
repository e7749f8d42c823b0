"""Template helpers of the partner portal and its account pages."""

import datetime

from django import template

from portal.labels import officer_history_label, officer_origin_label

register = template.Library()


@register.filter
def minutes(value: datetime.timedelta | None) -> int:
    """A duration in whole minutes, rounded up (a lock-out of 29.5 minutes reads "30")."""
    if not isinstance(value, datetime.timedelta):
        return 0
    seconds = max(int(value.total_seconds()), 0)
    return (seconds + 59) // 60


@register.filter
def officer_history(status: str) -> str:
    """A pledge status in its history, from the company's side ("Offered by your company")."""
    return officer_history_label(status)


@register.filter
def officer_origin(origin: str) -> str:
    """How a pledge started, from the company's side ("Proposed to you by Dinsos")."""
    return officer_origin_label(origin)
