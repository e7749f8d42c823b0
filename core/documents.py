"""Uploaded documents (a regulation, a circular letter) are judged by their bytes, never by their
name: the same rule as delivery evidence (matching.evidence), for the office formats an agency
writes its letters in.

``check_document(upload, max_bytes=...)`` returns the file's real content type, or raises
``DocumentError`` with a sentence for the person who uploaded it. A renamed executable, an
image called ``perbup.pdf`` or a truncated PDF is refused before anything is stored.
"""

from __future__ import annotations

import filetype
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF = "application/pdf"
DOC = "application/msword"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
#: content type -> the extension a stored copy gets (the uploaded name is never trusted).
DOCUMENT_TYPES = {PDF: "pdf", DOC: "doc", DOCX: "docx", ODT: "odt"}
# A zip-based format names its parts near the start; 64 KiB reaches them in any real file.
HEAD_BYTES = 64 * 1024


class DocumentError(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check_document(upload: UploadedFile, *, max_bytes: int, allowed: frozenset[str] | None = None) -> str:
    """The real content type of a PDF, DOC, DOCX or ODT upload (or of ``allowed`` types)."""
    allowed = allowed or frozenset(DOCUMENT_TYPES)
    name = upload.name or _("file")
    if not upload.size:
        raise DocumentError(_("%(name)s is empty.") % {"name": name})
    if upload.size > max_bytes:
        raise DocumentError(
            _("%(name)s is too large (%(size)s); the limit is %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)}
        )
    upload.seek(0)
    guessed = filetype.guess(upload.read(HEAD_BYTES))
    content_type = guessed.mime if guessed else ""
    if content_type not in allowed:
        raise DocumentError(
            _("%(name)s is not a PDF, Word (DOC, DOCX) or OpenDocument (ODT) document.") % {"name": name}
        )
    if content_type == PDF:
        upload.seek(max(upload.size - 2048, 0))
        if b"%%EOF" not in upload.read():
            raise DocumentError(_("%(name)s is not a complete PDF document.") % {"name": name})
    upload.seek(0)
    return content_type
