"""Realisation reports (laporan realisasi) in the partner portal: file one for a registered
program and a period, list the company's reports, read one, correct one the agency returned.

Every view is wrapped in ``officer_required`` and reaches programs and reports only through
the company's own querysets: another company's program or report is a 404, whatever the method.
Writes go through ``programs.realisations``; its refusals become form errors.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.pagination import CappedPaginator
from portal.access import get_program_for_officer, get_realisation_for_officer, officer_required
from portal.realisation_forms import RealisationForm, share_formset
from programs import realisation_selectors as selectors
from programs import realisations
from programs.models import REGISTERED_STATES, RealisationStatus
from programs.realisations import RealisationError

REPORTS_PER_PAGE = 25
LISTING_COUNT_CAP = 1000


def _form_page(request, *, program, report=None):
    """The report's form, new or a correction of ``report``; on success, to the report's page."""
    posted = request.method == "POST"
    fixed = (report.year, report.quarter) if report is not None else None
    initial = {}
    lines = []
    if report is not None:
        names = ("amount", "households", "persons", "women", "children", "elderly", "disabled", "activities")
        initial = {name: getattr(report, name) for name in names}
        lines = [
            {"region": share.region_id, "amount": share.amount, "households": share.households}
            for share in report.shares.all()
        ]
    form = RealisationForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        program=program,
        fixed_period=fixed,
        initial=initial,
    )
    formset = share_formset(request.POST if posted else None, program=program, initial=lines)
    if posted and form.is_valid() and formset.is_valid():
        year, quarter = fixed or form.period
        try:
            saved = realisations.realisation_submit(
                program=program.pk,
                actor=request.user,
                year=year,
                quarter=quarter,
                amount=form.cleaned_data["amount"],
                shares=formset.share_lines(),
                activities=form.cleaned_data["activities"],
                files=form.files_for_service(),
                **form.counts(),
            )
        except RealisationError as error:
            for problem in error.problems:
                form.add_error(None, problem)
        else:
            messages.success(
                request,
                _("Thank you. Your realisation report for %(period)s is with the agency for verification.")
                % {"period": saved.period_label},
            )
            return redirect("partner:realisation_detail", pk=saved.pk)
    return render(
        request,
        "partners/realisations/form.html",
        {
            "officer": request.officer,
            "program": program,
            "report": report,
            "form": form,
            "formset": formset,
            "targets": list(program.target_regions.order_by("code")),
        },
        status=400 if posted else 200,
    )


@officer_required
@require_http_methods(["GET", "HEAD", "POST"])
def realisation_create(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program_for_officer(request.officer, pk)
    if problem := realisations.submit_problem(program, request.user):
        messages.error(request, problem)
        return redirect("partner:realisation_list")
    return _form_page(request, program=program)


@officer_required
@require_http_methods(["GET", "HEAD", "POST"])
def realisation_correct(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_realisation_for_officer(request.officer, pk)
    if report.status != RealisationStatus.RETURNED:
        messages.info(request, _("Only a report the agency returned can be corrected."))
        return redirect("partner:realisation_detail", pk=report.pk)
    return _form_page(request, program=report.program, report=report)


@officer_required
@require_safe
def realisation_list(request: HttpRequest) -> HttpResponse:
    reports = selectors.company_realisations(request.officer.company_id)
    paginator = CappedPaginator(reports, REPORTS_PER_PAGE, cap=LISTING_COUNT_CAP)
    page = paginator.get_page(request.GET.get("page"))
    programs = list(
        selectors.company_programs(request.officer.company_id).filter(status__in=REGISTERED_STATES).order_by("title")
    )
    return render(
        request,
        "partners/realisations/list.html",
        {
            "officer": request.officer,
            "page_obj": page,
            "reports": page.object_list,
            "paginator": paginator,
            "programs": programs,
            "query_without_page": "",
        },
    )


@officer_required
def realisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # Fetched before the method is looked at: another company's report is a 404, not a 405.
    report = get_realisation_for_officer(request.officer, pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return render(
        request,
        "partners/realisations/detail.html",
        {
            "officer": request.officer,
            "report": report,
            "program": report.program,
            "shares": list(report.shares.all()),
            "evidence": list(report.evidence.all()),
            "can_correct": report.status == RealisationStatus.RETURNED,
        },
    )
