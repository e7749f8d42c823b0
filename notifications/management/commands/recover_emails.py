"""Cron job (every few minutes): send again what a dead worker left half-sent.

See notifications.delivery: e-mails claimed longer ago than EMAIL_CLAIM_TIMEOUT_SECONDS are
queued again (same Message-ID, the interrupted attempt written in their log), task rows left
RUNNING by a killed worker are marked failed, and unsent e-mails without a task get one.
"""

from django.core.management.base import BaseCommand

from notifications.delivery import emails_recover


class Command(BaseCommand):
    help = "Queue again the e-mails whose worker died while sending them."

    def handle(self, *args, **options):
        result = emails_recover()
        self.stdout.write(
            f"{result.sends_interrupted} interrupted send(s) and {result.tasks_failed} abandoned task(s) found; "
            f"{result.requeued} e-mail(s) queued again."
        )
