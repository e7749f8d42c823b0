"""Evidence of a delivery is checked by what it contains, never by its name (``core.evidence``,
shared with the realisation reports of programs): a photo must decode as a JPEG, PNG or WebP
image; a BAST must be a PDF. A photo is stored re-encoded, without its EXIF data.
"""

from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from core import evidence
from matching.errors import PledgeError
from matching.models import EvidenceKind

ALLOWED = {EvidenceKind.PHOTO: evidence.PHOTO_TYPES, EvidenceKind.BAST: evidence.PDF_TYPES}


def check_file(upload: UploadedFile, kind: str) -> str:
    """Return the file's real content type, or raise PledgeError with a message for the user."""
    if kind not in ALLOWED:
        raise PledgeError(_("Unknown kind of evidence."))
    try:
        return evidence.check_upload(upload, photo=kind == EvidenceKind.PHOTO)
    except evidence.EvidenceFileError as error:
        raise PledgeError(error.message) from error


def stored_content(upload: UploadedFile, kind: str, content_type: str) -> File:
    """What is stored of a checked upload: a photo re-encoded without metadata, a PDF as it came."""
    return evidence.stored_content(upload, content_type)
