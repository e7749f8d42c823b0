from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The partner portal of CSR officers. No models of its own."""

    name = "portal"
    verbose_name = _("Partner portal")
