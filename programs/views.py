"""The evidence of realisation reports, handed out under the rules of delivery evidence: the
file has no public URL; only the owning company's officers and staff whose area holds the
report (its registering agency or the regions it was spent in) get it. Anyone else, a
signed-out visitor included, gets a 404, not a hint."""

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from agencies.scope import staff_scope
from core.roles import is_dinsos, officer_company_id
from programs.models import RealisationEvidence
from programs.realisations import report_regions

MAX_ID = 2**63 - 1  # larger ids cannot exist


def realisation_evidence_for_user(user, pk: int) -> RealisationEvidence:
    if pk > MAX_ID or not user.is_authenticated or not user.is_active:
        raise Http404
    item = get_object_or_404(
        RealisationEvidence.objects.select_related("realisation__program__agency"),
        pk=pk,
    )
    report = item.realisation
    if officer_company_id(user) == report.program.company_id:
        return item
    if is_dinsos(user) and user.has_perm("programs.view_realisationevidence"):
        scope = staff_scope(user)
        if scope.everything or any(scope.covers(code) for code in report_regions(report)):
            return item
    raise Http404


@require_safe
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    item = realisation_evidence_for_user(request.user, pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    extension = item.file.name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle,
        content_type=item.content_type,
        as_attachment=item.content_type == "application/pdf",
        filename=f"realisation-evidence-{item.pk}.{extension}",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
