"""Password reset through the outbox: the request never talks to the SMTP server, answers the
same for known and unknown addresses, and is limited per address, per client and per account."""

import re
import time

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from notifications.models import EmailStatus, OutgoingEmail
from notifications.password_reset import password_reset_send
from tests.factories import UserFactory
from tests.smtp_stub import FakeSmtpServer
from tests.worker import run_worker

pytestmark = pytest.mark.django_db
RESET = reverse("password_reset")


def _ask(client, address):
    started = time.perf_counter()
    response = client.post(RESET, {"email": address})
    return response, time.perf_counter() - started


def test_reset_answers_alike_for_known_and_unknown_addresses_and_never_waits_for_smtp():
    users = [UserFactory(email=f"csr{n}@lg.example") for n in range(3)]
    with (
        FakeSmtpServer(delay=1.0) as smtp,
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=smtp.port
        ),
    ):
        client = Client()
        client.get(RESET)  # warm up (templates, translations) before measuring
        known, unknown = [], []
        for n, user in enumerate(users):
            known_response, known_seconds = _ask(client, user.email)
            unknown_response, unknown_seconds = _ask(client, f"nobody{n}@nowhere.example")
            for response in (known_response, unknown_response):
                assert response.status_code == 302
                assert response["Location"] == reverse("password_reset_done")
            known.append(known_seconds)
            unknown.append(unknown_seconds)
        # The request never talked to the (slow) SMTP server: it only queued.
        assert smtp.connections == 0
        assert DBTaskResult.objects.count() == 6
        # The measure: the two answers take the same time within 50 ms (best of three
        # each, so a busy machine's pause in one request does not decide it).
        assert abs(min(known) - min(unknown)) < 0.05, (known, unknown)

        run_worker()
        assert sorted(item.message["To"] for item in smtp.acknowledged) == [u.email for u in users]
    assert OutgoingEmail.objects.filter(status=EmailStatus.SENT).count() == 3
    body = smtp.acknowledged[0].message.get_payload(decode=True).decode()
    assert re.search(r"https?://[^/\s]+/accounts/reset/\S+/", body)
    assert "[set-password link" not in body


@override_settings(PASSWORD_RESET_LIMIT_PER_HOUR=3)
def test_resets_beyond_the_limit_per_address_get_the_same_answer_and_send_nothing():
    user = UserFactory(email="csr@lg.example")
    client = Client()
    answers = [client.post(RESET, {"email": "CSR@lg.example"}) for _ in range(30)]
    assert {(a.status_code, a["Location"]) for a in answers} == {(302, reverse("password_reset_done"))}
    run_worker()
    assert len(mail.outbox) == 3
    assert {m.to[0] for m in mail.outbox} == {user.email}


@override_settings(PASSWORD_RESET_LIMIT_PER_HOUR=2)
def test_resets_are_limited_per_client_address():
    client = Client(REMOTE_ADDR="203.0.113.50")
    for n in range(25):
        client.post(RESET, {"email": f"guess{n}@nowhere.example"})
    assert DBTaskResult.objects.count() == 20  # 2 x 10 per client address an hour
    Client(REMOTE_ADDR="198.51.100.4").post(RESET, {"email": "other@nowhere.example"})
    assert DBTaskResult.objects.count() == 21


@override_settings(PASSWORD_RESET_LIMIT_PER_HOUR=2)
def test_resets_are_limited_per_account_in_the_worker():
    user = UserFactory(email="csr@lg.example")
    sent = [password_reset_send(email="csr@lg.example") for _ in range(4)]
    assert [len(batch) for batch in sent] == [1, 1, 0, 0]
    assert OutgoingEmail.objects.filter(user=user, event="password_reset").count() == 2


def test_reset_with_the_smtp_server_down_stays_in_the_outbox_for_a_retry(django_capture_on_commit_callbacks):
    UserFactory(email="csr@lg.example")
    Client().post(RESET, {"email": "csr@lg.example"})
    # Port 9 on this machine refuses the connection: a real SMTP failure.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_PORT=9),
        django_capture_on_commit_callbacks(execute=True),
    ):
        run_worker()
    email = OutgoingEmail.objects.get(event="password_reset")
    assert email.status == EmailStatus.FAILED
    assert email.next_attempt_at is not None
    assert DBTaskResult.objects.filter(args_kwargs__args=[email.pk]).exists()  # the retry is queued
