from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies.scope import Scope
from backoffice.scoping import AgencyScopedAdmin, scope_of
from core.formatting import format_rupiah
from core.spreadsheets.admin import SpreadsheetAdminMixin
from programs.models import Program
from programs.resources import ProgramResource


def programs_in_area(scope: Scope) -> Q:
    """A program belongs to the agencies of its target regions: one EXISTS per row."""
    if scope.everything:
        return Q()
    targets = Program.target_regions.through.objects.filter(scope.q("region"), program=OuterRef("pk"))
    return Q(Exists(targets))


@admin.register(Program)
class ProgramAdmin(AgencyScopedAdmin, SpreadsheetAdminMixin, SimpleHistoryAdmin):
    def area_q(self, request):
        return programs_in_area(scope_of(request))

    resource_classes = [ProgramResource]
    list_display = ["title", "company", "form", "budget_rp", "start_date", "end_date", "status"]
    list_filter = ["status", "form", "fields", "company"]
    list_select_related = ["company"]
    search_fields = ["title", "description", "company__name", "government_program"]
    autocomplete_fields = ["company", "target_regions"]
    filter_horizontal = ["fields"]
    date_hierarchy = "start_date"

    @admin.display(description=_("budget"), ordering="budget")
    def budget_rp(self, obj):
        return format_rupiah(obj.budget)
