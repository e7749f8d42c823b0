"""The private files of deliveries: the company's evidence (photos, BAST) and the facility's
receipt photo. Each is handed out only to staff whose area holds the receiving facility, the
delivering company's officers and the receiving facility's accounts (``agencies.access``);
anyone else, a signed-out visitor included, gets a 404, not a hint."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from agencies.access import facility_may_read, officer_may_read, staff_may_read
from core.downloads import check_id, private_download, private_file
from matching.bast import bast_for_token, bast_states
from matching.bast_pdf import bast_pdf
from matching.models import DeliveryReceipt, DeliveryReport, Evidence


def delivery_may_read(user, report: DeliveryReport, permission: str) -> bool:
    """Whether ``user`` may see the files of a delivery (``report`` with its pledge and need)."""
    pledge = report.pledge
    return (
        officer_may_read(user, pledge.company_id)
        or facility_may_read(user, pledge.need.facility_id)
        or staff_may_read(user, permission, [pledge.need.facility.region_id])
    )


def evidence_for_user(user, pk: int) -> Evidence:
    evidence = get_object_or_404(Evidence.objects.select_related("report__pledge__need__facility"), pk=check_id(pk))
    if not user.is_authenticated or not delivery_may_read(user, evidence.report, "matching.view_evidence"):
        raise Http404
    return evidence


def receipt_for_user(user, pk: int) -> DeliveryReceipt:
    receipt = get_object_or_404(
        DeliveryReceipt.objects.select_related("report__pledge__need__facility"), pk=check_id(pk)
    )
    if not receipt.photo or not user.is_authenticated:
        raise Http404
    if not delivery_may_read(user, receipt.report, "matching.view_deliveryreceipt"):
        raise Http404
    return receipt


@private_download
def receipt_photo(request: HttpRequest, pk: int) -> FileResponse:
    receipt = receipt_for_user(request.user, pk)
    return private_file(receipt.photo, content_type=receipt.photo_content_type, filename=f"receipt-{receipt.pk}")


@private_download
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = evidence_for_user(request.user, pk)
    return private_file(evidence.file, content_type=evidence.content_type, filename=f"evidence-{evidence.pk}")


@private_download
def bast_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The BAST of a delivery report as PDF, for the same readers as its evidence."""
    report = get_object_or_404(
        DeliveryReport.objects.select_related(
            "bast__agency", "pledge__company", "pledge__program", "pledge__need__facility", "reported_by"
        ),
        pk=check_id(pk),
    )
    if not request.user.is_authenticated or not delivery_may_read(request.user, report, "matching.view_deliveryreport"):
        raise Http404
    bast = getattr(report, "bast", None)
    if bast is None:
        raise Http404
    response = HttpResponse(bast_pdf(bast), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bast-{bast.year}-{bast.sequence:03d}.pdf"'
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_safe
def bast_verify(request: HttpRequest, token: str) -> HttpResponse:
    """The public page of a BAST (its QR code): the handover's facts and states, nothing
    personal. An unknown or altered code answers 404 and says the BAST is not valid."""
    bast = bast_for_token(token)
    if bast is None:
        return render(request, "matching/bast_invalid.html", status=404)
    return render(request, "matching/bast_verify.html", {"bast": bast, "states": bast_states(bast)})
