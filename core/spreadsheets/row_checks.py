"""Checks that apps above core run on the new rows of an import: the duplicates app registers
one for facilities, companies and needs (a new row that looks like an existing record), and
the preview lists what they say beside the row. Registered from the app's ``ready()``, so this
package imports no app."""

from collections.abc import Callable

from django.db.models import Model

#: How many new rows of one file are checked (each check costs a few queries).
CHECKED_ROWS = 200

RowCheck = Callable[[Model], list[str]]
_checks: dict[str, list[RowCheck]] = {}


def register_row_check(model_label: str, check: RowCheck) -> None:
    """``check(instance)`` returns notes on a new row of ``model_label`` (``app.Model``)."""
    if check not in _checks.setdefault(model_label, []):
        _checks[model_label].append(check)


def row_notes(instance: Model) -> list[str]:
    notes: list[str] = []
    for check in _checks.get(instance._meta.label, []):
        notes.extend(check(instance))
    return notes
