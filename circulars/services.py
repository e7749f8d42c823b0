"""The only way circulated documents and their acknowledgements change.

The admin, the partner portal and the demo loader all come through here. Every function is
keyword-only, takes the acting user as ``actor`` (``None`` for the system: the demo loader and
management commands, which skip the access checks), runs in one transaction and refuses what is
not allowed with ``CircularError``, changing nothing.

A typical use (the demo loader's, for instance)::

    perbup = circular_create(
        agency=pulpis, kind=CircularKind.REGULATION, title="Tanggung Jawab Sosial dan Lingkungan Perusahaan",
        number="Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020", issued_on=date(2020, 6, 2),
        file=ContentFile(pdf_bytes, name="perbup-24-2020.pdf"), actor=None,
    )
    circular_send(circular=perbup, companies=forum_members, users=[camat_kahayan_hilir], actor=None)
    circular_acknowledge(circular=perbup, actor=officer_user)                 # in the portal
    circular_record_offline(recipient=recipient, on=date(2026, 3, 4), channel=AcknowledgementChannel.MEETING,
                            note="Rapat Forum TSLP", actor=None)            # at a meeting

Sending is idempotent: a company or account that already has the document is skipped, so a
second send neither duplicates a recipient nor notifies it twice. Each company's active officers
and each account get an in-app notice and an e-mail (Indonesian, then English), queued in the
same transaction and sent by the worker after commit.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agencies.access import covers_agency
from agencies.models import Agency, AgencyStaff
from agencies.scope import staff_scope
from circulars.models import AcknowledgementChannel, Circular, CircularKind, CircularRecipient
from core.accounts import in_both_languages
from core.documents import DocumentError, check_document
from core.roles import is_dinsos, officer_company_id
from notifications.models import Notification
from notifications.services import email_queue
from partners.models import Company
from partners.selectors import agency_partnered_q

User = get_user_model()

EVENT_SENT = "circular_sent"
# What staff may edit of a recorded document (the file only until it is sent).
EDITABLE_FIELDS = ("kind", "title", "number", "issued_on", "summary")
OFFLINE_CHANNELS = (AcknowledgementChannel.MEETING, AcknowledgementChannel.LETTER, AcknowledgementChannel.OTHER)


class CircularError(Exception):
    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


# --- who may act -------------------------------------------------------------------------------


def _require_staff(actor, agency: Agency, permission: str) -> None:
    if actor is None:  # the system: the demo loader, management commands
        return
    if not is_dinsos(actor):
        raise CircularError(_("Only Dinsos staff can do this."))
    if not covers_agency(actor, agency):
        raise CircularError(_("This document belongs to another agency."))
    if staff_scope(actor).read_only or not actor.has_perm(permission):
        raise CircularError(_("Your account lacks the permission for this action."))


# --- the rules, shared with the admin's forms ---------------------------------------------------


def issued_on_problem(issued_on: datetime.date | None) -> str | None:
    if issued_on is None:
        return _("Please give the date the document was issued.")
    if issued_on > timezone.localdate():
        return _("The date of issue cannot be in the future.")
    return None


def file_problem(upload: UploadedFile | None) -> str | None:
    """A sentence for an upload that is not an acceptable document, else None."""
    if upload is None:
        return _("Please choose the document's file (PDF, DOC, DOCX or ODT).")
    try:
        check_document(upload, max_bytes=settings.CIRCULAR_MAX_BYTES)
    except DocumentError as error:
        return error.message
    return None


def acknowledgement_date_problem(recipient: CircularRecipient, on: datetime.date | None) -> str | None:
    if on is None:
        return _("Please give the date of the acknowledgement.")
    if on > timezone.localdate():
        return _("The date of the acknowledgement cannot be in the future.")
    earliest = max(recipient.circular.issued_on, timezone.localdate(recipient.sent_at))
    if on < earliest:
        return _("The acknowledgement cannot be earlier than the day the document was sent (%(date)s).") % {
            "date": earliest.strftime("%d-%m-%Y")
        }
    return None


# --- recording a document -----------------------------------------------------------------------


def _store_file(circular: Circular, upload: UploadedFile) -> None:
    try:
        content_type = check_document(upload, max_bytes=settings.CIRCULAR_MAX_BYTES)
    except DocumentError as error:
        raise CircularError(error.message, field="file") from error
    circular.content_type = content_type
    circular.size = upload.size
    circular.original_name = (upload.name or "").rsplit("/", 1)[-1][:200]
    circular.file.save("document", upload, save=False)


@transaction.atomic
def circular_create(
    *,
    agency: Agency,
    title: str,
    issued_on: datetime.date,
    file: UploadedFile,
    actor,
    kind: str = CircularKind.REGULATION,
    number: str = "",
    summary: str = "",
) -> Circular:
    """Record a document of ``agency`` with its file (PDF, DOC, DOCX or ODT, checked by content,
    at most CIRCULAR_MAX_BYTES). Nobody receives it until ``circular_send``."""
    _require_staff(actor, agency, "circulars.add_circular")
    title = (title or "").strip()
    if not title:
        raise CircularError(_("Please give the document's title."), field="title")
    if kind not in CircularKind.values:
        raise CircularError(_("Please choose the kind of document."), field="kind")
    if problem := issued_on_problem(issued_on):
        raise CircularError(problem, field="issued_on")
    if file is None:
        raise CircularError(file_problem(None), field="file")
    circular = Circular(
        agency=agency,
        kind=kind,
        title=title[:300],
        number=(number or "").strip()[:300],
        issued_on=issued_on,
        summary=summary or "",
        created_by=actor,
    )
    _store_file(circular, file)
    circular._history_user = actor
    _save_or_forget_file(circular)
    return circular


def _save_or_forget_file(circular: Circular, replaced: str = "") -> None:
    """Save the row; a file stored for a row that could not be saved is deleted again, and a
    replaced file once the new one is committed."""
    try:
        circular.save()
    except Exception:
        circular.file.delete(save=False)
        raise
    if replaced:
        storage = circular.file.storage
        transaction.on_commit(lambda: storage.delete(replaced))


@transaction.atomic
def circular_update(
    *, circular: Circular, changes: Mapping[str, Any], actor, file: UploadedFile | None = None
) -> Circular:
    """Change what is recorded of a document (``EDITABLE_FIELDS``). Its file can be replaced only
    while nobody has received it: what recipients acknowledged stays what they read."""
    circular = Circular.objects.select_for_update(of=("self",)).select_related("agency").get(pk=circular.pk)
    _require_staff(actor, circular.agency, "circulars.change_circular")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise CircularError(_("These fields cannot be changed: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    if "issued_on" in changes and (problem := issued_on_problem(changes["issued_on"])):
        raise CircularError(problem, field="issued_on")
    if "title" in changes and not (changes["title"] or "").strip():
        raise CircularError(_("Please give the document's title."), field="title")
    for name, value in changes.items():
        setattr(circular, name, value)
    if file is not None:
        if circular.recipients.exists():
            raise CircularError(_("The document has been sent: its file can no longer be replaced."), field="file")
        replaced = circular.file.name
        _store_file(circular, file)
        circular._history_user = actor
        _save_or_forget_file(circular, replaced)
        return circular
    circular._history_user = actor
    circular.save()
    return circular


# --- sending ------------------------------------------------------------------------------------


def _texts(circular: Circular, url: str) -> tuple[str, str]:
    values = {
        "agency": circular.agency.name,
        "title": circular.title,
        "number": circular.number or circular.get_kind_display(),
        "date": circular.issued_on.strftime("%d-%m-%Y"),
        "url": f"{settings.SITE_URL}{url}",
    }

    def render() -> str:
        text = (
            _(
                "%(agency)s sends you a document: %(title)s (%(number)s, issued %(date)s).\n\n"
                "Please read it and confirm that you have received and studied it:\n%(url)s"
            )
            % values
        )
        if circular.summary:
            text = f"{text}\n\n{circular.summary}"
        return text

    body = in_both_languages(render) + f"\n\n-- \n{circular.agency.name}\n"
    with translation.override("id"):
        subject = _("[CSR Portal] A document from %(agency)s: %(title)s") % values
    return subject[:250], body


def notice_detail(circular: Circular) -> str:
    """What a notice says of the document (notifications.messages, ``circular_sent``)."""
    return f"{circular.agency.short_name}: {circular}"[:1000]


def _notify(circular: Circular, users: list, url: str) -> None:
    detail = notice_detail(circular)
    Notification.objects.bulk_create(
        [Notification(recipient=u, event=EVENT_SENT, detail=detail, url=url) for u in users]
    )
    subject, body = _texts(circular, url)
    for user in users:
        if user.email:
            email_queue(to=user.email, subject=subject, body=body, event=EVENT_SENT)


def partner_url(circular: Circular) -> str:
    return reverse("partner:circular_detail", args=[circular.pk])


def staff_url(circular: Circular) -> str:
    return reverse("admin:circulars_circular_change", args=[circular.pk])


@transaction.atomic
def circular_send(
    *, circular: Circular, actor, companies: Iterable[Company] = (), users: Iterable = ()
) -> list[CircularRecipient]:
    """Send the document to ``companies`` (any company of the shared registry; every active
    officer of each is told) and to ``users`` (accounts of the document's agency: a camat, a
    coordinating office). Returns the new recipients; those who already had it are skipped."""
    circular = Circular.objects.select_for_update(of=("self",)).select_related("agency").get(pk=circular.pk)
    _require_staff(actor, circular.agency, "circulars.change_circular")
    companies = list({company.pk: company for company in companies}.values())
    users = list({user.pk: user for user in users}.values())
    if not companies and not users:
        raise CircularError(_("Choose at least one company or account to send the document to."))
    allowed = set(
        AgencyStaff.objects.filter(
            agency=circular.agency, user__in=[u.pk for u in users], user__is_active=True
        ).values_list("user_id", flat=True)
    )
    partnered = set(
        Company.objects.filter(agency_partnered_q(circular.agency), pk__in=[c.pk for c in companies]).values_list(
            "pk", flat=True
        )
    )
    outside = [c for c in companies if c.pk not in partnered]
    if outside:
        raise CircularError(
            _("%(names)s do not work with %(agency)s: send the document to the agency's own partners.")
            % {"names": ", ".join(c.name for c in outside), "agency": circular.agency}
        )
    strangers = [u for u in users if u.pk not in allowed]
    if strangers:
        raise CircularError(
            _("%(names)s are not active accounts of %(agency)s.")
            % {"names": ", ".join(u.get_username() for u in strangers), "agency": circular.agency}
        )
    existing = circular.recipients.values_list("company_id", "user_id")
    had_companies = {company for company, _user in existing if company}
    had_users = {user for _company, user in existing if user}
    now = timezone.now()
    new_companies = [c for c in companies if c.pk not in had_companies]
    new_users = [u for u in users if u.pk not in had_users]
    created = CircularRecipient.objects.bulk_create(
        [CircularRecipient(circular=circular, company=c, sent_at=now, sent_by=actor) for c in new_companies]
        + [CircularRecipient(circular=circular, user=u, sent_at=now, sent_by=actor) for u in new_users]
    )
    officers = list(
        User.objects.filter(officer__company__in=[c.pk for c in new_companies], is_active=True).order_by("pk")
    )
    if officers:
        _notify(circular, officers, partner_url(circular))
    if new_users:
        _notify(circular, new_users, staff_url(circular))
    return created


# --- acknowledging ------------------------------------------------------------------------------


def _locked_recipient(**lookup) -> CircularRecipient | None:
    return (
        CircularRecipient.objects.select_for_update(of=("self",))
        .select_related("circular__agency", "company")
        .filter(**lookup)
        .first()
    )


def _already(recipient: CircularRecipient) -> CircularError:
    return CircularError(
        _("%(recipient)s already acknowledged this document on %(date)s.")
        % {"recipient": recipient.name, "date": recipient.acknowledged_on.strftime("%d-%m-%Y")}
    )


@transaction.atomic
def circular_acknowledge(*, circular: Circular, actor) -> CircularRecipient:
    """ "We have received and studied it", in the portal: by an officer for their company (the
    company is the actor's own, never chosen), or by an account the document was sent to."""
    if actor is None or not actor.is_active:
        raise CircularError(_("Please log in to acknowledge the document."))
    company_id = officer_company_id(actor)
    lookup = {"company_id": company_id} if company_id is not None else {"user_id": actor.pk}
    recipient = _locked_recipient(circular_id=circular.pk, **lookup)
    if recipient is None:
        raise CircularError(_("This document was not sent to you."))
    if recipient.acknowledged:
        raise _already(recipient)
    now = timezone.now()
    recipient.acknowledged_on = timezone.localdate(now)
    recipient.acknowledged_at = now
    recipient.acknowledged_by = actor
    recipient.channel = AcknowledgementChannel.PORTAL
    recipient.save(update_fields=["acknowledged_on", "acknowledged_at", "acknowledged_by", "channel"])
    return recipient


@transaction.atomic
def circular_record_offline(
    *, recipient: CircularRecipient, on: datetime.date, channel: str, actor, note: str = ""
) -> CircularRecipient:
    """Staff record an acknowledgement received outside the portal (at a meeting, by letter) on
    the day ``on``: not in the future, not before the document was sent, and only once."""
    locked = _locked_recipient(pk=recipient.pk)
    if locked is None:
        raise CircularError(_("This recipient no longer exists."))
    _require_staff(actor, locked.circular.agency, "circulars.change_circularrecipient")
    if locked.acknowledged:
        raise _already(locked)
    if channel not in OFFLINE_CHANNELS:
        raise CircularError(_("Choose how the acknowledgement was received."), field="channel")
    if problem := acknowledgement_date_problem(locked, on):
        raise CircularError(problem, field="on")
    locked.acknowledged_on = on
    locked.acknowledged_at = timezone.now()
    locked.channel = channel
    locked.note = note or ""
    locked.recorded_by = actor
    locked.save(update_fields=["acknowledged_on", "acknowledged_at", "channel", "note", "recorded_by"])
    return locked
