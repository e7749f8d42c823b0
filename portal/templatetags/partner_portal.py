"""Template helpers of the partner portal and its account pages."""

import datetime

from django import template

register = template.Library()


@register.filter
def minutes(value: datetime.timedelta | None) -> int:
    """A duration in whole minutes, rounded up (a lock-out of 29.5 minutes reads "30")."""
    if not isinstance(value, datetime.timedelta):
        return 0
    seconds = max(int(value.total_seconds()), 0)
    return (seconds + 59) // 60
