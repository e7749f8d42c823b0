from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo loader (``load_demo``) and the benchmark data generator. No models."""

    name = "demo"
    verbose_name = _("Demo data")
