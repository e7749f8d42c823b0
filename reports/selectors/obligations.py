"""The realisation reports that forum members owe, and which of them came in and when (see
docs/decisions.md, "Reports", "Reporting discipline").

* The periods are the agency's (``Agency.realisation_period``): the year, or its four quarters.
* A member owes, for each period, a report for every program the agency registered (planned,
  running or completed) that runs at some time in the period; a member with no such program
  still owes the forum a report for the period (it should register its CSR as a program), so
  it shows as not reported.
* A period is owed once its report is due (``programs.rules.period_due``: the period's end plus
  the agency's days to report) and today is later; periods ending before the member joined the
  forum (``forum_member_since``) are not owed.
* A program has reported when its report for the period is submitted or verified; a returned
  report is owed again. A member has **reported** a period when every program has; its report
  is **returned, awaiting correction** when every program that has not reported has a report
  the agency returned; otherwise it reported **partly** when some programs have, **not** when
  none has. It reported **on time** when every report was last submitted (``submitted_at``,
  Jakarta date) no later than the due date.

Two queries for the members' programs and reports, whatever the number of members.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from agencies.models import Agency, ReportingPeriod
from partners.models import Company, Partnership
from programs.models import REGISTERED_STATES, Program, Realisation, RealisationStatus
from programs.rules import period_due, period_end, period_start

REPORTED, RETURNED, PARTIAL, MISSING = "reported", "returned", "partial", "missing"
OWED_STATUS_LABELS = {
    REPORTED: _lazy("Reported"),
    RETURNED: _lazy("Returned, awaiting correction"),
    PARTIAL: _lazy("Partly reported"),
    MISSING: _lazy("Not reported"),
}
STANDING_STATES = (RealisationStatus.SUBMITTED, RealisationStatus.VERIFIED)


def periods_of_year(agency: Agency, year: int) -> list[tuple[int, int]]:
    """The report periods of a year: ``(year, 0)``, or its four quarters."""
    if agency.realisation_period == ReportingPeriod.QUARTER:
        return [(year, quarter) for quarter in range(1, 5)]
    return [(year, 0)]


def period_label(year: int, quarter: int) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year} if quarter else str(year)


@dataclass
class ProgramReport:
    """One program's report owed for one period, and what came in."""

    program_id: int
    title: str
    status: str = ""  # the report's status; "" when there is none
    submitted_on: datetime.date | None = None

    @property
    def reported(self) -> bool:
        return self.status in STANDING_STATES

    @property
    def returned(self) -> bool:
        """Reported, and returned by the agency for correction: owed again, not forgotten."""
        return self.status == RealisationStatus.RETURNED


@dataclass
class MemberPeriod:
    """What one member owed for one period, and whether it reported, in full and on time."""

    company_id: int
    name: str
    slug: str
    year: int
    quarter: int
    due: datetime.date
    programs: list[ProgramReport] = field(default_factory=list)

    @property
    def label(self) -> str:
        return period_label(self.year, self.quarter)

    @property
    def status(self) -> str:
        reported = sum(1 for program in self.programs if program.reported)
        if self.programs and reported == len(self.programs):
            return REPORTED
        if self.programs and all(program.reported or program.returned for program in self.programs):
            return RETURNED
        return PARTIAL if reported else MISSING

    @property
    def status_label(self) -> str:
        return str(OWED_STATUS_LABELS[self.status])

    @property
    def reported(self) -> bool:
        return self.status == REPORTED

    @property
    def on_time(self) -> bool:
        return self.reported and all(program.submitted_on <= self.due for program in self.programs)

    @property
    def missing(self) -> list[ProgramReport]:
        return [program for program in self.programs if not program.reported]


def members_with_since(agency: Agency) -> QuerySet[Company]:
    """The agency's forum members, each with ``forum_since`` (None when not recorded)."""
    since = Partnership.objects.filter(agency=agency, company=OuterRef("pk"), forum_member=True)
    return (
        Company.objects.filter(partnerships__agency=agency, partnerships__forum_member=True)
        .annotate(forum_since=Subquery(since.values("forum_member_since")[:1]))
        .order_by("name")
    )


