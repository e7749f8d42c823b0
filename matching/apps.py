from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching: pledges and deliveries")

    def ready(self):
        # Signal receivers are connected in ready(), as Django documents.
        from matching import gap

        gap.connect_signals()
