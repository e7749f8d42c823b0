"""Evidence photos lose their metadata (GPS included) before they are stored, and the admin's
evidence page opens, linking to the access-checked download."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image

from core.images import reencode_without_metadata
from matching import services
from matching.models import EvidenceKind, PledgeStatus
from tests.factories import pledge_in_state, staff_user

pytestmark = pytest.mark.django_db

# PSBR Taruna Jaya 1, Cipayung (the kind of place a photo must not give away).
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "S",
    ExifTags.GPS.GPSLatitude: (6.0, 19.0, 48.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (106.0, 53.0, 24.0),
}


def phone_photo(image_format="JPEG", size=(64, 48), orientation=6) -> bytes:
    """A photo as a phone writes it: GPS position, camera, owner, and an orientation tag
    (6: the camera was turned, the pixels are to be rotated 90 degrees to stand upright)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Artist] = "Budi Santoso"
    exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS)
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 120, 40))
    image.putpixel((0, 0), (0, 0, 255))
    image.save(buffer, format=image_format, exif=exif.tobytes())
    return buffer.getvalue()


def test_the_test_photo_really_carries_gps():
    with Image.open(io.BytesIO(phone_photo())) as image:
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "S"


def _report_with(photo: bytes, name="foto.jpg"):
    staff = staff_user()
    pledge = pledge_in_state(PledgeStatus.APPROVED, staff=staff)
    owner = pledge.company.officers.first().user
    report = services.delivery_report_submit(
        pledge=pledge,
        actor=owner,
        delivered_on=timezone.localdate(),
        quantity=1,
        files=[(SimpleUploadedFile(name, photo), EvidenceKind.PHOTO)],
    )
    return staff, owner, report.evidence.get()


def test_an_uploaded_jpeg_with_gps_is_stored_and_served_without_any_exif(client):
    original = phone_photo()
    _staff, owner, evidence = _report_with(original)
    client.force_login(owner)
    response = client.get(reverse("matching:evidence_download", args=[evidence.pk]))
    served = b"".join(response.streaming_content)
    with evidence.file.open("rb") as stored_file:
        assert stored_file.read() == served  # the stored original is the stripped one
    assert b"Exif" not in served and b"PhoneMaker" not in served and b"Budi Santoso" not in served
    with Image.open(io.BytesIO(served)) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info
        # The orientation was applied to the pixels: the photo still stands upright.
        assert image.size == (48, 64)
    assert evidence.size == len(served)
    assert response["Content-Type"] == "image/jpeg"


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_photos_lose_their_metadata_too(image_format):
    cleaned = reencode_without_metadata(
        io.BytesIO(phone_photo(image_format, orientation=1)), f"image/{image_format.lower()}"
    )
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.format == image_format
        assert dict(image.getexif()) == {}
        assert image.size == (64, 48)
        if image_format == "PNG":
            assert image.convert("RGB").getpixel((0, 0)) == (0, 0, 255)  # lossless: same pixels


def test_the_admin_evidence_page_opens_and_links_to_the_checked_download(client):
    staff, _owner, evidence = _report_with(phone_photo())
    client.force_login(staff)
    response = client.get(reverse("admin:matching_evidence_change", args=[evidence.pk]))
    assert response.status_code == 200
    assert f'href="{reverse("matching:evidence_download", args=[evidence.pk])}"' in response.content.decode()
    assert evidence.file.name not in response.content.decode()  # the storage path is not shown
