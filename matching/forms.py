from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Company, CompanyStatus


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The partner sees this reason."),
    )


class ProposeForm(forms.Form):
    """Dinsos proposes a pledge on a need to one company."""

    company = forms.ModelChoiceField(
        label=_("Company"),
        queryset=Company.objects.exclude(status=CompanyStatus.INACTIVE).order_by("name"),
    )
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)
    note = forms.CharField(label=_("Note to the partner"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    expected_delivery_date = forms.DateField(
        label=_("Expected delivery date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, remaining: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quantity"] = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=max(remaining, 1))


class ReduceForm(forms.Form):
    quantity = forms.IntegerField(label=_("New quantity"), min_value=1)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
