from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PUBLIC_FORM_RENDERER
from partners.models import PartnerInterest


class PartnerInterestForm(forms.ModelForm):
    """The short "I want to help" form of a need page.

    ``website`` is a trap for robots: people never see it (it is hidden by CSS and skipped by
    the keyboard), so a request that fills it in is dropped.
    """

    default_renderer = PUBLIC_FORM_RENDERER
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = PartnerInterest
        fields = ["name", "organisation", "email", "phone", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
