"""The Forum TSLP annual report: for the whole forum (its member companies) or one company.

Each member's programs by form and field, their budgets beside what they realised (verified
realisation reports, with reports awaiting verification and returned reports apart), what it
pledged and delivered to facility needs, the kecamatan reached, the beneficiaries, the share of
what it reported that Dinsos verified; and, for an agency's forum, who owed realisation reports
for the year's periods and did not send them, and the share of members reporting on time
(``obligations``).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from agencies.models import Agency
from matching.models import DeliveryStatus, PledgeStatus
from partners.models import Company, Partnership
from programs.models import REGISTERED_STATES, Program, ProgramForm, Realisation, RealisationShare, RealisationStatus
from regions.models import Region, in_area
from regions.selectors import DISTRICT_CODE_LENGTH
from reports.selectors.activity import (
    DELIVERED_PLEDGE_STATES,
    DELIVERY_SUMS,
    PLEDGE_SUMS,
    Figures,
    deliveries_counted,
    pledges_counted,
)
from reports.selectors.breakdowns import BreakdownRow, by_field
from reports.selectors.obligations import Discipline, forum_discipline, members_with_since
from reports.selectors.periods import Period
from reports.selectors.sdg import PillarRow, SdgRow, by_sdg_goal, by_tjsl_pillar
from reports.selectors.sums import zero_sum

GROUPS = ("women", "children", "elderly", "disabled")


@dataclass
class FormRow:
    form: str
    label: str
    programs: int = 0
    budget: int = 0
    target_beneficiaries: int = 0
    realised: int = 0


@dataclass
class Beneficiaries:
    """Beneficiaries reached: households and persons of verified realisation reports, plus the
    persons reached by verified deliveries; the groups (women, children…) where the reports
    gave them, None when none did."""

    households: int = 0
    persons: int = 0
    women: int | None = None
    children: int | None = None
    elderly: int | None = None
    disabled: int | None = None

    def add(self, other: Beneficiaries) -> None:
        self.households += other.households
        self.persons += other.persons
        for name in GROUPS:
            mine, theirs = getattr(self, name), getattr(other, name)
            if theirs is not None:
                setattr(self, name, (mine or 0) + theirs)


@dataclass
class ForumRow:
    """A company (or the whole forum) in the annual report."""

    key: object
    name: str
    slug: str = ""
    programs: int = 0
    budget: int = 0
    figures: Figures = field(default_factory=Figures)
    pledges_delivered: int = 0
    pledges_verified: int = 0
    districts: int = 0
    returned: int = 0  # rupiah of realisation reports returned for correction (never counted)
    beneficiaries: Beneficiaries = field(default_factory=Beneficiaries)
    periods_owed: int = 0
    periods_reported: int = 0
    periods_on_time: int = 0

    @property
    def reported(self) -> int:
        """Rupiah reported: delivery reports (verified or awaiting) and realisation reports
        (verified, awaiting or returned)."""
        figures = self.figures
        return (
            figures.delivered
            + figures.awaiting
            + figures.realised_programs
            + figures.programs_awaiting
            + (self.returned)
        )

    @property
    def verified_percent(self) -> int | None:
        """Share of the rupiah reported that Dinsos verified; None when nothing was reported."""
        return round(100 * self.figures.csr_realised / self.reported) if self.reported else None


@dataclass
class ProgramLine:
    """One program in the report, with what it realised in the year."""

    program: Program
    company: str
    realised: int = 0
    awaiting: int = 0
    returned: int = 0
    districts: list[str] = field(default_factory=list)
    district_names: list[str] = field(default_factory=list)


@dataclass
class ForumReport:
    year: int
    scope: Region | None
    company: Company | None
    total: ForumRow
    by_form: list[FormRow]
    by_field: list[BreakdownRow]
    companies: list[ForumRow]
    programs: list[ProgramLine]
    district_names: list[str]
    agency: Agency | None = None
    discipline: Discipline | None = None
    by_sdg: list[SdgRow] = field(default_factory=list)
    by_tjsl: list[PillarRow] = field(default_factory=list)

    @property
    def period(self) -> Period:
        return Period(self.year)


def forum_members(agency: Agency | None = None, *, listed_only: bool = False) -> QuerySet[Company]:
    """Members of an agency's forum (of any agency's forum when ``agency`` is None; of the
    agencies listed on the public site only, with ``listed_only``)."""
    memberships = Partnership.objects.filter(company=OuterRef("pk"), forum_member=True)
    if agency is not None:
        memberships = memberships.filter(agency=agency)
    if listed_only:
        memberships = memberships.filter(agency__is_public=True)
    return Company.objects.filter(Exists(memberships)).order_by("name")


def programs_in_year(year: int, agency: Agency | None = None, *, listed_only: bool = False) -> QuerySet[Program]:
    """Programs registered (planned, running or completed) and running at some time in the
    year; those of ``agency`` only when it is given; with ``listed_only``, not those registered
    with an agency hidden from the public site."""
    programs = Program.objects.filter(status__in=REGISTERED_STATES).filter(
        Q(start_date__lte=datetime.date(year, 12, 31)),
        Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1)),
    )
    if listed_only:
        programs = programs.exclude(agency__is_public=False)
    return programs.filter(agency=agency) if agency is not None else programs


def _district_key(path: str = "pledge__need__facility__region_id"):
    return Substr(path, 1, DISTRICT_CODE_LENGTH)


def forum_report(
    year: int,
    *,
    company: Company | None = None,
    scope: Region | None = None,
    agency: Agency | None = None,
    today: datetime.date | None = None,
    listed_only: bool = False,
) -> ForumReport:
    """The Forum TSLP annual report: for the whole forum (its member companies) or one company.

    Programs registered and running in the year by form and field, with their budgets; what
    they realised (realisation reports of the year's periods, split by kecamatan: verified,
    awaiting verification, returned); rupiah pledged (pledges made in the year) and delivered
    (deliveries dated in the year); beneficiaries and the kecamatan reached by verified
    realisations and deliveries; and, for an agency's forum, its reporting discipline. A fixed
    number of queries (pinned in tests/reports/test_pages.py)."""
    period = Period(year)
    scope_code = scope.code if scope else ""
    if company is not None:
        companies = {company.pk: company}
    elif agency is not None:
        companies = {c.pk: c for c in members_with_since(agency)}
    else:
        companies = {c.pk: c for c in forum_members(listed_only=listed_only)}
    ids = list(companies)
    programs = programs_in_year(year, agency, listed_only=listed_only).filter(company_id__in=ids)
    if scope_code:
        targets = Program.target_regions.through.objects.filter(program=OuterRef("pk"))
        programs = programs.filter(Exists(targets.filter(in_area(scope_code, "region"))) | ~Exists(targets))
    pledges = pledges_counted(period, scope_code).filter(company_id__in=ids)
    deliveries = deliveries_counted(period, scope_code).filter(pledge__company_id__in=ids)
    reached = deliveries.filter(status=DeliveryStatus.VERIFIED, pledge__need__facility__region__level__gte=3)
    shares = RealisationShare.objects.filter(realisation__program__company_id__in=ids, realisation__year=year).filter(
        in_area(scope_code, "region")
    )
    if agency is not None:
        shares = shares.filter(realisation__program__agency=agency)
    if listed_only:
        shares = shares.exclude(realisation__program__agency__is_public=False)

    pledge_sums = {
        **PLEDGE_SUMS,
        "pledges_delivered": Count("pk", filter=Q(status__in=DELIVERED_PLEDGE_STATES)),
        "pledges_verified": Count("pk", filter=Q(status=PledgeStatus.VERIFIED)),
    }
    program_sums = {
        "programs": Count("pk"),
        "budget": zero_sum("budget"),
        "target_beneficiaries": zero_sum("target_beneficiaries"),
    }
    rows = {pk: ForumRow(pk, c.name, c.slug) for pk, c in companies.items()}
    for values in programs.values(key=F("company_id")).annotate(**program_sums).order_by():
        rows[values["key"]].programs = values["programs"]
        rows[values["key"]].budget = values["budget"]
        rows[values["key"]].figures.planned_programs = values["budget"]  # the whole budget, beside realised
    for values in pledges.values(key=F("company_id")).annotate(**pledge_sums).order_by():
        row = rows[values["key"]]
        row.figures.add(values)
        row.pledges_delivered = values["pledges_delivered"]
        row.pledges_verified = values["pledges_verified"]
    for values in deliveries.values(key=F("pledge__company_id")).annotate(**DELIVERY_SUMS).order_by():
        rows[values["key"]].figures.add(values)
        rows[values["key"]].beneficiaries.persons += values["beneficiaries"]

    # Realisations per program: rupiah by status (their shares in scope), and the beneficiaries
    # of the verified reports.
    per_program: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    program_company: dict[int, int] = {}
    # One grouped query: rupiah per program, status and district (the districts of verified
    # shares are the kecamatan reached, below).
    program_districts: dict[int, set[str]] = defaultdict(set)
    verified_districts: list[tuple[int, str]] = []
    by_status = shares.annotate(district=_district_key("region_id")).values_list(
        "realisation__program_id", "realisation__program__company_id", "realisation__status", "district"
    )
    for program_id, company_id, status, district, amount in by_status.annotate(amount=zero_sum("amount")).order_by():
        per_program[program_id][status] += amount
        program_company[program_id] = company_id
        if status == RealisationStatus.VERIFIED:
            verified_districts.append((company_id, district))
            program_districts[program_id].add(district)
    verified_shares = shares.filter(realisation__status=RealisationStatus.VERIFIED)
    beneficiary_sums = (
        Realisation.objects.filter(pk__in=verified_shares.values("realisation_id"))
        .values(key=F("program__company_id"))
        .annotate(households=Sum("households"), persons=Sum("persons"), **{name: Sum(name) for name in GROUPS})
        .order_by()
    )
    for values in beneficiary_sums:
        rows[values["key"]].beneficiaries.add(
            Beneficiaries(values["households"] or 0, values["persons"] or 0, *(values[name] for name in GROUPS))
        )
    for program_id, sums in per_program.items():
        row = rows[program_company[program_id]]
        row.figures.realised_programs += sums[RealisationStatus.VERIFIED]
        row.figures.programs_awaiting += sums[RealisationStatus.SUBMITTED]
        row.returned += sums[RealisationStatus.RETURNED]

    # Kecamatan reached: of verified deliveries and verified realisation shares; a kecamatan
    # reached by two companies, or by a delivery and a program, counts once.
    company_districts: dict[int, set[str]] = defaultdict(set)
    for company_id, district in (
        reached.annotate(district=_district_key()).values_list("pledge__company_id", "district").distinct().order_by()
    ):
        company_districts[company_id].add(district)
    for company_id, district in verified_districts:
        company_districts[company_id].add(district)
    for company_id, districts in company_districts.items():
        rows[company_id].districts = len(districts)
    district_codes = set().union(*company_districts.values()) if company_districts else set()

    discipline = None
    if agency is not None:
        discipline = forum_discipline(agency, year, list(companies.values()), today=today)
        for owed in discipline.rows:
            row = rows[owed.company_id]
            row.periods_owed += 1
            row.periods_reported += owed.reported
            row.periods_on_time += owed.on_time

    total = ForumRow(None, company.name if company else _("Forum TSLP"), company.slug if company else "")
    for row in rows.values():
        total.programs += row.programs
        total.budget += row.budget
        total.figures.merge(row.figures)
        total.pledges_delivered += row.pledges_delivered
        total.pledges_verified += row.pledges_verified
        total.returned += row.returned
        total.beneficiaries.add(row.beneficiaries)
        total.periods_owed += row.periods_owed
        total.periods_reported += row.periods_reported
        total.periods_on_time += row.periods_on_time
    total.districts = len(district_codes)

    program_list = list(
        Program.objects.filter(Q(pk__in=programs.values("pk")) | Q(pk__in=list(per_program)))
        .select_related("company")
        .prefetch_related("fields")
        .order_by("company__name", "start_date", "title")
    )
    lines = []
    forms = {value: FormRow(value, label) for value, label in ProgramForm.choices}
    for program in program_list:
        sums = per_program.get(program.pk, {})
        line = ProgramLine(
            program,
            program.company.name,
            sums.get(RealisationStatus.VERIFIED, 0),
            sums.get(RealisationStatus.SUBMITTED, 0),
            sums.get(RealisationStatus.RETURNED, 0),
            sorted(program_districts.get(program.pk, ())),
        )
        lines.append(line)
        forms[program.form].realised += line.realised
    for values in programs.values(key=F("form")).annotate(**program_sums).order_by():
        form_row = forms[values["key"]]
        form_row.programs = values["programs"]
        form_row.budget = values["budget"]
        form_row.target_beneficiaries = values["target_beneficiaries"]

    fields = by_field(period, scope_code, company_ids=ids)
    for key, count in programs.values(key=F("fields")).annotate(n=Count("pk")).values_list("key", "n").order_by():
        for row in fields:
            if row.key == key:
                row.programs = count
    names = dict(Region.objects.filter(code__in=district_codes).values_list("code", "name"))
    for line in lines:
        line.district_names = [names.get(code, code) for code in line.districts]
    district_names = sorted(names.values()) if company is not None else []
    return ForumReport(
        year=year,
        scope=scope,
        company=company,
        total=total,
        by_form=list(forms.values()),
        by_field=fields,
        companies=sorted(rows.values(), key=lambda row: (-row.figures.csr_realised, -row.figures.pledged, row.name)),
        programs=lines,
        district_names=district_names,
        agency=agency,
        discipline=discipline,
        by_sdg=by_sdg_goal((line.program.pk, line.realised) for line in lines),
        by_tjsl=by_tjsl_pillar((line.program.pk, line.realised) for line in lines),
    )
