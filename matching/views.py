"""The private files of deliveries: the company's evidence (photos, BAST) and the facility's
receipt photo. Each is handed out only to staff whose area holds the receiving facility, the
delivering company's officers and the receiving facility's accounts (``agencies.access``);
anyone else, a signed-out visitor included, gets a 404, not a hint."""

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from agencies.access import facility_may_read, officer_may_read, staff_may_read
from core.downloads import check_id, private_download, private_file
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
