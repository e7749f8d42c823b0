"""Figures by CSR field, by company and by facility."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from core.models import CsrField
from facilities.models import Facility
from partners.models import Company
from reports.selectors.activity import (
    DELIVERY_SUMS,
    PLEDGE_SUMS,
    Activity,
    Figures,
    activity,
    deliveries_counted,
    pledges_counted,
)
from reports.selectors.overdue import overdue_pledges
from reports.selectors.periods import Period


@dataclass
class BreakdownRow:
    key: object
    name: str
    figures: Figures = field(default_factory=Figures)
    slug: str = ""
    extra: str = ""
    programs: int = 0


def by_field(
    period: Period, scope_code: str = "", *, company_ids: list[int] | None = None, data: Activity | None = None
) -> list[BreakdownRow]:
    """Every CSR field, in the Perbup's order, with its figures (of some companies only, when
    ``company_ids`` is given): one query, and the five of ``activity`` unless ``data`` is given."""
    data = data or activity(period, scope_code, company_ids=company_ids)
    return [
        BreakdownRow(csr_field.code, csr_field.label, data.per_field.get(csr_field.code, Figures()))
        for csr_field in CsrField.objects.all()
    ]


def by_company(
    period: Period, scope_code: str = "", *, limit: int = 15, data: Activity | None = None
) -> list[BreakdownRow]:
    """The companies that realised most CSR in the period (verified deliveries and verified
    program realisations; ties: most planned, pledges and programs' budgets), with their share
    of delivery reports on time and their deliveries overdue today. A company with programs only
    is listed too. Four queries, and the five of ``activity`` unless ``data`` is given."""
    data = data or activity(period, scope_code)
    rows: dict[int, BreakdownRow] = {}

    def row(company_id: int) -> BreakdownRow:
        if company_id not in rows:
            rows[company_id] = BreakdownRow(company_id, "")
        return rows[company_id]

    pledges = pledges_counted(period, scope_code).values_list("company_id").annotate(**PLEDGE_SUMS).order_by()
    for company_id, *values in pledges:
        row(company_id).figures.add_values(tuple(PLEDGE_SUMS), values)
    deliveries = (
        deliveries_counted(period, scope_code).values_list("pledge__company_id").annotate(**DELIVERY_SUMS).order_by()
    )
    for company_id, *values in deliveries:
        row(company_id).figures.add_values(tuple(DELIVERY_SUMS), values)
    for company_id, figures in data.programs_per_company.items():
        if figures.realised_programs or figures.programs_awaiting or figures.planned_programs:
            row(company_id).figures.merge(figures)
    ranked = sorted(
        rows.values(), key=lambda r: (-r.figures.csr_realised, -r.figures.csr_planned, -r.figures.pledged, r.key)
    )[:limit]
    if not ranked:
        return []
    ids = [r.key for r in ranked]
    names = dict(Company.objects.filter(pk__in=ids).values_list("pk", "name"))
    for r in ranked:
        r.name = names.get(r.key, "")
    top = {r.key: r for r in ranked}
    overdue = overdue_pledges(scope_code).filter(company_id__in=ids).values_list("company_id").annotate(n=Count("pk"))
    for company_id, count in overdue.order_by():
        top[company_id].figures.overdue = count
    return ranked


def by_facility(
    period: Period, scope_code: str = "", *, public: bool, limit: int = 15, data: Activity | None = None
) -> list[BreakdownRow]:
    """The facilities that received most pledges in the period (then most deliveries), published
    ones only on the public page: one query for their names, and the five of ``activity``
    unless ``data`` is given."""
    data = data or activity(period, scope_code)
    candidates = [
        (facility_id, figures)
        for facility_id, figures in data.per_facility.items()
        if not public or data.facilities.get(facility_id, ("", False))[1]
    ]
    candidates.sort(key=lambda pair: (-pair[1].pledged, -pair[1].delivered, pair[0]))
    top = dict(candidates[:limit])
    if not top:
        return []
    names = {
        pk: (name, slug, region)
        for pk, name, slug, region in Facility.objects.filter(pk__in=list(top)).values_list(
            "pk", "name", "slug", "region__name"
        )
    }
    return [
        BreakdownRow(key, names[key][0], figures, names[key][1], names[key][2])
        for key, figures in top.items()
        if key in names
    ]
