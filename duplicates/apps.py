from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuplicatesConfig(AppConfig):
    """Duplicate facilities, companies and needs: candidates, staff decisions and merges."""

    name = "duplicates"
    verbose_name = _("Duplicates")

    def ready(self) -> None:
        from core.spreadsheets.row_checks import register_row_check
        from duplicates.selectors import import_rows_notes

        for label in ("facilities.Facility", "partners.Company", "facilities.Need"):
            register_row_check(label, import_rows_notes)
