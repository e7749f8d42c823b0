"""An import preview flags a new row that looks like an existing record; a row that matches by
identifier updates that record and is not flagged."""

import pytest

from facilities.models import Facility
from partners.models import Company
from tests.factories import CompanyFactory, FacilityFactory, StaffFactory, region
from tests.imports.helpers import upload, xlsx

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
