"""The BAST of a delivery: numbered per agency and year when the delivery is reported, a PDF
for the delivery's readers, and a public verification page with its states and nothing personal."""

import datetime
import threading

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from matching import receipts, services
from matching.bast import bast_next, bast_number, bast_verify_url
from matching.bast_pdf import bast_pdf, indonesian_date
from matching.models import Bast, BastCounter, PledgeStatus
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    FacilityMemberFactory,
    NeedFactory,
    StaffFactory,
    agency,
    officer_user,
    pledge_in_state,
    region,
)

pytestmark = pytest.mark.django_db


def _delivery(home, district="62.11.01", **facility):
    staff = StaffFactory(agency=home)
    need = NeedFactory(facility=FacilityFactory(region=region(district), **facility), quantity=40)
    company = CompanyFactory(phone="0812-7777-1234", email="csr@perusahaan.example")
    officer = officer_user(
        company, user__first_name="Siti", user__last_name="Rahmawati", user__email="siti.rahmawati@perusahaan.example"
    )
    pledge = pledge_in_state(PledgeStatus.APPROVED, need=need, company=company, quantity=10, staff=staff)
    report = services.delivery_report_submit(
        pledge=pledge, actor=officer, delivered_on=timezone.localdate(), quantity=4, value=5_000_000
    )
    return report, staff


def test_reporting_a_delivery_gives_it_the_next_number_of_its_agency_and_year():
    pulpis = agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")
    first, _ = _delivery(pulpis)
    second, _ = _delivery(pulpis)
    year = timezone.localdate().year
    assert first.bast.number == f"001/BAST-CSR/DINSOS-62-11/{year}"
    assert second.bast.number == f"002/BAST-CSR/DINSOS-62-11/{year}"
    assert (first.bast.agency, second.bast.sequence) == (pulpis, 2)
    assert BastCounter.objects.get(agency=pulpis, year=year).last_number == 2


def test_each_agency_numbers_its_own_basts_from_one():
    jakarta = agency("31")
    pulpis = agency("62.11")
    in_jakarta, _ = _delivery(jakarta, district="31.75.01")
    in_pulpis, _ = _delivery(pulpis)
    assert (in_jakarta.bast.agency, in_jakarta.bast.sequence) == (jakarta, 1)
    assert (in_pulpis.bast.agency, in_pulpis.bast.sequence) == (pulpis, 1)


def test_a_new_year_starts_again_at_one_and_numbers_are_never_given_twice():
    pulpis = agency("62.11")
    assert [bast_next(agency=pulpis, year=2026) for _ in range(3)] == [1, 2, 3]
    assert bast_next(agency=pulpis, year=2027) == 1
    assert bast_number(pulpis, 2027, 1) == "001/BAST-CSR/DINSOS-62-11/2027"


def test_a_bast_is_never_deleted():
    report, _ = _delivery(agency("62.11"))
    with pytest.raises(PermissionError):
        report.bast.delete()


def test_the_pdf_is_an_a4_document_and_dates_read_in_indonesian():
    report, _ = _delivery(agency("62.11"))
    content = bast_pdf(report.bast)
    assert content.startswith(b"%PDF-")
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in content
    assert indonesian_date(datetime.date(2026, 3, 5)) == "5 Maret 2026"


def test_the_verification_address_is_absolute_and_unguessable(settings):
    settings.SITE_URL = "https://csr.example.go.id"
    report, _ = _delivery(agency("62.11"))
    bast = report.bast
    assert bast_verify_url(bast) == f"https://csr.example.go.id/bast/{bast.token}/"
    assert len(bast.token) == 32 and bast.number not in bast_verify_url(bast)


def test_the_company_officer_and_the_facility_download_their_bast(client):
    report, _ = _delivery(agency("62.11"))
    url = reverse("matching:bast_download", args=[report.pk])
    client.force_login(report.reported_by)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    client.force_login(FacilityMemberFactory(facility=report.pledge.need.facility).user)
    assert client.get(url).status_code == 200
    client.force_login(officer_user(CompanyFactory()))
    assert client.get(url).status_code == 404


def test_the_page_shows_the_three_states_as_they_happen(client):
    report, staff = _delivery(agency("62.11"))
    url = reverse("matching:bast_verify", args=[report.bast.token])
    page = client.get(url).content.decode()
    assert "✓ Dilaporkan oleh perusahaan" in page
    assert page.count("<strong>✓") == 1
    member = FacilityMemberFactory(facility=report.pledge.need.facility)
    receipts.delivery_receipt_confirm(
        report=report, actor=member.user, quantity_received=4, received_on=timezone.localdate(), condition="good"
    )
    assert client.get(url).content.decode().count("<strong>✓") == 2
    services.delivery_verify(report=report, actor=staff)
    page = client.get(url).content.decode()
    assert page.count("<strong>✓") == 3


def test_the_page_shows_the_handover_and_nothing_personal(client):
    report, _ = _delivery(
        agency("62.11"), head_name="Yohanes Kahayan", contact_phone="0536-4441-999", contact_email="panti@x.example"
    )
    response = client.get(reverse("matching:bast_verify", args=[report.bast.token]))
    page = response.content.decode()
    assert response.status_code == 200
    pledge = report.pledge
    for shown in (report.bast.number, pledge.company.name, pledge.need.facility.name, pledge.need.title, "5.000.000"):
        assert shown in page
    officer = report.reported_by
    for private in (
        "Yohanes Kahayan",
        "0536-4441-999",
        "panti@x.example",
        "Siti",
        "Rahmawati",
        officer.email,
        officer.username,
        "0812-7777-1234",
        "csr@perusahaan.example",
    ):
        assert private not in page, private


@pytest.mark.parametrize("token", ["0" * 32, "abc", "not-a-real-code-but-thirty-two!!"])
def test_a_forged_or_altered_code_is_not_valid(client, token):
    report, _ = _delivery(agency("62.11"))
    altered = report.bast.token[:-1] + ("0" if report.bast.token[-1] != "0" else "1")
    for code in (token, altered):
        response = client.get(reverse("matching:bast_verify", args=[code]))
        assert response.status_code == 404
        assert "tidak sah" in response.content.decode()


def test_no_bast_where_no_agency_covers_the_facility():
    need = NeedFactory(facility=FacilityFactory(region=region("35.78.01")))
    pledge = pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=3)
    report = services.delivery_report_submit(
        pledge=pledge, actor=officer_user(pledge.company), delivered_on=timezone.localdate(), quantity=3
    )
    assert not Bast.objects.filter(report=report).exists()


THREADS = 16
EACH = 5


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_get_every_number_once_without_gaps():
    pulpis = agency("62.11")
    barrier = threading.Barrier(THREADS)
    taken: list[int] = []
    lock = threading.Lock()

    def allocate() -> None:
        try:
            barrier.wait(timeout=30)
            for _ in range(EACH):
                with transaction.atomic():
                    number = bast_next(agency=pulpis, year=2026)
                with lock:
                    taken.append(number)
        finally:
            connection.close()

    threads = [threading.Thread(target=allocate) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(taken) == list(range(1, THREADS * EACH + 1))
    assert BastCounter.objects.get(agency=pulpis, year=2026).last_number == THREADS * EACH
