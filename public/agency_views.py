"""The public pages of the agencies one portal hosts: who they are, what their area needs,
their reports and their forum."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from agencies.models import Agency
from core import kept_pages
from facilities import selectors as facility_selectors
from public import selectors
from public.page_cache import data_cached
from regions.models import in_area
from reports import figures
from reports.apps import REPORTS_GROUP
from reports.selectors.obligations import last_closed_period, members_with_since, obligations, period_label

FACILITIES_SHOWN = 12
# Kept whole for anonymous visitors until the data they show (agencies, facilities, needs,
# pledges, programs and their reports: the reports' group) or the figures' snapshots change.
kept_page = kept_pages.kept_page(REPORTS_GROUP, figures.FIGURES_GROUP)


def _public_agency(slug: str) -> Agency:
    agency = Agency.objects.select_related("region").filter(slug=slug, is_public=True).first()
    if agency is None:
        raise Http404
    return agency


@require_safe
@kept_page
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.filter(is_public=True).select_related("region").order_by("level", "name")
    return render(request, "agencies/agency_list.html", {"agencies": list(agencies)})


@require_safe
@kept_page
def agency_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The agency, its headline figures and most urgent needs, its facilities, and links to
    the listing, the reports and the forum report of its area: a fixed number of queries, the
    figures, needs and partners kept until the data changes."""
    agency = _public_agency(slug)
    area = agency.area_code
    facilities = facility_selectors.published_facilities().filter(in_area(area, "region"))
    facilities = list(facilities.order_by("name", "id")[: FACILITIES_SHOWN + 1])
    context = {
        "agency": agency,
        "stats": figures.read(selectors.headline_stats, area=area),
        "urgent_needs": data_cached(
            "urgent-needs",
            lambda: facility_selectors.most_urgent_needs(limit=6, area=area),
            area,
            timezone.localdate(),
        ),
        "facilities": facilities[:FACILITIES_SHOWN],
        "more_facilities": len(facilities) > FACILITIES_SHOWN,
        "partners": data_cached(
            "partners-thanked", lambda: list(selectors.partners_thanked(area=area, limit=24)), area
        ),
        "forum_year": timezone.localdate().year,
        **(forum_reporting(agency) if agency.forum_name else {}),
    }
    return render(request, "agencies/agency_detail.html", context)


def forum_reporting(agency: Agency) -> dict:
    """Which forum members sent the realisation reports of the last period already due, and which
    did not (forum membership is public): three queries."""
    year, quarter = last_closed_period(agency)
    rows = obligations(agency, [(year, quarter)], list(members_with_since(agency)))
    return {
        "forum_period": period_label(year, quarter),
        "forum_reported": [row for row in rows if row.reported],
        "forum_not_reported": [row for row in rows if not row.reported],
    }


@require_safe
def agency_logo(request: HttpRequest, slug: str) -> FileResponse:
    agency = _public_agency(slug)
    if not agency.logo:
        raise Http404
    try:
        handle = agency.logo.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle)
    response["Cache-Control"] = "public, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
