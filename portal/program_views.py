"""The partner portal's CSR programs: the company's officers write them, submit them to the
agency of their target region, and follow the agency's answer.

Every view is wrapped in ``officer_required`` and reaches a program only through
``portal.access.get_program_for_officer`` (another company's program is a 404, whatever the
method). Writes go through ``programs.services``; a refusal becomes a form error or a message.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.pagination import CappedPaginator, query_without
from notifications.services import notifications_mark_read
from overlaps.forms import overlap_message
from overlaps.models import OverlapAction
from overlaps.selectors import overlaps_of_program
from overlaps.services import overlap_note_record
from portal import selectors
from portal.access import get_program_for_officer, officer_required
from portal.program_forms import ProgramEditForm, ProgramReasonForm, initial_for
from programs import services
from programs.errors import ProgramError
from programs.models import EDITABLE_STATES, ProgramStatus

PROGRAMS_PER_PAGE = 25
LISTING_COUNT_CAP = 1000
S = ProgramStatus


@officer_required
@require_safe
def program_list(request: HttpRequest) -> HttpResponse:
    paginator = CappedPaginator(
        selectors.company_programs(request.officer.company), PROGRAMS_PER_PAGE, cap=LISTING_COUNT_CAP
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "partners/program_list.html",
        {
            "officer": request.officer,
            "page_obj": page,
            "programs": page.object_list,
            "paginator": paginator,
            "query_without_page": query_without(request.GET, "page"),
        },
    )


def _form_page(request, form, *, program=None, status=200) -> HttpResponse:
    return render(
        request,
        "partners/program_form.html",
        {
            "officer": request.officer,
            "form": form,
            "program": program,
            "resubmits": program is not None and program.status in services.RESUBMIT_ON_EDIT,
            "can_submit": program is None or program.status in EDITABLE_STATES,
        },
        status=status,
    )


@officer_required
@require_http_methods(["GET", "HEAD", "POST"])
def program_create(request: HttpRequest) -> HttpResponse:
    submit = request.method == "POST" and request.POST.get("action") == "submit"
    form = ProgramEditForm(
        request.POST if request.method == "POST" else None, company=request.officer.company, submitting=submit
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                program = services.program_create(
                    company=request.officer.company, actor=request.user, data=form.service_data(), submit=submit
                )
                _note_overlaps(request, form, program)
        except ProgramError as error:
            form.add_error(None, error.message)
        else:
            if submit:
                messages.success(
                    request,
                    _("Your program is submitted to %(agency)s for registration. You will be told of its answer.")
                    % {"agency": program.agency},
                )
            else:
                messages.success(request, _("Your program is saved as a draft. Submit it when it is complete."))
            return redirect("partner:program_detail", pk=program.pk)
    return _form_page(request, form, status=400 if form.is_bound else 200)


@officer_required
def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program_for_officer(request.officer, pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    unread = selectors.unread_ids_for_program(request.user, program)
    if unread:
        notifications_mark_read(user=request.user, ids=unread)
    return _detail_page(request, program)


def _detail_page(request, program, *, cancel_form=None, status=200) -> HttpResponse:
    moves = services.program_moves_for(program, request.user)
    history = selectors.program_history(program)
    return render(
        request,
        "partners/program_detail.html",
        {
            "officer": request.officer,
            "program": program,
            "targets": list(program.target_regions.order_by("code")),
            "history": history,
            "realisations": list(program.realisations.order_by("-year", "-quarter")),
            "comment": selectors.agency_comment(history),
            "can_edit": program.status in EDITABLE_STATES or program.status in services.RESUBMIT_ON_EDIT,
            "can_submit": S.SUBMITTED in moves,
            "can_start": S.ACTIVE in moves,
            "can_complete": S.COMPLETED in moves,
            "can_cancel": S.CANCELLED in moves,
            "cancel_needs_reason": services.reason_needed(program, S.CANCELLED, request.user),
            "cancel_form": cancel_form or ProgramReasonForm(),
            "show_cancel": cancel_form is not None,
        },
        status=status,
    )


@officer_required
@require_http_methods(["GET", "HEAD", "POST"])
def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program_for_officer(request.officer, pk)
    if not (program.status in EDITABLE_STATES or program.status in services.RESUBMIT_ON_EDIT):
        messages.info(request, _("This program cannot be changed any more."))
        return redirect("partner:program_detail", pk=program.pk)
    company = request.officer.company
    # Saving a program the agency asked to change submits it again (services.RESUBMIT_ON_EDIT).
    submit = request.method == "POST" and (
        request.POST.get("action") == "submit" or program.status in services.RESUBMIT_ON_EDIT
    )
    if request.method == "POST":
        form = ProgramEditForm(request.POST, company=company, submitting=submit, program_id=program.pk)
    else:
        form = ProgramEditForm(initial=initial_for(program), company=company)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                updated = services.program_update(
                    program=program.pk, actor=request.user, data=form.service_data(), submit=submit
                )
                _note_overlaps(request, form, updated)
        except ProgramError as error:
            form.add_error(None, error.message)
        else:
            if updated.status == S.SUBMITTED:
                messages.success(
                    request,
                    _("Your changes are saved and the program is with %(agency)s for registration.")
                    % {"agency": updated.agency},
                )
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect("partner:program_detail", pk=program.pk)
    return _form_page(request, form, program=program, status=400 if form.is_bound else 200)


def _move(request, program, to: str, reason: str, success: str) -> HttpResponse:
    try:
        services.program_move(program=program.pk, to=to, actor=request.user, reason=reason)
    except ProgramError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("partner:program_detail", pk=program.pk)


def _note_overlaps(request, form, program) -> None:
    """The reason the officer gave to submit despite overlaps (issue 26), if they met any."""
    if program.status == S.SUBMITTED:
        overlap_note_record(
            action=OverlapAction.PROGRAM_SUBMITTED,
            overlaps=form.overlaps,
            reason=form.cleaned_data.get("overlap_reason", ""),
            actor=request.user,
            program=program,
        )


@officer_required
def program_submit(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program_for_officer(request.officer, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if program.status in EDITABLE_STATES and (overlaps := overlaps_of_program(program)):
        # The overlaps are shown on the form, where a reason can be given (issue 26).
        messages.warning(request, overlap_message(overlaps))
        return redirect("partner:program_edit", pk=program.pk)
    return _move(
        request,
        program,
        S.SUBMITTED,
        "",
        _("Your program is submitted to %(agency)s for registration.") % {"agency": program.agency},
    )


@officer_required
def program_start(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program_for_officer(request.officer, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return _move(request, program, S.ACTIVE, "", _("The program is marked as running."))


@officer_required
def program_complete(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program_for_officer(request.officer, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return _move(request, program, S.COMPLETED, "", _("The program is marked as completed."))


@officer_required
def program_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program_for_officer(request.officer, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if S.CANCELLED not in services.program_moves_for(program, request.user):
        messages.error(request, _("This program cannot be cancelled any more."))
        return redirect("partner:program_detail", pk=program.pk)
    reason = ""
    if services.reason_needed(program, S.CANCELLED, request.user):
        form = ProgramReasonForm(request.POST)
        if not form.is_valid():
            return _detail_page(request, program, cancel_form=form, status=400)
        reason = form.cleaned_data["reason"]
    return _move(request, program, S.CANCELLED, reason, _("The program is cancelled."))
