"""Every ModelAdmin of the portal, registered on the Dinsos admin site (backoffice.site).

Django's autodiscovery imports this package; each module holds the admin of one app below,
except matching's, which is in two: ``matching`` (pledges and the work queue) and
``deliveries`` (delivery reports and their evidence).
"""

from backoffice.admin import (
    agencies,
    circulars,
    core,
    coverage,
    deliveries,
    duplicates,
    facilities,
    facility_accounts,
    matching,
    notifications,
    overlaps,
    partners,
    programs,
    realisations,
    regions,
)

__all__ = [
    "agencies",
    "circulars",
    "core",
    "coverage",
    "deliveries",
    "duplicates",
    "facilities",
    "facility_accounts",
    "matching",
    "notifications",
    "overlaps",
    "partners",
    "programs",
    "realisations",
    "regions",
]
