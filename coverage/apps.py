from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    """What the government already covers (APBD and bansos programs), in aggregates only."""

    name = "coverage"
    verbose_name = _("Government coverage")
