"""Photos on the public site, served from the private media folder one resized copy at a time.

MEDIA_ROOT is never served directly (evidence lives there too). A copy is served here only when
its photo is published and its need or facility is public; staff whose area holds the facility
and who may change the need or facility, and the facility's own accounts, also see unpublished
photos (to check them before publishing), never cached (``agencies.access``).
Published copies are cached for a week: a URL names one photo and one width and never changes
content, yet unpublishing must take effect within a bounded time (docs/decisions.md, "Photos").
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest

from agencies.access import facility_may_read, staff_may_read
from core.downloads import check_id, private_download
from facilities.models import Facility, FacilityPhoto, Need, NeedPhoto
from facilities.photos import variant_name

PUBLIC_MAX_AGE = 7 * 24 * 3600


def _serve(request: HttpRequest, photo, width: int, public: bool, permission: str, facility) -> FileResponse:
    """``facility``: (id, region code) of the facility the photo shows or needs for."""
    if width not in photo.variant_widths:
        raise Http404
    if not (public and photo.published):
        facility_id, region_code = facility
        if not (
            facility_may_read(request.user, facility_id) or staff_may_read(request.user, permission, [region_code])
        ):
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


@private_download
def need_photo(request: HttpRequest, pk: int, width: int) -> FileResponse:
    photo = (
        NeedPhoto.objects.filter(pk=check_id(pk))
        .select_related("need__facility")
        .only("image", "width", "published", "need__facility__id", "need__facility__region_id")
        .first()
    )
    if photo is None:
        raise Http404
    public = Need.objects.public().filter(pk=photo.need_id).exists()
    facility = photo.need.facility
    return _serve(request, photo, width, public, "facilities.change_need", (facility.pk, facility.region_id))


@private_download
def facility_photo(request: HttpRequest, pk: int, width: int) -> FileResponse:
    photo = (
        FacilityPhoto.objects.filter(pk=check_id(pk))
        .select_related("facility")
        .only("image", "width", "published", "facility__id", "facility__region_id")
        .first()
    )
    if photo is None:
        raise Http404
    public = Facility.objects.published().filter(pk=photo.facility_id).exists()
    facility = photo.facility
    return _serve(request, photo, width, public, "facilities.change_facility", (facility.pk, facility.region_id))
