"""List filters shared by the changelists."""

from collections.abc import Callable

from django.contrib import admin
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _

from core.models import SdgGoal
from regions.models import Region, RegionLevel, in_area


class RegionAreaFilter(admin.SimpleListFilter):
    """Filter a changelist by regency/city, offering only the regencies that hold rows.

    A plain ``list_filter = ["region"]`` would list all 90,000 regions; this offers the
    handful in use, in one query whatever the table size: the provinces and regencies (about
    550) for which a row exists in their code range (``EXISTS`` on the region key's index),
    never a ``SELECT DISTINCT`` over every row. Subclasses set ``region_path``.
    """

    title = _("regency/city")
    parameter_name = "area"
    region_path = "region"

    def lookups(self, request, model_admin):
        # The codes within a region sort between its own code and its code followed by "/" (the
        # character after "."): "31.75" <= "31.75.01.1001" < "31.75/", and "31.750" is outside.
        rows = model_admin.get_queryset(request).filter(
            **{
                f"{self.region_path}__pk__gte": OuterRef("code"),
                f"{self.region_path}__pk__lt": Concat(OuterRef("code"), Value("/"), output_field=CharField()),
            }
        )
        regions = (
            Region.objects.filter(level__in=(RegionLevel.PROVINCE, RegionLevel.REGENCY))
            .filter(Exists(rows))
            .order_by("code")
            .values_list("code", "name")
        )
        return [(code, f"{code} {name}") for code, name in regions]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        return queryset.filter(in_area(value, self.region_path))


class SdgGoalFilter(admin.SimpleListFilter):
    """Filter by SDG goal through ``EXISTS`` on the tags' table. ``list_filter = ["sdg_goals"]``
    (a many-to-many field) makes the changelist ``SELECT DISTINCT`` over every matching row;
    this reads the same rows without duplicates and keeps the same parameter in the URL."""

    title = _("SDG goals")
    parameter_name = "sdg_goals__number__exact"

    def lookups(self, request, model_admin):
        return [(str(goal.number), str(goal)) for goal in SdgGoal.objects.order_by("number")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        tags = queryset.model.sdg_goals.through.objects.filter(sdggoal_id=int(value))
        return queryset.filter(Exists(tags.filter(**{f"{queryset.model._meta.model_name}_id": OuterRef("pk")})))


def search_words(queryset: QuerySet, search_term: str, match: Callable[[str], Q]) -> QuerySet:
    """``queryset`` narrowed to rows matching every word (or "quoted phrase") of an admin
    search, split as Django's own search splits it, each word matched by ``match(word)``: for
    changelists that look related rows up first instead of joining them (``get_search_results``)."""
    for term in smart_split(search_term):
        if term.startswith(('"', "'")) and term[0] == term[-1]:
            term = unescape_string_literal(term)
        queryset = queryset.filter(match(term))
    return queryset
