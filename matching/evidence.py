"""Evidence files are checked by what they contain, never by their name.

A photo must decode as a JPEG, PNG or WebP image; a BAST must be a PDF. Anything else, a
renamed executable for instance, is refused before it is stored. A photo is stored re-encoded,
without its EXIF data (GPS position included): see ``core.images``.
"""

import filetype
from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from core.images import reencode_without_metadata
from matching.errors import PledgeError
from matching.models import EvidenceKind

ALLOWED = {
    EvidenceKind.PHOTO: {"image/jpeg", "image/png", "image/webp"},
    EvidenceKind.BAST: {"application/pdf"},
}
MAX_PIXELS = 60_000_000  # larger is either a decompression bomb or no phone photo


def check_file(upload: UploadedFile, kind: str) -> str:
    """Return the file's real content type, or raise PledgeError with a message for the user."""
    name = upload.name or _("file")
    if kind not in ALLOWED:
        raise PledgeError(_("Unknown kind of evidence."))
    if not upload.size:
        raise PledgeError(_("%(name)s is empty.") % {"name": name})
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise PledgeError(
            _("%(name)s is too large (%(size)s); the limit is %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.EVIDENCE_MAX_BYTES),
            }
        )
    upload.seek(0)
    head = upload.read(8192)
    guessed = filetype.guess(head)
    content_type = guessed.mime if guessed else ""
    if content_type not in ALLOWED[kind]:
        if kind == EvidenceKind.PHOTO:
            message = _("%(name)s is not a JPEG, PNG or WebP photo.")
        else:
            message = _("%(name)s is not a PDF document.")
        raise PledgeError(message % {"name": name})
    upload.seek(0)
    if kind == EvidenceKind.PHOTO:
        _check_image(upload, name)
    else:
        _check_pdf(upload, name)
    upload.seek(0)
    return content_type


def stored_content(upload: UploadedFile, kind: str, content_type: str) -> File:
    """What is stored of a checked upload: a photo re-encoded without metadata, a PDF as it came."""
    if kind == EvidenceKind.PHOTO:
        return ContentFile(reencode_without_metadata(upload, content_type), name=upload.name)
    upload.seek(0)
    return upload


def _check_image(upload: UploadedFile, name: str) -> None:
    try:
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PledgeError(_("%(name)s has too many pixels.") % {"name": name})
            image.verify()
    except PledgeError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise PledgeError(_("%(name)s is not a readable image.") % {"name": name}) from exc


def _check_pdf(upload: UploadedFile, name: str) -> None:
    upload.seek(max(upload.size - 2048, 0))
    tail = upload.read()
    if b"%%EOF" not in tail:
        raise PledgeError(_("%(name)s is not a complete PDF document.") % {"name": name})
