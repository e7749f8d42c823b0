"""Forms of the admin's own screens."""

from django import forms
from django.utils.translation import gettext_lazy as _

from facilities.models import MemberRole
from partners.models import OfficerRole


class OfficerInviteForm(forms.Form):
    """Dinsos staff open a partner account for a CSR officer of a company."""

    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("The invitation goes here; it is also the officer's username.")
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=OfficerRole.choices, initial=OfficerRole.STAFF)
    job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)


class MemberInviteForm(forms.Form):
    """Dinsos staff open a facility account for the head or a staff member of a facility."""

    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("The invitation goes here; it is also the account's username.")
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.STAFF)
    job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)


class OverrideReasonForm(forms.Form):
    """Verifying a delivery the facility disputed or has not confirmed in time needs a reason."""

    override_reason = forms.CharField(
        label=_("Reason for verifying without the facility's confirmation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the facility disputed the delivery or has not confirmed it in time."),
    )
