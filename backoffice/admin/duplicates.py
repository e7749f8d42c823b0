"""Duplicates in the admin: the warning after a facility, company or need is saved, the merge
action on the facility and company lists, the record of decisions and merges, and the pages of
``backoffice.duplicate_views``."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from backoffice import duplicate_views
from backoffice.scoping import AgencyScopedAdmin, scope_of
from duplicates.models import DuplicateDecision, MergeRecord
from duplicates.selectors import candidates_for, kind_of

SHOWN_CANDIDATES = 3


def warn_of_duplicates(request, record) -> None:
    """A warning listing the possible duplicates of a record just saved, each with its reason
    and a link to decide on it."""
    kind = kind_of(record)
    found = candidates_for(record, limit=SHOWN_CANDIDATES)
    if not found or kind is None:
        return
    items = format_html_join(
        "; ",
        '<a href="{}">{}</a> ({})',
        (
            (duplicate_views.pair_url(kind, record, candidate.record), str(candidate.record), candidate.reason)
            for candidate in found
        ),
    )
    messages.warning(
        request,
        format_html(
            "{} {}",
            gettext("%(record)s may already be registered. Open a pair to say whether it is the same or not:")
            % {"record": record},
            items,
        ),
    )


class DuplicateWarningMixin:
    """For the ModelAdmin of facilities, companies and needs: warn after a save."""

    def response_add(self, request, obj, post_url_continue=None):
        warn_of_duplicates(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        warn_of_duplicates(request, obj)
        return super().response_change(request, obj)


@admin.action(description=_("Merge the two selected records…"), permissions=["change"])
def merge_two(modeladmin, request, queryset):
    records = list(queryset.order_by("pk")[:3])
    if len(records) != 2:
        messages.error(request, gettext("Select exactly two records to merge."))
        return None
    kind = kind_of(records[0])
    return HttpResponseRedirect(reverse("admin:duplicates_merge", args=[kind, records[0].pk, records[1].pk]))


class ReadOnlyRecordAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    #: Who recorded the row; staff of an agency read their agency's rows, national staff all.
    actor_field = "decided_by"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = scope_of(request)
        if scope.everything:
            return queryset
        if scope.agency is None:
            return queryset.none()
        return queryset.filter(**{f"{self.actor_field}__agency_staff__agency": scope.agency})

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DuplicateDecision)
class DuplicateDecisionAdmin(ReadOnlyRecordAdmin):
    list_display = ["kind", "first_label", "second_label", "decision", "decided_by", "decided_at"]
    list_filter = ["kind", "decision"]
    list_select_related = ["decided_by"]
    search_fields = ["first_label", "second_label", "note"]

    def get_urls(self):
        site = self.admin_site

        def wrap(view):
            return site.admin_view(lambda request, **kwargs: view(site, request, **kwargs))

        return [
            path("possible/", wrap(duplicate_views.possible_view), name="duplicates_possible"),
            path(
                "pair/<str:kind>/<int:first_id>/<int:second_id>/",
                wrap(duplicate_views.pair_view),
                name="duplicates_pair",
            ),
            path(
                "merge/<str:kind>/<int:first_id>/<int:second_id>/",
                wrap(duplicate_views.merge_view),
                name="duplicates_merge",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "possible_url": reverse("admin:duplicates_possible")}
        return super().changelist_view(request, extra_context)


@admin.register(MergeRecord)
class MergeRecordAdmin(ReadOnlyRecordAdmin):
    actor_field = "merged_by"
    list_display = ["kind", "removed_label", "kept_label", "moved_rows", "merged_by", "merged_at"]
    list_filter = ["kind"]
    list_select_related = ["merged_by"]
    search_fields = ["removed_label", "kept_label", "reason"]
    readonly_fields = ["kind", "kept_id", "kept_label", "removed_id", "removed_label", "reason", "merged_by"]
    readonly_fields += ["merged_at", "moved", "combined", "filled", "snapshot"]

    @admin.display(description=_("rows moved"))
    def moved_rows(self, obj):
        return sum(obj.moved.values())
