"""`manage.py prune_login_records` (cron) keeps django-axes' tables from growing without bound."""

import datetime
import io

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_failed_logins_with_random_usernames_are_pruned_after_the_cool_off():
    client = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(30):
        client.post(reverse("login"), {"username": f"random-{n}", "password": "x"})
    assert AccessAttempt.objects.count() == 30
    AccessAttempt.objects.filter(username__in=[f"random-{n}" for n in range(20)]).update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=31)
    )
    old = AccessLog.objects.create(username="old", ip_address="203.0.113.5", user_agent="t")
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=timezone.now() - datetime.timedelta(days=91))
    AccessLog.objects.create(username="recent", ip_address="203.0.113.5", user_agent="t")

    out = io.StringIO()
    call_command("prune_login_records", stdout=out)

    assert "20 expired login attempt(s), 1 login log(s) and 0 failure log(s) deleted." in out.getvalue()
    assert AccessAttempt.objects.count() == 10  # the ten still cooling off stay: they may still lock
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["recent"]


def test_prune_login_records_refuses_a_nonsense_age():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("prune_login_records", "--days", "0")
