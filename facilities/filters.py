"""Filters of the public needs listing and facility directory, shared by the open-data files.

Invalid input never fails a request: django-filter leaves a field that does not validate out of
``cleaned_data``, so the listing ignores it and the form shows the error beside the field.
"""

import re

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter

from core.forms import PublicForm
from core.lookups import AnyOf
from core.models import CsrField
from facilities.models import Facility, FacilityType, NeedKind, NeedStatus, Priority, open_value

REGION_CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
TEXT_MAX_LENGTH = 100
# A search names up to this many matching facilities by id (NeedFilter.filter_text).
SEARCH_FACILITIES_LISTED = 200
# A region filter of needs names up to this many facilities by id (FacilityRegionFilter).
REGION_FACILITIES_LISTED = 1000


def _named(facilities: QuerySet[Facility], limit: int) -> Q:
    """Needs of ``facilities``, named by id when there are at most ``limit`` of them (one query,
    the ids as one array: ``core.lookups.AnyOf``): PostgreSQL then knows how many rows to expect
    and answers by index. Beyond ``limit``, their ids as a subquery."""
    ids = facilities.order_by().values_list("pk", flat=True)
    listed = list(ids[: limit + 1])
    return Q(facility_id__in=ids) if len(listed) > limit else Q(AnyOf(F("facility_id"), listed))


class RegionCascadeWidget(forms.TextInput):
    """Reads the region from up to three selects that share the name ``region`` (province,
    regency/city, district), or from one ``region=<code>`` in a shared link.

    The most specific value wins, but only while it lies within the one before it: after a visitor
    switches province without JavaScript, the stale regency of the old province is dropped.
    """

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        chosen = ""
        for value in values:
            if not isinstance(value, str) or not value:
                continue
            if not chosen or value.startswith(chosen + "."):
                chosen = value
        return chosen


class RegionFilter(django_filters.CharFilter):
    """A Kemendagri code: the region itself and everything below it (``31.75`` takes
    ``31.75`` and ``31.75.01``, never ``31.750``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", RegionCascadeWidget)
        kwargs.setdefault("validators", [RegexValidator(REGION_CODE_RE, _("Choose a region from the list."))])
        kwargs.setdefault("max_length", 13)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(Q(**{self.field_name: value}) | Q(**{f"{self.field_name}__startswith": f"{value}."}))


class FacilityRegionFilter(RegionFilter):
    """The region filter of needs: through the facilities of the region, which PostgreSQL then
    joins to their needs by index, rather than walking every need in the listing's order.

    The facilities are looked up first (one query, by the index of their region codes) and named
    by id, as a search names the facilities it finds (``need_text_match``): against a subquery
    PostgreSQL joined every published facility to find them, and spent about 4 ms planning each
    of the listing's two queries (docs/performance.md, "Forms through Jinja2, … regions by their
    facilities").
    Beyond ``REGION_FACILITIES_LISTED`` facilities the subquery is kept."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(_named(super().filter(Facility.objects.all(), value), REGION_FACILITIES_LISTED))


class StatusChoice:
    OPEN = NeedStatus.OPEN
    FULFILLED = NeedStatus.FULFILLED
    ALL = "all"

    choices = [
        (NeedStatus.OPEN, _("Open")),
        (NeedStatus.FULFILLED, _("Fulfilled")),
        ("all", _("Open and fulfilled")),
    ]


URGENCY_ORDER = ("priority", F("needed_by").asc(nulls_last=True), "-created_at", "-id")
SORTS = {
    "urgency": URGENCY_ORDER,
    "newest": ("-created_at", "-id"),
    "needed_by": (F("needed_by").asc(nulls_last=True), "priority", "-id"),
    "value": (open_value().desc(), "priority", "-id"),
}
SORT_CHOICES = [
    ("urgency", _("Most urgent")),
    ("newest", _("Newest")),
    ("needed_by", _("Needed soonest")),
    ("value", _("Largest remaining value")),
]


def csr_fields() -> list[CsrField]:
    """The nine CSR fields in their order: one query."""
    return list(CsrField.objects.order_by("order", "code"))


def csr_field_choices(fields: list[CsrField] | None = None) -> list[tuple[str, str]]:
    """The CSR fields (``fields``, or all of them read by one query), labelled in the active
    language."""
    return [(field.code, field.label) for field in (csr_fields() if fields is None else fields)]


