"""Regulations and circulars an agency sent to the officer's company: read, download, and
acknowledge ("Kami telah menerima dan mempelajari"). Reached only through
``portal.access.get_circular_for_officer``: a document not sent to the company is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from circulars import selectors, services
from circulars.services import CircularError
from core.pagination import CappedPaginator, query_without
from notifications.models import Notification
from notifications.services import notifications_mark_read
from portal.access import get_circular_for_officer, officer_required

CIRCULARS_PER_PAGE = 25
LISTING_COUNT_CAP = 1000


@officer_required
@require_safe
def circular_list(request: HttpRequest) -> HttpResponse:
    paginator = CappedPaginator(
        selectors.company_circulars(request.officer.company), CIRCULARS_PER_PAGE, cap=LISTING_COUNT_CAP
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "partners/circular_list.html",
        {
            "officer": request.officer,
            "page_obj": page,
            "paginator": paginator,
            "recipients": page.object_list,
            "query_without_page": query_without(request.GET, "page"),
        },
    )


@officer_required
def circular_detail(request: HttpRequest, pk: int) -> HttpResponse:
    recipient = get_circular_for_officer(request.officer, pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    # Opening the document reads its notices.
    url = services.partner_url(recipient.circular)
    unread = list(
        Notification.objects.filter(recipient=request.user, read_at__isnull=True, url=url).values_list("pk", flat=True)
    )
    if unread:
        notifications_mark_read(user=request.user, ids=unread)
    return render(
        request,
        "partners/circular_detail.html",
        {"officer": request.officer, "recipient": recipient, "circular": recipient.circular},
    )


@officer_required
def circular_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    recipient = get_circular_for_officer(request.officer, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.circular_acknowledge(circular=recipient.circular, actor=request.user)
    except CircularError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Thank you. %(agency)s sees that your company has received and studied the document.")
            % {"agency": recipient.circular.agency.name},
        )
    return redirect("partner:circular_detail", pk=recipient.circular_id)
