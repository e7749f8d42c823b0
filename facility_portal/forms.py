"""Forms of the facility portal. They only check input: every change goes through
``facilities.proposals`` or ``matching.receipts``, whose refusals come back as form errors."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import images
from core.fields import RupiahField
from facilities.models import Need
from facilities.proposals import PROPOSABLE_FIELDS
from matching.models import THANK_YOU_MAX_LENGTH, ReceiptCondition
from overlaps.forms import overlap_reason_field, require_reason
from overlaps.selectors import need_overlaps

NOTE_MAX_LENGTH = 2000
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_QUANTITY = 10_000_000


class NeedProposalForm(forms.ModelForm):
    """A new need, or changes to one, as the facility proposes them to Dinsos."""

    note = forms.CharField(
        label=_("Note to Dinsos"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why the facility needs this, or why it changed."),
    )

    class Meta:
        model = Need
        fields = list(PROPOSABLE_FIELDS)
        widgets = {"needed_by": DATE_WIDGET, "description": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"unit_cost": RupiahField}

    # Shown only when a new need overlaps what already covers the facility (issue 26).
    overlap_reason = overlap_reason_field()
    overlaps = ()

    def __init__(self, *args, facility=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The facility of a new need: compared with what already covers it.
        self.facility = facility
        for name, limit in (("quantity", MAX_QUANTITY), ("beneficiaries", MAX_QUANTITY)):
            self.fields[name].validators.append(_max(limit))

    def clean(self):
        data = super().clean()
        if self.facility is not None and data.get("title") and data.get("field"):
            overlaps = need_overlaps(
                facility=self.facility,
                field_code=data["field"].pk,
                title=data["title"],
                needed_by=data.get("needed_by"),
            )
            require_reason(self, overlaps, listed=False)
        return data

    def _post_clean(self):
        # The need services run the model's checks (and the coverage rules) when the need is
        # written; the form must not copy the proposed values onto the need shown beside it.
        pass

    def proposed(self) -> dict:
        return {name: self.cleaned_data[name] for name in PROPOSABLE_FIELDS}


def _max(limit: int):
    def check(value):
        if value is not None and value > limit:
            raise forms.ValidationError(_("Please enter a number of at most %(limit)s.") % {"limit": limit})

    return check


class ReceiptConfirmForm(forms.Form):
    quantity_received = forms.IntegerField(label=_("Quantity received"), min_value=1, max_value=MAX_QUANTITY)
    received_on = forms.DateField(label=_("Date received"), widget=DATE_WIDGET)
    condition = forms.ChoiceField(label=_("Condition"), choices=ReceiptCondition.choices)
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("A JPEG, PNG or WebP photo of what arrived, without residents in it. Location data is removed."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )
    thank_you = forms.CharField(
        label=_("Thank-you note to the company (optional)"),
        required=False,
        max_length=THANK_YOU_MAX_LENGTH,
        help_text=_("Shown on the need's public page once Dinsos has verified the delivery. Write no resident's name."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        self.fields["quantity_received"].help_text = _("At most the %(quantity)s %(unit)s the company reported.") % {
            "quantity": report.quantity,
            "unit": report.pledge.need.unit,
        }

    def clean_quantity_received(self):
        value = self.cleaned_data["quantity_received"]
        if value > self.report.quantity:
            raise forms.ValidationError(
                _("The company reported %(reported)s %(unit)s; you cannot confirm more than that.")
                % {"reported": self.report.quantity, "unit": self.report.pledge.need.unit}
            )
        return value

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return value


class ReceiptDisputeForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this delivery?"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: nothing arrived, fewer arrived, or not what was promised. Dinsos and the company read this."
        ),
    )
    quantity_received = forms.IntegerField(
        label=_("Quantity actually received (optional)"), required=False, min_value=0, max_value=MAX_QUANTITY
    )


class FacilityPhotoForm(forms.Form):
    """A photo of the facility (building, rooms, activities), for Dinsos to publish."""

    photo = forms.FileField(
        label=_("Photo"),
        help_text=_(
            "A JPEG, PNG or WebP photo. Location data is removed. Dinsos publishes it only once they have "
            "confirmed that no resident can be identified in it or that consent is on file."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)

    def clean_photo(self):
        try:
            self.processed = images.process(self.cleaned_data["photo"])
        except images.ImageError as error:
            raise forms.ValidationError(str(error)) from error
        return self.cleaned_data["photo"]
