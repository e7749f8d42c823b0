"""The only way government coverage records change: recorded and corrected by staff of the
area (the admin, the spreadsheet import and the demo loader come through here).

Each function is keyword-only, takes the acting user as ``actor`` (``None`` for the system),
runs in one transaction and refuses what is not allowed with ``CoverageError``, changing
nothing. A staff account records coverage only in its own area (``agencies.scope``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agencies.scope import staff_scope
from coverage.models import GovernmentCoverage
from regions.models import RegionLevel
from regions.selectors import DISTRICT_CODE_LENGTH

EDITABLE_FIELDS = (
    "source",
    "program_name",
    "region",
    "facility",
    "field",
    "start_date",
    "end_date",
    "kind",
    "amount",
    "households",
    "note",
)


class CoverageError(Exception):
    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def kecamatan_code(code: str | None) -> str | None:
    """The kecamatan of a region code at kecamatan level or below (``62.11.01.2001`` →
    ``62.11.01``); None above it."""
    if not code or len(code) < DISTRICT_CODE_LENGTH:
        return None
    return code[:DISTRICT_CODE_LENGTH]


def _place(record: GovernmentCoverage) -> None:
    """A facility's record lies in the facility's kecamatan; a kecamatan record needs a kecamatan."""
    if record.facility_id is not None:
        code = kecamatan_code(record.facility.region_id)
        if code is None:
            raise CoverageError(_("This facility is not placed in a kecamatan."), field="facility")
        record.region_id = code
    elif record.region_id is None:
        raise CoverageError(_("Choose the kecamatan or the facility covered."), field="region")
    elif record.region.level != RegionLevel.DISTRICT:
        raise CoverageError(_("Choose a kecamatan (a code such as 62.11.01)."), field="region")


def _check_actor(record: GovernmentCoverage, actor: AbstractBaseUser | None, permission: str) -> None:
    if actor is None:
        return
    if not (actor.is_active and actor.has_perm(permission)):
        raise CoverageError(_("You may not record government coverage."))
    scope = staff_scope(actor)
    if scope.read_only or not scope.covers(record.region_id):
        raise CoverageError(_("This kecamatan lies outside your area."), field="region")


def check(record: GovernmentCoverage, actor: AbstractBaseUser | None, permission: str) -> None:
    """Refuse (``CoverageError``) a record that may not be saved as it stands; forms call it
    to show the refusal beside the field before saving."""
    _place(record)
    _check_actor(record, actor, permission)
    if record.start_date and record.end_date and record.end_date < record.start_date:
        raise CoverageError(_("The period ends before it starts."), field="end_date")
    if not (record.amount or record.households):
        raise CoverageError(_("Give the amount in rupiah, the households reached, or both."), field="amount")
    try:
        record.full_clean(exclude=["created_by"])
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise CoverageError(" ".join(messages), field=None if field == "__all__" else field) from error


def _save(record: GovernmentCoverage, actor: AbstractBaseUser | None, permission: str) -> GovernmentCoverage:
    check(record, actor, permission)
    if actor is not None:
        record._history_user = actor
    record.save()
    return record


# The same, with foreign keys also by id (``field_id="kesehatan"``).
EDITABLE = frozenset(EDITABLE_FIELDS) | {"region_id", "facility_id", "field_id"}


def _only_editable(values: Mapping[str, Any]) -> None:
    unknown = set(values) - EDITABLE
    if unknown:
        raise TypeError(f"coverage services got fields they may not set: {sorted(unknown)}")


@transaction.atomic
def coverage_create(*, actor: AbstractBaseUser | None, **values: Any) -> GovernmentCoverage:
    """A new record of what the government covers, in the actor's area."""
    _only_editable(values)
    record = GovernmentCoverage(**values, created_by=actor)
    return _save(record, actor, "coverage.add_governmentcoverage")


@transaction.atomic
def coverage_update(
    *, record: GovernmentCoverage, actor: AbstractBaseUser | None, changes: Mapping[str, Any]
) -> GovernmentCoverage:
    """A correction of a record; it stays in the actor's area."""
    _only_editable(changes)
    locked = GovernmentCoverage.objects.select_for_update().get(pk=record.pk)
    _check_actor(locked, actor, "coverage.change_governmentcoverage")
    for name, value in changes.items():
        setattr(locked, name, value)
    return _save(locked, actor, "coverage.change_governmentcoverage")
