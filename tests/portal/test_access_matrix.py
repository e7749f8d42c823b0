"""Object-level security of the partner portal.

Every partner URL, GET and POST, as an anonymous visitor and as an officer of another company:
a 404 or a redirect to the login page, and the database exactly as it was. The matrix is built
from the URLconf, so a new partner URL without a case here fails the first test.

Each POST carries data that *would* work for the owning company; the control tests prove it,
so a refusal here is the access check at work and not a form error.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from circulars.models import CircularRecipient
from facilities.models import NeedStatus
from matching import services
from matching.models import PledgeStatus
from portal import urls as partner_urls
from programs import realisations
from programs.models import ProgramStatus
from tests.factories import FacilityFactory, NeedFactory, officer_user, pledge_in_state, program_in_state, region
from tests.portal.helpers import (
    circular_sent_to,
    file_realisation,
    pdf,
    png,
    pulpis_staff,
    realisation_post,
    registered_program,
    snapshot,
)

pytestmark = pytest.mark.django_db

# url name -> (the object its id points to, the POST data the owner would send)
CASES = {
    "dashboard": (None, {}),
    "notifications_read": (None, {}),
    "need_list": (None, {}),
    "pledge_create": ("need", {"quantity": "3", "note": "Dari matriks"}),
    "pledge_list": (None, {}),
    "pledge_detail": ("proposed", {}),
    "pledge_accept": ("proposed", {}),
    "pledge_decline": ("proposed", {"reason": "Anggaran habis"}),
    "pledge_withdraw": ("offered", {"reason": "Salah input"}),
    "delivery_report": ("approved", "delivery"),
    "bast_scan_upload": ("delivered_report", "bast_scan"),
    "company": (None, {"form": "company", "company-phone": "021-999", "company-business_scope": "Diganti"}),
    "realisation_create": ("program", "realisation"),
    "realisation_list": (None, {}),
    "realisation_detail": ("submitted_report", {}),
    "realisation_correct": ("returned_report", "realisation"),
    "program_list": (None, {}),
    "program_create": (None, "program"),
    "program_detail": ("program_active", {}),
    "program_edit": ("program_returned", "program"),
    "program_submit": ("program_draft", {}),
    "program_start": ("program_planned", {}),
    "program_complete": ("program_active", {}),
    "program_cancel": ("program_active", {"reason": "Lahan tidak tersedia"}),
    "circular_list": (None, {}),
    "circular_detail": ("circular", {}),
    "circular_acknowledge": ("circular", {}),
}
# URLs whose object is not the company's own: another officer may use them on purpose.
SHARED = {"dashboard", "notifications_read", "need_list", "pledge_list", "company", "pledge_create"}
SHARED |= {"realisation_list", "program_list", "program_create", "circular_list"}
# URLs about the company's realisation reports rather than its pledges.
REALISATIONS = {"realisation_create", "realisation_detail", "realisation_correct"}
LAST_YEAR = timezone.localdate().year - 1


def test_the_matrix_knows_every_partner_url():
    assert {pattern.name for pattern in partner_urls.urlpatterns} == set(CASES)


@pytest.fixture
def world(company, officer, need):
    """The owning company's objects, in the states where each action would succeed."""
    proposed = pledge_in_state(PledgeStatus.PROPOSED, company=company, need=need, quantity=5)
    offered = pledge_in_state(PledgeStatus.OFFERED, company=company, need=need, quantity=6)
    approved = pledge_in_state(PledgeStatus.APPROVED, company=company, quantity=4)
    program = registered_program(company)
    submitted_report = file_realisation(program, officer.user, LAST_YEAR - 1)
    returned_report = file_realisation(program, officer.user, LAST_YEAR - 2)
    realisations.realisation_return(report=returned_report, actor=pulpis_staff(), reason="Foto kurang")
    S = ProgramStatus
    programs = {
        f"program_{name}": program_in_state(state, company=company, officer=officer.user)
        for name, state in [
            ("draft", S.DRAFT),
            ("planned", S.PLANNED),
            ("active", S.ACTIVE),
            ("returned", S.CHANGES_REQUESTED),
        ]
    }
    in_pulpis = NeedFactory(facility=FacilityFactory(region=region("62.11.01")))
    staff = pulpis_staff()
    delivered = pledge_in_state(PledgeStatus.APPROVED, company=company, need=in_pulpis, quantity=3, staff=staff)
    delivered_report = services.delivery_report_submit(
        pledge=delivered, actor=officer.user, delivered_on=timezone.localdate(), quantity=3
    )
    return {
        "delivered_report": delivered_report,
        "need": need,
        "proposed": proposed,
        "offered": offered,
        "approved": approved,
        "program": program,
        "submitted_report": submitted_report,
        "returned_report": returned_report,
        **programs,
        "circular": circular_sent_to(company),
    }


