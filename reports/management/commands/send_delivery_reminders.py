"""Remind partners of deliveries past their expected date, and forum members of the realisation
reports they owe. For cron, once a day:

    15 7 * * *  cd /srv/csrportal && .venv/bin/python manage.py send_delivery_reminders

Safe to run more often: a pledge is reminded at most once a day (``--every`` days apart), a
member once per period whose realisation reports it owes.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from reports.services import delivery_reminders_send, realisation_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail and notify the CSR officers of every company whose accepted or approved pledges are past "
        "their expected delivery date without a report, and of every forum member that owes an agency "
        "realisation reports past their due date."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=int, default=7, help="Remind a pledge again after this many days (default 7; 1 = daily)."
        )
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD); for catching up.")

    def handle(self, *args, **options):
        if options["every"] < 1:
            raise CommandError("--every must be 1 or more.")
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError("--date must look like 2025-01-31.") from exc
        run = delivery_reminders_send(today=today, every_days=options["every"])
        self.stdout.write(
            f"{run.pledges} overdue deliveries of {run.companies} companies reminded: "
            f"{run.emails} e-mails queued, {run.notifications} notifications."
        )
        if run.skipped:
            self.stdout.write(f"{run.skipped} companies were reminded by another run meanwhile.")
        for name in run.without_officers:
            self.stderr.write(f"No active officer to remind at {name}: tell them through Dinsos.")
        owed = realisation_reminders_send(today=today)
        self.stdout.write(
            f"{owed.periods} periods of realisation reports owed by {owed.companies} companies reminded: "
            f"{owed.emails} e-mails queued."
        )
        if owed.skipped:
            self.stdout.write(f"{owed.skipped} companies were reminded by another run meanwhile.")
        for name in owed.without_officers:
            self.stderr.write(f"No active officer to remind at {name} of realisation reports: tell them via Dinsos.")
