"""The period and region filter of the reports.

Bad input never fails a page: a field that does not validate shows its error and is left out,
so the report falls back to all years or the whole country for it.
"""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from facilities.filters import REGION_CODE_RE, RegionCascadeWidget
from regions.models import Region, RegionLevel
from reports.selectors.periods import Period

MIN_YEAR, MAX_YEAR = 2000, 2100
QUARTER_CHOICES = [
    ("", _("Whole year")),
    ("1", _("Q1 (January–March)")),
    ("2", _("Q2 (April–June)")),
    ("3", _("Q3 (July–September)")),
    ("4", _("Q4 (October–December)")),
]


class ReportFilterForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.NumberInput(attrs={"placeholder": _("All years"), "inputmode": "numeric"}),
    )
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), required=False, choices=QUARTER_CHOICES, coerce=int, empty_value=None
    )
    region = forms.CharField(
        label=_("Region"),
        required=False,
        max_length=13,
        widget=RegionCascadeWidget,
        validators=[RegexValidator(REGION_CODE_RE, _("Choose a region from the list."))],
    )

    def __init__(self, *args, with_period: bool = True, area: str | None = None, **kwargs):
        """``area``: the staff account's area (agencies.scope); the report never leaves it."""
        super().__init__(*args, **kwargs)
        self.area = area
        self.region_obj: Region | None = None
        self.ancestors: list[Region] = []
        if not with_period:
            del self.fields["year"]
            del self.fields["quarter"]

    def clean_region(self) -> str:
        code = self.cleaned_data.get("region") or ""
        if not code:
            return ""
        if self.area and not (code == self.area or code.startswith(f"{self.area}.")):
            raise forms.ValidationError(_("Choose a region inside your agency's area."))
        parts = code.split(".")
        ancestors = {
            region.code: region
            for region in Region.objects.filter(code__in=[".".join(parts[: i + 1]) for i in range(len(parts))])
        }
        region = ancestors.get(code)
        if region is None or region.level > RegionLevel.DISTRICT:
            raise forms.ValidationError(_("Choose a province, regency/city or district from the list."))
        self.region_obj = region
        self.ancestors = [ancestors[key] for key in sorted(ancestors) if key != code]
        return code

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("quarter") and not cleaned.get("year"):
            self.add_error("quarter", _("Choose the year of the quarter."))
        return cleaned

    def _valid(self, name: str):
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None

    @property
    def period(self) -> Period:
        year = self._valid("year")
        quarter = self._valid("quarter") if year else None
        return Period(year, quarter)

    @property
    def scope(self) -> Region | None:
        chosen = self.region_obj if self._valid("region") else None
        if chosen is None and self.area:
            if getattr(self, "_area_region", None) is None:
                self._area_region = Region.objects.get(pk=self.area)
            return self._area_region
        return chosen

    @property
    def region_code(self) -> str:
        return self.scope.code if self.scope else ""
