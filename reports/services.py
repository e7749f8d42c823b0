"""Writes of the reports app: reminders about deliveries past their expected date, and about
realisation reports that forum members owe (``realisation_reminders_send``, once per period).

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

from agencies.models import Agency
from matching.models import Pledge
from notifications.models import Notification
from notifications.services import email_queue, partner_pledge_url
from reports.models import RealisationReminder, Reminder
from reports.selectors.obligations import MemberPeriod, overdue_members, period_label
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


REALISATION_EVENT = "realisation_overdue"


@dataclass
class RealisationReminderRun:
    companies: int = 0
    periods: int = 0
    emails: int = 0
    without_officers: list[str] = field(default_factory=list)
    skipped: int = 0  # companies another run reminded first


def _realisation_email_text(company_name: str, agency_name: str, owed: list[MemberPeriod]) -> tuple[str, str]:
    """Subject and body, Indonesian first and then English."""
    parts = []
    for language in ("id", "en"):
        with translation.override(language):
            lines = [
                _("%(company)s has not yet sent %(agency)s the realisation reports of its CSR programs:")
                % {"company": company_name, "agency": agency_name}
            ]
            for row in owed:
                period = {"period": period_label(row.year, row.quarter), "date": row.due.strftime("%d/%m/%Y")}
                if not row.programs:
                    lines.append(
                        "- "
                        + _(
                            "%(period)s (due on %(date)s): no program registered. Register the CSR you did, "
                            "in the portal's matching or outside it, as a program and report what it realised."
                        )
                        % period
                    )
                for program in row.missing:
                    text = _("“%(program)s”: %(period)s, due on %(date)s") % {**period, "program": program.title}
                    lines.append(f"- {text}")
            lines.append(
                _("Please report in the partner portal; a report returned by Dinsos must be corrected and sent again.")
                + f"\n{settings.SITE_URL}/partner/"
            )
            parts.append("\n".join(lines))
    with translation.override("id"):
        subject = _("[CSR Portal] Realisation reports owed: %(company)s") % {"company": company_name}
    return subject[:250], "\n\n".join(parts) + "\n"


def realisation_reminders_send(*, today: datetime.date | None = None) -> RealisationReminderRun:
    """E-mail the active officers of each forum member that owes an agency realisation reports
    (``obligations.overdue_members``): one e-mail per officer listing the reports, once per
    period (a ``RealisationReminder`` per agency, company and period, unique)."""
    today = today or timezone.localdate()
    run = RealisationReminderRun()
    agencies = Agency.objects.filter(partnerships__forum_member=True).distinct().order_by("pk")
    for agency in agencies:
        owed = overdue_members(agency, today=today)
        sent = set(
            RealisationReminder.objects.filter(
                agency=agency, company_id__in={row.company_id for row in owed}
            ).values_list("company_id", "year", "quarter")
        )
        by_company: dict[int, list[MemberPeriod]] = defaultdict(list)
        for row in owed:
            if (row.company_id, row.year, row.quarter) not in sent:
                by_company[row.company_id].append(row)
        officers: dict[int, list] = defaultdict(list)
        users = get_user_model().objects.filter(officer__company_id__in=list(by_company), is_active=True)
        for user in users.select_related("officer").order_by("pk"):
            officers[user.officer.company_id].append(user)
        for company_id, rows in by_company.items():
            recipients = officers.get(company_id, [])
            if not recipients:
                run.without_officers.append(rows[0].name)
                continue
            try:
                with transaction.atomic():
                    RealisationReminder.objects.bulk_create(
                        RealisationReminder(
                            agency=agency,
                            company_id=company_id,
                            year=row.year,
                            quarter=row.quarter,
                            sent_on=today,
                            officers=len(recipients),
                        )
                        for row in rows
                    )
                    subject, body = _realisation_email_text(rows[0].name, agency.name, rows)
                    for user in recipients:
                        if user.email:
                            email_queue(to=user.email, subject=subject, body=body, event=REALISATION_EVENT, user=user)
                            run.emails += 1
            except IntegrityError:
                run.skipped += 1
                continue
            run.companies += 1
            run.periods += len(rows)
    return run
