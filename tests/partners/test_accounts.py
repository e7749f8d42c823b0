"""Partner accounts: login and where it leads, lock-out, password change and reset, invitations
by Dinsos staff, deactivation, and the admin that officers never enter."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from notifications.models import OutgoingEmail
from notifications.services import email_send
from partners import services
from partners.errors import PartnerError
from partners.models import CompanyStatus, Officer, OfficerRole
from tests.factories import CompanyFactory, UserFactory, officer_user, staff_user
from tests.portal.helpers import snapshot
from tests.worker import run_worker

pytestmark = pytest.mark.django_db

PASSWORD = "secret-pass-123"  # tests.factories.UserFactory


def _login(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


# --- login and where it leads ----------------------------------------------------------------


def test_officer_lands_on_the_dashboard_after_login(client, officer):
    response = _login(client, officer.user.username, PASSWORD, follow=True)
    assert response.redirect_chain[-1][0] == reverse("partner:dashboard")
    assert response.status_code == 200


def test_staff_land_in_the_admin_after_login(client):
    staff = staff_user()
    response = _login(client, staff.username, PASSWORD, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:index")


def test_login_keeps_the_page_asked_for(client, officer):
    url = reverse("partner:pledge_list")
    response = client.post(
        f"{reverse('login')}?next={url}", {"username": officer.user.username, "password": PASSWORD, "next": url}
    )
    assert response["Location"] == url


def test_wrong_password_is_a_form_error_not_a_hint(client, officer):
    response = _login(client, officer.user.username, "wrong")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_officers_never_enter_the_admin(client, officer):
    client.force_login(officer.user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    # Not even if someone ticks "staff status" by mistake.
    officer.user.is_staff = True
    officer.user.save(update_fields=["is_staff"])
    client.force_login(officer.user)
    assert client.get(reverse("admin:index")).status_code == 302


# --- lock-out --------------------------------------------------------------------------------


def test_five_failures_lock_one_username_from_one_address_only(officer):
    colleague = officer_user(officer.company)
    office = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(4):
        assert _login(office, officer.user.username, "not-the-password").status_code == 200
    # The fifth failure locks the account from this address.
    assert _login(office, officer.user.username, "not-the-password").status_code == 429

    # Locked: even the right password fails now, with the lock-out page.
    locked = _login(office, officer.user.username, PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "30" in locked.content.decode()  # minutes to wait
    assert "_auth_user_id" not in office.session

    # A colleague at the same office address still logs in.
    same_office = Client(REMOTE_ADDR="203.0.113.7")
    assert _login(same_office, colleague.username, PASSWORD).status_code == 302
    # The locked officer from another address (home, phone) still logs in too.
    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert _login(elsewhere, officer.user.username, PASSWORD).status_code == 302


def test_four_failures_do_not_lock(officer):
    office = Client(REMOTE_ADDR="203.0.113.8")
    for _ in range(4):
        _login(office, officer.user.username, "nope")
    assert _login(office, officer.user.username, PASSWORD).status_code == 302
    # A success resets the count (AXES_RESET_ON_SUCCESS).
    assert not AccessAttempt.objects.filter(username=officer.user.username, failures_since_start__gt=0).exists()


# --- password change and reset ---------------------------------------------------------------


def test_officer_changes_password(officer_client, officer):
    page = officer_client.get(reverse("password_change"))
    assert page.status_code == 200
    assert "Change your password" in page.content.decode()
    response = officer_client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Kasur-busa-2024!", "new_password2": "Kasur-busa-2024!"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("password_change_done")
    officer.user.refresh_from_db()
    assert officer.user.check_password("Kasur-busa-2024!")


def test_password_reset_by_email_end_to_end(client, officer):
    response = client.post(reverse("password_reset"), {"email": officer.user.email}, follow=True)
    assert "Check your e-mail" in response.content.decode()
    assert mail.outbox == []  # queued in the request, sent by the worker
    run_worker()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose your password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Panti-Taruna-77", "new_password2": "Panti-Taruna-77"},
        follow=True,
    )
    assert "Password saved" in done.content.decode()
    officer.user.refresh_from_db()
    assert officer.user.check_password("Panti-Taruna-77")
    # The link works once.
    assert "This link no longer works" in client.get(link, follow=True).content.decode()


# --- invitations -----------------------------------------------------------------------------


def _invite(company, actor, email="ji-won.park@cj.example", **extra):
    return services.officer_invite(
        company=company,
        email=email,
        first_name="Ji-won",
        last_name="Park",
        role=OfficerRole.COORDINATOR,
        actor=actor,
        **extra,
    )


def test_invited_officer_chooses_a_password_from_the_email(client, django_capture_on_commit_callbacks):
    company = CompanyFactory(name="CJ Indonesia")
    with django_capture_on_commit_callbacks(execute=True):
        officer = _invite(company, staff_user(), email="Ji-Won.Park@CJ.example ")
    user = officer.user
    assert (user.username, user.email, user.is_staff, user.has_usable_password()) == (
        "ji-won.park@cj.example",
        "ji-won.park@cj.example",
        False,
        False,
    )
    email = OutgoingEmail.objects.get(event="officer_invited")
    assert email.to == user.email
    email_send(email_id=email.pk)
    sent = mail.outbox[-1]
    assert "CJ Indonesia" in sent.body and "ji-won.park@cj.example" in sent.body
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", sent.body).group(1)
    # The link was made at send time: what staff can read in the admin holds no secret.
    assert "/accounts/reset/" not in OutgoingEmail.objects.get(pk=email.pk).body

    # Before choosing a password the account cannot log in.
    assert _login(client, user.username, "").status_code == 200
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Bibimbap-Jakarta-9", "new_password2": "Bibimbap-Jakarta-9"},
    )
    response = _login(client, user.username, "Bibimbap-Jakarta-9", follow=True)
    assert response.redirect_chain[-1][0] == reverse("partner:dashboard")
    assert "CJ Indonesia" in response.content.decode()


@pytest.mark.parametrize(
    ("actor", "message"),
    [
        (lambda company: officer_user(company), "Only Dinsos staff"),
        (lambda company: UserFactory(is_staff=True), "lacks the permission"),
    ],
    ids=["an-officer", "staff-without-permission"],
)
def test_only_dinsos_staff_with_permission_invite(actor, message):
    company = CompanyFactory()
    who = actor(company)
    before = snapshot()
    with pytest.raises(PartnerError, match=message):
        _invite(company, who)
    assert snapshot() == before


def test_an_email_address_is_invited_once():
    staff = staff_user()
    _invite(CompanyFactory(), staff)
    another = CompanyFactory()
    before = snapshot()
    with pytest.raises(PartnerError, match="already exists"):
        _invite(another, staff, email="JI-WON.PARK@cj.example")
    assert snapshot() == before


def test_an_inactive_company_gets_no_new_officers():
    with pytest.raises(PartnerError, match="inactive"):
        _invite(CompanyFactory(status=CompanyStatus.INACTIVE), staff_user())
    assert not Officer.objects.exists()


def test_staff_invite_from_the_company_page_in_the_admin(client, django_capture_on_commit_callbacks):
    company = CompanyFactory(name="POSCO Indonesia Inti")
    client.force_login(staff_user())
    change_page = client.get(reverse("admin:partners_company_change", args=[company.pk])).content.decode()
    invite_url = reverse("admin:partners_company_invite_officer", args=[company.pk])
    assert invite_url in change_page
    assert client.get(invite_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            invite_url,
            {"email": "min-jun@posco.example", "first_name": "Min-jun", "last_name": "Kim", "role": "staff"},
        )
    assert response.status_code == 302
    officer = Officer.objects.get(company=company)
    assert officer.user.email == "min-jun@posco.example"
    assert OutgoingEmail.objects.filter(to="min-jun@posco.example", event="officer_invited").exists()
    # The same address again: a form error, nothing written.
    before = snapshot()
    again = client.post(invite_url, {"email": "min-jun@posco.example", "first_name": "Min-jun", "role": "staff"})
    assert again.status_code == 200
    assert "already exists" in again.content.decode()
    assert snapshot() == before


def test_officers_cannot_reach_the_invitation_screen(client, officer):
    client.force_login(officer.user)
    url = reverse("admin:partners_company_invite_officer", args=[officer.company_id])
    assert client.post(url, {"email": "x@example.org", "first_name": "X", "role": "staff"}).status_code == 302
    assert not get_user_model().objects.filter(email="x@example.org").exists()


# --- deactivation ----------------------------------------------------------------------------


def test_staff_deactivate_an_officer_who_left_from_the_officer_list(client, officer):
    staff = staff_user()
    client.force_login(staff)
    response = client.post(
        reverse("admin:partners_officer_changelist"),
        {"action": "deactivate_officers", "_selected_action": [officer.pk]},
        follow=True,
    )
    assert response.status_code == 200
    officer.user.refresh_from_db()
    assert not officer.user.is_active
    assert officer.history.first().history_user == staff
    # The account cannot log in any more, and its pledges stay.
    assert _login(Client(), officer.user.username, PASSWORD).status_code == 200


def test_deactivating_twice_is_refused():
    officer = Officer.objects.get(user=officer_user())
    staff = staff_user()
    services.officer_deactivate(officer=officer, actor=staff)
    with pytest.raises(PartnerError, match="already deactivated"):
        services.officer_deactivate(officer=officer, actor=staff)


def test_an_officer_cannot_deactivate_a_colleague():
    officer = Officer.objects.get(user=officer_user())
    colleague = officer_user(officer.company)
    with pytest.raises(PartnerError):
        services.officer_deactivate(officer=officer, actor=colleague)
    officer.user.refresh_from_db()
    assert officer.user.is_active


def test_staff_send_a_new_set_password_link(client, django_capture_on_commit_callbacks):
    officer = _invite(CompanyFactory(), staff_user())
    client.force_login(staff_user())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:partners_officer_changelist"),
            {"action": "resend_invitations", "_selected_action": [officer.pk]},
        )
    assert OutgoingEmail.objects.filter(to=officer.user.email, event="officer_invited").count() == 2


def test_staff_change_their_password_from_the_admin_with_the_same_page(client):
    staff = staff_user()
    client.force_login(staff)
    response = client.get(reverse("admin:password_change"))
    assert response.status_code == 200
    assert "Change your password" in response.content.decode()
