from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverlapsConfig(AppConfig):
    """Overlap warnings: what already covers a need, pledge or program, and the reasons to go ahead."""

    name = "overlaps"
    verbose_name = _("Overlaps")
