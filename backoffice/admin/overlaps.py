"""The reasons given to go ahead despite an overlap (issue 26), read-only: written by the forms
that warn, never edited or deleted. Staff see those of their area."""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from backoffice.scoping import AgencyScopedAdmin
from overlaps.models import OverlapNote


@admin.register(OverlapNote)
class OverlapNoteAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    area_path = "region"
    list_display = ["created_at", "action", "subject_text", "overlap_count", "reason", "actor"]
    list_filter = ["action"]
    list_select_related = ["need__facility", "pledge__company", "pledge__need__facility", "program__company", "actor"]
    search_fields = ["reason", "need__title", "program__title", "pledge__company__name"]
    date_hierarchy = "created_at"
    fields = ["created_at", "action", "need", "pledge", "program", "region", "overlap_list", "reason", "actor"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("about"))
    def subject_text(self, obj):
        return str(obj.subject)

    @admin.display(description=_("overlaps"))
    def overlap_count(self, obj):
        return len(obj.overlaps)

    @admin.display(description=_("overlaps shown"))
    def overlap_list(self, obj):
        return format_html_join("", "<p>{}</p>", ((label,) for label in obj.overlap_labels))
