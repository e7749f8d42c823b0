"""The only way needs change: created, edited, published, cancelled and reopened.

The admin, the spreadsheet import and the demo loader all come through here. Every function is
keyword-only, takes the acting user as ``actor`` (``None`` for the system: the demo loader and
management commands), runs in one transaction with the need's row locked, and refuses what is
not allowed with ``NeedError``, changing nothing.

A need's status moves only along ``NEED_MOVES``. *Fulfilled* is never chosen by hand: a need is
fulfilled exactly when its verified deliveries reach its quantity (the pledge services move it
there; an edit of the quantity moves it there or back). The coverage counters
(``quantity_pending``, ``quantity_covered``, ``quantity_delivered``) belong to the pledge
services and are never written here.

Cancelling a need whose pledges still hold quantity (offers or proposals waiting for an
answer, commitments not yet delivered) is refused: those companies have been promised
something, and each of their pledges must be cancelled or reduced in the matching workflow,
with its reason and notice to the company, first (docs/decisions.md, "Needs").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.roles import facility_id_of
from facilities.models import Need, NeedStatus

S = NeedStatus

# (from, to) -> what the move is called in the need's history.
NEED_MOVES: dict[tuple[str, str], str] = {
    (S.DRAFT, S.OPEN): "publish",
    (S.DRAFT, S.CANCELLED): "cancel",
    (S.OPEN, S.CANCELLED): "cancel",
    (S.CANCELLED, S.OPEN): "reopen",
    (S.FULFILLED, S.OPEN): "reopen",
}

# What staff (and the spreadsheet import) may edit. Status moves through the functions below;
# the counters through the pledge services.
EDITABLE_FIELDS = (
    "facility",
    "title",
    "title_en",
    "description",
    "description_en",
    "field",
    "kind",
    "quantity",
    "unit",
    "unit_cost",
    "priority",
    "needed_by",
    "beneficiaries",
    "is_public",
    "source",
    "source_date",
)
# The same, with foreign keys also by id (``field_id="pendidikan"``).
EDITABLE = frozenset(EDITABLE_FIELDS) | {"facility_id", "field_id"}


class NeedError(Exception):
    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


# --- the rules, shared with the spreadsheet import ---------------------------------------------


def held_quantity(need: Need) -> int:
    """What pledges hold of the need: waiting for an answer or committed."""
    return need.quantity_pending + need.quantity_covered


def has_live_pledges(need: Need) -> bool:
    """Pledges still hold quantity that has not been delivered and verified."""
    return need.quantity_pending > 0 or need.quantity_covered > need.quantity_delivered


def quantity_problem(need: Need, quantity: int) -> str | None:
    """Why ``quantity`` cannot be the need's quantity, or None."""
    held = held_quantity(need)
    if quantity < held:
        return _(
            "The quantity %(quantity)s is below what partners have pledged or are offering (%(held)s). "
            "Reduce or cancel pledges first."
        ) % {"quantity": quantity, "held": held}
    return None


def move_problem(need: Need, old: str, new: str) -> str | None:
    """Why the need cannot move from ``old`` to ``new``, or None (no move is no problem)."""
    if old == new:
        return None
    if new == S.FULFILLED:
        return _("A need becomes fulfilled by itself when its verified deliveries reach its quantity.")
    if (old, new) not in NEED_MOVES:
        return _("A need cannot go from “%(old)s” to “%(new)s”.") % {"old": S(old).label, "new": S(new).label}
    if new == S.CANCELLED and has_live_pledges(need):
        return _(
            "This need still has live pledges (%(pending)s waiting for an answer, %(undelivered)s committed "
            "but not yet delivered). Cancel or reduce them in the matching workflow first, so their companies "
            "are told."
        ) % {"pending": need.quantity_pending, "undelivered": need.quantity_covered - need.quantity_delivered}
    if new == S.OPEN and old in (S.CANCELLED, S.FULFILLED) and need.quantity_delivered >= need.quantity:
        return _("Everything this need asks for has been delivered: raise its quantity to reopen it.")
    return None


def settled_status(need: Need, status: str) -> str:
    """``status`` with *fulfilled* derived: an open need whose deliveries reach its quantity is
    fulfilled, a fulfilled need whose quantity was raised is open again."""
    if status == S.OPEN and need.quantity_delivered >= need.quantity:
        return S.FULFILLED
    if status == S.FULFILLED and need.quantity_delivered < need.quantity:
        return S.OPEN
    return status


# --- the writes ---------------------------------------------------------------------------------


