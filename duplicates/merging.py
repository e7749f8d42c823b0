"""How a merge moves rows: every relation pointing at the removed record is found by walking
``_meta.get_fields(include_hidden=True)`` (foreign keys and one-to-ones of every app, the hidden
ones of many-to-many tables and of django-simple-history's historical rows), plus generic
relations, so a relation added later is moved without touching this module.

A row that cannot move because the kept record already has one like it (a unique constraint)
is combined where that is plain: a many-to-many link the kept record already has is dropped,
two partnerships with one agency become one. Anything else refuses the merge with the reason.
"""

from __future__ import annotations

from collections import Counter

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, UniqueConstraint
from django.utils.translation import gettext as _

from agencies.scope import staff_scope
from circulars.models import CircularRecipient
from duplicates.models import DuplicateKind
from duplicates.selectors import companies_of_area
from matching.models import LIVE_STATES, Pledge, PledgeStatus
from partners.models import Partnership

#: Tables that only log that something was done once per record and period (the reports app,
#: above this one, names them by label): the kept record's row stands for both.
LOG_TABLES = frozenset({"reports.RealisationReminder"})
OPEN_PLEDGE_STATES = LIVE_STATES | {PledgeStatus.DELIVERED}


class MergeRefused(Exception):
    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


# --- may these two be merged? ------------------------------------------------------------------


def refusals(kind: str, kept: Model, removed: Model, actor) -> list[str]:
    """Why ``actor`` may not merge the two (empty when it may)."""
    scope = staff_scope(actor)
    problems = []
    if kind == DuplicateKind.FACILITY:
        for record in (kept, removed):
            if not scope.covers(record.region_id):
                problems.append(_("%(name)s lies outside your area.") % {"name": record.name})
        return problems
    ours = set(companies_of_area(scope).filter(pk__in=[kept.pk, removed.pk]).values_list("pk", flat=True))
    for record in (kept, removed):
        if record.pk not in ours:
            problems.append(
                _("%(name)s is neither registered in your area nor a partner of your agency.") % {"name": record.name}
            )
    if not scope.everything:
        elsewhere = (
            Pledge.objects.filter(company__in=[kept.pk, removed.pk], status__in=OPEN_PLEDGE_STATES)
            .exclude(scope.q("need__facility__region"))
            .select_related("company", "need__facility")
            .order_by("pk")
        )
        for pledge in elsewhere[:5]:
            problems.append(
                _(
                    "%(company)s has an open pledge (#%(pledge)s) on “%(need)s” of %(facility)s, in another "
                    "agency's workflow: that agency must close or move it first."
                )
                % {
                    "company": pledge.company.name,
                    "pledge": pledge.pk,
                    "need": pledge.need.title,
                    "facility": pledge.need.facility.name,
                }
            )
    return problems


# --- the relations -----------------------------------------------------------------------------


def reverse_foreign_keys(model: type[Model]) -> list:
    """Every foreign key or one-to-one of any model (hidden ones included) that points at
    ``model``."""
    return [
        relation.field
        for relation in model._meta.get_fields(include_hidden=True)
        if relation.auto_created and not relation.concrete and (relation.one_to_many or relation.one_to_one)
    ]


def generic_relations(model: type[Model]) -> list[GenericRelation]:
    return [field for field in model._meta.private_fields if isinstance(field, GenericRelation)]


def related_counts(record: Model) -> Counter:
    """Rows pointing at ``record``, per table (``app.Model``)."""
    counts: Counter = Counter()
    for field in reverse_foreign_keys(type(record)):
        counts[field.model._meta.label] += field.model._base_manager.filter(**{field.name: record.pk}).count()
    for relation in generic_relations(type(record)):
        counts[relation.related_model._meta.label] += _generic_rows(relation, record).count()
    return counts


def _generic_rows(relation: GenericRelation, record: Model):
    return relation.related_model._base_manager.filter(
        **{
            relation.content_type_field_name: ContentType.objects.get_for_model(type(record)),
            relation.object_id_field_name: record.pk,
        }
    )


# --- moving ------------------------------------------------------------------------------------


def move_related(kept: Model, removed: Model) -> tuple[dict[str, int], dict[str, int]]:
    """Point every row of ``removed`` at ``kept``; returns (moved, combined) counts per table.
    Runs until nothing points at ``removed``: combining rows writes history rows of its own."""
    moved: Counter = Counter()
    combined: Counter = Counter()
    for _pass in range(3):
        before = sum(moved.values()) + sum(combined.values())
        for field in reverse_foreign_keys(type(kept)):
            _move_field(field, kept, removed, moved, combined)
        for relation in generic_relations(type(kept)):
            count = _generic_rows(relation, removed).update(**{relation.object_id_field_name: kept.pk})
            if count:
                moved[relation.related_model._meta.label] += count
        if sum(moved.values()) + sum(combined.values()) == before:
            break
    return dict(moved), dict(combined)


