from django import forms
from django.utils.translation import gettext_lazy as _


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why they are different, for instance: two branches of one foundation."),
    )


class MergeForm(forms.Form):
    """Which of two records to keep, why, and the confirmation that the other one goes."""

    kept = forms.TypedChoiceField(label=_("Keep"), coerce=int, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded with the merge, for instance: registered twice, the second time with a typo."),
    )
    confirm = forms.BooleanField(
        label=_("I understand: everything of the other record moves to the one kept, and the other one is removed."),
    )

    def __init__(self, *args, records, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kept"].choices = [(record.pk, str(record)) for record in records]

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the merge."))
        return reason
