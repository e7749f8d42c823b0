"""The evidence of realisation reports, handed out under the rules of delivery evidence: the
file has no public URL; only the owning company's officers and staff whose area holds the
report (its registering agency or the regions it was spent in) get it. Anyone else, a
signed-out visitor included, gets a 404, not a hint."""

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from agencies.access import officer_may_read, staff_may_read
from core.downloads import check_id, private_download, private_file
from programs.models import RealisationEvidence
from programs.realisations import report_regions


def realisation_evidence_for_user(user, pk: int) -> RealisationEvidence:
    item = get_object_or_404(
        RealisationEvidence.objects.select_related("realisation__program__agency"), pk=check_id(pk)
    )
    report = item.realisation
    if officer_may_read(user, report.program.company_id):
        return item
    if staff_may_read(user, "programs.view_realisationevidence", report_regions(report)):
        return item
    raise Http404


@private_download
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    item = realisation_evidence_for_user(request.user, pk)
    return private_file(item.file, content_type=item.content_type, filename=f"realisation-evidence-{item.pk}")
