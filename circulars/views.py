"""The one way a circulated document's file leaves the server: to staff of its agency's area and
to those it was sent to. Anyone else gets a 404, as for a document that does not exist."""

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from agencies.access import covers_agency
from circulars.models import Circular
from circulars.selectors import user_may_read
from core.downloads import check_id, private_download, private_file
from core.roles import is_dinsos


def circular_for_user(user, pk: int) -> Circular:
    circular = get_object_or_404(Circular.objects.select_related("agency"), pk=check_id(pk))
    if not user.is_authenticated or not user.is_active:
        raise Http404
    staff = is_dinsos(user) and user.has_perm("circulars.view_circular") and covers_agency(user, circular.agency)
    if not user_may_read(user, circular, staff_covers=staff):
        raise Http404
    return circular


@private_download
def circular_file(request: HttpRequest, pk: int) -> FileResponse:
    circular = circular_for_user(request.user, pk)
    name = slugify(circular.number or circular.title)[:80] or f"document-{circular.pk}"
    return private_file(
        circular.file,
        content_type=circular.content_type,
        filename=name,
        extension=circular.file_extension,
        attachment=True,
    )
