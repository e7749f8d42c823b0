"""Object-level security of the facility portal.

Every facility URL (and the receipt photo), GET and POST, as an anonymous visitor, an account of
another facility, a CSR officer and Dinsos staff: a redirect to the login page, a 404 or a 403,
and the database exactly as it was. The matrix is built from the URLconf, so a new facility URL
without a case here fails the first test. The POSTs carry data that *would* work for the
facility's own account: the control test proves it.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from facility_portal import urls as facility_urls
from matching import receipts
from matching.models import DeliveryReceipt
from tests.facility_portal.helpers import snapshot
from tests.factories import officer_user, staff_user
from tests.photo_helpers import jpeg_bytes
from tests.portal.helpers import png

pytestmark = pytest.mark.django_db

# url name -> (the object its id points to, the POST data the facility's account would send)
CASES = {
    "home": (None, {}),
    "need_new": (None, "need"),
    "need_change": ("need", "need"),
    "delivery_list": (None, {}),
    "delivery_detail": ("report", {}),
    "delivery_confirm": ("report", "confirm"),
    "delivery_dispute": ("report", {"dispute-reason": "Kasur belum sampai"}),
    "photos": (None, "photo"),
}
# Pages with no object of the facility: another facility's account uses them for its own.
SHARED = {"home", "need_new", "delivery_list", "photos"}


def test_the_matrix_knows_every_facility_url():
    assert {pattern.name for pattern in facility_urls.urlpatterns} == set(CASES)


@pytest.fixture
def world(need, report):
    return {"need": need, "report": report}


def _url(name, world):
    target, _ = CASES[name]
    if target is None:
        return reverse(f"facility:{name}")
    return reverse(f"facility:{name}", args=[world[target].pk])


def _post_data(name, world=None):
    data = CASES[name][1]
    if data == "need":
        return {
            "title": "Lemari pakaian",
            "field": "kesehatan",
            "kind": "goods",
            "quantity": "12",
            "unit": "buah",
            "unit_cost": "900000",
            "priority": "2",
            "beneficiaries": "40",
        }
    if data == "photo":
        return {
            "photo": SimpleUploadedFile("asrama.jpg", jpeg_bytes(640, 480), content_type="image/jpeg"),
            "caption": "Asrama",
        }
    if data == "confirm":
        return {
            "quantity_received": "10",
            "received_on": timezone.localdate().isoformat(),
            "condition": "good",
            "photo": png(),
        }
    return data


def _is_login_redirect(response, url):
    return response.status_code == 302 and response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitor_is_sent_to_login_and_changes_nothing(client, world, name, method):
    url = _url(name, world)
    before = snapshot()
    response = getattr(client, method)(url, _post_data(name) if method == "post" else None)
    assert _is_login_redirect(response, url), (response.status_code, response.get("Location"))
    assert snapshot() == before


@pytest.mark.parametrize("name", sorted(set(CASES) - SHARED))
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_facility_gets_404_and_changes_nothing(client, world, other_member, name, method):
    client.force_login(other_member.user)
    before = snapshot()
    response = getattr(client, method)(_url(name, world), _post_data(name) if method == "post" else None)
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("who", ["officer", "staff"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_officers_and_staff_are_refused_everywhere_and_change_nothing(client, world, company, who, method):
    # The officer is of the company that made the delivery: closest to the facility's data.
    client.force_login(officer_user(company) if who == "officer" else staff_user())
    before = snapshot()
    for name in CASES:
        response = getattr(client, method)(_url(name, world), _post_data(name) if method == "post" else None)
        assert response.status_code == 403, (name, method)
    assert snapshot() == before


@pytest.mark.parametrize("name", sorted(set(CASES) - {"home", "delivery_list", "delivery_detail"}))
def test_control_the_facility_can_make_the_same_request(member_client, world, name):
    """Proves the data above is valid: the same POST by the facility's account writes."""
    before = snapshot()
    response = member_client.post(_url(name, world), _post_data(name))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert snapshot() != before


@pytest.mark.parametrize("name", ["home", "delivery_list", "need_new"])
def test_shared_pages_show_another_facility_only_its_own(client, world, other_member, name):
    client.force_login(other_member.user)
    response = client.get(reverse(f"facility:{name}"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "PSAA Putra Utama 1" in page
    assert "PSBR Taruna Jaya 1" not in page
    assert world["need"].title not in page


@pytest.mark.parametrize("name", ["need_change", "delivery_detail", "delivery_confirm", "delivery_dispute"])
def test_ids_that_cannot_exist_are_404_not_500(member_client, name):
    for pk in (10**6, 2**63, 10**30):
        assert member_client.post(reverse(f"facility:{name}", args=[pk])).status_code == 404


@pytest.mark.parametrize("name", ["need_new", "need_change", "delivery_confirm", "delivery_dispute"])
def test_every_form_needs_the_csrf_token(member, world, name):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member.user)
    before = snapshot()
    assert client.post(_url(name, world), _post_data(name)).status_code == 403
    assert snapshot() == before


def test_deactivated_account_loses_access_at_the_next_request(member_client, member, world):
    url = reverse("facility:home")
    assert member_client.get(url).status_code == 200
    member.user.is_active = False
    member.user.save(update_fields=["is_active"])
    assert _is_login_redirect(member_client.get(url), url)


def test_receipt_photo_only_for_the_facility_the_company_and_staff(client, world, member, other_member, company):
    receipt = receipts.delivery_receipt_confirm(
        report=world["report"],
        actor=member.user,
        quantity_received=10,
        received_on=timezone.localdate(),
        condition="good",
        photo=png(),
    )
    url = reverse("matching:receipt_photo", args=[receipt.pk])
    assert client.get(url).status_code == 404  # anonymous
    for outsider in (other_member.user, officer_user()):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    for insider in (member.user, officer_user(company), staff_user()):
        client.force_login(insider)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert "private" in response["Cache-Control"]
    assert client.post(url).status_code == 405
    assert client.get(reverse("matching:receipt_photo", args=[2**63])).status_code == 404
    assert DeliveryReceipt.objects.count() == 1


def test_the_company_evidence_opens_for_the_receiving_facility_only(client, world, member, other_member):
    from matching import services
    from matching.models import EvidenceKind, PledgeStatus
    from tests.factories import pledge_in_state

    pledge = pledge_in_state(PledgeStatus.APPROVED, need=world["need"], quantity=2)
    officer = pledge.company.officers.first().user
    report = services.delivery_report_submit(
        pledge=pledge,
        actor=officer,
        delivered_on=timezone.localdate(),
        quantity=2,
        files=[(png(), EvidenceKind.PHOTO)],
    )
    url = reverse("matching:evidence_download", args=[report.evidence.get().pk])
    client.force_login(other_member.user)
    assert client.get(url).status_code == 404
    client.force_login(member.user)
    assert client.get(url).status_code == 200
