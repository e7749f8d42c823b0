"""The one way a circulated document's file leaves the server: to staff of its agency's area and
to those it was sent to. Anyone else gets a 404, as for a document that does not exist."""

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from circulars.models import Circular
from circulars.selectors import user_may_read
from circulars.services import covers_agency
from core.roles import is_dinsos

MAX_ID = 2**63 - 1  # larger ids cannot exist


def circular_for_user(user, pk: int) -> Circular:
    if pk > MAX_ID or not user.is_authenticated or not user.is_active:
        raise Http404
    circular = get_object_or_404(Circular.objects.select_related("agency"), pk=pk)
    staff = is_dinsos(user) and user.has_perm("circulars.view_circular") and covers_agency(user, circular.agency)
    if not user_may_read(user, circular, staff_covers=staff):
        raise Http404
    return circular


@require_safe
def circular_file(request: HttpRequest, pk: int) -> FileResponse:
    circular = circular_for_user(request.user, pk)
    try:
        handle = circular.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    name = slugify(circular.number or circular.title)[:80] or f"document-{circular.pk}"
    response = FileResponse(
        handle,
        content_type=circular.content_type,
        as_attachment=True,
        filename=f"{name}.{circular.file_extension}",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
