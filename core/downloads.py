"""Private files leave the server one way: a view marked ``@private_download`` that found the
file through an access-checked helper (``agencies.access``) and answers with
:func:`private_file`. The marker lets a test walk the URLconf and prove that every such view
refuses other agencies, other companies and other facilities (tests/agencies/test_downloads.py).

Ids larger than a 64-bit integer cannot exist: :func:`check_id` answers them 404 before the
database is asked.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

MAX_ID = 2**63 - 1


def check_id(pk: int) -> int:
    if pk > MAX_ID:
        raise Http404
    return pk


def private_download(view: Callable) -> Callable:
    """GET and HEAD only; the view is listed among the private downloads (``view.private_download``)."""
    wrapped = require_safe(view)
    wrapped.private_download = True
    return wrapped


def private_file(
    field, *, content_type: str, filename: str, extension: str | None = None, attachment: bool | None = None
) -> FileResponse:
    """The stored file of ``field`` for one reader: never kept by a shared cache, shown in a
    sandbox (a crafted file cannot run script on the portal's origin). ``filename`` has no
    extension: ``extension``, or the stored file's, is added. PDFs and documents are downloaded, images shown."""
    try:
        handle = field.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    if extension is None:
        extension = field.name.rsplit(".", 1)[-1] if "." in field.name else ""
    if attachment is None:
        attachment = not content_type.startswith("image/")
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=attachment,
        filename=f"{filename}.{extension}" if extension else filename,
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
