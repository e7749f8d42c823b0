"""Filters of the partner portal.

The needs listing reuses the public site's ``NeedFilter`` (field, kind, region, facility type,
priority, text) and adds what only a partner has: the "suggested for us" order, the default.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from facilities.filters import TEXT_MAX_LENGTH, NeedFilter
from matching.selectors import suggest_needs_for_company
from portal.labels import OFFICER_STATUS_CHOICES

SUGGESTED = "suggested"
PARTNER_SORT_CHOICES = [
    (SUGGESTED, _("Suggested for us")),
    ("urgency", _("Most urgent")),
    ("needed_by", _("Needed soonest")),
    ("newest", _("Newest")),
    ("value", _("Largest remaining value")),
]


class PartnerNeedFilter(NeedFilter):
    """Open needs only (the public status choice is dropped), ranked for one company.

    Every row carries the suggestion's score and reasons, whatever the order chosen, so a
    partner sees why a need fits it also when sorting by date."""

    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=PARTNER_SORT_CHOICES, empty_label=None, method="filter_nothing"
    )

    def __init__(self, data=None, queryset=None, *, company, **kwargs):
        super().__init__(data, queryset, **kwargs)
        del self.filters["status"]
        self.company = company

    @property
    def sort_value(self) -> str:
        self.form.is_valid()
        return self.form.cleaned_data.get("sort") or SUGGESTED

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # The shared filters only: the public listing's status and sort do not apply here.
        queryset = django_filters.FilterSet.filter_queryset(self, queryset)
        ranked = suggest_needs_for_company(self.company, queryset=queryset, limit=None)
        return ranked if self.sort_value == SUGGESTED else ranked.order_by(*self.ordering())


class PledgeFilter(django_filters.FilterSet):
    """The company's own pledges by status and by need or facility name."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=OFFICER_STATUS_CHOICES, empty_label=_("All statuses")
    )
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Need or facility")}),
    )

    class Meta:
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(need__title__icontains=value) | Q(need__facility__name__icontains=value))
