"""Facility accounts: invited by Dinsos from the facility's page, never made of an existing
account, and landing on /facility/ after login."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.accounts import SET_PASSWORD_PLACEHOLDER
from facilities import accounts
from facilities.models import FacilityMember
from facilities.services import NeedError
from notifications.models import OutgoingEmail
from tests.factories import (
    FacilityFactory,
    FacilityMemberFactory,
    StaffFactory,
    UserFactory,
    agency,
    officer_user,
    region,
    staff_user,
)

pytestmark = pytest.mark.django_db
User = get_user_model()


def _invite(facility, actor, email="kepala@panti.example", **kwargs):
    values = {"first_name": "Wati", "last_name": "", "role": "head", **kwargs}
    return accounts.member_invite(facility=facility, email=email, actor=actor, **values)


def test_staff_invite_from_the_facility_page(client, facility):
    staff = staff_user()
    client.force_login(staff)
    page = client.get(reverse("admin:facilities_facility_change", args=[facility.pk])).content.decode()
    url = reverse("admin:facilities_facility_invite_member", args=[facility.pk])
    assert url in page
    response = client.post(url, {"email": "Kepala@Panti.example", "first_name": "Wati", "role": "head"})
    assert response.status_code == 302
    member = FacilityMember.objects.select_related("user").get()
    assert (member.facility, member.user.username, member.user.has_usable_password()) == (
        facility,
        "kepala@panti.example",
        False,
    )
    email = OutgoingEmail.objects.get(event="facility_member_invited")
    assert SET_PASSWORD_PLACEHOLDER in email.body and facility.name in email.body
    assert email.user == member.user


@pytest.mark.parametrize("who", ["staff", "superuser", "officer", "member", "plain"])
def test_an_existing_account_never_becomes_a_facility_account(facility, who):
    existing = {
        "staff": lambda: staff_user(),
        "superuser": lambda: User.objects.create_superuser("root", "root@x.example", "secret-pass-123"),
        "officer": lambda: officer_user(),
        "member": lambda: FacilityMemberFactory().user,
        "plain": lambda: UserFactory(),
    }[who]()
    with pytest.raises(NeedError, match="already exists"):
        _invite(facility, staff_user(), email=existing.email.upper())
    assert FacilityMember.objects.filter(facility=facility).count() == 0


@pytest.mark.parametrize("who", ["staff", "officer"])
def test_the_model_refuses_linking_staff_or_officer_accounts(facility, who):
    user = staff_user() if who == "staff" else officer_user()
    with pytest.raises(ValidationError):
        FacilityMember.objects.create(user=user, facility=facility)


def test_a_facility_account_cannot_become_an_officer(member):
    from partners.models import Officer
    from tests.factories import CompanyFactory

    with pytest.raises(ValidationError):
        Officer.objects.create(user=member.user, company=CompanyFactory())


def test_staff_of_another_agency_cannot_invite(client):
    jakarta_facility = FacilityFactory(region=region("31.74.01"))
    pulpis_staff = StaffFactory(agency=agency("62.11"))
    with pytest.raises(NeedError, match="another agency"):
        _invite(jakarta_facility, pulpis_staff)
    client.force_login(pulpis_staff)
    url = reverse("admin:facilities_facility_invite_member", args=[jakarta_facility.pk])
    assert client.post(url, {"email": "a@b.example", "first_name": "A", "role": "staff"}).status_code == 404
    assert not FacilityMember.objects.exists()


def test_officers_and_members_cannot_invite(facility, member):
    for actor in (officer_user(), member.user):
        with pytest.raises(NeedError, match="Only Dinsos staff"):
            _invite(facility, actor)


def test_deactivate_and_resend(facility):
    staff = staff_user()
    member = _invite(facility, staff)
    accounts.member_invite_resend(member=member, actor=staff)
    assert OutgoingEmail.objects.filter(event="facility_member_invited").count() == 2
    accounts.member_deactivate(member=member, actor=staff)
    member.user.refresh_from_db()
    assert not member.user.is_active
    with pytest.raises(NeedError):
        accounts.member_invite_resend(member=member, actor=staff)


@pytest.mark.parametrize(
    "kind, landing",
    [("member", "/facility/"), ("officer", "/partner/"), ("staff", "/admin/")],
)
def test_each_kind_of_account_lands_in_its_place(client, kind, landing):
    user = {"member": lambda: FacilityMemberFactory().user, "officer": officer_user, "staff": staff_user}[kind]()
    response = client.post(reverse("login"), {"username": user.username, "password": "secret-pass-123"}, follow=True)
    assert response.redirect_chain[-1][0] == landing


def test_a_facility_account_never_enters_the_admin(client, member):
    User.objects.filter(pk=member.user.pk).update(is_staff=True)  # someone ticked "staff status"
    client.force_login(member.user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
