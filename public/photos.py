"""Photos on the public site, served from the private media folder one resized copy at a time.

MEDIA_ROOT is never served directly (evidence lives there too). A copy is served here only when
its photo is published and its need or facility is public; staff who may change the need or
facility also see unpublished photos (to check them before publishing), never cached.
Published copies are cached for a week: a URL names one photo and one width and never changes
content, yet unpublishing must take effect within a bounded time (docs/decisions.md, "Photos").
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_safe

from facilities.models import Facility, FacilityPhoto, Need, NeedPhoto
from facilities.photos import variant_name

PUBLIC_MAX_AGE = 7 * 24 * 3600
MAX_ID = 2**63 - 1


def _serve(request: HttpRequest, photo, width: int, public: bool, permission: str) -> FileResponse:
    if width not in photo.variant_widths:
        raise Http404
    if not (public and photo.published):
        if not (request.user.is_authenticated and request.user.is_staff and request.user.has_perm(permission)):
            raise Http404
        public = False
    name = variant_name(photo.image.name, width)
    try:
        handle = default_storage.open(name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="image/jpeg")
    if public and photo.published:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    else:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def need_photo(request: HttpRequest, pk: int, width: int) -> FileResponse:
    if pk > MAX_ID:
        raise Http404
    photo = NeedPhoto.objects.filter(pk=pk).only("image", "width", "published", "need_id").first()
    if photo is None:
        raise Http404
    public = Need.objects.public().filter(pk=photo.need_id).exists()
    return _serve(request, photo, width, public, "facilities.change_need")


@require_safe
def facility_photo(request: HttpRequest, pk: int, width: int) -> FileResponse:
    if pk > MAX_ID:
        raise Http404
    photo = FacilityPhoto.objects.filter(pk=pk).only("image", "width", "published", "facility_id").first()
    if photo is None:
        raise Http404
    public = Facility.objects.published().filter(pk=photo.facility_id).exists()
    return _serve(request, photo, width, public, "facilities.change_facility")
