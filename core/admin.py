from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.models import CsrField, ImportRecord
from regions.models import Region


@admin.register(CsrField)
class CsrFieldAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "order"]
    search_fields = ["code", "name", "name_en"]
    ordering = ["order"]


class RegionAreaFilter(admin.SimpleListFilter):
    """Filter a changelist by regency/city, offering only the regencies that hold rows.

    A plain ``list_filter = ["region"]`` would list all 90,000 regions; this offers the
    handful in use, in two queries whatever the table size. Subclasses set ``region_path``.
    """

    title = _("regency/city")
    parameter_name = "area"
    region_path = "region"

    def lookups(self, request, model_admin):
        codes = (
            model_admin.get_queryset(request)
            .exclude(**{f"{self.region_path}__isnull": True})
            .values_list(f"{self.region_path}_id", flat=True)
            .distinct()
        )
        regency_codes = {code[:5] for code in codes if len(code) >= 5}
        province_codes = {code[:2] for code in codes}
        regions = Region.objects.filter(code__in=regency_codes | province_codes).order_by("code")
        return [(r.code, f"{r.code} {r.name}") for r in regions]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        return queryset.filter(**{f"{self.region_path}__code__startswith": value})


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    """Who imported which spreadsheet, when, and what it did. Written by the import screens
    only: read-only here."""

    list_display = [
        "created_at",
        "user",
        "content_type",
        "file_name",
        "rows_total",
        "rows_new",
        "rows_updated",
        "rows_unchanged",
        "rows_failed",
        "confirmed",
    ]
    list_filter = ["confirmed", "content_type"]
    list_select_related = ["user", "content_type"]
    search_fields = ["file_name", "user__username"]
    date_hierarchy = "created_at"
    exclude = ["stored_file"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
