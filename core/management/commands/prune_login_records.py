"""Cron job: keep django-axes' tables small.

Failed logins with ever new usernames each leave an ``AccessAttempt`` row; axes deletes expired
ones only when a login for the same request comes by. This deletes every attempt whose cool-off
has passed (it can no longer lock anything) and the login logs older than ``--days``.
"""

import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete expired login attempts and login logs older than --days (django-axes)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90, help="keep login logs this many days (default 90)")

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        now = timezone.now()
        cool_off = get_cool_off() or datetime.timedelta(days=days)
        with transaction.atomic():
            attempts, _ = AccessAttempt.objects.filter(attempt_time__lte=now - cool_off).delete()
            logs, _ = AccessLog.objects.filter(attempt_time__lte=now - datetime.timedelta(days=days)).delete()
            failures, _ = AccessFailureLog.objects.filter(
                attempt_time__lte=now - datetime.timedelta(days=days)
            ).delete()
        self.stdout.write(
            f"{attempts} expired login attempt(s), {logs} login log(s) and {failures} failure log(s) deleted."
        )
