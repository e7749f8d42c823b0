"""Forms of a realisation report in the partner portal: the period, the total and the counts,
a formset of split lines (kecamatan or village, rupiah, households) and the evidence files.

The forms only read input; every rule (period, split, counts, evidence) is checked by
``programs.realisations`` with ``programs.rules``, whose refusals come back as form errors.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import ReportingPeriod
from core.fields import RupiahField
from portal.forms import MAX_BENEFICIARIES, MultipleFileField, MultipleFileInput, RegionChoiceField
from programs.models import Program, RealisationEvidenceKind
from programs.realisations import ACTIVITIES_MAX_LENGTH, MAX_PHOTOS
from programs.rules import ShareLine
from regions.models import Region, RegionLevel, in_area

MAX_SPLIT_LINES = 50
QUARTERS = [(1, _("Q1 (January–March)")), (2, _("Q2 (April–June)")), (3, _("Q3 (July–September)"))]
QUARTERS.append((4, _("Q4 (October–December)")))


def _count(label, *, required: bool = True, help_text: str = ""):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=MAX_BENEFICIARIES,
        help_text=help_text,
        error_messages={"min_value": _("Counts of beneficiaries cannot be negative.")},
    )


def split_regions(program: Program):
    """The kecamatan and villages a program's report may be split over: its targets and the
    villages below them (a regency as target: all its kecamatan and villages)."""
    codes = list(program.target_regions.values_list("code", flat=True))
    if not codes:
        return Region.objects.none()
    below = Q()
    for code in codes:
        below |= in_area(code, "code")
    return Region.objects.filter(below, level__gte=RegionLevel.DISTRICT).select_related("parent").order_by("code")


class RealisationForm(forms.Form):
    """A realisation report: the period (a quarter where the agency asks for quarters), the
    total, who was reached, what was done, and evidence."""

    year = forms.IntegerField(label=_("Year"), widget=forms.Select)
    quarter = forms.TypedChoiceField(label=_("Quarter"), coerce=int, choices=QUARTERS)
    amount = RupiahField(
        label=_("Rupiah realised in the period"),
        help_text=_("For example Rp 1.250.000. The split below must add up to this total."),
    )
    households = _count(_("Households reached"))
    persons = _count(_("Persons reached"))
    women = _count(_("of whom women"), required=False, help_text=_("Leave empty where not known."))
    children = _count(_("of whom children"), required=False, help_text=_("Leave empty where not known."))
    elderly = _count(_("of whom elderly"), required=False, help_text=_("Leave empty where not known."))
    disabled = _count(_("of whom persons with disability"), required=False, help_text=_("Leave empty where not known."))
    activities = forms.CharField(
        label=_("Activities"),
        max_length=ACTIVITIES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What was done in the period, and where. Counts only: never names of beneficiaries."),
    )
    photos = MultipleFileField(
        label=_("Photos of the activities"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    document = forms.FileField(
        label=_("Report document (PDF)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args, program: Program, fixed_period: tuple[int, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program
        self.quarterly = program.agency is not None and program.agency.realisation_period == ReportingPeriod.QUARTER
        this_year = timezone.localdate().year
        first = min(program.start_date.year, this_year, fixed_period[0] if fixed_period else this_year)
        self.fields["year"].widget.choices = [(year, str(year)) for year in range(this_year, first - 1, -1)]
        if fixed_period is not None:
            # A correction keeps its period: the fields are shown, not sent.
            self.fields["year"].disabled = True
            self.fields["quarter"].disabled = True
            self.initial.setdefault("year", fixed_period[0])
            self.initial.setdefault("quarter", fixed_period[1] or 1)
        if not self.quarterly:
            del self.fields["quarter"]
        limit = settings.EVIDENCE_MAX_BYTES // (1024 * 1024)
        self.fields["photos"].help_text = _(
            "JPEG, PNG or WebP, up to %(count)s photos of at most %(mb)s MB each. Avoid showing faces of beneficiaries."
        ) % {"count": MAX_PHOTOS, "mb": limit}
        self.fields["document"].help_text = _("For example the signed activity report, at most %(mb)s MB.") % {
            "mb": limit
        }

    def clean_photos(self):
        photos = self.cleaned_data["photos"]
        if len(photos) > MAX_PHOTOS:
            raise forms.ValidationError(_("Attach at most %(count)s photos.") % {"count": MAX_PHOTOS})
        return photos

    @property
    def period(self) -> tuple[int, int]:
        return self.cleaned_data["year"], self.cleaned_data.get("quarter", 0) if self.quarterly else 0

    def counts(self) -> dict:
        names = ("households", "persons", "women", "children", "elderly", "disabled")
        return {name: self.cleaned_data[name] for name in names}

    def files_for_service(self) -> list[tuple]:
        files = [(photo, RealisationEvidenceKind.PHOTO) for photo in self.cleaned_data["photos"]]
        if self.cleaned_data.get("document"):
            files.append((self.cleaned_data["document"], RealisationEvidenceKind.DOCUMENT))
        return files


class ShareLineForm(forms.Form):
    region = RegionChoiceField(label=_("Kecamatan or village"), queryset=Region.objects.none())
    amount = RupiahField(label=_("Rupiah"))
    households = _count(_("Households"), required=False)

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        # The lines are rows of a table whose header names the columns: each box is named for a
        # screen reader by its column and its line (axe: label, select-name).
        line = (self.prefix or "").rsplit("-", 1)[-1]
        if line.isdigit():
            for field in self.fields.values():
                field.widget.attrs["aria-label"] = _("%(column)s, line %(line)s") % {
                    "column": field.label,
                    "line": int(line) + 1,
                }


class BaseShareFormSet(forms.BaseFormSet):
    def __init__(self, *args, regions, **kwargs):
        self.regions = regions
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "regions": self.regions}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            regions=self.regions,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form

    def share_lines(self) -> list[ShareLine]:
        """The filled lines, in the rules' terms; empty extra lines are left out."""
        lines = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or not data.get("region"):
                continue
            lines.append(ShareLine(data["region"], data.get("amount") or 0, data.get("households") or 0))
        return lines


def share_formset(data, *, program: Program, initial: list[dict] | None = None) -> BaseShareFormSet:
    """The split lines: those given (a correction's), and blank ones to fill, at least one per
    target region and three in all."""
    regions = split_regions(program)
    initial = initial or []
    blank = max(3, program.target_regions.count()) - len(initial)
    formset_class = forms.formset_factory(
        ShareLineForm,
        formset=BaseShareFormSet,
        extra=max(blank, 1),
        max_num=MAX_SPLIT_LINES,
        absolute_max=MAX_SPLIT_LINES,
        validate_max=True,
    )
    return formset_class(data, initial=initial, prefix="shares", regions=regions)