def _unique_sets(field) -> list[tuple[list[str], Q | None]]:
    """The other fields that, with ``field``, must be unique (and the constraint's condition)."""
    model = field.model
    sets: list[tuple[list[str], Q | None]] = []
    if field.unique:
        sets.append(([], None))
    for together in model._meta.unique_together:
        if field.name in together:
            sets.append(([name for name in together if name != field.name], None))
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and constraint.fields and field.name in constraint.fields:
            sets.append(([name for name in constraint.fields if name != field.name], constraint.condition))
    return sets


def _move_field(field, kept: Model, removed: Model, moved: Counter, combined: Counter) -> None:
    model = field.model
    manager = model._base_manager
    label = model._meta.label
    for others, condition in _unique_sets(field):
        rows = manager.filter(**{field.name: removed.pk})
        if condition is not None:
            rows = rows.filter(condition)
        for row in rows:
            lookup = {field.name: kept.pk}
            lookup.update({name: getattr(row, model._meta.get_field(name).attname) for name in others})
            twins = manager.filter(**lookup)
            if condition is not None:
                twins = twins.filter(condition)
            twin = twins.first()
            if twin is None:
                continue
            combine(model, twin, row, others)
            combined[label] += 1
    count = manager.filter(**{field.name: removed.pk}).update(**{field.name: kept.pk})
    if count:
        moved[label] += count


def combine(model, kept_row: Model, removed_row: Model, others: list[str]) -> None:
    """Make one row of two that a unique constraint on ``others`` and the record allows once,
    or refuse the merge naming the table."""
    if model._meta.auto_created:
        # A many-to-many link the kept record already has.
        removed_row.delete()
        return
    if model is Partnership:
        _combine_partnerships(kept_row, removed_row)
        return
    if model is CircularRecipient:
        _combine_recipients(kept_row, removed_row)
        return
    if model._meta.label in LOG_TABLES:
        removed_row.delete()
        return
    raise MergeRefused(
        [
            _(
                "Both records have a row in “%(table)s” for the same %(fields)s (#%(kept)s and #%(removed)s): "
                "resolve one of them first."
            )
            % {
                "table": model._meta.verbose_name_plural,
                "fields": ", ".join(str(model._meta.get_field(name).verbose_name) for name in others) or "-",
                "kept": kept_row.pk,
                "removed": removed_row.pk,
            }
        ]
    )


def _combine_partnerships(kept: Partnership, removed: Partnership) -> None:
    """One agency's partnership with each of the two: the forum membership and the earliest
    date since kept, the notes of both."""
    kept.forum_member = kept.forum_member or removed.forum_member
    dates = [date for date in (kept.forum_member_since, removed.forum_member_since) if date]
    kept.forum_member_since = min(dates) if dates else None
    if removed.notes.strip() and removed.notes.strip() not in kept.notes:
        kept.notes = "\n\n".join(part for part in (kept.notes.strip(), removed.notes.strip()) if part)
    kept.save(update_fields=["forum_member", "forum_member_since", "notes"])
    removed.delete()


def _combine_recipients(kept: CircularRecipient, removed: CircularRecipient) -> None:
    """One circular sent to both: sent when first sent, acknowledged if either acknowledged it."""
    if removed.sent_at < kept.sent_at:
        kept.sent_at, kept.sent_by_id = removed.sent_at, removed.sent_by_id
    if kept.acknowledged_on is None and removed.acknowledged_on is not None:
        for name in ("acknowledged_on", "acknowledged_at", "acknowledged_by_id", "channel", "note", "recorded_by_id"):
            setattr(kept, name, getattr(removed, name))
    kept.save()
    removed.delete()


# --- the kept record's empty fields ------------------------------------------------------------

NEVER_FILLED = {"name", "slug", "created_at", "updated_at"}


def fill_blanks(kept: Model, snapshot: dict, *, actor) -> list[str]:
    """Fill the kept record's empty fields (an LKS number, an e-mail, coordinates) from the
    removed one's snapshot; returns the names filled. Run after the removed record is deleted,
    so that a unique number can pass to the kept one."""
    filled = []
    for field in type(kept)._meta.concrete_fields:
        if field.primary_key or not field.editable or field.name in NEVER_FILLED or field.name not in snapshot:
            continue
        value = snapshot[field.name]
        if value in (None, "") or getattr(kept, field.attname) not in (None, ""):
            continue
        setattr(kept, field.attname, value)
        filled.append(field.name)
    if filled:
        kept._history_user = actor
        kept.save(update_fields=[*filled, *(["updated_at"] if hasattr(kept, "updated_at") else [])])
    return filled
