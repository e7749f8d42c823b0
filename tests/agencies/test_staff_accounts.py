"""Agency administrators manage their own agency's staff accounts, and nobody can give an
account another agency, a wider role than allowed, or superuser status."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from agencies import services
from agencies.models import AgencyStaff, StaffRole
from core.roles import DINSOS_STAFF_GROUP, DINSOS_VIEWER_GROUP
from notifications.models import OutgoingEmail
from tests.factories import StaffFactory, UserFactory, officer_user, region

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
User = get_user_model()


@pytest.fixture
def pulpis_admin(pulpis):
    return StaffFactory(agency=pulpis.agency, agency__role=StaffRole.ADMIN)


def test_an_agency_administrator_invites_a_viewer_of_its_own_agency(pulpis, pulpis_admin):
    membership = services.staff_invite(
        agency=pulpis.agency,
        email="Camat.Kahayan@example.org",
        first_name="Camat",
        role=StaffRole.VIEWER,
        region=region("62.11.01"),
        organisation="Kecamatan Kahayan Hilir",
        actor=pulpis_admin,
    )
    user = membership.user
    assert (user.username, user.is_staff, user.is_superuser, user.has_usable_password()) == (
        "camat.kahayan@example.org",
        True,
        False,
        False,
    )
    assert list(user.groups.values_list("name", flat=True)) == [DINSOS_VIEWER_GROUP]
    assert OutgoingEmail.objects.filter(to="camat.kahayan@example.org", event="staff_invited").exists()


@pytest.mark.parametrize("who", ["plain_staff", "other_admin", "viewer"])
def test_only_an_administrator_of_the_agency_manages_its_staff(jakarta, pulpis, viewer, who):
    actor = {
        "plain_staff": pulpis.staff,
        "other_admin": StaffFactory(agency=jakarta.agency, agency__role=StaffRole.ADMIN),
        "viewer": viewer,
    }[who]
    with pytest.raises(services.AgencyError):
        services.staff_invite(agency=pulpis.agency, email="baru@example.org", first_name="B", role="staff", actor=actor)
    with pytest.raises(services.AgencyError):
        services.staff_update(membership=pulpis.staff.agency_staff, actor=actor, role=StaffRole.ADMIN)
    assert not User.objects.filter(username="baru@example.org").exists()
    assert AgencyStaff.objects.get(user=pulpis.staff).role == StaffRole.STAFF


def test_existing_accounts_are_never_taken_over(pulpis, pulpis_admin):
    officer = officer_user()
    for email in (officer.email, pulpis.staff.email):
        with pytest.raises(services.AgencyError, match="already exists"):
            services.staff_invite(agency=pulpis.agency, email=email, first_name="X", role="admin", actor=pulpis_admin)
    with pytest.raises(services.AgencyError, match="officer"):
        services.staff_assign(user=officer, agency=pulpis.agency, role=StaffRole.STAFF)


def test_a_narrower_area_must_lie_inside_the_agency(pulpis, pulpis_admin):
    with pytest.raises(services.AgencyError, match="inside"):
        services.staff_update(
            membership=pulpis.staff.agency_staff, actor=pulpis_admin, role=StaffRole.VIEWER, region=region("31.74")
        )


def test_a_role_change_moves_the_account_between_the_groups(pulpis, pulpis_admin):
    services.staff_update(membership=pulpis.staff.agency_staff, actor=pulpis_admin, role=StaffRole.VIEWER)
    assert list(pulpis.staff.groups.values_list("name", flat=True)) == [DINSOS_VIEWER_GROUP]
    services.staff_update(membership=pulpis.staff.agency_staff, actor=pulpis_admin, role=StaffRole.STAFF)
    assert list(pulpis.staff.groups.values_list("name", flat=True)) == [DINSOS_STAFF_GROUP]


def test_an_administrator_cannot_touch_a_superuser_or_deactivate_itself(pulpis, pulpis_admin):
    boss = UserFactory(is_staff=True, is_superuser=True)
    membership = services.staff_assign(user=boss, agency=pulpis.agency, role=StaffRole.ADMIN)
    with pytest.raises(services.AgencyError, match="superuser"):
        services.staff_update(membership=membership, actor=pulpis_admin, role=StaffRole.VIEWER)
    with pytest.raises(services.AgencyError, match="your own"):
        services.staff_deactivate(membership=pulpis_admin.agency_staff, actor=pulpis_admin)
    assert User.objects.get(pk=pulpis_admin.pk).is_active


def test_staff_cannot_open_the_user_admin_nor_make_anyone_a_superuser(client, pulpis, pulpis_admin):
    client.force_login(pulpis_admin)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    response = client.post(
        reverse("admin:auth_user_change", args=[pulpis.staff.pk]), {"is_superuser": "on", "username": "x"}
    )
    assert response.status_code in (302, 403)
    assert not User.objects.get(pk=pulpis.staff.pk).is_superuser


def test_the_staff_account_admin_shows_only_the_own_agency_and_invites_through_the_service(
    client, jakarta, pulpis, pulpis_admin
):
    client.force_login(pulpis_admin)
    listing = client.get(reverse("admin:agencies_agencystaff_changelist"))
    assert listing.status_code == 200
    shown = {m.user_id for m in listing.context["cl"].result_list}
    assert pulpis.staff.pk in shown and jakarta.staff.pk not in shown
    added = client.post(
        reverse("admin:agencies_agencystaff_add"),
        {
            "agency": jakarta.agency.pk,  # another agency: not a valid choice here
            "email": "baru@example.org",
            "first_name": "Baru",
            "role": StaffRole.STAFF,
        },
    )
    assert added.status_code == 200
    assert "agency" in added.context["adminform"].form.errors
    added = client.post(
        reverse("admin:agencies_agencystaff_add"),
        {"agency": pulpis.agency.pk, "email": "baru@example.org", "first_name": "Baru", "role": StaffRole.STAFF},
    )
    assert added.status_code == 302
    assert AgencyStaff.objects.get(user__username="baru@example.org").agency == pulpis.agency
    plain = client
    plain.force_login(pulpis.staff)
    assert plain.get(reverse("admin:agencies_agencystaff_changelist")).status_code == 403
