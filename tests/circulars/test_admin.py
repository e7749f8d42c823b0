"""The documents in the admin: recorded, sent, who has and who has not acknowledged, offline
acknowledgements; each agency sees only its own; the file reaches staff and recipients only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from circulars import services
from circulars.models import Circular, CircularRecipient
from notifications.models import Notification
from partners.models import Partnership
from tests.circulars.conftest import PDF_BYTES, pdf
from tests.factories import CompanyFactory, OfficerFactory, agency

pytestmark = pytest.mark.django_db


def _change_url(circular):
    return reverse("admin:circulars_circular_change", args=[circular.pk])


def _record_url(recipient):
    return reverse("admin:circulars_circularrecipient_acknowledge", args=[recipient.pk])


def test_the_changelist_counts_who_acknowledged(client, sent, staff, officer):
    services.circular_acknowledge(circular=sent, actor=officer.user)
    client.force_login(staff)
    page = client.get(reverse("admin:circulars_circular_changelist")).content.decode()
    assert sent.title in page
    assert "1 of 2" in page


def test_the_change_page_shows_who_has_and_who_has_not_acknowledged(client, sent, staff, officer, camat, member):
    services.circular_acknowledge(circular=sent, actor=officer.user)
    client.force_login(staff)
    response = client.get(_change_url(sent))
    assert response.status_code == 200
    page = response.content.decode()
    assert member.name in page
    assert "In the portal, by Siti" in page
    assert "Not yet acknowledged" in page
    camat_row = sent.recipients.get(user=camat)
    assert _record_url(camat_row) in page
    assert _record_url(sent.recipients.get(company=member)) not in page
    assert reverse("admin:circulars_circular_send", args=[sent.pk]) in page


def test_staff_add_a_document_with_its_file(client, staff, pulpis):
    client.force_login(staff)
    response = client.post(
        reverse("admin:circulars_circular_add"),
        {
            "agency": pulpis.pk,
            "kind": "draft",
            "title": "Rancangan Perbup",
            "number": "",
            "issued_on": "2026-01-10",
            "summary": "",
            "upload": pdf("rancangan.pdf"),
            "recipients-TOTAL_FORMS": "0",
            "recipients-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    circular = Circular.objects.get()
    assert (circular.kind, circular.created_by, circular.original_name) == ("draft", staff, "rancangan.pdf")


@pytest.mark.parametrize(
    ("upload", "issued_on", "message"),
    [
        (pdf("perbup.pdf", b"MZ\x90\x00not a pdf" * 20), "2026-01-10", "is not a PDF"),
        (None, "2026-01-10", "choose the document"),
        (pdf(), (timezone.localdate() + datetime.timedelta(days=3)).isoformat(), "cannot be in the future"),
    ],
    ids=["hostile-upload", "no-file", "future-date"],
)
def test_bad_input_on_the_add_form_is_a_form_error_and_writes_nothing(
    client, staff, pulpis, upload, issued_on, message
):
    client.force_login(staff)
    data = {
        "agency": pulpis.pk,
        "kind": "regulation",
        "title": "Perbup",
        "issued_on": issued_on,
        "recipients-TOTAL_FORMS": "0",
        "recipients-INITIAL_FORMS": "0",
    }
    if upload is not None:
        data["upload"] = upload
    response = client.post(reverse("admin:circulars_circular_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Circular.objects.exists()


def test_the_send_screen_offers_forum_members_ticked_and_sends(client, perbup, staff, member, officer, camat):
    partner = CompanyFactory(name="PT Mitra Lokal")
    Partnership.objects.create(agency=perbup.agency, company=partner)
    client.force_login(staff)
    url = reverse("admin:circulars_circular_send", args=[perbup.pk])
    page = client.get(url).content.decode()
    assert f'value="{member.pk}" id="id_companies_0" checked' in page
    assert "PT Sawit Kahayan (forum member)" in page
    assert "PT Mitra Lokal (partner)" in page
    response = client.post(url, {"companies": [member.pk, partner.pk], "accounts": [camat.agency_staff.pk]})
    assert response.status_code == 302
    assert perbup.recipients.count() == 3
    assert Notification.objects.filter(recipient=officer.user, event="circular_sent").exists()
    # Already sent: no longer offered.
    assert "PT Sawit Kahayan" not in client.get(url).content.decode()


def test_the_send_screen_never_offers_another_agencys_companies(client, perbup, staff, member):
    """Issue 22: Pulang Pisau's staff were offered every company, Jakarta's partners included;
    a crafted POST of one is a form error and sends nothing."""
    jakartas = CompanyFactory(name="PT Mitra Jakarta")
    Partnership.objects.create(agency=agency("31", "Dinas Sosial Provinsi DKI Jakarta"), company=jakartas)
    stranger = CompanyFactory(name="PT Bukan Mitra")
    client.force_login(staff)
    url = reverse("admin:circulars_circular_send", args=[perbup.pk])
    page = client.get(url).content.decode()
    assert "PT Mitra Jakarta" not in page
    assert "PT Bukan Mitra" not in page
    response = client.post(url, {"companies": [jakartas.pk, stranger.pk]})
    assert response.status_code == 400
    assert not CircularRecipient.objects.exists()


def test_sending_to_nobody_is_a_form_error(client, perbup, staff):
    client.force_login(staff)
    response = client.post(reverse("admin:circulars_circular_send", args=[perbup.pk]), {})
    assert response.status_code == 400
    assert "at least one" in response.content.decode()
    assert not CircularRecipient.objects.exists()


def test_staff_record_an_acknowledgement_received_by_letter(client, sent, staff, member):
    recipient = sent.recipients.get(company=member)
    client.force_login(staff)
    response = client.post(
        _record_url(recipient), {"on": timezone.localdate().isoformat(), "channel": "letter", "note": "No. 12/2026"}
    )
    assert response.status_code == 302
    recipient.refresh_from_db()
    assert (recipient.channel, recipient.note, recipient.recorded_by) == ("letter", "No. 12/2026", staff)


@pytest.mark.parametrize(
    ("on", "message"),
    [
        ((timezone.localdate() + datetime.timedelta(days=1)).isoformat(), "cannot be in the future"),
        ("2019-01-01", "earlier than the day the document was sent"),
        ("31-31-2026", "Enter a valid date"),
    ],
    ids=["future", "before-sending", "not-a-date"],
)
def test_a_bad_offline_date_is_a_form_error_and_writes_nothing(client, sent, staff, member, on, message):
    recipient = sent.recipients.get(company=member)
    client.force_login(staff)
    response = client.post(_record_url(recipient), {"on": on, "channel": "meeting"})
    assert response.status_code == 400
    assert message in response.content.decode()
    recipient.refresh_from_db()
    assert not recipient.acknowledged


def test_an_acknowledged_recipient_cannot_be_recorded_again(client, sent, staff, officer, member):
    services.circular_acknowledge(circular=sent, actor=officer.user)
    recipient = sent.recipients.get(company=member)
    client.force_login(staff)
    response = client.post(_record_url(recipient), {"on": timezone.localdate().isoformat(), "channel": "letter"})
    assert response.status_code == 302
    recipient.refresh_from_db()
    assert recipient.channel == "portal"


# --- scoping ---------------------------------------------------------------------------------


def test_jakarta_staff_cannot_see_pulang_pisaus_document(client, sent, jakarta_staff, member):
    client.force_login(jakarta_staff)
    page = client.get(reverse("admin:circulars_circular_changelist")).content.decode()
    assert sent.title not in page
    assert client.get(_change_url(sent)).status_code in (302, 404)
    assert client.get(reverse("admin:circulars_circular_send", args=[sent.pk])).status_code == 404
    recipient = sent.recipients.get(company=member)
    assert client.get(_record_url(recipient)).status_code == 404
    page = client.get(reverse("admin:circulars_circularrecipient_changelist")).content.decode()
    assert member.name not in page


def test_a_viewer_and_the_camat_read_but_cannot_send_or_record(client, sent, viewer, camat, member):
    recipient = sent.recipients.get(company=member)
    for user in (viewer, camat):
        client.force_login(user)
        response = client.get(_change_url(sent))
        assert response.status_code == 200
        assert _record_url(recipient) not in response.content.decode()
        assert client.post(reverse("admin:circulars_circular_send", args=[sent.pk]), {}).status_code == 403
        response = client.post(_record_url(recipient), {"on": timezone.localdate().isoformat(), "channel": "letter"})
        assert response.status_code == 403
    recipient.refresh_from_db()
    assert not recipient.acknowledged


# --- the file --------------------------------------------------------------------------------


def test_the_file_reaches_staff_in_scope_and_recipients_only(client, sent, staff, officer, camat, viewer, member):
    url = reverse("circulars:circular_file", args=[sent.pk])
    assert client.get(url).status_code == 404  # anonymous
    allowed = [staff, viewer, camat, officer.user, OfficerFactory(company=member).user]
    for user in allowed:
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Disposition"].startswith("attachment")
        assert "private" in response["Cache-Control"]


def test_the_file_is_a_404_for_everyone_else(client, sent, jakarta_staff, other_officer):
    url = reverse("circulars:circular_file", args=[sent.pk])
    for user in (jakarta_staff, other_officer.user):
        client.force_login(user)
        assert client.get(url).status_code == 404
    assert client.get(reverse("circulars:circular_file", args=[2**63])).status_code == 404


# --- query counts ----------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _grow(pulpis, staff, count):
    for index in range(count):
        circular = services.circular_create(
            agency=pulpis, title=f"Edaran {index}", issued_on=datetime.date(2026, 1, 1), file=pdf(), actor=staff
        )
        companies = [CompanyFactory(), CompanyFactory()]
        for company in companies:
            Partnership.objects.create(agency=pulpis, company=company)
        services.circular_send(circular=circular, companies=companies, actor=staff)


PINNED = {"circulars_circular": 11, "circulars_circularrecipient": 9}


@pytest.mark.parametrize("model", sorted(PINNED))
def test_the_changelists_cost_the_same_at_any_size(client, pulpis, staff, model):
    client.force_login(staff)
    url = reverse(f"admin:{model}_changelist")
    _grow(pulpis, staff, 2)
    small = _queries(client, url)
    assert small == PINNED[model]
    _grow(pulpis, staff, 6)
    assert _queries(client, url) == small


def test_the_camat_acknowledges_on_the_documents_page(client, sent, camat):
    client.force_login(camat)
    page = client.get(_change_url(sent)).content.decode()
    url = reverse("admin:circulars_circular_acknowledge", args=[sent.pk])
    assert url in page
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    recipient = sent.recipients.get(user=camat)
    assert (recipient.channel, recipient.acknowledged_by) == ("portal", camat)
    assert "You acknowledged this document on" in client.get(_change_url(sent)).content.decode()


def test_staff_who_did_not_receive_it_cannot_acknowledge_it(client, sent, staff):
    client.force_login(staff)
    url = reverse("admin:circulars_circular_acknowledge", args=[sent.pk])
    assert url not in client.get(_change_url(sent)).content.decode()
    client.post(url)
    assert not sent.recipients.filter(acknowledged_on__isnull=False).exists()


@pytest.mark.parametrize(
    "name", ["circulars_circular_send", "circulars_circular_acknowledge", "circulars_circularrecipient_acknowledge"]
)
@pytest.mark.parametrize("object_id", ["abc", "99999", str(2**70)])
def test_ids_that_cannot_exist_are_404_not_500(client, staff, name, object_id):
    client.force_login(staff)
    url = reverse(f"admin:{name}", args=[1]).replace("/1/", f"/{object_id}/")
    assert client.post(url).status_code == 404


def test_companies_that_do_not_exist_are_a_form_error(client, perbup, staff):
    client.force_login(staff)
    url = reverse("admin:circulars_circular_send", args=[perbup.pk])
    response = client.post(url, {"companies": ["999999", "x"], "accounts": ["abc"]})
    assert response.status_code == 400
    assert not CircularRecipient.objects.exists()
