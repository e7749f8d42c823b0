from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.filters import RegionAreaFilter
from backoffice.scoping import AgencyScopedAdmin
from core.spreadsheets.admin import SpreadsheetAdminMixin
from regions.models import PovertyFigure, Region
from regions.resources import PovertyFigureResource


def with_region_labels(formfield):
    """A region choice (an autocomplete's chosen regions among them) shown with its level and the
    places above it, as the autocomplete offers it."""
    if formfield is not None and formfield.queryset is not None:
        formfield.queryset = formfield.queryset.select_related("parent__parent")
        formfield.label_from_instance = lambda region: region.full_label
    return formfield


@admin.register(Region)
class RegionAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    area_path = None  # the Kemendagri tree is reference data for everyone
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    list_select_related = ["parent"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "name", "level", "parent"]
    show_full_result_count = False

    def has_add_permission(self, request):
        # Regions come from Kemendagri's data through `manage.py load_regions`.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PovertyFigure)
class PovertyFigureAdmin(AgencyScopedAdmin, SpreadsheetAdminMixin, SimpleHistoryAdmin):
    area_path = "region"
    scoped_choices = {"region": "pk"}
    resource_classes = [PovertyFigureResource]
    list_display = ["region", "region_code", "year", "poor_households", "poor_individuals", "source", "source_date"]
    list_filter = ["year", "source", RegionAreaFilter]
    list_select_related = ["region"]
    search_fields = ["region__name", "region__code"]
    autocomplete_fields = ["region"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return with_region_labels(formfield) if db_field.name == "region" else formfield

    @admin.display(description=Region._meta.get_field("code").verbose_name, ordering="region__code")
    def region_code(self, obj):
        return obj.region_id
