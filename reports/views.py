"""The public reports: the summary at /reports/ and the Forum TSLP annual report (a printable
page and an xlsx). Anyone may read them: they hold aggregates and company totals, never a
person, and list only published facilities."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from agencies.access import covers_agency, staff_may_read
from agencies.scope import agency_for_region, staff_scope
from core import kept_pages
from regions.selectors import region_choices
from reports import charts, exports, figures
from reports.apps import REPORTS_GROUP
from reports.forms import MAX_YEAR, MIN_YEAR, ReportFilterForm
from reports.selectors import coverage, forum, overlap_notes, regional

CHART_ROWS = 12


def agency_of(form: ReportFilterForm):
    """The agency whose area holds the report's region: its name heads the report."""
    return agency_for_region(form.region_code)


def report_context(form: ReportFilterForm, data: regional.Dashboard) -> dict:
    """What the public summary and the staff dashboard both show."""
    regions = data.regions
    agency = agency_of(form)
    by_planned = sorted(regions.rows, key=lambda row: (-row.figures.csr_planned, row.code))[:CHART_ROWS]
    return {
        "form": form,
        "period": data.period,
        "scope": data.scope,
        "ancestors": form.ancestors if data.scope else [],
        "regions": region_choices(form.region_code, within=form.area),
        "region_within": form.area,
        "region_code": form.region_code,
        "data": data,
        "region_chart": charts.money_chart(_("CSR planned and realised by region"), by_planned),
        "gap_chart": charts.gap_chart(_("Districts with the widest gap"), regions.gap),
        "field_chart": charts.money_chart(_("CSR planned and realised by field"), data.fields),
        "company_chart": charts.money_chart(_("CSR planned and realised by company"), data.companies[:CHART_ROWS]),
        "goal_chart": charts.money_chart(
            _("CSR planned and realised by SDG goal"), data.tags.goals if data.tags else []
        ),
        "forum_year": data.period.year or timezone.localdate().year,
        "agency": agency,
        "agency_name": agency.name if agency else settings.AGENCY_NAME,
        # Government coverage beside CSR; ``?gap=government`` ranks the gap counting it (issue 26).
        "government": coverage.government_beside_csr(data.period, data.regions),
        "government_gap": figures.read(
            figures.government_gap_figures,
            year=data.period.year,
            quarter=data.period.quarter,
            scope=data.scope.code if data.scope else "",
        )
        if form.data.get("gap") == "government"
        else None,
    }


def public_dashboard(form: ReportFilterForm) -> regional.Dashboard:
    """The public summary's figures from their snapshot (reports.figures): never rebuilt while a
    visitor waits, except the very first time a period and region are asked for."""
    return figures.read(
        figures.dashboard_figures,
        year=form.period.year,
        quarter=form.period.quarter,
        scope=form.region_code,
        public=True,
        language=get_language(),
    )


@require_safe
# Kept until the data or the figures' snapshots change: a page rendered from a snapshot older
# than the data is left behind when the worker's rebuild bumps the snapshots' version (where
# readers rebuild themselves, the tests, the render after a change already reads new figures).
@kept_pages.kept_page(REPORTS_GROUP, figures.FIGURES_GROUP)
def summary(request: HttpRequest) -> HttpResponse:
    form = ReportFilterForm(request.GET)
    return render(request, "reports/summary.html", report_context(form, public_dashboard(form)))


def _forum(request: HttpRequest, year: int, slug: str) -> tuple[forum.ForumReport, ReportFilterForm]:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    form = ReportFilterForm(request.GET, with_period=False)
    # The forum of the agency whose area holds the chosen region; all forums' members otherwise.
    # An agency not listed on the public site (``is_public`` off) shows its forum only to its own
    # staff; everyone else gets the forums of the listed agencies.
    agency = agency_of(form)
    if agency is not None and not agency.is_public and not covers_agency(request.user, agency):
        raise Http404
    listed_only = agency is None and not staff_scope(request.user).everything
    company = None
    if slug:
        company = forum.forum_members(agency, listed_only=listed_only).filter(slug=slug).first()
        if company is None:
            raise Http404
    report = figures.read(
        figures.forum_figures,
        year=year,
        company=company.pk if company else None,
        scope=form.region_code,
        agency=agency.pk if agency else None,
        listed_only=listed_only,
        language=get_language(),
    )
    return report, form


@require_safe
def forum_report(request: HttpRequest, year: int, slug: str = "") -> HttpResponse:
    report, form = _forum(request, year, slug)
    agency = agency_of(form)
    context = {
        "report": report,
        "agency": agency,
        "form": form,
        "regions": region_choices(form.region_code),
        "region_code": form.region_code,
        "agency_name": agency.name if agency else settings.AGENCY_NAME,
        "printed_on": timezone.localdate(),
        "field_chart": charts.money_chart(_("CSR planned and realised by field"), report.by_field),
        "company_chart": charts.money_chart(_("CSR planned and realised by company"), report.companies[:CHART_ROWS])
        if report.company is None
        else None,
    }
    if report.company is None:
        # Overlaps gone ahead with a reason in the forum's area (issue 26): counted for everyone,
        # listed with their reasons for staff of the area.
        area = form.region_code or (agency.region_id if agency else "") or ""
        context["overlaps"] = overlap_notes.forum_overlaps(report.year, area)
        context["overlap_details"] = staff_may_read(request.user, "overlaps.view_overlapnote", [area])
    return render(request, "reports/forum_report.html", context)


@require_safe
def forum_xlsx(request: HttpRequest, year: int, slug: str = "") -> HttpResponse:
    report, form = _forum(request, year, slug)
    agency = agency_of(form)
    return exports.forum_xlsx_response(report, agency_name=agency.name if agency else settings.AGENCY_NAME)
