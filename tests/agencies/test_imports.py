"""A spreadsheet row outside the importing account's area is refused with its row number, and
the whole file writes nothing."""

import pytest

from facilities.models import Facility, Need
from regions.models import PovertyFigure
from tests.factories import FacilityFactory, StaffFactory, agency, region
from tests.imports.helpers import POVERTY_HEADERS, confirm, need_row, problems, upload, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def pulpis_client(client):
    staff = StaffFactory(agency=agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau"))
    client.force_login(staff)
    return client


def test_a_needs_file_with_one_facility_of_another_agency_writes_nothing(pulpis_client):
    FacilityFactory(slug="lks-kahayan", region=region("62.11.01"))
    FacilityFactory(slug="psbr-taruna-jaya-1", region=region("31.74.01"))
    content = xlsx([need_row("lks-kahayan", "Kasur"), need_row("psbr-taruna-jaya-1", "Lemari")])

    preview = upload(pulpis_client, Need, content)

    assert problems(preview) == [
        "Baris 3, kolom 'Kode Panti': wilayah 31.74.01 berada di luar wilayah dinas Anda (62.11)."
    ]
    assert not Need.objects.exists()


def test_a_file_inside_the_area_imports(pulpis_client):
    FacilityFactory(slug="lks-kahayan", region=region("62.11.01"))
    preview = upload(pulpis_client, Need, xlsx([need_row("lks-kahayan", "Kasur")]))
    assert problems(preview) == []
    confirm(pulpis_client, Need, preview)
    assert Need.objects.get().facility.slug == "lks-kahayan"


def test_poverty_figures_of_another_region_are_refused(pulpis_client):
    region("62.11.01")
    region("31.74.01")
    rows = [["62.11.01", 2024, 120, 400, "DTKS", "31/12/2024"], ["31.74.01", 2024, 90, 300, "DTKS", "31/12/2024"]]
    preview = upload(pulpis_client, PovertyFigure, xlsx(rows, POVERTY_HEADERS, sheet="Angka Kemiskinan"), "miskin.xlsx")
    assert len(problems(preview)) == 1
    assert problems(preview)[0].startswith("Baris 3, kolom 'Kode Wilayah': wilayah 31.74.01 berada di luar")
    assert not PovertyFigure.objects.exists()


FACILITY_HEADERS = ["Kode Panti", "Nama Panti", "Jenis Panti", "Pengelola", "Kode Wilayah"]


def test_a_row_identical_to_another_agencys_record_is_outside_the_area_not_unchanged(client):
    """Issue 22: a Pulang Pisau facility imported unchanged by Jakarta's staff was reported
    "tidak berubah" (unchanged), confirming that it exists with those values."""
    region("31.74.01")
    FacilityFactory(slug="lks-kahayan", name="LKS Kahayan", region=region("62.11.01"), facility_type="youth")
    client.force_login(StaffFactory(agency=agency("31", "Dinas Sosial Provinsi DKI Jakarta")))
    content = xlsx([["lks-kahayan", "LKS Kahayan", "PSBR", "Dinsos", "62.11.01"]], FACILITY_HEADERS, sheet="Panti")
    preview = upload(client, Facility, content, "panti.xlsx")
    assert problems(preview) == [
        "Baris 2, kolom 'Kode Wilayah': wilayah 62.11.01 berada di luar wilayah dinas Anda (31)."
    ]


def test_a_row_cannot_move_another_agencys_facility_into_the_area(pulpis_client):
    """A facility is found by its code: a row with a Jakarta facility's code and a Pulang Pisau
    region would have moved the facility, its needs and pledges into Pulang Pisau's area."""
    region("62.11.01")
    theirs = FacilityFactory(slug="psbr-taruna-jaya-1", region=region("31.74.01"))
    content = xlsx(
        [["psbr-taruna-jaya-1", "PSBR Taruna Jaya 1", "PSBR", "Dinsos", "62.11.01"]], FACILITY_HEADERS, sheet="Panti"
    )
    preview = upload(pulpis_client, Facility, content, "panti.xlsx")
    assert len(problems(preview)) == 1
    assert "wilayah 31.74.01 berada di luar wilayah dinas Anda (62.11)" in problems(preview)[0]
    theirs.refresh_from_db()
    assert theirs.region_id == "31.74.01"
