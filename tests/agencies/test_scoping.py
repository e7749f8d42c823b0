"""Each agency's staff see and decide only what lies in their area; a viewer changes nothing."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from agencies.models import StaffRole
from agencies.scope import NOTHING, agency_for_region, staff_scope
from matching import services
from matching.errors import PledgeError
from matching.models import Pledge, PledgeStatus
from notifications.models import Notification, OutgoingEmail
from tests.factories import StaffFactory, UserFactory, agency, national_agency, region

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


# --- who sees what --------------------------------------------------------------------------------


def test_scopes_of_every_kind_of_account(jakarta, pulpis):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    national = StaffFactory()
    camat = StaffFactory(agency=pulpis.agency, agency__role=StaffRole.VIEWER)
    camat.agency_staff.region = region("62.11.01")
    camat.agency_staff.save()
    camat = type(camat).objects.get(pk=camat.pk)
    loose = UserFactory(is_staff=True)
    assert staff_scope(superuser).everything and not staff_scope(superuser).read_only
    assert staff_scope(national).everything
    assert staff_scope(jakarta.staff).area == "31"
    assert staff_scope(pulpis.staff).area == "62.11"
    assert staff_scope(camat).area == "62.11.01" and staff_scope(camat).read_only
    assert staff_scope(loose) is NOTHING
    assert staff_scope(jakarta.staff).covers("31.74.01") and not staff_scope(jakarta.staff).covers("62.11.01")
    assert not staff_scope(jakarta.staff).covers("310")


def test_the_most_local_agency_decides_for_a_place(jakarta):
    city = agency("31.74", "Suku Dinas Sosial Jakarta Selatan")
    assert agency_for_region("31.74.01") == city
    assert agency_for_region("31.71.01") == jakarta.agency
    assert agency_for_region("62.11.01") is None
    national_agency()
    assert agency_for_region("") is None


def _ids(response) -> set[int]:
    return {obj.pk for obj in response.context["cl"].result_list}


@pytest.mark.parametrize(
    "url_name, attribute",
    [
        ("facilities_facility_changelist", "facility"),
        ("facilities_need_changelist", "need"),
        ("matching_pledge_changelist", "offer"),
        ("matching_deliveryreport_changelist", "report"),
        ("regions_povertyfigure_changelist", "figure"),
        ("partners_engagement_changelist", "engagement"),
        ("partners_partnerinterest_changelist", "interest"),
    ],
)
def test_each_agency_lists_only_its_own_rows(client, jakarta, pulpis, url_name, attribute):
    client.force_login(pulpis.staff)
    response = client.get(reverse(f"admin:{url_name}"))
    assert response.status_code == 200
    ids = _ids(response)
    assert getattr(pulpis, attribute).pk in ids
    assert getattr(jakarta, attribute).pk not in ids


def test_another_agencys_facility_by_url_is_not_found_and_a_post_changes_nothing(client, jakarta, pulpis):
    client.force_login(pulpis.staff)
    url = reverse("admin:facilities_facility_change", args=[jakarta.facility.pk])
    assert client.get(url).status_code in (302, 404)
    response = client.post(url, {"name": "Diambil alih", "slug": jakarta.facility.slug})
    assert response.status_code in (302, 404)
    jakarta.facility.refresh_from_db()
    assert jakarta.facility.name != "Diambil alih"
    history = reverse("admin:facilities_facility_history", args=[jakarta.facility.pk])
    assert client.get(history).status_code == 404


def test_a_facility_cannot_be_moved_into_another_agencys_area(client, pulpis):
    client.force_login(pulpis.staff)
    response = client.post(
        reverse("admin:facilities_facility_add"),
        {"name": "Panti baru", "slug": "panti-baru", "facility_type": "youth", "operator": "dinsos", "region": "31"},
    )
    assert response.status_code == 200
    assert "region" in response.context["adminform"].form.errors


def test_a_viewer_sees_its_agencys_rows_and_changes_nothing(client, pulpis, viewer):
    client.force_login(viewer)
    listing = client.get(reverse("admin:facilities_need_changelist"))
    assert listing.status_code == 200
    assert pulpis.need.pk in _ids(listing)
    change = reverse("admin:facilities_need_change", args=[pulpis.need.pk])
    page = client.get(change)
    assert page.status_code == 200
    assert 'name="title"' not in page.content.decode()
    client.post(change, {"title": "Diubah penonton"})
    client.post(
        reverse("admin:matching_pledge_changelist"),
        {"action": "approve_offers", "_selected_action": [pulpis.offer.pk]},
    )
    pulpis.need.refresh_from_db()
    pulpis.offer.refresh_from_db()
    assert pulpis.need.title != "Diubah penonton"
    assert pulpis.offer.status == PledgeStatus.OFFERED
    assert client.get(reverse("admin:facilities_facility_add")).status_code == 403


# --- the workflow follows the facility's agency -------------------------------------------------------


@pytest.fixture
def english_messages():
    """The refusals in their English wording, the msgids (Indonesian is the default)."""
    with translation.override("en"):
        yield


@pytest.mark.usefixtures("english_messages")
def test_staff_cannot_decide_an_offer_of_another_agency(jakarta, pulpis):
    with pytest.raises(PledgeError):
        services.pledge_transition(pledge=jakarta.offer, to=PledgeStatus.APPROVED, actor=pulpis.staff)
    with pytest.raises(PledgeError, match="another agency"):
        services.delivery_verify(report=jakarta.report, actor=pulpis.staff)
    with pytest.raises(PledgeError, match="another agency"):
        services.pledge_propose(need=jakarta.need, company=jakarta.offer.company, quantity=1, actor=pulpis.staff)
    jakarta.offer.refresh_from_db()
    assert jakarta.offer.status == PledgeStatus.OFFERED
    services.pledge_transition(pledge=jakarta.offer, to=PledgeStatus.APPROVED, actor=jakarta.staff)


def test_a_viewer_cannot_decide_even_in_its_own_area(pulpis, viewer):
    with pytest.raises(PledgeError):
        services.pledge_transition(pledge=pulpis.offer, to=PledgeStatus.APPROVED, actor=viewer)


def test_an_offer_notifies_only_the_staff_of_the_facilitys_agency_signed_with_its_name(
    jakarta, pulpis, viewer, django_capture_on_commit_callbacks
):
    Notification.objects.all().delete()
    OutgoingEmail.objects.all().delete()
    from tests.factories import officer_user

    company = pulpis.offer.company
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_offer(need=pulpis.need, company=company, quantity=2, actor=officer_user(company))
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    assert pulpis.staff.pk in recipients
    assert jakarta.staff.pk not in recipients
    assert viewer.pk not in recipients
    staff_mail = OutgoingEmail.objects.get(to=pulpis.staff.email)
    assert staff_mail.body.rstrip().endswith("Dinas Sosial Kabupaten Pulang Pisau")
    assert not [m for m in mail.outbox if jakarta.staff.email in m.to]


def test_the_work_queue_holds_only_the_agencys_own_pledges(client, jakarta, pulpis):
    client.force_login(pulpis.staff)
    response = client.get(reverse("admin:matching_pledge_queue"))
    assert response.status_code == 200
    items = response.context["items"]
    assert [item.obj.pk for item in items if item.kind == "offers"] == [pulpis.offer.pk]
    assert [item.obj.pk for item in items if item.kind == "deliveries"] == [pulpis.report.pk]


def test_the_matching_screen_of_another_agencys_need_is_not_found(client, jakarta, pulpis):
    client.force_login(pulpis.staff)
    response = client.get(reverse("admin:facilities_need_match", args=[jakarta.need.pk]))
    assert response.status_code == 404
    assert client.get(reverse("admin:facilities_need_match", args=[pulpis.need.pk])).status_code == 200


def test_the_dashboard_stays_in_the_agencys_area(client, jakarta, pulpis):
    client.force_login(pulpis.staff)
    url = reverse("admin:reports_dashboard")
    own = client.get(url)
    assert own.status_code == 200
    assert own.context["scope"].code == "62.11"
    other = client.get(url, {"region": "31"})
    assert other.status_code == 200
    assert other.context["scope"].code == "62.11"
    assert "region" in other.context["form"].errors


def test_pledges_of_the_agency_still_count_once(jakarta, pulpis):
    assert Pledge.objects.count() == 4
