"""Private evidence files (photos and PDF documents a company sends with a delivery or a
realisation report) are checked by what they contain, never by their name.

A photo must decode as a JPEG, PNG or WebP image; a document must be a complete PDF. Anything
else, a renamed executable or a text file called ``.jpg`` for instance, is refused before it is
stored. A photo is stored re-encoded, without its EXIF data (GPS position included): see
``core.images``. The workflows (``matching.evidence``, ``programs.realisations``) turn
:class:`EvidenceFileError` into their own refusals.
"""

from __future__ import annotations

import filetype
from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from core.images import reencode_without_metadata

PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
PDF_TYPES = frozenset({"application/pdf"})
MAX_PIXELS = 60_000_000  # larger is either a decompression bomb or no phone photo


class EvidenceFileError(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check_upload(upload: UploadedFile, *, photo: bool) -> str:
    """The file's real content type, or :class:`EvidenceFileError` with a message for the user.
    ``photo``: a JPEG, PNG or WebP photo; otherwise a PDF document."""
    name = upload.name or _("file")
    if not upload.size:
        raise EvidenceFileError(_("%(name)s is empty.") % {"name": name})
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise EvidenceFileError(
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
    if content_type not in (PHOTO_TYPES if photo else PDF_TYPES):
        photo_message = _("%(name)s is not a JPEG, PNG or WebP photo.")
        message = photo_message if photo else _("%(name)s is not a PDF document.")
        raise EvidenceFileError(message % {"name": name})
    upload.seek(0)
    if photo:
        _check_image(upload, name)
    else:
        _check_pdf(upload, name)
    upload.seek(0)
    return content_type


def stored_content(upload: UploadedFile, content_type: str) -> File:
    """What is stored of a checked upload: a photo re-encoded without metadata, a PDF as it came."""
    if content_type in PHOTO_TYPES:
        return ContentFile(reencode_without_metadata(upload, content_type), name=upload.name)
    upload.seek(0)
    return upload


def _check_image(upload: UploadedFile, name: str) -> None:
    try:
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise EvidenceFileError(_("%(name)s has too many pixels.") % {"name": name})
            image.verify()
    except EvidenceFileError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise EvidenceFileError(_("%(name)s is not a readable image.") % {"name": name}) from exc


def _check_pdf(upload: UploadedFile, name: str) -> None:
    upload.seek(max(upload.size - 2048, 0))
    tail = upload.read()
    if b"%%EOF" not in tail:
        raise EvidenceFileError(_("%(name)s is not a complete PDF document.") % {"name": name})
