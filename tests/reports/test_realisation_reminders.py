"""Reporting discipline: forum members that owe realisation reports get one e-mail per period
from the daily reminder command, and Dinsos sees them on the dashboard (programs_dataset.py)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from notifications.models import OutgoingEmail
from reports.models import RealisationReminder
from reports.selectors.obligations import overdue_members
from reports.services import realisation_reminders_send
from tests.reports import programs_dataset
from tests.reports.programs_dataset import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return programs_dataset.build()


def test_overdue_members_of_pulang_pisau(data):
    rows = overdue_members(data.pulpis, today=TODAY)
    # A: Bibit karet's 2024 report was returned; D never reported Air bersih. B's report came late
    # but came; E's came on time. 2025's reports are not due yet.
    assert [(row.name, row.label, [p.title for p in row.missing]) for row in rows] == [
        ("PT Alpha Sawit", "2024", ["Bibit karet"]),
        ("PT Delta Karet", "2024", ["Air bersih"]),
    ]
    assert overdue_members(data.pulpis, today=datetime.date(2025, 1, 30)) == []


def test_each_owing_member_is_e_mailed_once_per_period(data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = realisation_reminders_send(today=TODAY)
    assert (run.companies, run.periods, run.emails, run.without_officers) == (2, 2, 2, [])
    assert len(callbacks) == 2
    emails = {email.to: email for email in OutgoingEmail.objects.filter(event="realisation_overdue")}
    alpha = emails[data.a.officers.first().user.email]
    assert "Bibit karet" in alpha.body and "30/01/2025" in alpha.body and "Kasur sehat" not in alpha.body
    assert "Dinas Sosial Kabupaten Pulang Pisau" in alpha.body
    assert "Air bersih" in emails[data.d.officers.first().user.email].body
    assert set(RealisationReminder.objects.values_list("company_id", "year", "quarter")) == {
        (data.a.pk, 2024, 0),
        (data.d.pk, 2024, 0),
    }
    # The next day, and every day after, nothing more for 2024.
    again = realisation_reminders_send(today=TODAY + datetime.timedelta(days=1))
    assert (again.companies, again.emails) == (0, 0)
    assert OutgoingEmail.objects.filter(event="realisation_overdue").count() == 2


def test_a_member_without_an_active_officer_is_listed_for_dinsos(data):
    user = data.d.officers.first().user
    user.is_active = False
    user.save()
    run = realisation_reminders_send(today=TODAY)
    assert run.without_officers == ["PT Delta Karet"]
    assert not RealisationReminder.objects.filter(company=data.d).exists()


def test_the_daily_command_sends_both_kinds_of_reminder(data):
    out = StringIO()
    call_command("send_delivery_reminders", "--date", "2025-03-01", stdout=out, stderr=StringIO())
    assert "2 periods of realisation reports owed by 2 companies reminded: 2 e-mails queued." in out.getvalue()


def test_dinsos_sees_the_members_that_owe_reports_on_the_dashboard(client, data, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    client.force_login(data.staff)
    html = client.get(reverse("admin:reports_dashboard"), {"region": "62.11"}, headers={"Accept-Language": "en"})
    html = html.content.decode()
    owed = html.split('id="realisations-owed-table"', 1)[1].split("</table>", 1)[0]
    assert "PT Alpha Sawit" in owed and "Bibit karet" in owed and "PT Delta Karet" in owed
    assert "PT Eka Sejahtera" not in owed


def test_the_public_forum_page_lists_who_reported_and_who_did_not(client, data, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    data.pulpis.forum_name = "Forum TSLP Kabupaten Pulang Pisau"
    data.pulpis.save()
    html = client.get(data.pulpis.get_absolute_url(), headers={"Accept-Language": "en"}).content.decode()
    assert "Realisation reports for 2024" in html
    reported = html.split('id="forum-reported"', 1)[1].split("</div>", 1)[0]
    not_reported = html.split('id="forum-not-reported"', 1)[1].split("</div>", 1)[0]
    assert "PT Beta Energi" in reported and "(late)" in reported and "PT Eka Sejahtera" in reported
    # Alpha's report came in and was returned: it waits for the company's correction.
    assert "PT Alpha Sawit" in not_reported and "(returned, awaiting correction)" in not_reported
    assert "PT Delta Karet" in not_reported
    assert "PT Gamma Niaga" not in reported + not_reported
