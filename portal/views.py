"""The partner portal: what a CSR officer sees and does for their company.

Every view is wrapped in ``officer_required`` and reaches company data only through
``portal.access`` and ``portal.selectors``, which filter by the officer's company. Views
are thin: they check a form, call a service, and turn a refusal into a form error.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from circulars.selectors import unacknowledged_count
from core.pagination import CappedPaginator, query_without, rows_of_page
from core.roles import facility_id_of
from facilities.filters import csr_field_choices
from facilities.units import unit_label
from matching import services as matching
from matching.bast import bast_scan_attach
from matching.errors import PledgeError
from matching.models import PledgeStatus
from matching.selectors import explain_need_suggestions
from matching.work_queue import company_receipt_share
from notifications.services import notifications_mark_read
from overlaps.models import OverlapAction
from overlaps.services import overlap_note_record
from partners import services
from partners.errors import PartnerError
from partners.models import Company, CompanyStatus
from portal import selectors
from portal.access import check_id, get_delivery_for_officer, get_pledge_for_officer, officer_for_user, officer_required
from portal.filters import PartnerNeedFilter, PledgeFilter
from portal.forms import (
    BastScanForm,
    CompanyProfileForm,
    DeclineForm,
    DeliveryReportForm,
    OfficerContactForm,
    PledgeOfferForm,
    ReasonForm,
)
from regions.selectors import region_choices

NEEDS_PER_PAGE = 20
PLEDGES_PER_PAGE = 25
LISTING_COUNT_CAP = 1000


def after_login(request: HttpRequest) -> HttpResponse:
    """Where the login page sends a user who did not ask for a particular page: officers to
    their dashboard, facility accounts to the facility portal, Dinsos staff to the admin,
    anyone else home."""
    if not request.user.is_authenticated:
        return redirect("login")
    if officer_for_user(request.user) is not None:
        return redirect("partner:dashboard")
    if facility_id_of(request.user) is not None:
        return redirect("facility:home")
    if request.user.is_staff:
        return redirect("admin:index")
    return redirect("home")


# --- dashboard -------------------------------------------------------------------------------


@officer_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    company = request.officer.company
    proposals = selectors.proposals_to_answer(company)
    offers = selectors.offers_awaiting_dinsos(company)
    return render(
        request,
        "partners/dashboard.html",
        {
            "officer": request.officer,
            "proposals": [(pledge, selectors.lapses_soon(pledge)) for pledge in proposals],
            "deliveries": selectors.deliveries_to_report(company),
            "programs_to_change": selectors.programs_to_change(company),
            "realisations_to_correct": selectors.realisations_to_correct(company),
            "offers": [(pledge, selectors.lapses_soon(pledge)) for pledge in offers],
            "reports": selectors.reports_awaiting_verification(company),
            "totals": selectors.pledge_totals(company),
            "receipts": company_receipt_share(company.pk),
            "notifications": selectors.recent_notifications(request.user),
            "unread_count": selectors.unread_notification_count(request.user),
            "documents_to_acknowledge": unacknowledged_count(company),
            "rows_shown": selectors.DASHBOARD_ROWS,
            "today": timezone.localdate(),
        },
    )


@officer_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    count = notifications_mark_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("partner:dashboard")


# --- needs and pledging ----------------------------------------------------------------------


@officer_required
@require_safe
def need_list(request: HttpRequest) -> HttpResponse:
    company = request.officer.company
    needs = PartnerNeedFilter(
        request.GET,
        queryset=selectors.needs_for_partner(company),
        company=company,
        field_choices=csr_field_choices(),
    )
    # Ranked and sliced over the needs' ids alone; only the page's rows are then read whole
    # (facility, regions, field, what this company holds): at national scale the ranking sorts
    # some 70,000 open needs, and joining all of them first cost most of the page's time.
    paginator = CappedPaginator(needs.qs.values_list("pk", flat=True), NEEDS_PER_PAGE, cap=LISTING_COUNT_CAP)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = rows_of_page(needs.qs, list(page.object_list))
    return render(
        request,
        "partners/need_list.html",
        {
            "officer": request.officer,
            "filter": needs,
            "page_obj": page,
            "paginator": paginator,
            "suggestions": explain_need_suggestions(page.object_list),
            "suggested_order": needs.sort_value == "suggested",
            "regions": region_choices(needs.region_code),
            "region_code": needs.region_code,
            "query_without_page": query_without(request.GET, "page"),
        },
    )


@officer_required
@require_http_methods(["GET", "HEAD", "POST"])
def pledge_create(request: HttpRequest, pk: int) -> HttpResponse:
    company = request.officer.company
    need = selectors.need_for_pledge(check_id(pk))
    if need is None:
        return render(request, "partners/need_closed.html", {"officer": request.officer}, status=404)
    form = PledgeOfferForm(
        request.POST if request.method == "POST" else None,
        need=need,
        programs=selectors.active_programs(company),
        company=company,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                pledge = matching.pledge_offer(
                    need=need.pk,
                    company=company,
                    quantity=data["quantity"],
                    value=data["value"],
                    program=data["program"],
                    note=data["note"],
                    expected_delivery_date=data["expected_delivery_date"],
                    actor=request.user,
                )
                overlap_note_record(
                    action=OverlapAction.PLEDGE_OFFERED,
                    overlaps=form.overlaps,
                    reason=data["overlap_reason"],
                    actor=request.user,
                    pledge=pledge,
                )
        except PledgeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Your offer of %(quantity)s %(unit)s for “%(need)s” has been sent to Dinsos. "
                    "You will be notified when they answer."
                )
                % {
                    "quantity": pledge.quantity,
                    "unit": unit_label(need.unit, pledge.quantity),
                    "need": need.title_en if get_language().startswith("en") and need.title_en else need.title,
                },
            )
            return redirect("partner:pledge_detail", pk=pledge.pk)
    return render(
        request,
        "partners/pledge_form.html",
        {
            "officer": request.officer,
            "need": need,
            "form": form,
            "our_pledges": selectors.live_pledges_on_need(company, need),
            "company_inactive": company.status == CompanyStatus.INACTIVE,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


# --- the company's pledges -------------------------------------------------------------------


@officer_required
@require_safe
def pledge_list(request: HttpRequest) -> HttpResponse:
    company = request.officer.company
    pledges = PledgeFilter(request.GET, queryset=selectors.company_pledges(company).order_by("-created_at", "-pk"))
    paginator = CappedPaginator(pledges.qs, PLEDGES_PER_PAGE, cap=LISTING_COUNT_CAP)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "partners/pledge_list.html",
        {
            "officer": request.officer,
            "filter": pledges,
            "page_obj": page,
            "pledges": page.object_list,
            "paginator": paginator,
            "query_without_page": query_without(request.GET, "page"),
        },
    )


# The views of one pledge fetch it before they look at the method: another company's pledge is
# a 404 whatever the method, so not even a 405 tells that the id exists.


def _pledge_page(request: HttpRequest, pledge, *, forms: dict | None = None, status: int = 200) -> HttpResponse:
    forms = forms or {}
    moves = matching.pledge_moves_for(pledge, request.user)
    context = {
        "officer": request.officer,
        "pledge": pledge,
        "need": pledge.need,
        "history": selectors.pledge_history(pledge),
        "deliveries": selectors.pledge_deliveries(pledge),
        "lapses_soon": selectors.lapses_soon(pledge),
        # What the officer may do, from the workflow's one table (matching.services).
        "can_answer": {PledgeStatus.ACCEPTED, PledgeStatus.DECLINED} <= moves,
        "can_report": matching.delivery_problem(pledge, request.user) is None,
        "can_withdraw": PledgeStatus.CANCELLED in moves,
        "decline_form": forms.get("decline") or DeclineForm(),
        "withdraw_form": forms.get("withdraw") or ReasonForm(),
        "show_withdraw": "withdraw" in forms,
        "scan_form": forms.get("scan") or BastScanForm(),
        "scan_report": forms.get("scan_report"),
    }
    return render(request, "partners/pledge_detail.html", context, status=status)


@officer_required
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge_for_officer(request.officer, pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    # Opening the pledge reads its notices.
    unread = selectors.unread_ids_for_pledge(request.user, pledge)
    if unread:
        notifications_mark_read(user=request.user, ids=unread)
    return _pledge_page(request, pledge)


def _transition(request: HttpRequest, pledge, to: str, reason: str, success: str) -> HttpResponse:
    """Ask the workflow for a move; a refusal becomes a message and changes nothing."""
    try:
        matching.pledge_transition(pledge=pledge.pk, to=to, actor=request.user, reason=reason)
    except PledgeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("partner:pledge_detail", pk=pledge.pk)


@officer_required
def pledge_accept(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge_for_officer(request.officer, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return _transition(
        request,
        pledge,
        PledgeStatus.ACCEPTED,
        "",
        _("You accepted the proposal. Report the delivery here once it has been handed over."),
    )


@officer_required
def pledge_decline(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge_for_officer(request.officer, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _pledge_page(request, pledge, forms={"decline": form}, status=400)
    return _transition(
        request,
        pledge,
        PledgeStatus.DECLINED,
        form.cleaned_data["reason"],
        _("You declined the proposal; Dinsos has been told."),
    )


@officer_required
def pledge_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge_for_officer(request.officer, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if PledgeStatus.CANCELLED not in matching.pledge_moves_for(pledge, request.user):
        messages.error(request, _("This pledge cannot be withdrawn any more."))
        return redirect("partner:pledge_detail", pk=pledge.pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _pledge_page(request, pledge, forms={"withdraw": form}, status=400)
    return _transition(
        request,
        pledge,
        PledgeStatus.CANCELLED,
        form.cleaned_data["reason"],
        _("The pledge is withdrawn and its quantity is free for other partners again."),
    )


@officer_required
@require_http_methods(["GET", "HEAD", "POST"])
def delivery_report(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge_for_officer(request.officer, pk)
    if matching.delivery_problem(pledge, request.user) is not None:
        messages.info(request, _("There is nothing left to report for this pledge."))
        return redirect("partner:pledge_detail", pk=pledge.pk)
    form = DeliveryReportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        pledge=pledge,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = matching.delivery_report_submit(
                pledge=pledge.pk,
                actor=request.user,
                delivered_on=data["delivered_on"],
                quantity=data["quantity"],
                value=data["value"],
                beneficiaries_reached=data["beneficiaries_reached"] or 0,
                notes=data["notes"],
                files=form.files_for_service(),
            )
        except PledgeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Thank you. Your report of %(quantity)s %(unit)s is with Dinsos for verification.")
                % {"quantity": report.quantity, "unit": unit_label(pledge.need.unit, report.quantity)},
            )
            return redirect("partner:pledge_detail", pk=pledge.pk)
    if not form.is_bound:
        form.initial = {"quantity": pledge.quantity_outstanding, "delivered_on": timezone.localdate()}
    return render(
        request,
        "partners/delivery_form.html",
        {
            "officer": request.officer,
            "pledge": pledge,
            "need": pledge.need,
            "form": form,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


# --- the company's profile -------------------------------------------------------------------


@officer_required
@require_http_methods(["GET", "HEAD", "POST"])
def company_profile(request: HttpRequest) -> HttpResponse:
    officer = request.officer
    # A fresh copy for the form: a form that fails validation must not alter the company shown
    # in the page header.
    company = Company.objects.get(pk=officer.company_id)
    which = request.POST.get("form") if request.method == "POST" else None
    profile_form = CompanyProfileForm(request.POST if which == "company" else None, instance=company, prefix="company")
    contact_form = OfficerContactForm(
        request.POST if which == "contact" else None,
        prefix="contact",
        initial={
            "first_name": officer.user.first_name,
            "last_name": officer.user.last_name,
            "job_title": officer.job_title,
            "phone": officer.phone,
        },
    )
    if which == "company" and profile_form.is_valid():
        try:
            services.company_profile_update(company=officer.company, data=profile_form.cleaned_data, actor=request.user)
        except PartnerError as error:
            profile_form.add_error(None, error.message)
        else:
            messages.success(request, _("Your company's profile is saved."))
            return HttpResponseRedirect(reverse("partner:company"))
    elif which == "contact" and contact_form.is_valid():
        try:
            services.officer_contact_update(officer=officer, data=contact_form.cleaned_data, actor=request.user)
        except PartnerError as error:
            contact_form.add_error(None, error.message)
        else:
            messages.success(request, _("Your contact details are saved."))
            return HttpResponseRedirect(reverse("partner:company") + "#contacts")
    invalid = request.method == "POST" and (
        profile_form.errors or contact_form.errors or which not in ("company", "contact")
    )
    return render(
        request,
        "partners/company.html",
        {
            "officer": officer,
            "company": company,
            "profile_form": profile_form,
            "contact_form": contact_form,
            "contacts": selectors.company_contacts(officer.company),
            "programs": list(selectors.active_programs(officer.company)),
            "forums": list(selectors.company_forums(officer.company)),
        },
        status=400 if invalid else 200,
    )


@officer_required
def bast_scan_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """The company uploads the signed BAST of one of its deliveries."""
    report = get_delivery_for_officer(request.officer, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    pledge = get_pledge_for_officer(request.officer, report.pledge_id)
    form = BastScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            bast_scan_attach(report=report.pk, upload=form.cleaned_data["scan"], actor=request.user)
        except PledgeError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you. The signed BAST is attached to the delivery report."))
        return redirect("partner:pledge_detail", pk=pledge.pk)
    return _pledge_page(request, pledge, forms={"scan": form, "scan_report": report.pk}, status=400)
