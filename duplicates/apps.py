from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuplicatesConfig(AppConfig):
    """Duplicate facilities, companies and needs: candidates, staff decisions and merges."""

    name = "duplicates"
    verbose_name = _("Duplicates")
