"""Reads of realisation reports that the partner portal and the admin share."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from agencies.scope import Scope
from programs.models import Program, Realisation, RealisationShare


def realisations_in_area(scope: Scope) -> Q:
    """The reports a staff account works on: the registering agency's region in the area, or one
    of the report's regions: a WHERE clause and one EXISTS, never a query per row."""
    if scope.everything:
        return Q()
    shares = RealisationShare.objects.filter(scope.q("region"), realisation=OuterRef("pk"))
    return scope.q("program__agency__region") | Q(Exists(shares))


def company_realisations(company_id: int) -> QuerySet[Realisation]:
    """A company's reports, newest period first, with what a row of the list shows."""
    return (
        Realisation.objects.filter(program__company_id=company_id)
        .select_related("program__agency")
        .annotate(n_shares=Count("shares", distinct=True), n_evidence=Count("evidence", distinct=True))
        .order_by("-year", "-quarter", "program__title", "pk")
    )


def realisation_with_details(queryset: QuerySet[Realisation]) -> QuerySet[Realisation]:
    """Reports with their program, split (regions and their parents) and evidence."""
    return queryset.select_related("program__agency", "program__company", "verified_by").prefetch_related(
        Prefetch("shares", queryset=RealisationShare.objects.select_related("region__parent")),
        "evidence",
    )


def company_programs(company_id: int) -> QuerySet[Program]:
    return Program.objects.filter(company_id=company_id).select_related("agency")
