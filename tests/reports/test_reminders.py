"""Reporting discipline: overdue deliveries and the reminder command for cron."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from notifications.models import Notification, OutgoingEmail
from reports.models import Reminder
from reports.services import delivery_reminders_send
from tests.factories import CompanyFactory, NeedFactory, OfficerFactory, UserFactory, officer_user, staff_user
from tests.reports import dataset

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 1, 6)


@pytest.fixture
def data():
    data = dataset.build()
    # Company A (P1 and P5 overdue) has a second active officer without e-mail, and a former one.
    data.no_mail = OfficerFactory(company=data.a, user=UserFactory(email="")).user
    data.former = OfficerFactory(company=data.a, user=UserFactory(is_active=False)).user
    return data


def run(**kwargs):
    return delivery_reminders_send(today=kwargs.pop("today", TODAY), **kwargs)


def test_overdue_officers_get_one_email_each_and_a_notice_per_pledge(data, django_capture_on_commit_callbacks):
    officer = data.a.officers.order_by("pk").first().user
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = run()
    # P1 (4 of 10 still to report, due 2024-03-01) and P5 (due 2024-06-30, report rejected).
    assert (result.companies, result.pledges, result.emails) == (1, 2, 1)
    assert result.notifications == 2 * 2  # two pledges, two active officers
    emails = OutgoingEmail.objects.filter(event="delivery_overdue")
    assert [email.to for email in emails] == [officer.email]
    assert "4 " in emails[0].body and "01/03/2024" in emails[0].body and "30/06/2024" in emails[0].body
    assert f"/partner/pledges/{data.p1.pk}/" in emails[0].body
    assert len(callbacks) == 1  # the e-mail is queued for the worker once the transaction commits
    notices = Notification.objects.filter(event="delivery_overdue")
    assert {(n.recipient_id, n.pledge_id) for n in notices} == {
        (user.pk, pledge.pk) for user in (officer, data.no_mail) for pledge in (data.p1, data.p5)
    }
    assert not notices.filter(recipient=data.former).exists()
    with translation.override("en"):
        assert (
            notices.filter(pledge=data.p5)
            .first()
            .text.startswith(
                "The delivery of PT Alpha Sawit for “" + data.n3.title + "” at Panti Pandih is past its expected date"
            )
        )
    assert set(Reminder.objects.values_list("pledge_id", "sent_on")) == {(data.p1.pk, TODAY), (data.p5.pk, TODAY)}


def test_a_second_run_on_the_same_day_sends_nothing(data):
    run()
    again = run(every_days=1)
    assert (again.companies, again.pledges, again.emails, again.notifications) == (0, 0, 0, 0)
    assert OutgoingEmail.objects.filter(event="delivery_overdue").count() == 1


def test_reminders_repeat_after_the_interval(data):
    run()
    assert run(today=TODAY + datetime.timedelta(days=6)).pledges == 0
    assert run(today=TODAY + datetime.timedelta(days=7)).pledges == 2
    assert run(today=TODAY + datetime.timedelta(days=8), every_days=1).pledges == 2


def test_reported_or_not_yet_due_pledges_are_not_reminded(data):
    # Before P1's expected date (2024-03-01) nothing is overdue.
    assert run(today=datetime.date(2024, 3, 1)).pledges == 0
    # On 2024-03-02 only P1 is (P5 is due 2024-06-30).
    assert run(today=datetime.date(2024, 3, 2)).pledges == 1


def test_company_without_active_officer_is_listed_not_reminded(data):
    staff = staff_user()
    company = CompanyFactory(name="PT Tanpa Petugas")
    partner = officer_user(company)
    need = NeedFactory(quantity=3)
    dataset.make_pledge(
        need, company, 3, staff=staff, made=datetime.date(2024, 1, 1), expected=datetime.date(2024, 2, 1)
    )
    partner.is_active = False
    partner.save()
    result = run()
    assert result.without_officers == ["PT Tanpa Petugas"]
    assert not Reminder.objects.filter(pledge__company=company).exists()


def test_command_for_cron(data):
    out, err = StringIO(), StringIO()
    call_command("send_delivery_reminders", "--date", "2025-01-06", stdout=out, stderr=err)
    assert "2 overdue deliveries of 1 companies reminded: 1 e-mails queued, 4 notifications." in out.getvalue()
    call_command("send_delivery_reminders", "--date", "2025-01-06", stdout=out, stderr=err)
    assert Reminder.objects.count() == 2
    with pytest.raises(CommandError):
        call_command("send_delivery_reminders", "--date", "06/01/2025")
    with pytest.raises(CommandError):
        call_command("send_delivery_reminders", "--every", "0")
