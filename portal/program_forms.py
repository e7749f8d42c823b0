"""The partner portal's form of a CSR program. It only reads and tidies what the officer typed;
the rules (targets in one agency's area, the period, the budget) are checked by
``programs.services``, whose refusal becomes an error of this form."""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from core.fields import RupiahField
from core.forms import PUBLIC_FORM_RENDERER
from core.models import CsrField, SdgGoal, SdgTarget
from overlaps.forms import overlap_reason_field, require_reason
from overlaps.selectors import program_overlaps
from partners.models import CompanyKind
from portal.forms import DATE_WIDGET, MAX_BENEFICIARIES, NOTE_MAX_LENGTH
from programs.models import Program, ProgramForm, TjslPillar
from programs.sdg import sdg_problems
from regions.models import Region, RegionLevel, in_area
from regions.widgets import dotted

_CODE_SEPARATORS = re.compile(r"[\s,;]+")
MAX_TARGETS = 200


def kecamatan_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The kecamatan of every agency's area, grouped by regency: one query (two with the areas),
    read as values rather than model instances (7,285 kecamatan at national scale)."""
    areas = list(Agency.objects.exclude(region=None).values_list("region_id", flat=True))
    if not areas:
        return []
    where = Q(pk__in=[])
    for code in areas:
        where |= in_area(code, "code")
    rows = (
        Region.objects.filter(where, level=RegionLevel.DISTRICT)
        .order_by("code")
        .values_list("code", "name", "parent_id", "parent__name")
    )
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for code, name, parent, parent_name in rows:
        groups.setdefault((parent, parent_name), []).append((code, f"{name} ({code})"))
    return [(f"{parent_name} ({parent})", choices) for (parent, parent_name), choices in groups.items()]


class ProgramEditForm(forms.Form):
    # Django's Jinja2 copies of its widget templates (core/forms.py): the kecamatan select has
    # an option per kecamatan of every agency's area (7,285 at national scale), rendered in
    # half the time of Django's own templates.
    default_renderer = PUBLIC_FORM_RENDERER

    title = forms.CharField(label=_("Title"), max_length=250)
    title_en = forms.CharField(
        label=_("Title in English"), max_length=250, required=False, help_text=_("For foreign readers; optional.")
    )
    form = forms.ChoiceField(
        label=_("Form (Perbup)"),
        choices=ProgramForm.choices,
        widget=forms.RadioSelect,
        help_text=_("The four forms of a TSLP program in the regent's regulation."),
    )
    fields = forms.ModelMultipleChoiceField(
        label=_("Fields"),
        queryset=CsrField.objects.order_by("order", "code"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one field.")},
    )
    sdg_goals = forms.ModelMultipleChoiceField(
        label=_("SDG (TPB) goals"),
        queryset=SdgGoal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The Sustainable Development Goals the program serves; optional."),
    )
    sdg_targets = forms.ModelMultipleChoiceField(
        label=_("SDG targets"),
        queryset=SdgTarget.objects.select_related("goal"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Optional. Only targets of the goals chosen above; hold Ctrl (or ⌘) to choose several."),
    )
    tjsl_pillars = forms.ModelMultipleChoiceField(
        label=_("TJSL pillars"),
        queryset=TjslPillar.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The pillars of PER-1/MBU/03/2023 that the program serves."),
    )
    budget = RupiahField(label=_("Budget in rupiah"))
    start_date = forms.DateField(label=_("Start date"), widget=DATE_WIDGET)
    end_date = forms.DateField(label=_("End date"), required=False, widget=DATE_WIDGET)
    kecamatan = forms.MultipleChoiceField(
        label=_("Target kecamatan"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_(
            "Hold Ctrl (or ⌘) to choose several. The program is registered with the agency whose area holds them."
        ),
    )
    villages = forms.CharField(
        label=_("Target villages (codes)"),
        required=False,
        max_length=2000,
        help_text=_("Kemendagri codes of villages, separated by commas, e.g. 62.11.01.2001, 62.11.02.2003."),
    )
    target_beneficiaries = forms.IntegerField(
        label=_("Target beneficiaries"), min_value=0, max_value=MAX_BENEFICIARIES, required=False
    )
    government_program = forms.CharField(
        label=_("Government program supported"),
        max_length=250,
        required=False,
        help_text=_("For example PKH, the regency's poverty reduction plan, or a panti's rehabilitation program."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, max_length=NOTE_MAX_LENGTH * 5, widget=forms.Textarea(attrs={"rows": 5})
    )
    description_en = forms.CharField(
        label=_("Description in English"),
        required=False,
        max_length=NOTE_MAX_LENGTH * 5,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    # Shown only when a program submitted for registration overlaps (issue 26).
    overlap_reason = overlap_reason_field()
    overlaps = ()

    def __init__(self, *args, company=None, submitting: bool = False, program_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        # Whether this post submits the program for registration, and the program edited.
        self.submitting, self.program_id = submitting, program_id
        self.fields["kecamatan"].choices = kecamatan_choices()
        if company is None or company.kind != CompanyKind.STATE_OWNED:
            # TJSL pillars are for state-owned companies only (issue 27).
            del self.fields["tjsl_pillars"]

    @property
    def has_pillars(self) -> bool:
        return "tjsl_pillars" in self.fields

    def clean_villages(self) -> list[Region]:
        text = self.cleaned_data["villages"].strip()
        codes = [dotted(code) for code in _CODE_SEPARATORS.split(text) if code]
        if len(codes) > MAX_TARGETS:
            raise forms.ValidationError(_("At most %(n)s villages.") % {"n": MAX_TARGETS})
        found = {r.code: r for r in Region.objects.filter(code__in=codes, level=RegionLevel.VILLAGE)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise forms.ValidationError(_("%(codes)s: not the code of a village.") % {"codes": ", ".join(unknown[:10])})
        return list(found.values())

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The program cannot end before it starts."))
        problems = sdg_problems(
            company=self.company,
            goals=data.get("sdg_goals") or [],
            targets=data.get("sdg_targets") or [],
            pillars=data.get("tjsl_pillars") or [],
        )
        for name, problem in problems.items():
            self.add_error(name if name in self.fields else None, problem)
        if self.submitting and start and data.get("fields"):
            overlaps = program_overlaps(
                field_codes=[field.pk for field in data["fields"]],
                region_codes=[*data.get("kecamatan", []), *(village.pk for village in data.get("villages", []))],
                start=start,
                end=end,
                company_id=self.company.pk if self.company else None,
                exclude_program_id=self.program_id,
            )
            require_reason(self, overlaps, listed=False)
        return data

    def service_data(self) -> dict:
        """What ``programs.services`` takes: the model's fields, the CSR fields and the targets."""
        data = dict(self.cleaned_data)
        data.pop("overlap_reason", None)
        codes = data.pop("kecamatan", [])
        villages = data.pop("villages", [])
        data["target_regions"] = list(Region.objects.filter(code__in=codes, level=RegionLevel.DISTRICT)) + villages
        data["target_beneficiaries"] = data.get("target_beneficiaries") or 0
        return data


def initial_for(program: Program) -> dict:
    targets = list(program.target_regions.only("code", "level"))
    return {
        "title": program.title,
        "title_en": program.title_en,
        "form": program.form,
        "fields": list(program.fields.all()),
        "sdg_goals": list(program.sdg_goals.all()),
        "sdg_targets": list(program.sdg_targets.all()),
        "tjsl_pillars": list(program.tjsl_pillars.all()),
        "budget": program.budget,
        "start_date": program.start_date,
        "end_date": program.end_date,
        "kecamatan": [r.code for r in targets if r.level == RegionLevel.DISTRICT],
        "villages": ", ".join(r.code for r in targets if r.level > RegionLevel.DISTRICT),
        "target_beneficiaries": program.target_beneficiaries,
        "government_program": program.government_program,
        "description": program.description,
        "description_en": program.description_en,
    }


class ProgramReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The agency sees this reason."),
    )
