"""E-mail delivery survives a dying worker: at least once, with one Message-ID, every attempt
recorded (notifications.delivery)."""

import datetime
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications.delivery import email_claim, emails_recover, enqueue_email
from notifications.models import EmailStatus, OutgoingEmail
from notifications.services import email_retry, email_send
from tests.smtp_stub import FakeSmtpServer
from tests.worker import run_worker

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def queued_email(**kwargs) -> OutgoingEmail:
    email = OutgoingEmail.objects.create(
        to=kwargs.pop("to", "petugas@dinsos.example.go.id"), subject="Kasur busa", body="Isi", **kwargs
    )
    enqueue_email(email.pk)
    return email


def test_every_attempt_of_one_email_carries_the_same_message_id(django_capture_on_commit_callbacks):
    email = queued_email()
    with (
        mock.patch("notifications.delivery.EmailMessage.send", side_effect=OSError("no route")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        email_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    first_id = email.message_id
    assert first_id.startswith("<") and f".outgoing-{email.pk}@" in first_id
    email_send(email_id=email.pk)
    email.refresh_from_db()
    assert (email.status, email.attempts, email.message_id) == (EmailStatus.SENT, 2, first_id)
    assert mail.outbox[0].extra_headers["Message-ID"] == first_id
    assert mail.outbox[0].message()["Message-ID"] == first_id
    log = email.log.splitlines()
    assert [line.split(" ", 2)[2] for line in log] == [
        "attempt 1: sending to petugas@dinsos.example.go.id",
        log[1].split(" ", 2)[2],
        "attempt 2: sending to petugas@dinsos.example.go.id",
        "attempt 2: sent",
    ]
    assert log[1].split(" ", 2)[2].startswith("attempt 1: failed (OSError: no route); next try ")


def _die_while_sending(email: OutgoingEmail) -> None:
    """What a worker killed during SMTP DATA leaves: its task row RUNNING, the e-mail claimed."""
    task = DBTaskResult.objects.get(args_kwargs__args=[email.pk], status=TaskResultStatus.READY)
    task.claim("worker-that-dies")
    assert email_claim(email_id=email.pk) is not None


def test_an_interrupted_send_goes_out_once_more_after_the_timeout(django_capture_on_commit_callbacks):
    email = queued_email()
    _die_while_sending(email)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENDING, 1)
    run_worker()  # the task is RUNNING, so a restarted worker alone never sends it
    assert mail.outbox == []

    later = timezone.now() + datetime.timedelta(minutes=11)
    with django_capture_on_commit_callbacks(execute=True):
        result = emails_recover(now=later)
    assert (result.tasks_failed, result.sends_interrupted, result.requeued) == (1, 1, 1)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 1
    run_worker()

    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENT, 2)
    assert mail.outbox[0].extra_headers["Message-ID"] == email.message_id
    assert "interrupted, may have gone out" in email.log
    assert email.interrupted_attempts == 1  # kept on the row: it may have arrived twice
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        emails_recover(now=later + datetime.timedelta(minutes=11))
    run_worker()
    assert len(mail.outbox) == 1  # sent is sent


def test_a_send_in_progress_within_the_timeout_is_left_alone(django_capture_on_commit_callbacks):
    email = queued_email()
    _die_while_sending(email)
    with django_capture_on_commit_callbacks(execute=True):
        result = emails_recover(now=timezone.now() + datetime.timedelta(minutes=5))
    assert (result.tasks_failed, result.sends_interrupted, result.requeued) == (0, 0, 0)
    assert email_claim(email_id=email.pk) is None  # another worker is at it: not claimed twice
    email_retry(email=email)  # nor queued again by staff meanwhile
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENDING, 1)


def test_an_unsent_email_without_a_task_gets_one(django_capture_on_commit_callbacks):
    email = OutgoingEmail.objects.create(to="x@example.org", subject="s", body="b")  # its task was lost
    waiting = queued_email(to="y@example.org")  # its task is still waiting: not queued twice
    later = timezone.now() + datetime.timedelta(minutes=11)
    with django_capture_on_commit_callbacks(execute=True):
        result = emails_recover(now=later)
    assert result.requeued == 1
    assert DBTaskResult.objects.filter(args_kwargs__args=[email.pk]).count() == 1
    assert DBTaskResult.objects.filter(args_kwargs__args=[waiting.pk]).count() == 1
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["x@example.org", "y@example.org"]


def test_recover_emails_command_reports_what_it_did(capsys):
    call_command("recover_emails")
    assert "0 interrupted send(s) and 0 abandoned task(s) found; 0 e-mail(s) queued again." in capsys.readouterr().out


def _worker(port: int, *args: str, log) -> subprocess.Popen:
    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "EMAIL_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="csrportal.settings",
        DJANGO_DEBUG="1",
        DATABASE_URL=f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_TIMEOUT="30",
    )
    return subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.2", *args],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_during_smtp_data_loses_nothing_and_sends_once_more(tmp_path):
    log = (tmp_path / "worker.log").open("w")
    with FakeSmtpServer() as smtp:
        smtp.hold.set()  # the first message is received but never acknowledged
        email = queued_email()
        worker = _worker(smtp.port, log=log)
        try:
            assert smtp.message_received.wait(timeout=60), (tmp_path / "worker.log").read_text()
            worker.kill()  # SIGKILL during DATA: no handler runs, nothing is recorded
        finally:
            worker.kill()
            worker.wait(timeout=30)
        email.refresh_from_db()
        assert (email.status, email.attempts) == (EmailStatus.SENDING, 1)
        assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING
        first = smtp.received[0]
        assert (first.acknowledged, first.message_id) == (False, email.message_id)

        smtp.hold.clear()
        smtp.release.set()
        with override_settings(EMAIL_CLAIM_TIMEOUT_SECONDS=0):
            call_command("recover_emails")
        again = _worker(smtp.port, "--batch", log=log)
        assert again.wait(timeout=120) == 0, (tmp_path / "worker.log").read_text()

    assert len(smtp.received) == 2  # exactly once more
    second = smtp.received[1]
    assert second.acknowledged
    assert second.message_id == first.message_id == email.message_id
    assert second.message["To"] == "petugas@dinsos.example.go.id"
    email.refresh_from_db()
    assert (email.status, email.attempts, email.interrupted_attempts) == (EmailStatus.SENT, 2, 1)
    assert "attempt 1: interrupted, may have gone out" in email.log
    assert email.log.strip().endswith("attempt 2: sent")