def _require(actor: AbstractBaseUser | None, permission: str) -> None:
    if actor is not None and not (actor.is_active and actor.has_perm(permission)):
        raise NeedError(_("You may not change needs."))


def _save(need: Need, actor: AbstractBaseUser | None, reason: str = "", *, update_fields=None) -> Need:
    try:
        need.full_clean(exclude=["quantity_pending", "quantity_covered", "quantity_delivered"])
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise NeedError(" ".join(messages), field=None if field == "__all__" else field) from error
    if actor is not None:
        need._history_user = actor
    if reason:
        need._change_reason = reason
    need.save(update_fields=update_fields)
    return need


def _require_create(actor: AbstractBaseUser | None, publish: bool, values: Mapping[str, Any]) -> None:
    """Staff with the permission create needs; a facility's own account only proposes them:
    drafts of its own facility, which Dinsos publishes."""
    member_facility = facility_id_of(actor) if actor is not None and actor.is_active else None
    if member_facility is None:
        _require(actor, "facilities.add_need")
        return
    facility = values.get("facility")
    facility_id = facility.pk if facility is not None else values.get("facility_id")
    if publish or facility_id != member_facility:
        raise NeedError(_("A facility proposes needs for itself only, as drafts that Dinsos publishes."))


@transaction.atomic
def need_create(*, actor: AbstractBaseUser | None, publish: bool = True, **values: Any) -> Need:
    """A new need of a facility, open at once or kept as a draft (``publish=False``). A
    facility's own account may create drafts of its facility only."""
    _require_create(actor, publish, values)
    unknown = set(values) - EDITABLE
    if unknown:
        raise TypeError(f"need_create got fields it may not set: {sorted(unknown)}")
    need = Need(**values, status=S.OPEN if publish else S.DRAFT)
    return _save(need, actor)


def _locked(need: Need) -> Need:
    return Need.objects.select_for_update().get(pk=need.pk)


@transaction.atomic
def need_update(*, need: Need, actor: AbstractBaseUser | None, changes: Mapping[str, Any]) -> Need:
    """Edit what staff may edit. A quantity below what pledges hold is refused; a quantity that
    deliveries now reach fulfils the need, a raised one reopens a fulfilled need."""
    _require(actor, "facilities.change_need")
    unknown = set(changes) - EDITABLE
    if unknown:
        raise NeedError(_("These fields change only through the workflow: %(fields)s.") % {"fields": sorted(unknown)})
    locked = _locked(need)
    if "quantity" in changes and (problem := quantity_problem(locked, changes["quantity"])):
        raise NeedError(problem, field="quantity")
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.status = settled_status(locked, locked.status)
    _save(locked, actor)
    _refresh(need, locked)
    return locked


def _move(need: Need, actor: AbstractBaseUser | None, new: str, reason: str) -> Need:
    _require(actor, "facilities.change_need")
    locked = _locked(need)
    if problem := move_problem(locked, locked.status, new):
        raise NeedError(problem)
    locked.status = new
    _save(locked, actor, reason, update_fields=["status", "updated_at"])
    _refresh(need, locked)
    return locked


@transaction.atomic
def need_publish(*, need: Need, actor: AbstractBaseUser | None) -> Need:
    """A draft becomes open: visible to partners and, if public, to everyone."""
    return _move(need, actor, S.OPEN, "")


@transaction.atomic
def need_cancel(*, need: Need, actor: AbstractBaseUser | None, reason: str) -> Need:
    """The need is no longer wanted. Refused while pledges hold quantity (see the module)."""
    if not reason.strip():
        raise NeedError(_("Say why the need is cancelled."), field="reason")
    return _move(need, actor, S.CANCELLED, reason.strip())


@transaction.atomic
def need_reopen(*, need: Need, actor: AbstractBaseUser | None, quantity: int | None = None, reason: str = "") -> Need:
    """A cancelled need is wanted again, or a fulfilled one asks for more (give the new,
    higher ``quantity``)."""
    if quantity is not None:
        locked = _locked(need)
        if problem := quantity_problem(locked, quantity):
            raise NeedError(problem, field="quantity")
        if locked.status == S.FULFILLED and quantity <= locked.quantity_delivered:
            raise NeedError(_("Everything this need asks for has been delivered: raise its quantity to reopen it."))
        locked.quantity = quantity
        _save(locked, actor, update_fields=["quantity", "updated_at"])
    return _move(need, actor, S.OPEN, reason.strip())


def _refresh(need: Need, locked: Need) -> None:
    """Let the caller's instance see what was saved."""
    if need is not locked:
        for field in Need._meta.concrete_fields:
            setattr(need, field.attname, getattr(locked, field.attname))
