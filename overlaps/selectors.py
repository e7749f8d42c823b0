"""What already covers the same thing (issue 26): the overlaps shown before a need is created,
proposed or published, a pledge offered or approved, or a program registered.

* A need: an open or fulfilled need of the same facility in the same field, created in the last
  12 months, with a similar title; a government coverage record of the facility or of its whole
  kecamatan in the same field whose period meets the need's (today until it is needed by).
* A pledge: a live pledge (waiting, accepted or approved) of another company on the same need.
* A program: another company's program (submitted or registered) targeting the same kecamatan
  in one of its fields in the same year(s); government coverage there in those fields and years.

Each function returns a list of ``Overlap`` (kind, id, label), at most ``LIMIT`` of each kind,
and costs a fixed number of queries. An empty list means nothing overlaps.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formatting import format_rupiah
from core.titles import similar_titles
from coverage.models import GovernmentCoverage
from coverage.selectors import coverage_for, coverage_in_kecamatans
from coverage.services import kecamatan_code
from facilities.models import Facility, Need, NeedStatus
from matching.models import LIVE_STATES, Pledge
from programs.models import Program, ProgramStatus

LIMIT = 10
# How far back a need of the same facility counts (issue 26: "in the last 12 months").
NEED_WINDOW_DAYS = 365
# Programs that count as covering: submitted (awaiting registration) and registered.
PROGRAM_STATES = (ProgramStatus.SUBMITTED, ProgramStatus.PLANNED, ProgramStatus.ACTIVE, ProgramStatus.COMPLETED)


@dataclass(frozen=True)
class Overlap:
    kind: str  # "need", "pledge", "coverage" or "program"
    id: int
    label: str

    def as_dict(self) -> dict:
        return asdict(self)


def _coverage_label(record: GovernmentCoverage) -> str:
    values = {
        "program": record.program_name,
        "source": record.get_source_display(),
        "where": record.facility.name if record.facility_id else f"{record.region_id} {record.region.name}",
        "period": record.period_label,
    }
    label = _("Government coverage: %(program)s (%(source)s) at %(where)s, %(period)s") % values
    amounts = []
    if record.amount:
        amounts.append(format_rupiah(record.amount))
    if record.households:
        amounts.append(_("%(n)s households") % {"n": record.households})
    return f"{label} ({', '.join(amounts)})" if amounts else label


def _coverage_overlaps(records: Iterable[GovernmentCoverage]) -> list[Overlap]:
    return [Overlap("coverage", record.pk, _coverage_label(record)) for record in records]


def need_overlaps(
    *,
    facility: Facility,
    field_code: str,
    title: str,
    needed_by: datetime.date | None = None,
    exclude_need_id: int | None = None,
    today: datetime.date | None = None,
) -> list[Overlap]:
    """What already covers a need of ``facility`` in ``field_code`` called ``title`` (see the
    module docstring). Two queries."""
    today = today or timezone.localdate()
    since = timezone.now() - datetime.timedelta(days=NEED_WINDOW_DAYS)
    candidates = (
        Need.objects.filter(
            facility=facility,
            field_id=field_code,
            status__in=[NeedStatus.OPEN, NeedStatus.FULFILLED],
            created_at__gte=since,
        )
        .exclude(pk=exclude_need_id)
        .order_by("-created_at")
        .only("pk", "title", "status", "quantity", "unit", "created_at")[:200]
    )
    found = []
    for need in candidates:
        if similar_titles(title, need.title):
            values = {
                "title": need.title,
                "status": need.get_status_display(),
                "quantity": need.quantity,
                "unit": need.unit,
                "date": timezone.localtime(need.created_at).strftime("%d-%m-%Y"),
            }
            label = _("Need of the same facility: %(title)s (%(status)s, %(quantity)s %(unit)s, %(date)s)") % values
            found.append(Overlap("need", need.pk, label))
    records = coverage_for(
        field_codes=[field_code],
        kecamatan_codes=[code] if (code := kecamatan_code(facility.region_id)) else [],
        facility_id=facility.pk,
        start=today,
        end=max(today, needed_by or today),
    )[:LIMIT]
    return found[:LIMIT] + _coverage_overlaps(records)


def overlaps_of_need(need: Need, *, today: datetime.date | None = None) -> list[Overlap]:
    """``need_overlaps`` of a saved need (publishing a draft, approving a proposal)."""
    return need_overlaps(
        facility=need.facility,
        field_code=need.field_id,
        title=need.title,
        needed_by=need.needed_by,
        exclude_need_id=need.pk,
        today=today,
    )


def pledge_overlaps(
    *, need: Need, company_id: int, exclude_pledge_id: int | None = None, name_companies: bool = True
) -> list[Overlap]:
    """Live pledges of other companies on ``need``, named for staff, unnamed for a partner
    (``name_companies=False``). One query."""
    pledges = (
        Pledge.objects.filter(need=need, status__in=LIVE_STATES)
        .exclude(company_id=company_id)
        .exclude(pk=exclude_pledge_id)
        .select_related("company")
        .order_by("created_at", "pk")[:LIMIT]
    )
    return [
        Overlap(
            "pledge",
            pledge.pk,
            (
                _("Pledge of %(company)s on this need: %(quantity)s %(unit)s (%(status)s)")
                if name_companies
                else _("Pledge of another company on this need: %(quantity)s %(unit)s (%(status)s)")
            )
            % {
                "company": pledge.company.name,
                "quantity": pledge.quantity,
                "unit": need.unit,
                "status": pledge.get_status_display(),
            },
        )
        for pledge in pledges
    ]


def _year_span(start: datetime.date, end: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    return datetime.date(start.year, 1, 1), datetime.date((end or start).year, 12, 31)


def program_overlaps(
    *,
    field_codes: Iterable[str],
    region_codes: Iterable[str],
    start: datetime.date,
    end: datetime.date | None,
    company_id: int | None = None,
    exclude_program_id: int | None = None,
) -> list[Overlap]:
    """Other companies' programs and government coverage in the same kecamatan and field in
    the same year(s) as a program of ``company_id`` targeting ``region_codes`` (targets above
    kecamatan level are too wide to say). A company's own programs are not an overlap: it
    knows them. Two queries."""
    field_codes = sorted(set(field_codes))
    kecamatans = sorted({code for code in map(kecamatan_code, region_codes) if code})
    if not field_codes or not kecamatans:
        return []
    year_start, year_end = _year_span(start, end)
    place = Q()
    for code in kecamatans:
        place |= Q(target_regions__code=code) | Q(target_regions__code__startswith=f"{code}.")
    same_years = Q(start_date__lte=year_end) & (
        Q(end_date__gte=year_start) | Q(end_date__isnull=True, start_date__gte=year_start)
    )
    programs = (
        Program.objects.filter(place, same_years, fields__code__in=field_codes, status__in=PROGRAM_STATES)
        .exclude(pk=exclude_program_id)
        .exclude(company_id=company_id)
        .select_related("company")
        .distinct()
        .order_by("start_date", "pk")[:LIMIT]
    )
    found = [
        Overlap(
            "program",
            program.pk,
            _("Program of %(company)s in the same kecamatan and field: %(title)s (%(status)s, from %(start)s)")
            % {
                "company": program.company.name,
                "title": program.title,
                "status": program.get_status_display(),
                "start": program.start_date.strftime("%d-%m-%Y"),
            },
        )
        for program in programs
    ]
    records = coverage_in_kecamatans(
        field_codes=field_codes, kecamatan_codes=kecamatans, start=year_start, end=year_end
    )[:LIMIT]
    return found + _coverage_overlaps(records)


def overlaps_of_program(program: Program) -> list[Overlap]:
    """``program_overlaps`` of a saved program (registering a submitted program)."""
    return program_overlaps(
        field_codes=[field.pk for field in program.fields.all()],
        region_codes=[region.pk for region in program.target_regions.all()],
        start=program.start_date,
        end=program.end_date,
        company_id=program.company_id,
        exclude_program_id=program.pk,
    )