def obligations(
    agency: Agency,
    periods: list[tuple[int, int]],
    members: list[Company],
    *,
    today: datetime.date | None = None,
) -> list[MemberPeriod]:
    """Each member's owed periods among ``periods`` (due before ``today``), in member then
    period order: two queries."""
    today = today or timezone.localdate()
    due = {period: period_due(agency, *period) for period in periods}
    periods = [period for period in periods if due[period] < today]
    if not periods or not members:
        return []
    first = min(period_start(*period) for period in periods)
    last = max(period_end(*period) for period in periods)
    ids = [member.pk for member in members]
    programs = defaultdict(list)
    rows = (
        Program.objects.filter(agency=agency, company_id__in=ids, status__in=REGISTERED_STATES, start_date__lte=last)
        .exclude(end_date__lt=first)
        .order_by("title", "pk")
        .values_list("pk", "company_id", "title", "start_date", "end_date")
    )
    for row in rows:
        programs[row[1]].append(row)
    reports = {
        (program_id, year, quarter): (status, timezone.localtime(submitted_at).date())
        for program_id, year, quarter, status, submitted_at in Realisation.objects.filter(
            program__agency=agency,
            program__company_id__in=ids,
            year__in={year for year, _quarter in periods},
        )
        .order_by()
        .values_list("program_id", "year", "quarter", "status", "submitted_at")
    }
    result = []
    for member in members:
        since = getattr(member, "forum_since", None)
        for year, quarter in periods:
            start, end = period_start(year, quarter), period_end(year, quarter)
            if since is not None and end < since:
                continue
            owed = MemberPeriod(member.pk, member.name, member.slug, year, quarter, due[(year, quarter)])
            for pk, _company, title, program_start, program_end in programs.get(member.pk, []):
                if program_start <= end and (program_end is None or program_end >= start):
                    status, submitted_on = reports.get((pk, year, quarter), ("", None))
                    owed.programs.append(ProgramReport(pk, title, status, submitted_on))
            result.append(owed)
    return result


@dataclass
class Discipline:
    """The forum's reporting discipline over some periods."""

    periods: list[tuple[int, int]]
    rows: list[MemberPeriod]

    @property
    def members(self) -> int:
        """Members that owed at least one period."""
        return len({row.company_id for row in self.rows})

    def _members_where(self, test) -> list[int]:
        by_member: dict[int, list[MemberPeriod]] = defaultdict(list)
        for row in self.rows:
            by_member[row.company_id].append(row)
        return [pk for pk, rows in by_member.items() if all(test(row) for row in rows)]

    @property
    def members_reported(self) -> int:
        """Members that reported every owed period in full."""
        return len(self._members_where(lambda row: row.reported))

    @property
    def members_on_time(self) -> int:
        """Members that reported every owed period in full and on time."""
        return len(self._members_where(lambda row: row.on_time))

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.members_on_time / self.members) if self.members else None

    @property
    def not_reported(self) -> list[MemberPeriod]:
        """The owed periods a member did not report in full (not at all, or partly)."""
        return [row for row in self.rows if not row.reported]

    @property
    def reported(self) -> list[MemberPeriod]:
        return [row for row in self.rows if row.reported]


def forum_discipline(
    agency: Agency, year: int, members: list[Company] | None = None, *, today: datetime.date | None = None
) -> Discipline:
    """The discipline of the agency's forum over the periods of ``year``: three queries (two
    when ``members``, with ``forum_since``, are given)."""
    members = list(members_with_since(agency)) if members is None else members
    periods = periods_of_year(agency, year)
    return Discipline(periods, obligations(agency, periods, members, today=today))


def last_closed_period(agency: Agency, *, today: datetime.date | None = None) -> tuple[int, int]:
    """The latest period whose report is already due: what the public forum page shows."""
    today = today or timezone.localdate()
    for year in (today.year, today.year - 1, today.year - 2):
        due = [period for period in reversed(periods_of_year(agency, year)) if period_due(agency, *period) < today]
        if due:
            return due[0]
    return (today.year - 2, 0)


def overdue_members(agency: Agency, *, today: datetime.date | None = None) -> list[MemberPeriod]:
    """The members' periods of this year and the last that are due and not reported in full,
    oldest first: three queries."""
    today = today or timezone.localdate()
    periods = periods_of_year(agency, today.year - 1) + periods_of_year(agency, today.year)
    rows = obligations(agency, periods, list(members_with_since(agency)), today=today)
    return sorted((row for row in rows if not row.reported), key=lambda row: (row.year, row.quarter, row.name))
