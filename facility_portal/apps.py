from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FacilityPortalConfig(AppConfig):
    """The facility portal: what the head and staff of a panti or LKS see and do."""

    name = "facility_portal"
    verbose_name = _("Facility portal")
