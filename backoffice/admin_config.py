from django.contrib.admin.apps import AdminConfig


class DinsosAdminConfig(AdminConfig):
    """Django's admin app with the Dinsos site (imported once the models are loaded)."""

    default_site = "backoffice.site.DinsosAdminSite"
