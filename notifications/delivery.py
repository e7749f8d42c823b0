"""Sending one recorded e-mail, at least once, and recovering sends that a dead worker left.

An ``OutgoingEmail`` goes ``queued`` → ``sending`` → ``sent`` (or ``failed`` → retried, or
``gave_up``). Each step is its own short transaction, and no row lock is held while the SMTP
server is talking:

1. **claim**: lock the row, count the attempt, mark it ``sending`` with the time, give it its
   Message-ID if it has none yet; commit. A row already ``sending`` (another worker is at it)
   is left alone.
2. **send** with that Message-ID, outside any transaction.
3. **record** the outcome: ``sent``, or the error and the next try.

A worker killed between 1 and 3 leaves the row ``sending`` (and its django-tasks row
``RUNNING``). ``emails_recover`` (``manage.py recover_emails``, from cron) finds rows claimed
longer ago than ``EMAIL_CLAIM_TIMEOUT_SECONDS``, writes in their log that the attempt was
interrupted and may have gone out, and queues them again; they go out with the same
Message-ID, so a receiving system or a person can tell the second copy from a new message.
It also marks such abandoned task rows failed, and queues again any unsent e-mail that no
task will pick up any more.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications.models import EmailStatus, OutgoingEmail
from notifications.tasks import send_outgoing_email

MAX_EMAIL_ATTEMPTS = 5
TASK_PATH = send_outgoing_email.module_path


def enqueue_email(email_id: int, run_after: datetime.datetime | None = None) -> None:
    task = send_outgoing_email.using(run_after=run_after) if run_after else send_outgoing_email
    task.enqueue(email_id)


def _stamp(now: datetime.datetime) -> str:
    return timezone.localtime(now).strftime("%Y-%m-%d %H:%M:%S")


def _append_log(email: OutgoingEmail, now: datetime.datetime, line: str) -> None:
    email.log = f"{email.log}{_stamp(now)} {line}\n"[-10_000:]


def _message_id(email: OutgoingEmail) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return make_msgid(idstring=f"outgoing-{email.pk}", domain=domain)


def claim_timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.EMAIL_CLAIM_TIMEOUT_SECONDS)


def email_claim(*, email_id: int) -> OutgoingEmail | None:
    """Step 1: the row, marked ``sending`` and committed; None when there is nothing to send
    (sent, given up, or being sent by another worker right now)."""
    now = timezone.now()
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update(of=("self",)).select_related("user").get(pk=email_id)
        if email.status in (EmailStatus.SENT, EmailStatus.GAVE_UP):
            return None
        if email.status == EmailStatus.SENDING:
            if email.claimed_at and email.claimed_at > now - claim_timeout():
                return None
            _note_interrupted(email, now)
        email.attempts += 1
        email.status = EmailStatus.SENDING
        email.claimed_at = now
        if not email.message_id:
            email.message_id = _message_id(email)
        _append_log(email, now, f"attempt {email.attempts}: sending to {email.to}")
        email.save(
            update_fields=[
                "attempts",
                "status",
                "claimed_at",
                "message_id",
                "log",
                "last_error",
                "interrupted_attempts",
            ]
        )
    return email


def email_deliver(email: OutgoingEmail, body: str) -> None:
    """Step 2: hand the message to the e-mail backend, with the row's Message-ID."""
    message = EmailMessage(
        email.subject, body, settings.DEFAULT_FROM_EMAIL, [email.to], headers={"Message-ID": email.message_id}
    )
    message.send(fail_silently=False)


def email_record_sent(email: OutgoingEmail) -> None:
    now = timezone.now()
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
        email.status = EmailStatus.SENT
        email.sent_at = now
        email.claimed_at = None
        email.last_error = ""
        email.next_attempt_at = None
        _append_log(email, now, f"attempt {email.attempts}: sent")
        email.save(update_fields=["status", "sent_at", "claimed_at", "last_error", "next_attempt_at", "log"])


