"""Telling the other side of a pledge what happened: an in-app notice and an e-mail.

Both are written in the caller's transaction, and the e-mail job is enqueued with
``transaction.on_commit``: a change that is rolled back leaves no notice and sends nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.accounts import SET_PASSWORD_PLACEHOLDER, in_both_languages, set_password_url
from core.roles import DINSOS_STAFF_GROUP, is_facility_member
from notifications import delivery
from notifications.delivery import MAX_EMAIL_ATTEMPTS, enqueue_email
from notifications.messages import SILENT_EVENTS, describe, describe_program
from notifications.models import EmailStatus, Notification, OutgoingEmail

__all__ = [
    "MAX_EMAIL_ATTEMPTS",
    "email_retry",
    "email_send",
    "enqueue_email",
    "need_event",
    "pledge_event",
    "program_event",
    "subject_event",
]


def _partner_officers(company_id: int):
    return get_user_model().objects.filter(officer__company_id=company_id, is_active=True)


def _dinsos_staff():
    return get_user_model().objects.filter(groups__name=DINSOS_STAFF_GROUP, is_active=True, is_staff=True)


def partner_pledge_url(pledge) -> str:
    return f"/partner/pledges/{pledge.pk}/"


def staff_pledge_url(pledge) -> str:
    return reverse("admin:matching_pledge_change", args=[pledge.pk])


def pledge_event(pledge, event: str, *, actor, reason: str = "", staff=None, signature: str = "") -> None:
    """Notify the side that did not act: officers of the pledge's company when Dinsos (or
    the system) acted, Dinsos staff when a partner (or the system) acted, both when the
    receiving facility acted. ``staff`` are the
    accounts of the agency that decides for the pledge's facility (all staff when not given);
    ``signature`` (that agency's name) signs the e-mails."""
    if event in SILENT_EVENTS:
        return
    actor_company = getattr(getattr(actor, "officer", None), "company_id", None) if actor else None
    partner_acted = actor is not None and actor_company == pledge.company_id
    # A facility (confirming or disputing a delivery) is neither side: both hear of it.
    dinsos_acted = actor is not None and not partner_acted and not is_facility_member(actor)
    audiences = []
    if not partner_acted:
        audiences.append((list(_partner_officers(pledge.company_id)), partner_pledge_url(pledge)))
    if not dinsos_acted:
        audiences.append((list(_dinsos_staff() if staff is None else staff), staff_pledge_url(pledge)))
        for address in settings.DINSOS_NOTIFY_EMAILS:
            _queue_email(address, event, pledge, reason, staff_pledge_url(pledge), signature)
    for users, url in audiences:
        Notification.objects.bulk_create(
            [Notification(recipient=u, event=event, detail=reason, url=url, pledge=pledge) for u in users]
        )
        for user in users:
            if user.email:
                _queue_email(user.email, event, pledge, reason, url, signature)


def need_event(need, event: str, *, staff, detail: str = "", signature: str = "") -> None:
    """Tell the agency's ``staff`` (and DINSOS_NOTIFY_EMAILS) what a facility asked about one of
    its needs: an in-app notice linking to the need in the admin, and an e-mail."""
    url = reverse("admin:facilities_need_change", args=[need.pk])
    users = list(staff)
    Notification.objects.bulk_create(
        [Notification(recipient=u, event=event, detail=detail, url=url, need=need) for u in users]
    )
    addresses = [u.email for u in users if u.email] + list(settings.DINSOS_NOTIFY_EMAILS)
    parts = []
    for language in ("id", "en"):
        with translation.override(language):
            parts.append(describe(event, None, detail, need=need))
    with translation.override("id"):
        subject = _("[CSR Portal] %(need)s: %(facility)s") % {"need": need.title, "facility": need.facility.name}
    body = "\n\n".join(parts) + f"\n\n{settings.SITE_URL}{url}\n"
    if signature:
        body = f"{body}\n-- \n{signature}\n"
    for address in addresses:
        email_queue(to=address, subject=subject, body=body, event=event)


def subject_event(event: str, *, users, subject: str, note: str = "", url: str, signature: str = "") -> None:
    """Tell ``users`` about an event of something the notice keeps no link to (a program's
    realisation report): an in-app notice linking to ``url`` and an e-mail, Indonesian first,
    then English. ``subject`` names the thing in words that need no translation."""
    detail = f"{subject}\n{note}" if note else subject
    users = list(users)
    Notification.objects.bulk_create([Notification(recipient=u, event=event, detail=detail, url=url) for u in users])
    parts = []
    for language in ("id", "en"):
        with translation.override(language):
            parts.append(describe(event, None, detail))
    with translation.override("id"):
        title = _("[CSR Portal] %(subject)s") % {"subject": subject}
    body = "\n\n".join(parts) + f"\n\n{settings.SITE_URL}{url}\n"
    if signature:
        body = f"{body}\n-- \n{signature}\n"
    for user in users:
        if user.email:
            email_queue(to=user.email, subject=title, body=body, event=event)


def program_event(program, event: str, *, users, url: str, reason: str = "", signature: str = "") -> None:
    """Tell ``users`` (a company's officers, or the registering agency's deciding staff) what
    happened to a CSR program's registration: an in-app notice linking to ``url`` and an e-mail,
    in Indonesian and English."""
    users = list(users)
    Notification.objects.bulk_create(
        [Notification(recipient=u, event=event, detail=reason, url=url, program=program) for u in users]
    )
    with translation.override("id"):
        subject = _("[CSR Portal] Program “%(program)s”: %(company)s") % {
            "program": program.title,
            "company": program.company.name,
        }
    body = in_both_languages(lambda: describe_program(event, program, reason)) + f"\n\n{settings.SITE_URL}{url}\n"
    if signature:
        body = f"{body}\n-- \n{signature}\n"
    for user in users:
        if user.email:
            email_queue(to=user.email, subject=subject, body=body, event=event)


def _bilingual(event: str, pledge, reason: str) -> tuple[str, str]:
    """Indonesian first, then English for foreign partners."""
    parts = []
    for language in ("id", "en"):
        with translation.override(language):
            parts.append(describe(event, pledge, reason))
    with translation.override("id"):
        subject = _("[CSR Portal] %(need)s: %(company)s") % {"need": pledge.need.title, "company": pledge.company.name}
    return subject[:250], "\n\n".join(parts)


def email_queue(*, to: str, subject: str, body: str, event: str, user=None) -> OutgoingEmail:
    """Put an e-mail in the outbox; the worker sends it once the transaction commits. The subject
    is made one line: names and titles imported from a spreadsheet may hold a line break, which
    no e-mail header can (the e-mail would fail at every attempt)."""
    subject = " ".join(subject.split())[:250]
    email = OutgoingEmail.objects.create(to=to, subject=subject, body=body, event=event, user=user)
    transaction.on_commit(lambda: enqueue_email(email.pk))
    return email


def _queue_email(address: str, event: str, pledge, reason: str, url: str, signature: str = "") -> OutgoingEmail:
    subject, text = _bilingual(event, pledge, reason)
    body = f"{text}\n\n{settings.SITE_URL}{url}\n"
    if signature:
        body = f"{body}\n-- \n{signature}\n"
    return email_queue(to=address, subject=subject, body=body, event=event)


def email_send(*, email_id: int) -> OutgoingEmail:
    """Send one queued e-mail, at least once (notifications.delivery): claim it, send it with its
    Message-ID outside any transaction, record the outcome; a failure is retried later."""
    email = delivery.email_claim(email_id=email_id)
    if email is None:
        return OutgoingEmail.objects.get(pk=email_id)
    try:
        delivery.email_deliver(email, _rendered_body(email))
    except Exception as exc:  # any backend failure (SMTP, DNS, timeout) is recorded, not lost
        delivery.email_record_failure(email, exc)
    else:
        delivery.email_record_sent(email)
    return OutgoingEmail.objects.get(pk=email_id)


def _rendered_body(email: OutgoingEmail) -> str:
    if SET_PASSWORD_PLACEHOLDER in email.body:
        if email.user is None or not email.user.is_active:
            raise ValueError("the account this set-password e-mail is for is gone or deactivated")
        return email.body.replace(SET_PASSWORD_PLACEHOLDER, set_password_url(email.user))
    return email.body


def email_retry(*, email: OutgoingEmail) -> None:
    """Staff ask for another try of a failed e-mail, now."""
    with transaction.atomic():
        locked = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
        if locked.status in (EmailStatus.SENT, EmailStatus.SENDING):
            return
        locked.status = EmailStatus.QUEUED
        locked.attempts = min(locked.attempts, MAX_EMAIL_ATTEMPTS - 1)
        locked.next_attempt_at = None
        locked.save(update_fields=["status", "attempts", "next_attempt_at"])
        transaction.on_commit(lambda: enqueue_email(locked.pk))


def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return queryset.update(read_at=timezone.now())
