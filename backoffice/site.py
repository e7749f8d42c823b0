from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from backoffice.dashboard import dashboard_urls, with_dashboard
from backoffice.reading import reading_index
from backoffice.scoping import scope_of
from matching.work_queue import WorkCounts, work_queue_counts
from regions.models import Region

_COUNTS_ATTRIBUTE = "_work_queue_counts"


class DinsosAdminSite(admin.AdminSite):
    site_header = _("CSR Portal · Dinas Sosial")
    site_title = _("CSR Portal administration")
    index_title = _("Dinsos workspace")

    def has_permission(self, request) -> bool:
        # CSR officers and facility accounts work in their portals only, even if someone ticks
        # "staff status".
        user = request.user
        if not super().has_permission(request):
            return False
        return user.is_superuser or not (hasattr(user, "officer") or hasattr(user, "facility_member"))

    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)

    # The reports dashboard (backoffice.dashboard): a page of its own, listed first on the index.
    def get_urls(self):
        return dashboard_urls(self) + super().get_urls()

    def each_context(self, request):
        context = super().each_context(request)
        # A banner on every page of a read-only account (templates/admin/base_site.html).
        scope = scope_of(request)
        if request.user.is_active and request.user.is_staff and scope.any and scope.read_only:
            context["read_only_account"] = scope.label or _("your area")
        return context

    def index(self, request, extra_context=None):
        """The index: for staff who decide, the counts of what waits (also in the work queue's
        entry); for a read-only account, an index made for reading (backoffice.reading)."""
        scope = scope_of(request)
        extra = {"work_counts": None, "reading": None}
        if scope.any and scope.read_only:
            extra["reading"] = reading_index(request.user, scope)
        elif request.user.has_perm("matching.view_pledge"):
            extra["work_counts"] = work_queue_counts(scope)
            setattr(request, _COUNTS_ATTRIBUTE, extra["work_counts"])
        return super().index(request, extra_context={**extra, **(extra_context or {})})

    def get_app_list(self, request, app_label=None):
        app_list = with_possible_duplicates(request, with_work_queue(request, super().get_app_list(request, app_label)))
        return with_dashboard(request, app_list, app_label)


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete, offering a region with its level and the places above it
    (``Cilandak Barat — Kelurahan, Kec. Cilandak, Kota Administrasi Jakarta Selatan``): Jakarta
    alone has a kecamatan and a kelurahan called Cilandak-something in two cities."""

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related("parent__parent") if queryset.model is Region else queryset

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        if isinstance(obj, Region):
            result["text"] = obj.full_label
        return result


def with_work_queue(request, app_list: list) -> list:
    """The admin's app list with "Work queue" first under the matching app, for staff who may
    see pledges: what waits for Dinsos is one click from the index."""
    if not request.user.has_perm("matching.view_pledge"):
        return app_list
    # Counted on the index only (DinsosAdminSite.index); other pages list the entry alone.
    counts: WorkCounts | None = getattr(request, _COUNTS_ATTRIBUTE, None)
    name = _("Work queue")
    if counts is not None:
        name = ngettext("Work queue: %(count)s item waiting", "Work queue: %(count)s items waiting", counts.total) % {
            "count": counts.total
        }
    for app in app_list:
        if app["app_label"] == "matching":
            app["models"].insert(
                0,
                {
                    "model": None,
                    "name": name,
                    "object_name": "WorkQueue",
                    "perms": {"add": False, "change": False, "delete": False, "view": True},
                    "admin_url": reverse("admin:matching_pledge_queue"),
                    "add_url": None,
                    "view_only": True,
                },
            )
    return app_list


def with_possible_duplicates(request, app_list: list) -> list:
    """ "Possible duplicates" first under the duplicates app, for staff who may see decisions."""
    if not request.user.has_perm("duplicates.view_duplicatedecision"):
        return app_list
    for app in app_list:
        if app["app_label"] == "duplicates":
            app["models"].insert(
                0,
                {
                    "model": None,
                    "name": _("Possible duplicates"),
                    "object_name": "PossibleDuplicates",
                    "perms": {"add": False, "change": False, "delete": False, "view": True},
                    "admin_url": reverse("admin:duplicates_possible"),
                    "add_url": None,
                    "view_only": True,
                },
            )
    return app_list
