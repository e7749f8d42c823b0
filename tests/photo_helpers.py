"""Photos for tests: real image bytes made with Pillow, stored through the photo services."""

import io

from PIL import Image

from core import images
from facilities import photos
from facilities.models import PhotoBasis
from tests.factories import StaffFactory


def jpeg_bytes(width: int = 1200, height: int = 800, *, exif: Image.Exif | None = None, colour="#3f8fc6") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG", exif=exif or Image.Exif())
    return buffer.getvalue()


def gps_exif() -> Image.Exif:
    """EXIF naming a camera and a place (Tebet, Jakarta) and a rotated camera."""
    exif = Image.Exif()
    exif[0x010F] = "Kamera Panti"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show
    exif[0x8825] = {1: "S", 2: (6.0, 13.0, 57.0), 3: "E", 4: (106.0, 50.0, 49.0)}  # GPSInfo
    return exif


def published_photo(owner, *, width: int = 1200, height: int = 800, caption: str = "", caption_en: str = ""):
    return photos.photo_add(
        owner=owner,
        processed=images.process(jpeg_bytes(width, height)),
        actor=StaffFactory(),
        caption=caption,
        caption_en=caption_en,
        published=True,
        publish_basis=PhotoBasis.NO_RESIDENT,
    )
