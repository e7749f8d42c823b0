"""Checks that apps above core run on the new rows of an import: the duplicates app registers
one for facilities, companies and needs (a new row that looks like an existing record), and
the preview lists what they say beside the row. Registered from the app's ``ready()``, so this
package imports no app."""

from collections.abc import Callable

from django.db.models import Model

#: How many new rows of one file are checked.
CHECKED_ROWS = 200

#: ``check(instances)`` gives the notes on each of the new rows of one model, in their order;
#: it is given them all at once, so that it can read what it compares them with in one query.
RowCheck = Callable[[list[Model]], list[list[str]]]
_checks: dict[str, list[RowCheck]] = {}


def register_row_check(model_label: str, check: RowCheck) -> None:
    """Run ``check`` on the new rows of ``model_label`` (``app.Model``)."""
    if check not in _checks.setdefault(model_label, []):
        _checks[model_label].append(check)


def rows_notes(instances: list[Model]) -> list[list[str]]:
    """The notes of every registered check on each of ``instances`` (new rows of one model)."""
    notes: list[list[str]] = [[] for _instance in instances]
    if not instances:
        return notes
    for check in _checks.get(instances[0]._meta.label, []):
        for found, more in zip(notes, check(instances), strict=True):
            found.extend(more)
    return notes
