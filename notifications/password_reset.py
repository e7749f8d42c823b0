"""Password reset through the outbox: the request only queues, the worker sends.

The request does the same work whatever address was typed (count it, queue one task), so its
answer takes the same time for a known and an unknown address and never waits for the SMTP
server. The worker looks the address up and, for each active account with a usable password,
records an ``OutgoingEmail`` whose link is made at send time (``core.accounts``), sent and
retried like every other notice (``notifications.delivery``).

Limits, each per hour (``PASSWORD_RESET_LIMIT_PER_HOUR``): requests per typed address and per
client address in the request (Django's cache), e-mails per account in the worker (the
outbox rows). A request over a limit gets the same answer and sends nothing.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from core import ratelimit
from core.accounts import SET_PASSWORD_PLACEHOLDER
from core.client_ip import client_ip
from notifications.models import OutgoingEmail
from notifications.services import email_send

EVENT = "password_reset"
WINDOW_SECONDS = 3600
# Requests from one client address: enough for an office behind one address, not for a spray.
CLIENT_FACTOR = 10


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, whose ``save`` queues instead of sending in the request."""

    def save(self, *, request=None, **kwargs) -> None:
        password_reset_request(email=self.cleaned_data["email"], client=client_ip(request) if request else "")


def password_reset_request(*, email: str, client: str) -> bool:
    """In the request: count the request and queue the lookup-and-send task. False (and nothing
    queued) when the address or the client asked too often."""
    limit = settings.PASSWORD_RESET_LIMIT_PER_HOUR
    within = ratelimit.hit("reset-address", email, limit=limit, window_seconds=WINDOW_SECONDS)
    within = (
        ratelimit.hit("reset-client", client, limit=limit * CLIENT_FACTOR, window_seconds=WINDOW_SECONDS) and within
    )
    if within:
        send_password_reset.enqueue(email.strip())
    return within


@task()
def send_password_reset(email: str) -> int:
    """Background job: the reset e-mails for one typed address; the number sent."""
    return len(password_reset_send(email=email))


def password_reset_send(*, email: str) -> list[OutgoingEmail]:
    since = timezone.now() - datetime.timedelta(seconds=WINDOW_SECONDS)
    sent = []
    for user in PasswordResetForm().get_users(email):
        if OutgoingEmail.objects.filter(user=user, event=EVENT, created_at__gte=since).count() >= (
            settings.PASSWORD_RESET_LIMIT_PER_HOUR
        ):
            continue
        subject, body = _reset_text(user)
        outgoing = OutgoingEmail.objects.create(to=user.email, subject=subject, body=body, event=EVENT, user=user)
        sent.append(email_send(email_id=outgoing.pk))
    return sent


def _reset_text(user) -> tuple[str, str]:
    """Indonesian first, then English; the link is put in by the sender (core.accounts)."""
    context = {"user": user, "domain": settings.SITE_URL.split("://")[-1], "reset_url": SET_PASSWORD_PLACEHOLDER}
    parts = []
    for language in ("id", "en"):
        with translation.override(language):
            parts.append(render_to_string("registration/password_reset_email.html", context).strip())
    with translation.override("id"):
        subject = " ".join(render_to_string("registration/password_reset_subject.txt", context).split())
    return subject[:250], "\n\n---\n\n".join(parts) + "\n"
