from django.apps import AppConfig

from ops import checks


class OpsConfig(AppConfig):
    """Running the portal in production: health, metrics, request logs, deploy checks, backups."""

    name = "ops"
    verbose_name = "Operations"  # no models: never shown in the admin

    def ready(self) -> None:
        checks.register()
