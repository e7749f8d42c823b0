from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import versioned_cache

# Every model whose rows the public reports add up: a save or deletion of any of them gives the
# cached public summary (reports.views.summary) a new version at once.
REPORTS_GROUP = "reports"
REPORTED_APPS = (
    "regions",
    "agencies",
    "facilities",
    "partners",
    "programs",
    "matching",
    "reports",
    "coverage",
    "overlaps",
)
REPORTED_MODELS = ("core.CsrField",)


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports and targeting")

    def ready(self):
        versioned_cache.watch(REPORTS_GROUP, models=REPORTED_MODELS, app_labels=REPORTED_APPS)