def need_text_match(value: str, fields: tuple[str, ...]) -> Q:
    """Needs whose ``fields`` (their own text columns), or whose facility's name, contain
    ``value``: the public search (title) and the staff's (title, description, source).

    The facilities are looked up first (one query, by the trigram index of their names on
    PostgreSQL: migration facilities/0006) and named by id, so the database can answer every
    half by index (the trigram indexes of the needs' columns: migrations 0006 and 0012) and knows
    how many rows to expect; an ``OR`` across the join to the facilities made it guess 13 rows,
    get thousands and join three region levels to each before sorting. Beyond
    ``SEARCH_FACILITIES_LISTED`` facilities the subquery is kept: so many match that walking the
    listing's index in order finds a page at once.
    """
    match = _named(Facility.objects.filter(name__icontains=value), SEARCH_FACILITIES_LISTED)
    for field in fields:
        match |= Q(**{f"{field}__icontains": value})
    return match


class NeedFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    field = ChoiceFilter(label=_("Field"), field_name="field_id", choices=[], empty_label=_("All fields"))
    kind = ChoiceFilter(label=_("Kind"), choices=NeedKind.choices, empty_label=_("All kinds"))
    priority = ChoiceFilter(label=_("Priority"), choices=Priority.choices, empty_label=_("Any priority"))
    facility_type = ChoiceFilter(
        label=_("Facility type"),
        field_name="facility__facility_type",
        choices=FacilityType.choices,
        empty_label=_("All facility types"),
    )
    region = FacilityRegionFilter(label=_("Region"), field_name="region__code")
    facility = django_filters.CharFilter(
        label=_("Facility"), field_name="facility__slug", max_length=200, widget=forms.HiddenInput
    )
    status = ChoiceFilter(label=_("Status"), choices=StatusChoice.choices, empty_label=None, method="filter_nothing")
    needed_by = django_filters.DateFilter(
        label=_("Needed by (on or before)"),
        field_name="needed_by",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    sort = ChoiceFilter(label=_("Sort by"), choices=SORT_CHOICES, empty_label=None, method="filter_nothing")

    class Meta:
        # Declared filters only: nothing reaches the database that is not listed above.
        fields: list[str] = []
        form = PublicForm

    def __init__(self, data=None, queryset=None, *, field_choices: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["field"].extra["choices"] = field_choices if field_choices is not None else csr_field_choices()

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Needs whose title, or whose facility's name, contains the text (``need_text_match``)."""
        return queryset.filter(need_text_match(value, ("title",)))

    def filter_nothing(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Status and sort always apply, with their defaults: see filter_queryset.
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        status = self.form.cleaned_data.get("status") or StatusChoice.OPEN
        if status != StatusChoice.ALL:
            queryset = queryset.filter(status=status)
        return queryset.order_by(*self.ordering())

    def ordering(self) -> tuple:
        """The listing's order, as chosen (most urgent first by default): one of ``SORTS``. The
        partner portal's filter orders by it too, for every sort but its own "suggested"."""
        self.form.is_valid()
        cleaned = self.form.cleaned_data
        sort = cleaned.get("sort") or "urgency"
        if sort == "value" and cleaned.get("status") == StatusChoice.FULFILLED:
            # Nothing of a fulfilled need is left to give (its deliveries reach its quantity, and the
            # database's constraints then hold its open value at 0): by value, fulfilled needs are
            # all equal, and are listed as the most urgent first. PostgreSQL then walks the urgency
            # index, where the value index holds every fulfilled need at its end, behind every open
            # one (docs/performance.md: 33 to 166 ms at national scale).
            sort = "urgency"
        return SORTS[sort]

    @property
    def text(self) -> str:
        """The text searched for, when valid; empty otherwise."""
        self.form.is_valid()
        return self.form.cleaned_data.get("q", "")

    @property
    def region_code(self) -> str:
        """The region filtered on, when valid; empty otherwise."""
        self.form.is_valid()
        return self.form.cleaned_data.get("region", "")


class FacilityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        field_name="name",
        lookup_expr="icontains",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    facility_type = ChoiceFilter(
        label=_("Facility type"), choices=FacilityType.choices, empty_label=_("All facility types")
    )
    region = RegionFilter(label=_("Region"), field_name="region__code")

    class Meta:
        fields: list[str] = []
        form = PublicForm

    @property
    def region_code(self) -> str:
        self.form.is_valid()
        return self.form.cleaned_data.get("region", "")
