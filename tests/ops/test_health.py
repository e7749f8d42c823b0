import datetime
from unittest import mock

import pytest
from django.db import DatabaseError
from django.utils import timezone

from notifications.models import EmailStatus, OutgoingEmail
from tests.factories import NeedFactory

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_when_the_database_answers(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "email_queue": {"waiting": 0, "oldest_seconds": None},
    }
    assert "no-cache" in response.headers["Cache-Control"]


def test_healthz_answers_503_naming_the_database_when_it_does_not_answer(client):
    with mock.patch("ops.health.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == "unavailable"
    assert body["down"] == ["database"]
    assert "email_queue" not in body


def test_healthz_reports_the_age_of_the_oldest_e_mail_waiting_to_be_sent(client):
    now = timezone.now()
    ages = {EmailStatus.SENT: 7200, EmailStatus.QUEUED: 600, EmailStatus.FAILED: 900, EmailStatus.GAVE_UP: 86400}
    for status, seconds in ages.items():
        email = OutgoingEmail.objects.create(to="csr@example.org", subject="s", body="b", status=status)
        OutgoingEmail.objects.filter(pk=email.pk).update(created_at=now - datetime.timedelta(seconds=seconds))
    OutgoingEmail.objects.create(to="csr@example.org", subject="s", body="b")  # just queued
    with mock.patch("ops.health.timezone.now", return_value=now):
        response = client.get("/healthz")
    assert response.status_code == 200
    # Sent and given-up e-mails wait for nothing; the one failed 15 minutes ago will be retried.
    assert response.json()["email_queue"] == {"waiting": 3, "oldest_seconds": 900}


def test_healthz_checks_redis_when_it_is_configured(client, settings, redis_url):
    settings.REDIS_URL = redis_url
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["redis"] == "ok"


def test_healthz_answers_503_when_redis_stops_and_the_public_pages_still_answer(client, settings, private_redis):
    settings.REDIS_URL = private_redis.url
    settings.CACHES = {"default": {"BACKEND": "ops.cache.RedisCache", "LOCATION": private_redis.url}}
    NeedFactory(title="Kasur untuk asrama")
    assert client.get("/healthz").json()["redis"] == "ok"
    assert b"Kasur untuk asrama" in client.get("/needs/").content

    private_redis.stop()

    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["redis"], body["database"], body["down"]) == ("error", "unavailable", "ok", ["redis"])
    # The page cache holds nothing that cannot be rebuilt: without Redis the page is built afresh.
    NeedFactory(title="Selimut untuk asrama")
    listing = client.get("/needs/")
    assert listing.status_code == 200
    assert b"Selimut untuk asrama" in listing.content
