"""Re-encoding uploaded photos, so that what is stored carries no metadata.

A phone photo's EXIF block holds the GPS position where it was taken (a panti, where children
live), the camera and often the owner's name. Decoding the pixels and encoding them again keeps
the picture and drops all of that. The EXIF orientation is applied to the pixels first, so the
photo still stands the right way up without it.
"""

from __future__ import annotations

import io
from typing import IO

from PIL import Image, ImageOps

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
