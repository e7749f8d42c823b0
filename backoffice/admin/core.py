from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from backoffice.scoping import AgencyScopedAdmin
from core.models import CsrField, ImportRecord
from core.spreadsheets.admin import SpreadsheetAdminMixin


class ImportedDataFilter(admin.SimpleListFilter):
    """The registries that take spreadsheet imports (their admin imports), not every model the
    portal has: facilities, needs, companies, programs, realisation reports, poverty figures."""

    title = _("data")
    parameter_name = "data"

    def lookups(self, request, model_admin):
        models = [
            model
            for model, registered in model_admin.admin_site._registry.items()
            if isinstance(registered, SpreadsheetAdminMixin)
        ]
        types = ContentType.objects.get_for_models(*models)
        choices = [(str(types[model].pk), capfirst(str(model._meta.verbose_name_plural))) for model in models]
        return sorted(choices, key=lambda choice: choice[1])

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(content_type_id=int(self.value()))
        return queryset


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
        "rows_skipped",
        "confirmed",
    ]
    list_filter = ["confirmed", ImportedDataFilter]
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
