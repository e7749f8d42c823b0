"""The Forum TSLP annual report: for the whole forum (its member companies) or one company."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from agencies.models import Agency
from matching.models import DeliveryStatus, PledgeStatus
from partners.models import Company, Partnership
from programs.models import Program, ProgramForm, ProgramStatus
from regions.models import Region
from regions.selectors import DISTRICT_CODE_LENGTH
from reports.selectors.activity import (
    DELIVERED_PLEDGE_STATES,
    DELIVERY_SUMS,
    PLEDGE_SUMS,
    Figures,
    deliveries_counted,
    pledges_counted,
    zero_sum,
)
from reports.selectors.breakdowns import BreakdownRow, by_field
from reports.selectors.periods import Period


@dataclass
class FormRow:
    form: str
    label: str
    programs: int = 0
    budget: int = 0
    target_beneficiaries: int = 0


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


@dataclass
class ForumReport:
    year: int
    scope: Region | None
    company: Company | None
    total: ForumRow
    by_form: list[FormRow]
    by_field: list[BreakdownRow]
    companies: list[ForumRow]
    programs: list[Program]
    district_names: list[str]

    @property
    def period(self) -> Period:
        return Period(self.year)


def forum_members(agency: Agency | None = None) -> QuerySet[Company]:
    """Members of an agency's forum (of any agency's forum when ``agency`` is None)."""
    memberships = Partnership.objects.filter(company=OuterRef("pk"), forum_member=True)
    if agency is not None:
        memberships = memberships.filter(agency=agency)
    return Company.objects.filter(Exists(memberships)).order_by("name")


def programs_in_year(year: int) -> QuerySet[Program]:
    """Programs running at some time in the year, cancelled ones aside."""
    return Program.objects.exclude(status=ProgramStatus.CANCELLED).filter(
        Q(start_date__lte=datetime.date(year, 12, 31)),
        Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1)),
    )


def _district_key():
    return Substr("pledge__need__facility__region_id", 1, DISTRICT_CODE_LENGTH)


def forum_report(
    year: int, *, company: Company | None = None, scope: Region | None = None, agency: Agency | None = None
) -> ForumReport:
    """The Forum TSLP annual report: for the whole forum (its member companies) or one company.

    Programs running in the year by form and field; rupiah pledged (pledges made in the year)
    and delivered (deliveries dated in the year); beneficiaries reached and districts reached
    by verified deliveries; pledges delivered and verified. A fixed number of queries: eight
    for the forum, eight for one company."""
    period = Period(year)
    scope_code = scope.code if scope else ""
    companies = {company.pk: company} if company else {c.pk: c for c in forum_members(agency)}
    ids = list(companies)
    programs = programs_in_year(year).filter(company_id__in=ids)
    pledges = pledges_counted(period, scope_code).filter(company_id__in=ids)
    deliveries = deliveries_counted(period, scope_code).filter(pledge__company_id__in=ids)
    reached = deliveries.filter(status=DeliveryStatus.VERIFIED, pledge__need__facility__region__level__gte=3)

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
    for values in pledges.values(key=F("company_id")).annotate(**pledge_sums).order_by():
        row = rows[values["key"]]
        row.figures.add(values)
        row.pledges_delivered = values["pledges_delivered"]
        row.pledges_verified = values["pledges_verified"]
    for values in deliveries.values(key=F("pledge__company_id")).annotate(**DELIVERY_SUMS).order_by():
        rows[values["key"]].figures.add(values)
    per_company_districts = (
        reached.annotate(district=_district_key())
        .values(key=F("pledge__company_id"))
        .annotate(n=Count("district", distinct=True))
        .order_by()
    )
    for values in per_company_districts:
        rows[values["key"]].districts = values["n"]

    # Districts reached by the forum as a whole: a district reached by two companies counts once.
    district_codes = list(reached.annotate(district=_district_key()).values_list("district", flat=True).distinct())
    total = ForumRow(None, company.name if company else _("Forum TSLP"), company.slug if company else "")
    for row in rows.values():
        total.programs += row.programs
        total.budget += row.budget
        total.figures.merge(row.figures)
        total.pledges_delivered += row.pledges_delivered
        total.pledges_verified += row.pledges_verified
    total.districts = len(district_codes)

    forms = {value: FormRow(value, label) for value, label in ProgramForm.choices}
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
    program_list = (
        list(programs.prefetch_related("fields").order_by("start_date", "title")) if company is not None else []
    )
    district_names = (
        list(Region.objects.filter(code__in=district_codes).order_by("name").values_list("name", flat=True))
        if company is not None
        else []
    )
    return ForumReport(
        year=year,
        scope=scope,
        company=company,
        total=total,
        by_form=list(forms.values()),
        by_field=fields,
        companies=sorted(rows.values(), key=lambda row: (-row.figures.pledged, row.name)),
        programs=program_list,
        district_names=district_names,
    )
