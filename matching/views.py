from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from core.roles import facility_id_of, is_dinsos, officer_company_id
from matching.models import DeliveryReceipt, Evidence

MAX_ID = 2**63 - 1  # larger ids cannot exist


def evidence_for_user(user, pk: int) -> Evidence:
    """The evidence file, if this user may see it: Dinsos staff with the view permission, an
    officer of the company that reported the delivery, or an account of the facility that
    received it. Anyone else gets a 404, not a hint."""
    evidence = get_object_or_404(Evidence.objects.select_related("report__pledge__need"), pk=pk)
    if not user.is_authenticated or not user.is_active:
        raise Http404
    if is_dinsos(user) and user.has_perm("matching.view_evidence"):
        return evidence
    if officer_company_id(user) == evidence.report.pledge.company_id:
        return evidence
    if facility_id_of(user) == evidence.report.pledge.need.facility_id:
        return evidence
    raise Http404


def receipt_for_user(user, pk: int) -> DeliveryReceipt:
    """A facility's receipt with a photo, if this user may see the photo: Dinsos staff with the
    view permission, the receiving facility's accounts, and the delivering company's officers."""
    if pk > MAX_ID:
        raise Http404
    receipt = get_object_or_404(DeliveryReceipt.objects.select_related("report__pledge__need"), pk=pk)
    if not user.is_authenticated or not user.is_active or not receipt.photo:
        raise Http404
    if is_dinsos(user) and user.has_perm("matching.view_deliveryreceipt"):
        return receipt
    pledge = receipt.report.pledge
    if officer_company_id(user) == pledge.company_id or facility_id_of(user) == pledge.need.facility_id:
        return receipt
    raise Http404


def _private_file(field, content_type: str, name: str) -> FileResponse:
    try:
        handle = field.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    extension = field.name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=content_type == "application/pdf",
        filename=f"{name}.{extension}",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


@require_safe
def receipt_photo(request: HttpRequest, pk: int) -> FileResponse:
    receipt = receipt_for_user(request.user, pk)
    return _private_file(receipt.photo, receipt.photo_content_type, f"receipt-{receipt.pk}")


@require_safe
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = evidence_for_user(request.user, pk)
    return _private_file(evidence.file, evidence.content_type, f"evidence-{evidence.pk}")
