from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from ops import checks


class OpsConfig(AppConfig):
    """Running the portal in production: health, metrics, request logs, deploy checks, backups."""

    name = "ops"
    verbose_name = _("Operations")

    def ready(self) -> None:
        checks.register()
