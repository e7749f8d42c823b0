from django.contrib import admin

from backoffice.scoping import AgencyScopedAdmin
from core.models import CsrField, ImportRecord


@admin.register(CsrField)
class CsrFieldAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    area_path = None
    list_display = ["code", "name", "name_en", "order"]
    search_fields = ["code", "name", "name_en"]
    ordering = ["order"]


@admin.register(ImportRecord)
class ImportRecordAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    """Who imported which spreadsheet, when, and what it did. Written by the import screens
    only: read-only here."""

    area_path = "user__agency_staff__agency__region"

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