def _url(name, world):
    target, _ = CASES[name]
    if target is None:
        return reverse(f"partner:{name}")
    return reverse(f"partner:{name}", args=[world[target].pk])


def _post_data(name):
    data = CASES[name][1]
    if data == "delivery":
        return {"delivered_on": timezone.localdate().isoformat(), "quantity": "4", "photos": [png()]}
    if data == "bast_scan":
        return {"scan": pdf()}
    if data == "realisation":
        return realisation_post(year=LAST_YEAR, photos=[png()])
    if data == "program":
        return {
            "title": "Dari matriks",
            "form": "donation",
            "fields": ["pendidikan"],
            "budget": "1000",
            "start_date": timezone.localdate().isoformat(),
            "kecamatan": ["62.11.01"],
            "action": "submit",
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
def test_officer_of_another_company_gets_404_and_changes_nothing(client, world, other_officer, name, method):
    client.force_login(other_officer.user)
    url = _url(name, world)
    before = snapshot()
    response = getattr(client, method)(url, _post_data(name) if method == "post" else None)
    assert response.status_code == 404
    assert snapshot() == before


# GET-only pages, and the signed BAST, which adds evidence (tests/portal/test_bast_scan.py).
IGNORED = {"pledge_detail", "program_detail", "circular_detail", "bast_scan_upload"}


@pytest.mark.parametrize("name", sorted(set(CASES) - SHARED - REALISATIONS - IGNORED))
def test_control_the_owner_can_make_the_same_request(client, world, officer, name):
    """Proves the data above is valid: the same POST by the owner changes the pledge, the
    program, or the company's acknowledgement of the document."""
    client.force_login(officer.user)
    target = world[CASES[name][0]]
    if name.startswith("circular"):
        rows = CircularRecipient.objects.filter(circular=target)
    else:
        rows = type(target).objects.filter(pk=target.pk)
    before = list(rows.values())
    response = client.post(_url(name, world), _post_data(name))
    assert response.status_code == 302
    assert list(rows.values()) != before


@pytest.mark.parametrize("name", ["realisation_create", "realisation_correct"])
def test_control_the_owner_can_file_and_correct_a_realisation(client, world, officer, name):
    client.force_login(officer.user)
    before = snapshot()["realisations"]
    response = client.post(_url(name, world), _post_data(name))
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert snapshot()["realisations"] != before


def test_realisation_detail_refuses_post_even_for_the_owner(officer_client, world):
    url = reverse("partner:realisation_detail", args=[world["submitted_report"].pk])
    assert officer_client.post(url).status_code == 405


def test_the_realisation_list_shows_another_officer_nothing_of_the_company(client, world, other_officer):
    client.force_login(other_officer.user)
    page = client.get(reverse("partner:realisation_list")).content.decode()
    assert world["program"].title not in page
    for name in ("submitted_report", "returned_report"):
        assert reverse("partner:realisation_detail", args=[world[name].pk]) not in page
    assert reverse("partner:realisation_create", args=[world["program"].pk]) not in page


def test_pledge_detail_refuses_post_even_for_the_owner(officer_client, world):
    assert officer_client.post(reverse("partner:pledge_detail", args=[world["proposed"].pk])).status_code == 405
    assert officer_client.post(reverse("partner:program_detail", args=[world["program_active"].pk])).status_code == 405
    assert officer_client.post(reverse("partner:circular_detail", args=[world["circular"].pk])).status_code == 405


@pytest.mark.parametrize("name", ["dashboard", "need_list", "pledge_list", "company", "program_list", "circular_list"])
def test_shared_pages_show_another_officer_only_their_own_company(client, world, company, other_officer, name):
    client.force_login(other_officer.user)
    response = client.get(reverse(f"partner:{name}"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "PT LG Electronics Indonesia" in page
    assert company.name not in page
    for pledge in (world["proposed"], world["offered"], world["approved"]):
        assert reverse("partner:pledge_detail", args=[pledge.pk]) not in page
    for key in ("program_draft", "program_planned", "program_active", "program_returned"):
        assert reverse("partner:program_detail", args=[world[key].pk]) not in page
    assert reverse("partner:circular_detail", args=[world["circular"].pk]) not in page


def test_another_officer_marking_notifications_read_leaves_others_unread(client, world, officer, other_officer):
    unread = officer.user.notifications.filter(read_at__isnull=True).count()
    assert unread
    client.force_login(other_officer.user)
    client.post(reverse("partner:notifications_read"))
    assert officer.user.notifications.filter(read_at__isnull=True).count() == unread


def test_another_officer_saving_a_profile_changes_only_their_company(client, world, company, other_officer):
    client.force_login(other_officer.user)
    response = client.post(reverse("partner:company"), CASES["company"][1])
    assert response.status_code == 302
    company.refresh_from_db()
    other_officer.company.refresh_from_db()
    assert company.phone == ""
    assert other_officer.company.phone == "021-999"


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": NeedStatus.DRAFT},
        {"status": NeedStatus.CANCELLED},
        {"status": NeedStatus.FULFILLED},
        {"is_public": False},
        {"facility__is_published": False},
    ],
    ids=["draft", "cancelled", "fulfilled", "internal", "unpublished-facility"],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_need_not_open_to_the_public_cannot_be_pledged(officer_client, hidden, method):
    need = NeedFactory(**hidden)
    before = snapshot()
    response = getattr(officer_client, method)(reverse("partner:pledge_create", args=[need.pk]), {"quantity": "1"})
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize(
    "name",
    [
        "pledge_detail",
        "pledge_accept",
        "delivery_report",
        "bast_scan_upload",
        "pledge_create",
        "program_detail",
        "program_edit",
        "circular_detail",
        "circular_acknowledge",
        *sorted(REALISATIONS),
    ],
)
def test_ids_that_cannot_exist_are_404_not_500(officer_client, name):
    for pk in (10**6, 2**63, 10**30):
        response = officer_client.post(reverse(f"partner:{name}", args=[pk]))
        assert response.status_code == 404


def test_staff_are_told_the_portal_is_for_officers_and_change_nothing(client, world, django_user_model):
    from tests.factories import staff_user

    staff = staff_user()
    client.force_login(staff)
    before = snapshot()
    for name in CASES:
        url = _url(name, world)
        for method in ("get", "post"):
            response = getattr(client, method)(url, _post_data(name) if method == "post" else None)
            assert response.status_code == 403, (name, method)
    assert snapshot() == before
    page = client.get(reverse("partner:dashboard")).content.decode()
    assert reverse("admin:index") in page


def test_deactivated_officer_loses_access_at_the_next_request(officer_client, officer, world):
    assert officer_client.get(reverse("partner:dashboard")).status_code == 200
    officer.user.is_active = False
    officer.user.save(update_fields=["is_active"])
    url = reverse("partner:dashboard")
    assert _is_login_redirect(officer_client.get(url), url)


POSTED = ["notifications_read", "pledge_create", "pledge_accept", "pledge_decline", "pledge_withdraw"]
POSTED += ["delivery_report", "bast_scan_upload", "company", "realisation_create", "realisation_correct"]
POSTED += ["program_create", "program_edit", "program_submit", "program_start", "program_complete", "program_cancel"]
POSTED += ["circular_acknowledge"]


@pytest.mark.parametrize("name", POSTED)
def test_every_form_needs_the_csrf_token(officer, world, name):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer.user)
    before = snapshot()
    response = client.post(_url(name, world), _post_data(name))
    assert response.status_code == 403
    assert snapshot() == before


def test_pages_with_forms_carry_the_csrf_token(officer_client, world):
    pages = ["dashboard", "pledge_create", "pledge_detail", "delivery_report", "company", "realisation_create"]
    pages += ["program_create", "program_detail", "program_edit", "circular_detail"]
    for name in pages:
        page = officer_client.get(_url(name, world)).content.decode()
        assert 'name="csrfmiddlewaretoken"' in page, name


def test_evidence_downloads_only_for_the_owning_company_and_staff(client, world, officer, other_officer):
    from matching import services
    from matching.models import EvidenceKind
    from tests.factories import staff_user

    report = services.delivery_report_submit(
        pledge=world["approved"],
        actor=officer.user,
        delivered_on=timezone.localdate(),
        quantity=1,
        files=[(png(), EvidenceKind.PHOTO)],
    )
    url = reverse("matching:evidence_download", args=[report.evidence.get().pk])
    assert client.get(url).status_code == 404  # anonymous
    client.force_login(other_officer.user)
    assert client.get(url).status_code == 404
    client.force_login(officer_user(officer.company))
    assert client.get(url).status_code == 200  # a colleague of the same company
    client.force_login(staff_user())
    assert client.get(url).status_code == 200
