"""The writes of duplicates: a staff decision on a pair, and a merge of two facilities or two
companies. Views, admin actions and tests call these and nothing else."""

from __future__ import annotations

from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model, Q
from django.utils.translation import gettext as _

from agencies.scope import staff_scope
from duplicates.merging import MergeRefused, fill_blanks, move_related, refusals
from duplicates.models import Decision, DuplicateDecision, DuplicateKind, MergeRecord
from duplicates.selectors import MODELS, kind_of, ordered

__all__ = ["MergeRefused", "decision_record", "records_merge"]

MERGEABLE = (DuplicateKind.FACILITY, DuplicateKind.COMPANY)


def _require_writer(actor, model) -> None:
    permission = f"{model._meta.app_label}.change_{model._meta.model_name}"
    scope = staff_scope(actor)
    if not scope.any or scope.read_only or not actor.has_perm(permission):
        raise PermissionDenied(_("Your account may not decide on duplicates of this kind."))


def _require_in_area(kind: str, records: list[Model], actor) -> None:
    """Facilities and needs are decided on by the staff of their area; companies are one register."""
    scope = staff_scope(actor)
    for record in records:
        facility = record if kind == DuplicateKind.FACILITY else getattr(record, "facility", None)
        if facility is not None and not scope.covers(facility.region_id):
            raise PermissionDenied(_("%(name)s lies outside your area.") % {"name": _label(record)})


def _label(record: Model) -> str:
    return str(getattr(record, "name", None) or getattr(record, "title", None) or record)[:200]


@transaction.atomic
def decision_record(*, first: Model, second: Model, decision: str, actor, note: str = "") -> DuplicateDecision:
    """Record that two records are the same or different; the pair is not offered again."""
    kind = kind_of(first)
    if kind is None or kind != kind_of(second) or first.pk == second.pk:
        raise ValueError("A decision is about two different records of one kind.")
    if decision not in Decision.values:
        raise ValueError(f"Unknown decision {decision!r}.")
    _require_writer(actor, MODELS[kind])
    _require_in_area(kind, [first, second], actor)
    if first.pk > second.pk:
        first, second = second, first
    found, _created = DuplicateDecision.objects.update_or_create(
        kind=kind,
        first_id=first.pk,
        second_id=second.pk,
        defaults={
            "decision": decision,
            "note": note.strip(),
            "decided_by": actor,
            "first_label": _label(first),
            "second_label": _label(second),
        },
    )
    return found


def _carry_decisions(kind: str, kept: Model, removed: Model) -> None:
    """A pair staff decided with the removed record (say, "different" from a third one) holds for
    the kept record too, unless the kept one has its own decision on that pair."""
    for decision in DuplicateDecision.objects.filter(kind=kind).filter(
        Q(first_id=removed.pk) | Q(second_id=removed.pk)
    ):
        other_id = decision.second_id if decision.first_id == removed.pk else decision.first_id
        if other_id == kept.pk:
            continue
        first_id, second_id = ordered(kept.pk, other_id)
        if DuplicateDecision.objects.filter(kind=kind, first_id=first_id, second_id=second_id).exists():
            continue
        other_label = decision.second_label if decision.first_id == removed.pk else decision.first_label
        DuplicateDecision.objects.create(
            kind=kind,
            first_id=first_id,
            second_id=second_id,
            first_label=_label(kept) if first_id == kept.pk else other_label,
            second_label=_label(kept) if second_id == kept.pk else other_label,
            decision=decision.decision,
            note=decision.note,
            decided_by=decision.decided_by,
        )


def records_merge(*, kept: Model, removed: Model, reason: str, actor) -> MergeRecord:
    """Move every row related to ``removed`` onto ``kept`` and delete ``removed``, in one
    transaction. Refused (``MergeRefused``, with the reasons) when either record is outside the
    actor's area or in another agency's open workflow, or when a related row cannot be moved."""
    kind = kind_of(kept)
    if kind not in MERGEABLE or kind != kind_of(removed):
        raise MergeRefused([_("Only two facilities or two companies can be merged.")])
    if kept.pk == removed.pk:
        raise MergeRefused([_("A record cannot be merged with itself.")])
    reason = (reason or "").strip()
    if not reason:
        raise MergeRefused([_("Give the reason for the merge.")])
    model = MODELS[kind]
    _require_writer(actor, model)
    with transaction.atomic():
        # Both rows locked, in the order of their keys, so two merges never wait on each other.
        locked = {row.pk: row for row in model._base_manager.select_for_update().filter(pk__in=[kept.pk, removed.pk])}
        if len(locked) != 2:
            raise MergeRefused([_("One of the two records no longer exists.")])
        kept, removed = locked[kept.pk], locked[removed.pk]
        problems = refusals(kind, kept, removed, actor)
        if problems:
            raise MergeRefused(problems)
        snapshot = serializers.serialize("python", [removed])[0]["fields"]
        moved, combined = move_related(kept, removed)
        _carry_decisions(kind, kept, removed)
        first_id, second_id = ordered(kept.pk, removed.pk)
        DuplicateDecision.objects.update_or_create(
            kind=kind,
            first_id=first_id,
            second_id=second_id,
            defaults={
                "decision": Decision.SAME,
                "note": reason,
                "decided_by": actor,
                "first_label": _label(kept if kept.pk == first_id else removed),
                "second_label": _label(removed if removed.pk == second_id else kept),
            },
        )
        record = MergeRecord.objects.create(
            kind=kind,
            kept_id=kept.pk,
            kept_label=_label(kept),
            removed_id=removed.pk,
            removed_label=_label(removed),
            snapshot=snapshot,
            moved=moved,
            combined=combined,
            reason=reason,
            merged_by=actor,
        )
        removed_id = removed.pk
        removed.delete()  # every row has moved: nothing cascades, nothing is protected
        record.filled = fill_blanks(kept, snapshot, actor=actor)
        if record.filled:
            record.save(update_fields=["filled"])
        removed.pk = removed_id
    return record
