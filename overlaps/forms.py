"""The overlap warning in a form: a "reason to go ahead" field and the check that refuses to go
ahead over overlaps without one. The refusal is a form error that lists the overlaps, so every
form that shows its errors shows the warning too."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from overlaps.selectors import Overlap

REASON_FIELD = "overlap_reason"


def overlap_reason_field() -> forms.CharField:
    return forms.CharField(
        label=_("Reason to go ahead despite overlaps"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Needed only when the portal warns that something already covers the same thing: "
            "say why this is still needed (recorded with your name)."
        ),
    )


def overlap_message(overlaps: Sequence[Overlap]) -> str:
    listed = "; ".join(overlap.label for overlap in overlaps)
    return gettext("Something already covers the same thing: %(overlaps)s. Check it, or give a reason to go ahead.") % {
        "overlaps": listed
    }


def require_reason(
    form: forms.Form, overlaps: Sequence[Overlap], field: str = REASON_FIELD, *, listed: bool = True
) -> None:
    """Keep ``overlaps`` on the form (``form.overlaps``) and, when there are some and no reason
    was given, add the warning as an error of the reason field: with the overlaps listed in it
    (``listed``), or short where the page lists them (templates/overlaps/includes)."""
    form.overlaps = list(overlaps)
    if overlaps and not (form.cleaned_data.get(field) or "").strip():
        message = overlap_message(overlaps) if listed else gettext("Give a reason to go ahead despite the overlaps.")
        form.add_error(field, message)


class OverlapReasonForm(forms.Form):
    """The reason asked on the page of an admin action (publish, approve) that meets overlaps."""

    overlap_reason = forms.CharField(
        label=_("Reason to go ahead despite overlaps"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Give a reason to go ahead despite the overlaps.")},
    )
