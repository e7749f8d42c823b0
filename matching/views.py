from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from core.roles import is_dinsos, officer_company_id
from matching.models import Evidence


def evidence_for_user(user, pk: int) -> Evidence:
    """The evidence file, if this user may see it: Dinsos staff with the view permission, or
    an officer of the company that reported the delivery. Anyone else gets a 404, not a hint."""
    evidence = get_object_or_404(Evidence.objects.select_related("report__pledge"), pk=pk)
    if not user.is_authenticated or not user.is_active:
        raise Http404
    if is_dinsos(user) and user.has_perm("matching.view_evidence"):
        return evidence
    if officer_company_id(user) == evidence.report.pledge.company_id:
        return evidence
    raise Http404


@require_safe
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = evidence_for_user(request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    extension = evidence.file.name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle,
        content_type=evidence.content_type,
        as_attachment=evidence.content_type == "application/pdf",
        filename=f"evidence-{evidence.pk}.{extension}",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
