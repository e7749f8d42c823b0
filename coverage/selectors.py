"""Reads of the government coverage registry: what staff of an area see, and what covers a
facility or kecamatan in a field and period (read by ``overlaps`` and ``reports``)."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from agencies.scope import Scope
from coverage.models import GovernmentCoverage


def coverage_in_scope(scope: Scope) -> QuerySet[GovernmentCoverage]:
    return GovernmentCoverage.objects.filter(scope.q("region"))


def coverage_during(start: datetime.date, end: datetime.date) -> Q:
    """Records whose period meets ``start``–``end``."""
    return Q(start_date__lte=end, end_date__gte=start)


def coverage_for(
    *,
    field_codes: list[str],
    kecamatan_codes: list[str],
    facility_id: int | None,
    start: datetime.date,
    end: datetime.date,
) -> QuerySet[GovernmentCoverage]:
    """Records of the facility ``facility_id`` or of a whole kecamatan in ``kecamatan_codes``,
    in one of the fields, whose period meets ``start``–``end``. A record of another facility in
    the same kecamatan does not count: it covers that facility."""
    place = Q(region_id__in=kecamatan_codes, facility__isnull=True)
    if facility_id is not None:
        place |= Q(facility_id=facility_id)
    return (
        GovernmentCoverage.objects.filter(place, coverage_during(start, end), field_id__in=field_codes)
        .select_related("region", "facility", "field")
        .order_by("-start_date", "pk")
    )


def coverage_in_kecamatans(
    *, field_codes: list[str], kecamatan_codes: list[str], start: datetime.date, end: datetime.date
) -> QuerySet[GovernmentCoverage]:
    """Every record (of a whole kecamatan or of a facility in it) in ``kecamatan_codes`` and one
    of the fields, whose period meets ``start``–``end``: what a program there would meet."""
    return (
        GovernmentCoverage.objects.filter(
            coverage_during(start, end), region_id__in=kecamatan_codes, field_id__in=field_codes
        )
        .select_related("region", "facility", "field")
        .order_by("-start_date", "pk")
    )
