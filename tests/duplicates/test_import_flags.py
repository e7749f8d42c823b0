"""An import preview flags a new row that looks like an existing record; a row that matches by
identifier updates that record and is not flagged."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from facilities.models import Facility, Need, NeedStatus
from partners.models import Company
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, StaffFactory, field, region
from tests.imports.helpers import need_row, upload, xlsx

pytestmark = pytest.mark.django_db

FACILITY_HEADERS = ["Kode Panti", "Nama Panti", "Jenis Panti", "Kode Wilayah"]


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def test_a_new_facility_row_like_an_existing_facility_is_flagged_in_the_preview(staff_client):
    existing = FacilityFactory(name="Panti Asuhan Budi Mulia", slug="budi-mulia", region=region("31.75.01"))
    content = xlsx(
        [
            ["budi-mulya", "Panti Asuhan Budi Mulya", "PSAA", "31.75.01"],
            ["harapan", "PSAA Harapan Bangsa", "PSAA", "31.75.01"],
        ],
        FACILITY_HEADERS,
        sheet="Panti",
    )
    outcome = upload(staff_client, Facility, content, "panti.xlsx").context["outcome"]
    assert outcome.new == 2
    flagged = {row.row: row.notes for row in outcome.new_rows}
    assert flagged[3] == []
    [note] = flagged[2]
    assert f"Panti Asuhan Budi Mulia (#{existing.pk})" in note and "kecamatan" in note
    assert [notice for notice in outcome.notices if "Budi Mulia" in notice] == [f"Baris 2: {note}"]
    assert Facility.objects.count() == 1  # a preview writes nothing


def test_a_company_row_matching_by_npwp_updates_and_is_not_flagged(staff_client):
    CompanyFactory(name="PT Sebangau Agro Mandiri", npwp="013121660091000")
    CompanyFactory(name="PT Bank Nusantara")
    content = xlsx(
        [
            ["Sebangau Agro Mandiri Tbk", "PT", "", "01.312.166.0-091.000"],
            ["Bank Nusantara Tbk", "PT", "", ""],
        ],
        ["Nama Perusahaan", "Jenis", "NIB", "NPWP"],
        sheet="Mitra",
    )
    outcome = upload(staff_client, Company, content, "mitra.xlsx").context["outcome"]
    assert (outcome.new, outcome.updated) == (1, 1)
    [new_row] = outcome.new_rows
    assert new_row.row == 3
    assert "PT Bank Nusantara" in new_row.notes[0]
    assert all(not getattr(row, "notes", []) for row in outcome.updated_rows)


def test_new_need_rows_like_open_needs_of_their_facility_and_field_are_flagged(staff_client):
    first = FacilityFactory(slug="panti-1")
    second = FacilityFactory(slug="panti-2")
    bed = NeedFactory(facility=first, title="Kasur busa", field=field("kesehatan"))
    NeedFactory(facility=first, title="Kasur busa", field=field("pendidikan"))  # another field
    NeedFactory(facility=first, title="Kasur busa anak", field=field("kesehatan"), status=NeedStatus.FULFILLED)
    wardrobe = NeedFactory(facility=second, title="Lemari pakaian", field=field("kesehatan"))
    rows = [
        need_row(slug="panti-1", title="Kasur busa untuk asrama"),
        need_row(slug="panti-2", title="Kasur busa"),  # the same words at another facility
        need_row(slug="panti-2", title="Lemari pakaian besar"),
        need_row(slug="panti-1", title="Kursi roda"),
    ]

    outcome = upload(staff_client, Need, xlsx(rows)).context["outcome"]

    flagged = {row.row: row.notes for row in outcome.new_rows}
    assert [len(flagged[number]) for number in (2, 3, 4, 5)] == [1, 0, 1, 0]
    assert f"#{bed.pk})" in flagged[2][0]
    assert f"#{wardrobe.pk})" in flagged[4][0]


def test_a_needs_preview_sends_as_many_queries_for_twelve_flagged_rows_as_for_two(staff_client):
    """The open needs the new rows are compared with are read in one query for the file."""
    facilities = [FacilityFactory(slug=f"panti-{number}") for number in range(4)]
    for facility in facilities:
        NeedFactory(facility=facility, title="Kasur busa")

    def preview_queries(rows: int) -> int:
        content = xlsx([need_row(slug=f"panti-{n % 4}", title=f"Kasur busa nomor {n}") for n in range(rows)])
        with CaptureQueriesContext(connection) as queries:
            outcome = upload(staff_client, Need, content).context["outcome"]
        assert outcome.new == rows and all(row.notes for row in outcome.new_rows)
        return len(queries)

    assert preview_queries(2) == preview_queries(12)
