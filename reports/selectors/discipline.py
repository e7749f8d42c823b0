"""A company's reporting discipline: its delivery reports on time and its deliveries overdue."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from partners.models import Company
from reports.selectors.activity import ON_TIME, deliveries_counted
from reports.selectors.overdue import overdue_pledges
from reports.selectors.periods import Period


@dataclass
class Discipline:
    reports: int
    on_time: int
    overdue: int

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.on_time / self.reports) if self.reports else None


def company_discipline(company: Company) -> Discipline:
    """All-time delivery reports of a company, how many on time, and its deliveries overdue
    today: two queries."""
    reports = (
        deliveries_counted(Period())
        .filter(pledge__company=company)
        .aggregate(reports=Count("pk"), on_time=Count("pk", filter=ON_TIME))
    )
    return Discipline(reports["reports"], reports["on_time"], overdue_pledges().filter(company=company).count())


def company_discipline_text(company: Company) -> str:
    """The on-time rate of a company in words, for its profile in the admin."""
    discipline = company_discipline(company)
    if discipline.reports:
        text = _("%(on_time)s of %(reports)s delivery reports on time (%(percent)s%%)") % {
            "on_time": discipline.on_time,
            "reports": discipline.reports,
            "percent": discipline.on_time_percent,
        }
    else:
        text = _("No delivery reported yet")
    if discipline.overdue:
        text += "; " + (
            ngettext(
                "%(count)s delivery overdue without a report today",
                "%(count)s deliveries overdue without a report today",
                discipline.overdue,
            )
            % {"count": discipline.overdue}
        )
    return text
