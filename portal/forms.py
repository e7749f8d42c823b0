"""Forms of the partner portal and of the officer invitation in the admin.

The forms only check input; every change goes through ``matching.services`` or
``partners.services``, and a refusal there comes back as an error on the form.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import RupiahField
from core.formatting import format_rupiah
from core.identifiers import compact_nib, compact_npwp
from facilities.units import unit_label
from matching import evidence as evidence_checks
from matching.errors import PledgeError
from matching.models import EvidenceKind
from overlaps.forms import overlap_reason_field, require_reason
from overlaps.selectors import pledge_overlaps
from partners.models import Company
from regions.models import Region, RegionLevel

MAX_BENEFICIARIES = 10_000_000
MAX_PHOTOS = 10
NOTE_MAX_LENGTH = 2000
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PledgeOfferForm(forms.Form):
    """A partner offers to cover part or all of a need."""

    quantity = forms.IntegerField(label=_("Quantity"))
    value = RupiahField(label=_("Value in rupiah"), required=False)
    program = forms.ModelChoiceField(
        label=_("CSR program"),
        queryset=None,
        required=False,
        empty_label=_("No particular program"),
        help_text=_("One of your company's active programs, if this pledge belongs to one."),
    )
    expected_delivery_date = forms.DateField(
        label=_("Expected delivery date"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("When you expect to hand it over to the facility."),
    )
    note = forms.CharField(
        label=_("Note to Dinsos"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the brand or specification, or how you plan to deliver."),
    )

    # Shown only when the offer overlaps another company's pledge (issue 26).
    overlap_reason = overlap_reason_field()
    overlaps = ()

    def __init__(self, *args, need, programs, company=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.need, self.company = need, company
        remaining = need.quantity_remaining
        # Units in the reader's language (facilities.units): "Quantity (pieces)" in English.
        self.fields["quantity"] = forms.IntegerField(
            label=_("Quantity (%(unit)s)") % {"unit": unit_label(need.unit)},
            min_value=1,
            max_value=max(remaining, 0),
            help_text=_("At most %(remaining)s %(unit)s remain to be covered.")
            % {"remaining": remaining, "unit": unit_label(need.unit, remaining)},
            error_messages={
                "min_value": _("Pledge at least 1 %(unit)s.") % {"unit": unit_label(need.unit, 1)},
                "max_value": _("Only %(remaining)s %(unit)s remain to be covered.")
                % {"remaining": remaining, "unit": unit_label(need.unit, remaining)},
            },
        )
        self.fields["quantity"].widget.attrs.update({"min": 1, "max": max(remaining, 0)})
        if need.unit_cost:
            self.fields["value"].help_text = _(
                "Leave empty to use the estimate: the quantity × %(unit_cost)s per %(unit)s."
            ) % {"unit_cost": format_rupiah(need.unit_cost), "unit": unit_label(need.unit, 1)}
        else:
            self.fields["value"].help_text = _("The value of what you pledge, if you know it.")
        self.fields["program"].queryset = programs

    def clean_expected_delivery_date(self):
        date = self.cleaned_data["expected_delivery_date"]
        if date and date < timezone.localdate():
            raise forms.ValidationError(_("The expected delivery date cannot be in the past."))
        return date

    def clean(self):
        data = super().clean()
        if self.company is not None:
            # Other companies stay unnamed to a partner.
            overlaps = pledge_overlaps(need=self.need, company_id=self.company.pk, name_companies=False)
            require_reason(self, overlaps, listed=False)
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Dinsos sees this reason."),
    )


class DeclineForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = False
        self.fields["reason"].label = _("Reason (optional)")


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name (Django's "Uploading multiple files" recipe); cleans to a
    list, empty when nothing was chosen."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_clean(item, initial) for item in data if item]
        return [single_clean(data, initial)] if data else []


def _check_evidence(upload, kind: str):
    try:
        evidence_checks.check_file(upload, kind)
    except PledgeError as error:
        raise forms.ValidationError(error.message) from error
    return upload


class DeliveryReportForm(forms.Form):
    """What was delivered, with photos and the signed handover record (BAST)."""

    delivered_on = forms.DateField(label=_("Delivery date"), widget=DATE_WIDGET)
    quantity = forms.IntegerField(label=_("Quantity delivered"))
    value = RupiahField(label=_("Value delivered in rupiah"), required=False)
    beneficiaries_reached = forms.IntegerField(
        label=_("Residents who benefited"),
        required=False,
        min_value=0,
        max_value=MAX_BENEFICIARIES,
        help_text=_("A number only: never names or photos of residents' documents."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    photos = MultipleFileField(
        label=_("Photos of the delivery"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    bast = forms.FileField(
        label=_("Signed handover record (BAST), PDF (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args, pledge, **kwargs):
        super().__init__(*args, **kwargs)
        outstanding = pledge.quantity_outstanding
        unit = pledge.need.unit
        self.fields["quantity"] = forms.IntegerField(
            label=_("Quantity delivered (%(unit)s)") % {"unit": unit_label(unit)},
            min_value=1,
            max_value=max(outstanding, 0),
            help_text=_("%(outstanding)s %(unit)s of this pledge remain to be reported.")
            % {"outstanding": outstanding, "unit": unit_label(unit, outstanding)},
            error_messages={
                "min_value": _("Report at least 1 %(unit)s.") % {"unit": unit_label(unit, 1)},
                "max_value": _("Only %(outstanding)s %(unit)s of this pledge remain to be reported.")
                % {"outstanding": outstanding, "unit": unit_label(unit, outstanding)},
            },
        )
        self.fields["quantity"].widget.attrs.update({"min": 1, "max": max(outstanding, 0)})
        unit_value = pledge.value // pledge.quantity if pledge.quantity else 0
        self.fields["value"].help_text = _(
            "Leave empty to use the pledge's value: %(unit_value)s per %(unit)s × the quantity delivered."
        ) % {"unit_value": format_rupiah(unit_value), "unit": unit_label(unit, 1)}
        limit = settings.EVIDENCE_MAX_BYTES // (1024 * 1024)
        self.fields["photos"].help_text = _(
            "JPEG, PNG or WebP, up to %(count)s photos of at most %(mb)s MB each. Avoid showing residents' faces."
        ) % {"count": MAX_PHOTOS, "mb": limit}
        self.fields["bast"].help_text = _("The handover record signed by the facility, at most %(mb)s MB.") % {
            "mb": limit
        }

    def clean_delivered_on(self):
        date = self.cleaned_data["delivered_on"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The delivery date cannot be in the future."))
        return date

    def clean_photos(self):
        photos = self.cleaned_data["photos"]
        if len(photos) > MAX_PHOTOS:
            raise forms.ValidationError(_("Attach at most %(count)s photos.") % {"count": MAX_PHOTOS})
        return [_check_evidence(photo, EvidenceKind.PHOTO) for photo in photos]

    def clean_bast(self):
        bast = self.cleaned_data["bast"]
        return _check_evidence(bast, EvidenceKind.BAST) if bast else None

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("photos") and not cleaned.get("bast"):
            raise forms.ValidationError(_("Attach at least one photo or the signed handover record (BAST)."))
        return cleaned

    def files_for_service(self) -> list[tuple]:
        files = [(photo, EvidenceKind.PHOTO) for photo in self.cleaned_data["photos"]]
        if self.cleaned_data.get("bast"):
            files.append((self.cleaned_data["bast"], EvidenceKind.BAST))
        return files


class BastScanForm(forms.Form):
    """The generated BAST, signed by the three parties, uploaded back after the delivery."""

    scan = forms.FileField(
        label=_("Signed BAST scan, PDF"), widget=forms.FileInput(attrs={"accept": "application/pdf"})
    )

    def clean_scan(self):
        return _check_evidence(self.cleaned_data["scan"], EvidenceKind.BAST)


class RegionChoiceMixin:
    """Regions by province and regency/city, labelled with their province; the region the
    company already has stays selectable even when Dinsos chose a finer one."""

    @staticmethod
    def region_queryset(current_codes):
        return (
            Region.objects.filter(Q(level__lte=RegionLevel.REGENCY) | Q(code__in=current_codes))
            .select_related("parent")
            .order_by("code")
        )


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.parent.name}" if obj.parent_id else obj.name


class RegionMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.parent.name}" if obj.parent_id else obj.name


class CompanyProfileForm(RegionChoiceMixin, forms.ModelForm):
    """The part of the company's profile a partner keeps up to date."""

    region = RegionChoiceField(
        label=_("Region of the office"), queryset=Region.objects.none(), required=False, empty_label=_("Not given")
    )
    preferred_regions = RegionMultipleChoiceField(
        label=_("Regions where you prefer to work"),
        queryset=Region.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or ⌘ on a Mac) to choose more than one. Suggested needs follow these regions."),
    )
    website = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = Company
        fields = [
            "business_scope",
            "csr_strategy",
            "focus_fields",
            "preferred_regions",
            "address",
            "region",
            "website",
            "email",
            "phone",
            "nib",
            "npwp",
        ]
        widgets = {
            "nib": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "npwp": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "business_scope": forms.Textarea(attrs={"rows": 3}),
            "csr_strategy": forms.Textarea(attrs={"rows": 5}),
            "address": forms.Textarea(attrs={"rows": 2}),
            "focus_fields": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "focus_fields": _("Suggested needs follow these fields."),
            "csr_strategy": _("What your company supports, and earlier CSR work worth knowing."),
            "email": _("The company's general CSR address, shown to Dinsos staff."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = [self.instance.region_id] if self.instance.region_id else []
        if self.instance.pk:
            current += list(self.instance.preferred_regions.values_list("code", flat=True))
        regions = self.region_queryset(current)
        self.fields["region"].queryset = regions
        self.fields["preferred_regions"].queryset = regions
        self.fields["focus_fields"].required = False

    def clean_nib(self):
        return compact_nib(self.cleaned_data["nib"])

    def clean_npwp(self):
        return compact_npwp(self.cleaned_data["npwp"])


class OfficerContactForm(forms.Form):
    """An officer's own contact details."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
