"""Reads of programs that more than one place needs: the admin's scoping and the work queue."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from agencies.scope import Scope
from programs.models import Program


def programs_in_area(scope: Scope) -> Q:
    """The programs a staff account works on: those its area's agency registers, and those
    with a target region in the area (one EXISTS per row)."""
    if scope.everything:
        return Q()
    targets = Program.target_regions.through.objects.filter(scope.q("region"), program=OuterRef("pk"))
    return scope.q("agency__region") | Q(Exists(targets))
