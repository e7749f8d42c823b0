from django.contrib import admin


class ReadOnlyInline(admin.TabularInline):
    """Rows shown beside their parent and never changed there: history, a report's split and
    evidence, a document's recipients. What changes them goes through the services."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
