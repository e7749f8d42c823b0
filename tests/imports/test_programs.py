"""Programs in and out of spreadsheets: the registering agency follows the targets, rows outside
the importing account's area are refused, registrations leave a status history."""

import pytest

from programs.models import Program, ProgramForm, ProgramStatus, ProgramStatusChange
from programs.resources import ProgramResource
from tests.factories import CompanyFactory, ProgramFactory, StaffFactory, agency, region
from tests.imports.helpers import confirm, export, problems, read_xlsx, upload, xlsx

pytestmark = pytest.mark.django_db

PROGRAM_HEADERS = [
    "Perusahaan",
    "Judul Program",
    "Bentuk",
    "Bidang",
    "Anggaran (Rp)",
    "Tanggal Mulai",
    "Tanggal Selesai",
    "Wilayah Sasaran",
]


@pytest.fixture
def pulpis():
    region("62.11.01", "Pandih Batu")
    region("62.11.05", "Kahayan Hilir")
    region("31.74.01", "Tebet")
    return agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")


@pytest.fixture
def pulpis_client(client, pulpis):
    client.force_login(StaffFactory(agency=pulpis))
    return client


def _upload(client, rows, headers=PROGRAM_HEADERS):
    return upload(client, Program, xlsx(rows, headers, sheet="Program CSR"), "program.xlsx")


def test_programs_by_partner_name_and_title(staff_client, pulpis):
    company = CompanyFactory(name="PT Hyundai Motors Indonesia")
    rows = [
        [
            "PT Hyundai Motors Indonesia",
            "Pelatihan otomotif",
            "Pemberdayaan masyarakat",
            "Pendidikan",
            "Rp 250.000.000",
            "01/02/2025",
            "31/12/2025",
            "62.11.01",
        ],
        [
            "pt hyundai motors indonesia",
            "Donasi kursi roda",
            "donation",
            "Kesehatan; Sosial dan keagamaan",
            75_000_000,
            "2025-03-01",
            None,
            "6211 05; 62.11.01",
        ],
    ]

    confirm(staff_client, Program, _upload(staff_client, rows))

    training = Program.objects.get(title="Pelatihan otomotif")
    assert (training.company, training.form, training.budget) == (company, ProgramForm.EMPOWERMENT, 250_000_000)
    assert training.status == ProgramStatus.PLANNED
    assert training.agency == pulpis
    assert list(training.fields.values_list("code", flat=True)) == ["pendidikan"]
    donation = Program.objects.get(title="Donasi kursi roda")
    assert sorted(donation.fields.values_list("code", flat=True)) == ["kesehatan", "sosial-keagamaan"]
    assert sorted(donation.target_regions.values_list("code", flat=True)) == ["62.11.01", "62.11.05"]
    again = _upload(staff_client, rows).context["outcome"]
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


def test_program_problems(staff_client, pulpis):
    CompanyFactory(name="PT Ada")
    rows = [
        ["PT Tidak Ada", "Program A", "Donasi", "Pendidikan", 0, "01/01/2025", None, "62.11.01"],
        ["PT Ada", "Program B", "Donasi", "", 0, "01/06/2025", "01/01/2025", "62.11.01"],
        ["PT Ada", "Program C", "Donasi", "Pendidikan", 0, "01/06/2025", None, ""],
    ]

    assert problems(_upload(staff_client, rows)) == [
        "Baris 2, kolom 'Perusahaan': mitra 'PT Tidak Ada' tidak terdaftar. Tambahkan mitra lebih dulu atau periksa "
        "namanya.",
        "Baris 3, kolom 'Bidang': wajib diisi.",
        "Baris 4, kolom 'Wilayah Sasaran': wajib diisi.",
    ]
    assert not Program.objects.exists()


def test_a_registration_by_import_is_in_the_status_history_with_the_importing_account(client, pulpis):
    staff = StaffFactory(agency=pulpis)
    client.force_login(staff)
    CompanyFactory(name="PT Kahayan Sawit Lestari")
    rows = [
        [
            "PT Kahayan Sawit Lestari",
            "Jalan desa",
            "Bina lingkungan dan sosial",
            "Infrastruktur",
            0,
            "01/01/2025",
            None,
            "62.11.05",
        ]
    ]
    headers = [*PROGRAM_HEADERS, "Status"]
    rows[0].append("Berjalan")

    confirm(client, Program, _upload(client, rows, headers))

    program = Program.objects.get()
    assert (program.status, program.agency) == (ProgramStatus.ACTIVE, pulpis)
    change = ProgramStatusChange.objects.get(program=program)
    assert (change.old_status, change.new_status, change.actor) == ("", ProgramStatus.ACTIVE, staff)
    assert change.reason == "Impor spreadsheet: program.xlsx"

    rows[0][-1] = "Selesai"
    confirm(client, Program, _upload(client, rows, headers))
    assert list(program.changes.values_list("old_status", "new_status")) == [
        ("", ProgramStatus.ACTIVE),
        (ProgramStatus.ACTIVE, ProgramStatus.COMPLETED),
    ]


