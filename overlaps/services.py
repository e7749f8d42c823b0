"""The only way overlap notes are written: a reason to go ahead despite overlaps, recorded with
what was done, the overlaps shown, who and when (``overlaps.models``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from overlaps.models import OverlapAction, OverlapNote
from overlaps.selectors import Overlap


class OverlapError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def overlap_note_record(
    *,
    action: str,
    overlaps: Sequence[Overlap],
    reason: str,
    actor: AbstractBaseUser | None,
    need=None,
    pledge=None,
    program=None,
) -> OverlapNote | None:
    """Record why ``actor`` went ahead despite ``overlaps``; nothing when there were none. A
    missing reason is refused: going ahead over an overlap always says why."""
    if not overlaps:
        return None
    reason = (reason or "").strip()
    if not reason:
        raise OverlapError(_("Give a reason to go ahead despite the overlaps."))
    if action not in OverlapAction.values:
        raise ValueError(f"unknown overlap action {action!r}")
    if pledge is not None and need is None:
        need = pledge.need
    region_id = None
    if need is not None:
        region_id = need.facility.region_id
    elif program is not None:
        first = program.target_regions.order_by("code").first()
        region_id = first.pk if first else (program.agency.region_id if program.agency_id else None)
    return OverlapNote.objects.create(
        action=action,
        need=need,
        pledge=pledge,
        program=program,
        region_id=region_id,
        overlaps=[overlap.as_dict() for overlap in overlaps],
        reason=reason,
        actor=actor if actor is not None and actor.is_authenticated else None,
    )
