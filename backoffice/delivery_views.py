"""Verify or return (reject) one delivery report from its page or from the work queue, and the
safe way back to where staff came from.

Both are POST-only buttons on the delivery report's page and on each card of the work queue,
beside the company's photos, the BAST and the facility's answer; verifying asks once that staff
have looked at them. They call ``matching.services`` and come back with a message, to the
``next`` page when it is a page of this site (``backoffice.actions.safe_next``), else to the
report's page.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from backoffice.actions import safe_next
from backoffice.forms import OverrideReasonForm
from matching import services
from matching.confirmation import receipt_of
from matching.errors import PledgeError
from matching.forms import ReasonForm
from matching.models import ReceiptOutcome


def _report_or_404(model_admin, request, pk):
    """The report in the account's area (404 outside it), for a POST; None for another method."""
    if not model_admin.has_verify_permission(request) or not model_admin.has_view_permission(request):
        raise PermissionDenied
    report = get_object_or_404(model_admin.get_queryset(request), pk=pk)
    return report if request.method == "POST" else None


def _back(request, report) -> HttpResponseRedirect:
    return HttpResponseRedirect(safe_next(request) or reverse("admin:matching_deliveryreport_change", args=[report.pk]))


def verify_view(model_admin, request, pk):
    report = _report_or_404(model_admin, request, pk)
    if report is None:
        return HttpResponseNotAllowed(["POST"])
    if not request.POST.get("checked"):
        messages.error(request, _("Tick that you have looked at the evidence before verifying the delivery."))
        return _back(request, report)
    form = OverrideReasonForm(request.POST)
    reason = form.cleaned_data["override_reason"] if form.is_valid() else ""
    try:
        services.delivery_verify(report=report.pk, actor=request.user, override_reason=reason)
    except PledgeError as error:
        messages.error(request, f"{report}: {error.message}")
    else:
        messages.success(
            request,
            _("The delivery of %(quantity)s %(unit)s from %(company)s is verified.")
            % {"quantity": report.quantity, "unit": report.pledge.need.unit, "company": report.pledge.company},
        )
    return _back(request, report)


def reject_view(model_admin, request, pk):
    report = _report_or_404(model_admin, request, pk)
    if report is None:
        return HttpResponseNotAllowed(["POST"])
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give a reason: the company reads it."))
        return _back(request, report)
    try:
        services.delivery_reject(report=report.pk, actor=request.user, reason=form.cleaned_data["reason"])
    except PledgeError as error:
        messages.error(request, f"{report}: {error.message}")
    else:
        messages.success(
            request,
            _("The delivery report of %(company)s is returned; the company can report it again.")
            % {"company": report.pledge.company},
        )
    return _back(request, report)


# --- what staff see of a delivery: the company's photos and the facility's answer ------------

THUMBNAIL = '<a href="{}" class="evidence-thumb"><img src="{}" alt="{}" width="96" height="72" loading="lazy"></a>'


def evidence_thumbnails(report) -> str:
    """Thumbnails of the report's photos (a link for a BAST), each served by the access-checked
    evidence view; reads the prefetched ``report.evidence``."""
    items = []
    for item in report.evidence.all():
        url = reverse("matching:evidence_download", args=[item.pk])
        if item.kind == "photo":
            items.append(
                format_html(
                    THUMBNAIL,
                    url,
                    url,
                    _("Photo %(n)s from the company") % {"n": len(items) + 1},
                )
            )
        else:
            items.append(format_html('<a href="{}">{}</a>', url, item.get_kind_display()))
    return format_html_join(" ", "{}", ((item,) for item in items))


def receipt_summary(report) -> str:
    """The facility's answer in words (and its photo's thumbnail), or that it has not answered."""
    receipt = receipt_of(report)
    if receipt is None:
        return format_html('<span class="receipt receipt-none">{}</span>', _("The facility has not answered yet."))
    when = date_format(timezone.localtime(receipt.answered_at), "d/m/Y H:i")
    if receipt.outcome == ReceiptOutcome.CONFIRMED:
        text = format_html(
            '<span class="receipt receipt-confirmed">{}</span>',
            _(
                "Confirmed by the facility: %(quantity)s of %(reported)s %(unit)s received on %(date)s, "
                "%(condition)s (%(when)s)."
            )
            % {
                "quantity": receipt.quantity_received,
                "reported": report.quantity,
                "unit": report.pledge.need.unit,
                "date": date_format(receipt.received_on, "d/m/Y"),
                "condition": receipt.get_condition_display().lower(),
                "when": when,
            },
        )
    else:
        text = format_html(
            '<span class="receipt receipt-disputed">{}</span>',
            _("Disputed by the facility (%(when)s): %(reason)s") % {"when": when, "reason": receipt.reason},
        )
    if receipt.photo:
        url = reverse("matching:receipt_photo", args=[receipt.pk])
        text = format_html(
            "{} " + THUMBNAIL,
            text,
            url,
            url,
            _("Photo from the facility"),
        )
    return text
