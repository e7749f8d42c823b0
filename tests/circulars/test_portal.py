"""The documents in the partner portal: listed, read, downloaded and acknowledged by the
company's officers, and by nobody else."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from circulars import services
from notifications.models import Notification
from tests.circulars.conftest import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer.user)
    return client


def test_the_list_shows_documents_sent_to_the_company(officer_client, sent, perbup, pulpis, staff):
    unsent = services.circular_create(
        agency=pulpis, title="Belum dikirim", issued_on=datetime.date(2026, 1, 1), file=pdf(), actor=staff
    )
    page = officer_client.get(reverse("partner:circular_list")).content.decode()
    assert sent.title in page
    assert sent.number in page
    assert "not yet" in page
    assert unsent.title not in page


def test_an_officer_acknowledges_in_the_portal(officer_client, sent, officer, member):
    url = reverse("partner:circular_detail", args=[sent.pk])
    page = officer_client.get(url).content.decode()
    assert "We have received and studied it" in page
    assert reverse("circulars:circular_file", args=[sent.pk]) in page
    response = officer_client.post(reverse("partner:circular_acknowledge", args=[sent.pk]))
    assert response.status_code == 302
    recipient = sent.recipients.get(company=member)
    assert recipient.acknowledged_by == officer.user and recipient.channel == "portal"
    page = officer_client.get(url).content.decode()
    assert "We have received and studied it" not in page
    assert "received and studied this document" in page


def test_acknowledging_twice_is_a_message_not_an_error(officer_client, sent):
    url = reverse("partner:circular_acknowledge", args=[sent.pk])
    officer_client.post(url)
    response = officer_client.post(url, follow=True)
    assert response.status_code == 200
    assert "already acknowledged" in response.content.decode()


def test_opening_the_document_reads_its_notice(officer_client, sent, officer):
    notice = Notification.objects.get(recipient=officer.user, event="circular_sent")
    assert notice.read_at is None
    officer_client.get(reverse("partner:circular_detail", args=[sent.pk]))
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_the_dashboard_counts_documents_to_acknowledge(officer_client, sent):
    page = officer_client.get(reverse("partner:dashboard")).content.decode()
    assert "1 document (a regulation or a circular)" in page
    officer_client.post(reverse("partner:circular_acknowledge", args=[sent.pk]))
    page = officer_client.get(reverse("partner:dashboard")).content.decode()
    assert "Documents to acknowledge" not in page


def test_an_officer_of_another_company_gets_404(client, sent, other_officer):
    client.force_login(other_officer.user)
    assert client.get(reverse("partner:circular_detail", args=[sent.pk])).status_code == 404
    assert client.post(reverse("partner:circular_acknowledge", args=[sent.pk])).status_code == 404
    assert sent.title not in client.get(reverse("partner:circular_list")).content.decode()
    assert not sent.recipients.filter(acknowledged_on__isnull=False).exists()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_list_costs_the_same_at_any_size(officer_client, pulpis, staff, member):
    def grow(count):
        for index in range(count):
            circular = services.circular_create(
                agency=pulpis, title=f"Edaran {index}", issued_on=datetime.date(2026, 1, 1), file=pdf(), actor=staff
            )
            services.circular_send(circular=circular, companies=[member], actor=staff)

    url = reverse("partner:circular_list")
    grow(2)
    small = _queries(officer_client, url)
    # session, user, officer with company, count, the page's rows with their documents
    assert small == 5
    grow(8)
    assert _queries(officer_client, url) == small


def test_the_button_speaks_indonesian_first(client, officer, sent, settings):
    settings.LANGUAGE_CODE = "id"
    client.force_login(officer.user)
    with translation.override("id"):
        page = client.get(reverse("partner:circular_detail", args=[sent.pk])).content.decode()
    assert "Kami telah menerima dan mempelajari" in page
