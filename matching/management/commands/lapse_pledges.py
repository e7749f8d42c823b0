from django.core.management.base import BaseCommand

from matching.services import pledges_lapse_overdue


class Command(BaseCommand):
    help = (
        "Lapse proposals and offers left unanswered past their answer-by time "
        "(PLEDGE_RESPONSE_DAYS, 14 days by default). Safe to run from cron as often as you like."
    )

    def handle(self, *args, **options):
        count = pledges_lapse_overdue()
        self.stdout.write(f"{count} pledge(s) lapsed.")
