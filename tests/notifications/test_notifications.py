"""Notices reach the other side of a pledge, only after commit, and failed e-mails come back."""

from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from matching import services
from matching.models import PledgeStatus
from notifications.models import EmailStatus, Notification, OutgoingEmail
from notifications.services import MAX_EMAIL_ATTEMPTS, email_send
from tests.factories import CompanyFactory, NeedFactory, officer_user, pledge_in_state, staff_user

pytestmark = pytest.mark.django_db
S = PledgeStatus


def run_worker():
    # The worker closes its connection between tasks, as it should in production; here that
    # connection holds the test's transaction, so keep it open.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_an_offer_notifies_dinsos_staff_after_commit(django_capture_on_commit_callbacks):
    staff = staff_user(email="petugas@dinsos.example.go.id")
    company = CompanyFactory(name="PT LG Electronics Indonesia")
    officer = officer_user(company)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.pledge_offer(need=NeedFactory(title="Kasur busa"), company=company, quantity=5, actor=officer)
    assert callbacks  # the e-mail is queued on commit (and the data versions bumped again)
    notice = Notification.objects.get()
    assert (notice.recipient, notice.event) == (staff, "offered")
    assert "PT LG Electronics Indonesia" in notice.text
    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []  # nothing is sent inside the request: the worker sends it
    run_worker()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["petugas@dinsos.example.go.id"]
    assert "Kasur busa" in message.subject
    assert "menawarkan" in message.body or "offers" in message.body
    assert OutgoingEmail.objects.get().status == EmailStatus.SENT


def test_a_title_written_on_two_lines_still_makes_an_email_that_is_sent(django_capture_on_commit_callbacks):
    # A cell written with Alt+Enter in a spreadsheet keeps its line break (imports keep text as
    # written); an e-mail header cannot hold one, and the e-mail would fail at every attempt.
    staff_user(email="petugas@dinsos.example.go.id")
    company = CompanyFactory(name="PT LG\r\nElectronics")
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_offer(
            need=NeedFactory(title="Kasur busa\nuntuk asrama"), company=company, quantity=5, actor=officer_user(company)
        )
    run_worker()
    assert OutgoingEmail.objects.get().status == EmailStatus.SENT
    assert "Kasur busa untuk asrama" in mail.outbox[0].subject


def test_a_proposal_notifies_the_partner_officers_not_staff(django_capture_on_commit_callbacks):
    staff = staff_user()
    company = CompanyFactory()
    officer = officer_user(company)
    other_company_officer = officer_user(CompanyFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_propose(need=NeedFactory(), company=company, quantity=5, actor=staff)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [officer.pk]
    assert not Notification.objects.filter(recipient__in=[staff, other_company_officer]).exists()
    assert Notification.objects.get().url.startswith("/partner/pledges/")


@pytest.mark.parametrize(
    ("state", "move", "who", "event"),
    [
        (S.PROPOSED, S.ACCEPTED, "partner", "proposal_accepted"),
        (S.PROPOSED, S.DECLINED, "partner", "proposal_declined"),
        (S.OFFERED, S.APPROVED, "dinsos", "offer_approved"),
        (S.OFFERED, S.REJECTED, "dinsos", "offer_rejected"),
        (S.APPROVED, S.CANCELLED, "dinsos", "cancelled"),
        (S.ACCEPTED, S.CANCELLED, "partner", "cancelled"),
    ],
    ids=lambda v: str(v),
)
def test_each_move_notifies_the_other_side(state, move, who, event):
    staff = staff_user()
    pledge = pledge_in_state(state, staff=staff)
    officer = pledge.company.officers.first().user
    Notification.objects.all().delete()
    actor = staff if who == "dinsos" else officer
    services.pledge_transition(pledge=pledge, to=move, actor=actor, reason="alasan")
    expected = officer if who == "dinsos" else staff
    assert list(Notification.objects.values_list("recipient", "event")) == [(expected.pk, event)]


def test_delivery_report_and_verification_notify_both_ways():
    staff = staff_user()
    pledge = pledge_in_state(S.APPROVED, staff=staff)
    officer = pledge.company.officers.first().user
    Notification.objects.all().delete()

    report = services.delivery_report_submit(
        pledge=pledge, actor=officer, delivered_on=timezone.localdate(), quantity=pledge.quantity
    )
    services.delivery_verify(report=report, actor=staff)
    assert list(Notification.objects.order_by("pk").values_list("recipient", "event")) == [
        (staff.pk, "delivery_reported"),
        (officer.pk, "delivery_verified"),
    ]


def test_lapse_notifies_both_sides():
    staff = staff_user()
    pledge = pledge_in_state(S.PROPOSED, staff=staff)
    officer = pledge.company.officers.first().user
    Notification.objects.all().delete()
    services.pledge_transition(pledge=pledge, to=S.LAPSED, actor=None)
    assert set(Notification.objects.values_list("recipient", flat=True)) == {staff.pk, officer.pk}


def test_a_rolled_back_change_leaves_no_notice_and_sends_nothing(django_capture_on_commit_callbacks):
    staff_user()
    company = CompanyFactory()
    officer = officer_user(company)
    need = NeedFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                services.pledge_offer(need=need, company=company, quantity=5, actor=officer)
                raise RuntimeError("something later in the same request failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not Notification.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()
    run_worker()
    assert mail.outbox == []


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=9)
def test_a_failed_send_stays_visible_and_is_retried(django_capture_on_commit_callbacks):
    staff_user(email="petugas@dinsos.example.go.id")
    company = CompanyFactory()
    officer = officer_user(company)
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_offer(need=NeedFactory(), company=company, quantity=5, actor=officer)
    email = OutgoingEmail.objects.get()
    # Port 9 on this machine refuses the connection: a real SMTP failure.
    with django_capture_on_commit_callbacks(execute=True):
        email_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == 1
    assert email.last_error
    assert email.next_attempt_at is not None
    retry = DBTaskResult.objects.order_by("-enqueued_at").first()
    assert retry.run_after is not None and retry.run_after > email.created_at  # a deferred retry is queued

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        email_send(email_id=email.pk)
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == (EmailStatus.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_repeated_failures_give_up_after_the_limit():
    email = OutgoingEmail.objects.create(to="x@example.org", subject="s", body="b")
    with mock.patch("notifications.delivery.email_deliver", side_effect=OSError("no route")):
        for _ in range(MAX_EMAIL_ATTEMPTS):
            email_send(email_id=email.pk)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.GAVE_UP, MAX_EMAIL_ATTEMPTS)


def test_notice_text_follows_the_readers_language():
    from django.utils import translation

    pledge = pledge_in_state(S.OFFERED)
    notice = Notification.objects.filter(pledge=pledge).first()
    with translation.override("en"):
        assert "offers" in notice.text
