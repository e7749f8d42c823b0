from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """Open data: the public datasets as CSV, JSON and HXL with Satu Data metadata. No models yet."""

    name = "opendata"
    verbose_name = _("Open data")
