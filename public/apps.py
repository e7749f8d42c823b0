from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The public site: home page, needs and facilities, open data. No models of its own."""

    name = "public"
    verbose_name = _("Public site")

    def ready(self):
        # The public pages' cache follows saves of the registries and the workflow below.
        from public import page_cache

        page_cache.connect_signals()
