from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import versioned_cache

# Every model whose rows the reports add up: a save or deletion of any of them gives the reports'
# figures a new version, and their snapshots (reports.figures) are rebuilt when it commits. The
# snapshots themselves are reports' rows too, but not reported data: they are left out.
REPORTS_GROUP = "reports"
REPORTED_APPS = ("regions", "agencies", "facilities", "partners", "programs", "matching", "coverage", "overlaps")
REPORTED_MODELS = ("core.CsrField", "reports.Reminder", "reports.RealisationReminder")


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports and targeting")

    def ready(self):
        versioned_cache.watch(REPORTS_GROUP, models=REPORTED_MODELS, app_labels=REPORTED_APPS)
        # Signal receivers are connected in ready(), as Django documents.
        from reports import figures

        figures.connect()
