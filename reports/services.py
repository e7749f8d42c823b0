"""Writes of the reports app: reminders about deliveries past their expected date.

Run by cron through ``manage.py send_delivery_reminders``. Each company is handled in its own
transaction: its ``Reminder`` rows, the in-app notices and the e-mails are written together,
and the e-mails are queued for the background worker only once that transaction commits. The
``Reminder`` rows are unique per pledge and day, so a second run on the same day (even one
running at the same moment) sends nothing twice.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matching.models import Pledge
from notifications.models import Notification
from notifications.services import email_queue, partner_pledge_url
from reports.models import Reminder
from reports.selectors.overdue import overdue_pledges

EVENT = "delivery_overdue"


@dataclass
class ReminderRun:
    companies: int = 0
    pledges: int = 0
    emails: int = 0
    notifications: int = 0
    without_officers: list[str] = field(default_factory=list)
    skipped: int = 0  # companies another run reminded first


def _email_text(company_name: str, pledges: list[Pledge]) -> tuple[str, str]:
    """Subject and body, Indonesian first and then English, like every e-mail of the portal."""
    parts = []
    for language in ("id", "en"):
        with translation.override(language):
            lines = [
                ngettext(
                    "%(company)s has %(count)s delivery past its expected date that is not yet reported:",
                    "%(company)s has %(count)s deliveries past their expected date that are not yet reported:",
                    len(pledges),
                )
                % {"company": company_name, "count": len(pledges)}
            ]
            for pledge in pledges:
                need = pledge.need
                lines.append(
                    "- "
                    + _("“%(need)s” at %(facility)s: %(quantity)s %(unit)s to report, expected on %(date)s")
                    % {
                        "need": need.title,
                        "facility": need.facility.name,
                        "quantity": pledge.quantity - pledge.quantity_reported,
                        "unit": need.unit,
                        "date": pledge.expected_delivery_date.strftime("%d/%m/%Y"),
                    }
                    + f"\n  {settings.SITE_URL}{partner_pledge_url(pledge)}"
                )
            lines.append(_("Please report each delivery in the partner portal, or agree a new date with Dinsos."))
            parts.append("\n".join(lines))
    with translation.override("id"):
        subject = _("[CSR Portal] Deliveries to report: %(company)s") % {"company": company_name}
    return subject[:250], "\n\n".join(parts) + "\n"


def delivery_reminders_send(*, today: datetime.date | None = None, every_days: int = 7) -> ReminderRun:
    """Remind the active officers of each company with overdue deliveries: one e-mail per officer
    listing them, and one in-app notice per overdue pledge. A pledge is reminded again only when
    its last reminder is ``every_days`` days old or more (1: every day)."""
    if every_days < 1:
        raise ValueError("every_days must be 1 or more")
    today = today or timezone.localdate()
    recent = today - datetime.timedelta(days=every_days - 1)
    due = list(
        overdue_pledges(today=today)
        .exclude(reminders__sent_on__gte=recent)
        .select_related("need__facility", "company")
        .order_by("company__name", "expected_delivery_date", "pk")
    )
    by_company: dict[int, list[Pledge]] = defaultdict(list)
    for pledge in due:
        by_company[pledge.company_id].append(pledge)
    officers: dict[int, list] = defaultdict(list)
    users = get_user_model().objects.filter(officer__company_id__in=list(by_company), is_active=True)
    for user in users.select_related("officer").order_by("pk"):
        officers[user.officer.company_id].append(user)

    run = ReminderRun()
    for company_id, pledges in by_company.items():
        company = pledges[0].company
        recipients = officers.get(company_id, [])
        if not recipients:
            run.without_officers.append(company.name)
            continue
        try:
            with transaction.atomic():
                _remind(company.name, pledges, recipients, today, run)
        except IntegrityError:
            run.skipped += 1
    return run


def _remind(company_name: str, pledges: list[Pledge], recipients: list, today: datetime.date, run: ReminderRun):
    Reminder.objects.bulk_create([Reminder(pledge=p, sent_on=today, officers=len(recipients)) for p in pledges])
    Notification.objects.bulk_create(
        [
            Notification(recipient=user, event=EVENT, url=partner_pledge_url(pledge), pledge=pledge)
            for pledge in pledges
            for user in recipients
        ]
    )
    subject, body = _email_text(company_name, pledges)
    for user in recipients:
        if not user.email:
            continue
        email_queue(to=user.email, subject=subject, body=body, event=EVENT)
        run.emails += 1
    run.companies += 1
    run.pledges += len(pledges)
    run.notifications += len(pledges) * len(recipients)