def test_targets_outside_the_importing_agency_are_refused_and_nothing_is_written(pulpis_client):
    CompanyFactory(name="PT Ada")
    rows = [
        ["PT Ada", "Program Pulpis", "Donasi", "Pendidikan", 0, "01/01/2025", None, "62.11.01"],
        ["PT Ada", "Program Jakarta", "Donasi", "Pendidikan", 0, "01/01/2025", None, "62.11.01; 31.74.01"],
    ]

    # A target outside the area is said to be so (issue 25), not "no agency covers all targets".
    assert problems(_upload(pulpis_client, rows)) == [
        "Baris 3, kolom 'Wilayah Sasaran': wilayah 31.74.01 berada di luar wilayah dinas Anda (62.11)."
    ]
    rows[1][-1] = "31.74.01"
    agency("31", "Dinas Sosial Provinsi DKI Jakarta")
    assert problems(_upload(pulpis_client, rows)) == [
        "Baris 3, kolom 'Wilayah Sasaran': wilayah 31.74.01 berada di luar wilayah dinas Anda (62.11)."
    ]
    assert not Program.objects.exists()


def test_a_program_registered_elsewhere_cannot_be_moved_into_the_importing_area(pulpis_client, pulpis):
    jakarta = agency("31", "Dinas Sosial Provinsi DKI Jakarta")
    company = CompanyFactory(name="PT Ada")
    program = ProgramFactory(company=company, title="Dapur sehat", agency=jakarta)
    program.target_regions.set([region("31.74.01")])
    rows = [["PT Ada", "Dapur sehat", "Donasi", "Pendidikan", 0, "01/01/2025", None, "62.11.01"]]

    assert problems(_upload(pulpis_client, rows)) == [
        "Baris 2, kolom 'Wilayah Sasaran': wilayah 31.74.01 berada di luar wilayah dinas Anda (62.11)."
    ]
    program.refresh_from_db()
    assert program.agency == jakarta


@pytest.mark.parametrize(
    ("stored", "cell", "message"),
    [
        pytest.param(
            None,
            "Diajukan",
            "impor oleh dinas mencatat program yang terdaftar: pilih Direncanakan, Berjalan, Selesai, Dibatalkan. "
            "Program yang diajukan perusahaan masuk lewat portal mitra.",
            id="new-row-submitted",
        ),
        pytest.param(
            ProgramStatus.SUBMITTED,
            "Berjalan",
            "program ini sedang diurus perusahaan lewat portal (status: Diajukan); putuskan atau ubah lewat halaman "
            "program di admin, bukan lewat impor.",
            id="awaiting-registration-not-registered-by-a-file",
        ),
        pytest.param(
            ProgramStatus.CHANGES_REQUESTED,
            "Perlu perbaikan",
            "program ini sedang diurus perusahaan lewat portal (status: Perlu perbaikan); putuskan atau ubah lewat "
            "halaman program di admin, bukan lewat impor.",
            id="with-the-company-for-changes",
        ),
    ],
)
def test_the_company_workflow_is_not_bypassed_by_a_file(pulpis_client, pulpis, stored, cell, message):
    company = CompanyFactory(name="PT Ada")
    if stored:
        program = ProgramFactory(company=company, title="Program A", status=stored, agency=pulpis, budget=1)
        program.target_regions.set([region("62.11.01")])
    rows = [["PT Ada", "Program A", "Donasi", "Pendidikan", 5, "01/01/2025", None, "62.11.01", cell]]

    assert problems(_upload(pulpis_client, rows, [*PROGRAM_HEADERS, "Status"])) == [
        f"Baris 2, kolom 'Status': {message}"
    ]
    assert not ProgramStatusChange.objects.exists()


def test_export_shows_the_registering_agency_and_imports_back_unchanged(pulpis_client, pulpis):
    company = CompanyFactory(name="PT Ada")
    program = ProgramFactory(company=company, title="Air bersih", agency=pulpis, government_program="PKH")
    program.target_regions.set([region("62.11.01"), region("62.11.05")])

    content = export(pulpis_client, Program).content
    rows = read_xlsx(content)
    headers = rows[0]
    assert headers[8] == "Dinas Pencatat"
    assert rows[1][8] == "Dinas Sosial Kabupaten Pulang Pisau"
    assert rows[1][headers.index("Wilayah Sasaran")] == "62.11.01; 62.11.05"
    assert rows[1][headers.index("Program Pemerintah yang Didukung")] == "PKH"

    outcome = upload(pulpis_client, Program, content, "program.xlsx").context["outcome"]
    assert (outcome.new, outcome.updated, outcome.unchanged, outcome.problems) == (0, 0, 1, [])


def test_changed_targets_are_shown_in_the_preview(pulpis_client, pulpis):
    company = CompanyFactory(name="PT Ada")
    program = ProgramFactory(company=company, title="Air bersih", agency=pulpis)
    program.target_regions.set([region("62.11.01")])
    rows = [["PT Ada", "Air bersih", "Donasi", "Pendidikan", 500_000_000, program.start_date, None, "62.11.05"]]

    outcome = _upload(pulpis_client, rows).context["outcome"]

    assert outcome.updated == 1
    assert ("Wilayah Sasaran", "62.11.01", "62.11.05") in outcome.updated_rows[0].changes
    assert ProgramResource.template_columns()[8].column_name == "Target Penerima Manfaat"
