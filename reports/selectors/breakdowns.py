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
    ``company_ids`` is given): one query, and the three of ``activity`` unless ``data`` is given."""
    data = data or activity(period, scope_code, company_ids=company_ids)
    return [
        BreakdownRow(csr_field.code, csr_field.label, data.per_field.get(csr_field.code, Figures()))
        for csr_field in CsrField.objects.all()
    ]


def by_company(period: Period, scope_code: str = "", *, limit: int = 15) -> list[BreakdownRow]:
    """The companies that pledged most in the period, with what they delivered in it, their
    share of reports on time and their deliveries overdue today: four queries (one when nothing
    was pledged)."""
    top = list(
        pledges_counted(period, scope_code)
        .values("company_id")
        .annotate(**PLEDGE_SUMS)
        .order_by("-pledged", "company_id")
        .values_list("company_id", *PLEDGE_SUMS)[:limit]
    )
    if not top:
        return []
    ids = [row[0] for row in top]
    names = dict(Company.objects.filter(pk__in=ids).values_list("pk", "name"))
    rows = {}
    for company_id, *values in top:
        rows[company_id] = BreakdownRow(company_id, names.get(company_id, ""))
        rows[company_id].figures.add_values(tuple(PLEDGE_SUMS), values)
    deliveries = (
        deliveries_counted(period, scope_code)
        .filter(pledge__company_id__in=ids)
        .values_list("pledge__company_id")
        .annotate(**DELIVERY_SUMS)
        .order_by()
    )
    for company_id, *values in deliveries:
        rows[company_id].figures.add_values(tuple(DELIVERY_SUMS), values)
    overdue = overdue_pledges(scope_code).filter(company_id__in=ids).values_list("company_id").annotate(n=Count("pk"))
    for company_id, count in overdue.order_by():
        rows[company_id].figures.overdue = count
    return list(rows.values())


def by_facility(
    period: Period, scope_code: str = "", *, public: bool, limit: int = 15, data: Activity | None = None
) -> list[BreakdownRow]:
    """The facilities that received most pledges in the period (then most deliveries), published
    ones only on the public page: one query for their names, and the three of ``activity``
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
