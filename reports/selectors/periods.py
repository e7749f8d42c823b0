"""The period of a report: a year, a quarter of a year, or all time."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Period:
    """A year, a quarter of a year, or all time (``year`` None)."""

    year: int | None = None
    quarter: int | None = None

    def __post_init__(self):
        if self.quarter is not None and (self.year is None or not 1 <= self.quarter <= 4):
            raise ValueError("A quarter needs a year and lies between 1 and 4.")

    @property
    def start(self) -> datetime.date | None:
        if self.year is None:
            return None
        return datetime.date(self.year, 3 * (self.quarter - 1) + 1 if self.quarter else 1, 1)

    @property
    def end(self) -> datetime.date | None:
        """The last day of the period."""
        if self.year is None:
            return None
        month = 3 * self.quarter if self.quarter else 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def label(self) -> str:
        if self.year is None:
            return _("All years")
        if self.quarter:
            return _("Q%(quarter)s %(year)s") % {"quarter": self.quarter, "year": self.year}
        return str(self.year)

    def dates(self, path: str) -> Q:
        """Dates (``delivered_on``) within the period."""
        if self.year is None:
            return Q()
        return Q(**{f"{path}__gte": self.start, f"{path}__lte": self.end})

    def moments(self, path: str) -> Q:
        """Timestamps (``created_at``) within the period, in the portal's time zone."""
        if self.year is None:
            return Q()
        start = timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))
        end = timezone.make_aware(datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min))
        return Q(**{f"{path}__gte": start, f"{path}__lt": end})
