"""The reports dashboard for Dinsos staff: a page of the admin, not a model's.

``backoffice.site.DinsosAdminSite`` mounts ``dashboard_urls`` and lists the page on the admin
index through ``with_dashboard``. Staff who may view pledges may view the dashboard.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from backoffice.scoping import scope_of
from reports import figures
from reports.forms import ReportFilterForm
from reports.views import report_context

PERMISSION = "matching.view_pledge"


def dashboard_urls(site) -> list:
    def dashboard(request):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        scope = scope_of(request)
        if not scope.any:
            raise PermissionDenied
        form = ReportFilterForm(request.GET, area=scope.area)
        data = figures.read(
            figures.dashboard_figures,
            year=form.period.year,
            quarter=form.period.quarter,
            scope=form.region_code,
            public=False,
            language=get_language(),
        )
        context = {
            **site.each_context(request),
            **report_context(form, data),
            "title": _("CSR reports and targeting"),
        }
        return TemplateResponse(request, "admin/reports/dashboard.html", context)

    return [path("reports/dashboard/", site.admin_view(dashboard), name="reports_dashboard")]


def with_dashboard(request, app_list: list, app_label: str | None = None) -> list:
    """The admin's app list with the dashboard first, for staff allowed to see it."""
    if app_label is not None or not request.user.has_perm(PERMISSION):
        return app_list
    url = reverse("admin:reports_dashboard")
    entry = {
        "model": None,
        "name": _("CSR reports dashboard"),
        "object_name": "ReportsDashboard",
        "perms": {"add": False, "change": False, "delete": False, "view": True},
        "admin_url": url,
        "add_url": None,
        "view_only": True,
    }
    app = {
        "name": _("Reports and targeting"),
        "app_label": "reports",
        "app_url": url,
        "has_module_perms": True,
        "models": [entry],
    }
    return [app, *app_list]
