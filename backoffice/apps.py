from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    """The admin site of Dinsos staff, composed from the registries and the workflow below:
    every ModelAdmin, the work queue, the matching screen and the reports dashboard."""

    name = "backoffice"
    verbose_name = _("Dinsos workspace")
