"""A read-only account (Bappeda, a camat) lands on an index made for reading: a banner saying the
account is read-only, the documents sent to it first, then the reports, facilities and programs
of its area, and no counters of work it cannot do (issue 24)."""

import datetime

import pytest
from django.urls import reverse

from agencies.models import AgencyStaff, StaffRole
from circulars import services as circulars
from facilities.models import NeedStatus
from programs.models import ProgramStatus
from tests.factories import FacilityFactory, NeedFactory, StaffFactory, pledge_in_state, program_in_state, region
from tests.portal.helpers import pdf, pulpis

pytestmark = pytest.mark.django_db
INDEX = "/admin/"
EN = {"Accept-Language": "en"}
# The session, the user, whether it is an officer's, its permissions (2), the area's region, the
# documents, the reports' counts, the facilities and their count, the programs and their count.
READING_QUERIES = 12


@pytest.fixture
def agency_():
    agency = pulpis()
    agency.forum_name = "Forum TSLP Kabupaten Pulang Pisau"
    agency.save()
    return agency


@pytest.fixture
def camat(client, agency_):
    user = StaffFactory(agency=agency_, agency__role=StaffRole.VIEWER, first_name="Camat")
    AgencyStaff.objects.filter(user=user).update(region=region("62.11.01", "Kahayan Hilir"))
    user.refresh_from_db()
    client.force_login(user)
    return user


@pytest.fixture
def area(agency_):
    kahayan = FacilityFactory(name="LKSA Harapan Kahayan", region=region("62.11.01", "Kahayan Hilir"))
    NeedFactory(facility=kahayan, status=NeedStatus.OPEN)
    FacilityFactory(name="Panti Maliku", region=region("62.11.02", "Maliku"))
    staff = StaffFactory(agency=agency_)
    here = program_in_state(ProgramStatus.ACTIVE, staff=staff, targets=("62.11.01",), title="Air bersih Kahayan")
    program_in_state(ProgramStatus.ACTIVE, staff=staff, targets=("62.11.02",), title="Sekolah lapang Maliku")
    return {"staff": staff, "program": here}


def send_to(user, agency, staff, title="Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020"):
    circular = circulars.circular_create(
        agency=agency, title=title, issued_on=datetime.date(2020, 6, 2), file=pdf("perbup.pdf"), actor=staff
    )
    circulars.circular_send(circular=circular, users=[user], actor=staff)
    return circular


def test_a_camat_reads_its_kecamatan_with_the_documents_to_acknowledge_first(client, camat, agency_, area):
    perbup = send_to(camat, agency_, area["staff"])
    pledge_in_state("offered", staff=area["staff"])  # work the camat cannot do
    response = client.get(INDEX, headers=EN)
    page = response.content.decode()
    assert "Read-only account." in page
    assert "What CSR does in District Kahayan Hilir" in page
    # The documents come first, the one to acknowledge marked so.
    assert page.index('id="reading-documents"') < page.index('id="reading-reports"')
    assert "Documents for you: 1 to acknowledge" in page
    assert reverse("admin:circulars_circular_change", args=[perbup.pk]) in page
    assert "to acknowledge: open it, then confirm you have read it" in page
    # Its area's facilities and programs, not the rest of the regency's.
    facilities = page.split('id="reading-facilities"', 1)[1].split("</section>", 1)[0]
    assert "LKSA Harapan Kahayan" in facilities and "1 open need" in facilities
    assert "Panti Maliku" not in facilities
    programs = page.split('id="reading-programs"', 1)[1].split("</section>", 1)[0]
    assert "Air bersih Kahayan" in programs and "Sekolah lapang Maliku" not in programs
    # The reports, the forum's among them, narrowed to the kecamatan.
    assert f"{reverse('admin:reports_dashboard')}?region=62.11.01" in page
    assert "Forum TSLP annual report" in page
    # No counters of work, no work queue entry counted, no "recent actions" of its own.
    assert "What waits for you" not in page and "items waiting" not in page
    assert "recent-actions-module" not in page
    assert response.context["work_counts"] is None


def test_an_acknowledged_document_says_when(client, camat, agency_, area):
    perbup = send_to(camat, agency_, area["staff"])
    circulars.circular_acknowledge(circular=perbup, actor=camat)
    page = client.get(INDEX, headers=EN).content.decode()
    assert "Documents for you: 0 to acknowledge" in page
    assert "acknowledged on" in page


def test_the_banner_is_on_every_page_of_a_read_only_account_and_never_for_staff(client, camat, area):
    facilities = reverse("admin:facilities_facility_changelist")
    assert "Read-only account." in client.get(facilities, headers=EN).content.decode()
    client.force_login(area["staff"])
    assert "Read-only account." not in client.get(facilities, headers=EN).content.decode()
    index = client.get(INDEX, headers=EN).content.decode()
    assert "Read-only account." not in index and "What waits for you" in index


def test_the_reading_index_keeps_its_query_count_as_the_area_grows(
    client, camat, agency_, area, django_assert_num_queries
):
    send_to(camat, agency_, area["staff"])
    with django_assert_num_queries(READING_QUERIES):
        assert client.get(INDEX).status_code == 200
    for n in range(4):
        facility = FacilityFactory(name=f"LKS Kahayan {n}", region=region("62.11.01"))
        NeedFactory(facility=facility)
        program_in_state(ProgramStatus.ACTIVE, staff=area["staff"], targets=("62.11.01",), title=f"Program {n}")
        send_to(camat, agency_, area["staff"], title=f"Surat edaran {n}")
    with django_assert_num_queries(READING_QUERIES):
        page = client.get(INDEX, headers=EN).content.decode()
    assert "Documents for you: 5 to acknowledge" in page
