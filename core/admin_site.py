from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class DinsosAdminSite(admin.AdminSite):
    site_header = _("CSR Portal · Dinas Sosial")
    site_title = _("CSR Portal administration")
    index_title = _("Dinsos workspace")

    def has_permission(self, request) -> bool:
        # CSR officers work in the partner portal only, even if someone ticks "staff status".
        user = request.user
        if not super().has_permission(request):
            return False
        return user.is_superuser or not hasattr(user, "officer")

    # The reports dashboard (reports.admin): a page of its own, listed first on the index.
    def get_urls(self):
        from reports.admin import dashboard_urls

        return dashboard_urls(self) + super().get_urls()

    def get_app_list(self, request, app_label=None):
        from matching.admin import with_work_queue
        from reports.admin import with_dashboard

        app_list = with_work_queue(request, super().get_app_list(request, app_label))
        return with_dashboard(request, app_list, app_label)


class DinsosAdminConfig(AdminConfig):
    default_site = "core.admin_site.DinsosAdminSite"
