"""The admin index of a read-only account (Bappeda, a camat): made for reading, not for counters
of work it cannot do. At the top the documents sent to the account (those still to acknowledge
first), then the reports of its area, and the area's facilities and CSR programs. A fixed
number of queries, whatever the area holds.
"""

from __future__ import annotations

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.http import urlencode

from agencies.scope import Scope
from circulars.models import CircularRecipient
from facilities.models import Facility, NeedStatus
from programs.models import Program, ProgramStatus, Realisation, RealisationStatus
from programs.realisation_selectors import realisations_in_area
from programs.selectors import programs_in_area
from regions.models import Region
from reports.selectors.obligations import last_closed_period

ROWS = 8


def reading_index(user, scope: Scope) -> dict:
    """What the reading index shows (see the module)."""
    area = Region.objects.filter(code=scope.area).first() if scope.area else None
    documents = list(
        CircularRecipient.objects.filter(user=user)
        .select_related("circular__agency")
        .order_by(F("acknowledged_on").asc(nulls_first=True), "-sent_at", "-pk")[:ROWS]
    )
    facilities = Facility.objects.filter(scope.q("region"))
    programs = Program.objects.filter(programs_in_area(scope)).exclude(status=ProgramStatus.DRAFT)
    reports = Realisation.objects.filter(realisations_in_area(scope)).aggregate(
        verified=Count("pk", filter=Q(status=RealisationStatus.VERIFIED)),
        waiting=Count("pk", filter=Q(status=RealisationStatus.SUBMITTED)),
    )
    region_query = f"?{urlencode({'region': scope.area})}" if scope.area else ""
    agency = scope.agency
    forum_year = last_closed_period(agency)[0] if agency is not None and agency.forum_name else None
    return {
        "area": area,
        "agency": agency,
        "documents": documents,
        "documents_waiting": sum(1 for document in documents if not document.acknowledged),
        "facilities": list(
            facilities.select_related("region")
            .annotate(open_needs=Count("needs", filter=Q(needs__status=NeedStatus.OPEN)))
            .order_by("-open_needs", "name")[:ROWS]
        ),
        "facility_count": facilities.count(),
        "programs": list(programs.select_related("company").order_by("-start_date", "title")[:ROWS]),
        "program_count": programs.count(),
        "reports": reports,
        "links": {
            "dashboard": reverse("admin:reports_dashboard") + region_query,
            "summary": reverse("reports:summary") + region_query,
            "forum": reverse("reports:forum", args=[forum_year]) + region_query if forum_year else "",
            "realisations": reverse("admin:programs_realisation_changelist"),
            "facilities": reverse("admin:facilities_facility_changelist"),
            "programs": reverse("admin:programs_program_changelist"),
            "circulars": reverse("admin:circulars_circular_changelist"),
        },
        "forum_year": forum_year,
    }
