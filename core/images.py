"""Photos for the public site: check that an upload is an image, strip what it says about where
and when it was taken, and make the few sizes that pages ask for.

:func:`process` reads an upload, lets Pillow decide whether it is an image at all (whatever its
name or declared type), turns it upright (EXIF orientation), and re-encodes it as a baseline
JPEG with no EXIF, GPS, XMP or comments: only the pixels survive. It returns the cleaned
full-size image (its long side at most ``MAX_EDGE``) and one JPEG for each width of
:func:`variant_widths`. Anything that is not a readable photo raises :class:`ImageError` with a
sentence staff can act on.

:func:`reencode_without_metadata` serves the private evidence of deliveries (photos a company
reports): the same format back, colour profile and transparency kept, orientation applied, and
no EXIF, GPS, XMP or comments. A phone photo's EXIF holds the GPS position where it was taken
(a panti, where children live).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import IO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Widths of the resized copies (px): a phone card, a phone at 2x or a desktop column, a desktop
# at 2x or a shared preview. A photo narrower than one of them gets its own width instead.
WIDTHS = (480, 960, 1600)
# The cleaned original's longest side: enough for any screen, small enough to keep.
MAX_EDGE = 2400
# Pillow refuses images above this many pixels (a "decompression bomb" of a few kilobytes can
# claim billions); a 40-megapixel camera photo still passes.
MAX_PIXELS = 50_000_000
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF"}
JPEG_QUALITY = 82


class ImageError(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Encoded:
    width: int
    height: int
    content: bytes = field(repr=False)


@dataclass(frozen=True)
class ProcessedImage:
    """The cleaned full-size image and its resized copies, by width."""

    original: Encoded
    variants: dict[int, Encoded]

    @property
    def width(self) -> int:
        return self.original.width

    @property
    def height(self) -> int:
        return self.original.height


def variant_widths(width: int) -> list[int]:
    """The widths of the copies made of an image ``width`` pixels wide: each of ``WIDTHS`` the
    image reaches, and the image's own width when it is narrower than the largest."""
    widths = [w for w in WIDTHS if w <= width]
    if width < WIDTHS[-1] and width not in widths:
        widths.append(width)
    return widths


def scaled_height(width: int, height: int, new_width: int) -> int:
    return max(1, round(height * new_width / width))


def max_bytes() -> int:
    """The size limit of one uploaded photo (``PHOTO_MAX_BYTES``)."""
    return settings.PHOTO_MAX_BYTES


def _too_large(size: int) -> ImageError:
    return ImageError(
        _("The photo is %(size)s; the limit is %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes())}
    )


def _read(upload: UploadedFile | io.BytesIO | bytes) -> bytes:
    limit = max_bytes()
    if isinstance(upload, bytes):
        data = upload
    else:
        size = getattr(upload, "size", None)
        if size is not None and size > limit:
            raise _too_large(size)
        upload.seek(0)
        data = upload.read(limit + 1)
    if len(data) > limit:
        raise _too_large(len(data))
    if not data:
        raise ImageError(_("The file is empty."))
    return data


def _open(data: bytes) -> Image.Image:
    not_an_image = _("This file is not a photo Pillow can read. Upload a JPEG, PNG or WebP image.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            probe.verify()
        if image_format not in ACCEPTED_FORMATS:
            raise ImageError(
                _("%(format)s images are not accepted. Upload a JPEG, PNG or WebP image.") % {"format": image_format}
            )
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise ImageError(
                _("The photo has %(pixels)s million pixels; the limit is %(limit)s million.")
                % {"pixels": image.width * image.height // 1_000_000, "limit": MAX_PIXELS // 1_000_000}
            )
        image.load()
    except ImageError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as error:
        raise ImageError(not_an_image) from error
    return image


def _pixels_only(image: Image.Image) -> Image.Image:
    """The image upright, in RGB, with transparency laid on white, and nothing else carried."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    # A fresh image from the pixel data alone: no info dictionary, EXIF, XMP or ICC to leak.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    return clean


def _encode(image: Image.Image) -> Encoded:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return Encoded(width=image.width, height=image.height, content=buffer.getvalue())


def process(upload: UploadedFile | io.BytesIO | bytes) -> ProcessedImage:
    """The upload checked, cleaned and resized (see the module), or :class:`ImageError`."""
    image = _pixels_only(_open(_read(upload)))
    if max(image.size) > MAX_EDGE:
        image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    variants = {}
    for width in variant_widths(image.width):
        if width == image.width:
            resized = image
        else:
            resized = image.resize((width, scaled_height(image.width, image.height, width)), Image.Resampling.LANCZOS)
        variants[width] = _encode(resized)
    return ProcessedImage(original=_encode(image), variants=variants)


# Content type -> (Pillow format, save options). Quality 90 keeps a phone photo's detail.
FORMATS = {
    "image/jpeg": ("JPEG", {"quality": 90, "optimize": True}),
    "image/png": ("PNG", {"optimize": True}),
    "image/webp": ("WEBP", {"quality": 90}),
}


def reencode_without_metadata(source: IO[bytes], content_type: str) -> bytes:
    """The image in ``source`` encoded again in the same format, with the EXIF orientation
    applied and no EXIF, XMP, comments or other metadata. ``source`` must
    already be known to be a readable image of ``content_type`` (one of ``FORMATS``)."""
    image_format, options = FORMATS[content_type]
    source.seek(0)
    with Image.open(source) as original:
        original.load()
        image = ImageOps.exif_transpose(original)
        if image_format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        # A fresh image holds only the pixels (and the palette): nothing of the original's
        # info (EXIF, XMP, comments, text chunks) comes along, whatever the format's writer
        # would otherwise copy. The colour profile and transparency are kept: they say nothing
        # about who or where, and without them colours or backgrounds change.
        clean = Image.frombytes(image.mode, image.size, image.tobytes())
        if image.mode in ("P", "PA") and image.getpalette():
            clean.putpalette(image.getpalette())
        if "transparency" in image.info and image_format != "JPEG":
            options = {**options, "transparency": image.info["transparency"]}
        icc_profile = original.info.get("icc_profile")
        if icc_profile:
            options = {**options, "icc_profile": icc_profile}
        output = io.BytesIO()
        clean.save(output, format=image_format, **options)
    return output.getvalue()
