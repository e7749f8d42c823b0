"""The facility portal: what the head and staff of a panti or LKS see and do for their facility.

Every view is wrapped in ``facility_member_required`` and reaches data only through
``facility_portal.access`` and ``facility_portal.selectors``, which filter by the member's own
facility. Views are thin: they check a form, call a service, and turn a refusal into a form
error.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from facilities import proposals
from facilities.photos import PhotoError, photo_add
from facilities.services import NeedError
from facility_portal import selectors
from facility_portal.access import facility_member_required, get_delivery_for_member, get_need_for_member
from facility_portal.forms import FacilityPhotoForm, NeedProposalForm, ReceiptConfirmForm, ReceiptDisputeForm
from matching import receipts
from matching.errors import PledgeError
from overlaps.models import OverlapAction
from overlaps.services import overlap_note_record

DELIVERIES_PER_PAGE = 25
HOME_ROWS = 10


@facility_member_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    facility_id = request.member.facility_id
    return render(
        request,
        "facility_portal/home.html",
        {
            "member": request.member,
            "needs": list(selectors.facility_needs(facility_id)),
            "to_answer": list(selectors.deliveries_to_answer(facility_id)[:HOME_ROWS]),
            "proposals": list(selectors.pending_proposals(facility_id)),
        },
    )


def _proposal_page(request, template: str, form, need=None, status: int = 200) -> HttpResponse:
    return render(request, template, {"member": request.member, "form": form, "need": need}, status=status)


@facility_member_required
@require_http_methods(["GET", "HEAD", "POST"])
def need_new(request: HttpRequest) -> HttpResponse:
    form = NeedProposalForm(request.POST if request.method == "POST" else None, facility=request.member.facility)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                need = proposals.need_propose(
                    actor=request.user,
                    facility_id=request.member.facility_id,
                    values=form.proposed(),
                    note=form.cleaned_data["note"],
                )
                overlap_note_record(
                    action=OverlapAction.NEED_PROPOSED,
                    overlaps=form.overlaps,
                    reason=form.cleaned_data["overlap_reason"],
                    actor=request.user,
                    need=need,
                )
        except NeedError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                _("Thank you. “%(need)s” is with Dinsos as a draft; it is published once Dinsos has checked it.")
                % {"need": need.title},
            )
            return redirect("facility:home")
    return _proposal_page(request, "facility_portal/need_form.html", form, status=400 if form.errors else 200)


@facility_member_required
def need_change(request: HttpRequest, pk: int) -> HttpResponse:
    # The need first: another facility's id is a 404 whatever the method.
    need = get_need_for_member(request.member, pk)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = NeedProposalForm(request.POST if request.method == "POST" else None, instance=need)
    if request.method == "POST" and form.is_valid():
        try:
            proposals.need_change_propose(
                actor=request.user, need=need, changes=form.proposed(), note=form.cleaned_data["note"]
            )
        except NeedError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Thank you. Your proposed changes are with Dinsos."))
            return redirect("facility:home")
    return _proposal_page(request, "facility_portal/need_form.html", form, need, status=400 if form.errors else 200)


@facility_member_required
@require_safe
def delivery_list(request: HttpRequest) -> HttpResponse:
    deliveries = selectors.facility_deliveries(request.member.facility_id)
    page = Paginator(deliveries, DELIVERIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "facility_portal/delivery_list.html", {"member": request.member, "page": page})


def _delivery_page(request, report, *, confirm=None, dispute=None, status: int = 200) -> HttpResponse:
    if confirm is None:
        confirm = ReceiptConfirmForm(
            report=report, initial={"quantity_received": report.quantity, "received_on": timezone.localdate()}
        )
    return render(
        request,
        "facility_portal/delivery_detail.html",
        {
            "member": request.member,
            "report": report,
            "receipt": getattr(report, "receipt", None),
            "problem": receipts.receipt_problem(report, request.user),
            "confirm_form": confirm,
            "dispute_form": dispute or ReceiptDisputeForm(prefix="dispute"),
        },
        status=status,
    )


@facility_member_required
def delivery_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_delivery_for_member(request.member, pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return _delivery_page(request, report)


@facility_member_required
def delivery_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_delivery_for_member(request.member, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ReceiptConfirmForm(request.POST, request.FILES, report=report)
    if form.is_valid():
        data = form.cleaned_data
        try:
            receipts.delivery_receipt_confirm(
                report=report.pk,
                actor=request.user,
                quantity_received=data["quantity_received"],
                received_on=data["received_on"],
                condition=data["condition"],
                note=data["note"],
                photo=data["photo"],
                thank_you=data["thank_you"],
            )
        except PledgeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Dinsos and the company see that you received this delivery."))
            return redirect("facility:delivery_detail", pk=report.pk)
    return _delivery_page(request, report, confirm=form, status=400)


@facility_member_required
def delivery_dispute(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_delivery_for_member(request.member, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ReceiptDisputeForm(request.POST, prefix="dispute")
    if form.is_valid():
        try:
            receipts.delivery_receipt_dispute(
                report=report.pk,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                quantity_received=form.cleaned_data["quantity_received"],
            )
        except PledgeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your dispute is recorded. Dinsos will look into it with the company."))
            return redirect("facility:delivery_detail", pk=report.pk)
    return _delivery_page(request, report, dispute=form, status=400)


@facility_member_required
@require_http_methods(["GET", "HEAD", "POST"])
def photos(request: HttpRequest) -> HttpResponse:
    """The facility's photos: add one for Dinsos to publish; see which are published."""
    form = FacilityPhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            photo_add(
                owner=request.member.facility,
                processed=form.processed,
                actor=request.user,
                caption=form.cleaned_data["caption"],
            )
        except PhotoError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Dinsos publishes the photo once they have checked it."))
            return redirect("facility:photos")
    context = {
        "member": request.member,
        "form": form,
        "photos": list(selectors.facility_photos(request.member.facility_id)),
    }
    return render(request, "facility_portal/photos.html", context, status=400 if form.errors else 200)
