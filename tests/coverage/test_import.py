"""Government coverage from a spreadsheet: previewed, confirmed, updated by its key, and bad rows
refused with a message; rows outside the importing account's area are refused."""

import pytest

from coverage.models import CoverageSource, GovernmentCoverage, SupportKind
from tests.factories import FacilityFactory, StaffFactory, agency, region
from tests.imports.helpers import confirm, csv_bytes, problems, upload

pytestmark = pytest.mark.django_db

HEADERS = [
    "Kode Wilayah",
    "Nama Program",
    "Sumber",
    "Kode Panti",
    "Bidang",
    "Mulai",
    "Selesai",
    "Jenis Bantuan",
    "Jumlah (Rp)",
    "Rumah Tangga",
]


@pytest.fixture
def staff_client(client):
    region("62.11.01", "Kahayan Hilir")
    region("62.11.02", "Pandih Batu")
    client.force_login(StaffFactory(agency=agency("62.11")))
    return client


def test_bappedas_pkh_file_goes_in_and_a_second_file_updates_it(staff_client):
    facility = FacilityFactory(slug="lks-lansia", region=region("62.11.02.2001"))
    rows = [
        ["62.11.01", "PKH", "PKH", "", "Kesehatan", "01/01/2026", "31/12/2026", "Tunai", "Rp 1,5 M", "620"],
        [
            "62.11.02",
            "Permakanan lansia",
            "APBD",
            "lks-lansia",
            "Kesehatan",
            "01/01/2026",
            "31/12/2026",
            "Pangan",
            "48 jt",
            "",
        ],
    ]
    preview = upload(staff_client, GovernmentCoverage, csv_bytes(rows, HEADERS), "cakupan.csv")
    assert preview.context["outcome"].new == 2, problems(preview)
    assert not GovernmentCoverage.objects.exists()
    confirm(staff_client, GovernmentCoverage, preview)
    pkh = GovernmentCoverage.objects.get(program_name="PKH")
    assert (pkh.source, pkh.kind, pkh.amount, pkh.households) == (
        CoverageSource.BANSOS,
        SupportKind.CASH,
        1_500_000_000,
        620,
    )
    assert GovernmentCoverage.objects.get(program_name="Permakanan lansia").facility == facility

    rows[0][9] = "700"
    preview = upload(staff_client, GovernmentCoverage, csv_bytes(rows[:1], HEADERS), "cakupan.csv")
    assert (preview.context["outcome"].new, preview.context["outcome"].updated) == (0, 1)
    confirm(staff_client, GovernmentCoverage, preview)
    assert GovernmentCoverage.objects.get(program_name="PKH").households == 700


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        pytest.param(
            ["62.11", "PKH", "Bansos", "", "Kesehatan", "01/01/2026", "31/12/2026", "Tunai", "1000", ""],
            "kecamatan",
            id="a-regency",
        ),
        pytest.param(
            ["62.11.01", "PKH", "Bansos", "", "Kesehatan", "01/01/2026", "31/12/2025", "Tunai", "1000", ""],
            "periode",
            id="period",
        ),
        pytest.param(
            ["62.11.01", "PKH", "Bansos", "", "Kesehatan", "01/01/2026", "31/12/2026", "Tunai", "", ""],
            "rupiah",
            id="nothing",
        ),
        pytest.param(
            ["31.75.01", "PKH", "Bansos", "", "Kesehatan", "01/01/2026", "31/12/2026", "Tunai", "1000", ""],
            "luar wilayah",
            id="outside",
        ),
    ],
)
def test_bad_rows_are_refused_with_a_message(staff_client, row, expected):
    region("31.75.01")
    preview = upload(staff_client, GovernmentCoverage, csv_bytes([row], HEADERS), "cakupan.csv")
    assert preview.context["outcome"].failed == 1
    assert any(expected in problem for problem in problems(preview)), problems(preview)
    assert not GovernmentCoverage.objects.exists()
