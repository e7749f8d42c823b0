"""Form fields shared by every place people type the same kind of value: the admin, the partner
portal and the facility portal.

``RupiahField`` is the one field for an amount of rupiah. People write ``3.000.000``,
``Rp 3.000.000`` or ``3000000``; a ``type=number`` input refuses the first two in the browser
before the server ever sees them, so the field is a text input (with ``inputmode=numeric`` for a
phone's number pad) that reads Indonesian thousands separators, and shows a stored amount
grouped the same way (``3.000.000``) so that what is shown can be sent back unchanged.
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.spreadsheets.widgets import parse_whole_number

# A thousand trillion rupiah: far above any pledge, budget or report, far below the columns' limit.
MAX_RUPIAH = 10**15
_RUPIAH_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)


def group_thousands(value: int) -> str:
    """``3000000`` → ``3.000.000``."""
    return f"{value:,}".replace(",", ".")


class RupiahInput(forms.TextInput):
    """A text input for whole rupiah: the phone shows its number pad, the value is grouped."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return group_thousands(value)
        return super().format_value(value)


class RupiahField(forms.IntegerField):
    """Whole rupiah as people write them: ``Rp 1.250.000``, ``1.250.000`` or ``1250000``."""

    widget = RupiahInput
    default_error_messages = {
        "invalid": _("Write rupiah like Rp 1.250.000, 1.250.000 or 1250000 (no cents)."),
        "min_value": _("Rupiah cannot be negative."),
        "max_value": _("This amount is too large."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_RUPIAH)
        # A model field's form field (or the admin) would bring a NumberInput: rupiah is typed as text.
        widget = kwargs.get("widget")
        if not (widget is RupiahInput or isinstance(widget, RupiahInput)):
            kwargs["widget"] = RupiahInput
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        # IntegerField would add min, max and step: attributes of number inputs, not of text.
        attrs = super().widget_attrs(widget)
        for name in ("min", "max", "step"):
            attrs.pop(name, None)
        return attrs

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = _RUPIAH_PREFIX.sub("", str(value).strip())
        if text.startswith("-"):
            raise forms.ValidationError(self.error_messages["min_value"], code="min_value", params={"limit_value": 0})
        try:
            return parse_whole_number(text)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