def email_record_failure(email: OutgoingEmail, exc: Exception) -> None:
    """A failure is recorded on the row (visible in the admin) and a retry is scheduled with a
    growing delay (5, 10, 20, 40 minutes), up to MAX_EMAIL_ATTEMPTS."""
    now = timezone.now()
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().get(pk=email.pk)
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        email.claimed_at = None
        if email.attempts >= MAX_EMAIL_ATTEMPTS:
            email.status = EmailStatus.GAVE_UP
            email.next_attempt_at = None
            _append_log(email, now, f"attempt {email.attempts}: failed ({email.last_error}); gave up")
        else:
            email.status = EmailStatus.FAILED
            email.next_attempt_at = now + datetime.timedelta(minutes=5 * 2 ** (email.attempts - 1))
            retry_at = email.next_attempt_at
            _append_log(
                email, now, f"attempt {email.attempts}: failed ({email.last_error}); next try {_stamp(retry_at)}"
            )
            transaction.on_commit(lambda: enqueue_email(email.pk, run_after=retry_at))
        email.save(update_fields=["status", "last_error", "claimed_at", "next_attempt_at", "log"])


def _note_interrupted(email: OutgoingEmail, now: datetime.datetime) -> None:
    email.interrupted_attempts += 1
    email.last_error = (
        f"Attempt {email.attempts} was interrupted while sending (the worker stopped); it may have gone out. "
        f"Sent again with the same Message-ID {email.message_id}."
    )[:2000]
    _append_log(email, now, f"attempt {email.attempts}: interrupted, may have gone out; to be sent again")


@dataclass(frozen=True)
class Recovery:
    tasks_failed: int
    sends_interrupted: int
    requeued: int


def emails_recover(*, now: datetime.datetime | None = None) -> Recovery:
    """Give back what dead workers held (see the module's docstring). Safe to run at any time
    and from several places: a row being sent within the timeout is never touched."""
    now = now or timezone.now()
    cutoff = now - claim_timeout()
    with transaction.atomic():
        tasks_failed = DBTaskResult.objects.filter(
            task_path=TASK_PATH, status=TaskResultStatus.RUNNING, started_at__lt=cutoff
        ).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path="notifications.delivery.WorkerLost",
            traceback="The worker stopped while running this task; notifications.delivery.emails_recover "
            "queued its e-mail again.",
        )
        interrupted = list(
            OutgoingEmail.objects.select_for_update().filter(status=EmailStatus.SENDING, claimed_at__lt=cutoff)
        )
        for email in interrupted:
            _note_interrupted(email, now)
            email.status = EmailStatus.QUEUED
            email.claimed_at = None
            email.next_attempt_at = None
            email.save(
                update_fields=["status", "claimed_at", "next_attempt_at", "last_error", "log", "interrupted_attempts"]
            )
        # Unsent e-mails due before the cutoff that no waiting or running task will send.
        pending = {
            _email_id_of(args_kwargs)
            for args_kwargs in DBTaskResult.objects.filter(
                task_path=TASK_PATH, status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
            ).values_list("args_kwargs", flat=True)
        }
        orphans = (
            OutgoingEmail.objects.filter(status__in=[EmailStatus.QUEUED, EmailStatus.FAILED])
            .annotate(due=Coalesce("next_attempt_at", "created_at"))
            .filter(due__lt=cutoff)
            .values_list("pk", flat=True)
        )
        requeue = sorted({email.pk for email in interrupted} | (set(orphans) - pending))
        transaction.on_commit(lambda: [enqueue_email(pk) for pk in requeue])
    return Recovery(tasks_failed=tasks_failed, sends_interrupted=len(interrupted), requeued=len(requeue))


def _email_id_of(args_kwargs) -> int | None:
    args = (args_kwargs or {}).get("args") or []
    return args[0] if args and isinstance(args[0], int) else None
