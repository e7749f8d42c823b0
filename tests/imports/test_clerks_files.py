"""Whole files written the way a forum secretariat and a Dinsos clerk write them (issue 25), not
the template's examples: companies without "PT", kecamatan and villages by name, rupiah as typed,
update rows that fill only what changes. They import with the values the clerk meant, a second
import changes nothing, and the bad rows are still refused with their message."""

import pytest
from django.utils import timezone, translation

from core.spreadsheets.preview import build_template, import_confirm, import_preview
from facilities.models import Need
from programs.models import Program, ProgramForm, ProgramStatus, Realisation
from programs.realisation_resources import RealisationResource
from programs.resources import ProgramResource
from regions.widgets import RegionWidget
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    ProgramFactory,
    StaffFactory,
    agency,
    region,
)
from tests.imports.helpers import confirm, problems, read_xlsx, upload, xlsx

pytestmark = pytest.mark.django_db

LAST_YEAR = timezone.localdate().year - 1
PROGRAM_HEADERS = [
    "Perusahaan",
    "Judul Program",
    "Bentuk",
    "Bidang",
    "Anggaran (Rp)",
    "Tanggal Mulai",
    "Wilayah Sasaran",
]
REPORT_HEADERS = ["Perusahaan", "Judul Program", "Tahun", "Realisasi (Rp)", "Rincian Wilayah", "KK", "Kegiatan"]


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


@pytest.fixture
def pulpis():
    for code, name in (
        ("62.11.01", "Kahayan Kuala"),
        ("62.11.05", "Kahayan Hilir"),
        ("62.11.07", "Jabiren Raya"),
        ("62.11.08", "Maliku"),
        ("62.11.05.2001", "Mintin"),
        ("62.11.05.2002", "Sei Pudak"),
        ("62.11.07.2002", "Sei Pudak"),
        ("63.01.01", "Maliku"),  # the same name in another regency does not make Pulang Pisau's ambiguous
        ("31.74.01", "Tebet"),
    ):
        region(code, name)
    return agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")


@pytest.fixture
def staff(pulpis):
    return StaffFactory(agency=pulpis)


@pytest.fixture
def sebangau():
    return CompanyFactory(name="PT Sebangau Agro Mandiri")


def run(resource_class, headers, rows, staff, *, confirm=True):
    content = xlsx(rows, headers, sheet=resource_class.sheet_title)
    outcome, record = import_preview(
        resource_class=resource_class, content=content, file_name="sekretariat.xlsx", actor=staff, area="62.11"
    )
    if confirm and outcome.ok:
        outcome, _result = import_confirm(
            record=record, resource_class=resource_class, content=content, actor=staff, area="62.11"
        )
    return outcome


def test_a_secretariats_programs_go_in_as_written_and_a_second_import_changes_nothing(staff, sebangau):
    rows = [
        ["Sebangau Agro Mandiri", "Sumur bor", "Donasi", "Kesehatan", "Rp 48.000.000,-", "01/02/2025", "Maliku"],
        ["Sebangau Agro Mandiri, PT", "Jalan desa", "Donasi", "Pendidikan", "Rp 70jt", "2025-03-01", "KAHAYAN HILIR"],
        [
            "sebangau agro mandiri",
            "Bibit karet",
            "Pemberdayaan masyarakat",
            "Pendidikan",
            "1,5 M",
            "01/04/2025",
            "Kec. Jabiren Raya; Kecamatan Kahayan Hilir; 62.11.01 Kahayan Kuala; Mintin",
        ],
    ]

    preview = run(ProgramResource, PROGRAM_HEADERS, rows, staff, confirm=False)
    assert preview.new_rows[0].values == [
        ("Bentuk", "Donasi dan promosi"),
        ("Anggaran (Rp)", "Rp 48.000.000"),
        ("Tanggal Mulai", "01/02/2025"),
        ("Target Penerima Manfaat", "0"),
        ("Status", "Direncanakan"),
    ]
    outcome = run(ProgramResource, PROGRAM_HEADERS, rows, staff)

    assert outcome.ok, outcome.problem_lines()
    assert outcome.new == 3
    stored = {
        program.title: (program.company, program.budget, sorted(r.code for r in program.target_regions.all()))
        for program in Program.objects.prefetch_related("target_regions")
    }
    assert stored == {
        "Sumur bor": (sebangau, 48_000_000, ["62.11.08"]),
        "Jalan desa": (sebangau, 70_000_000, ["62.11.05"]),
        "Bibit karet": (sebangau, 1_500_000_000, ["62.11.01", "62.11.05", "62.11.05.2001", "62.11.07"]),
    }
    again = run(ProgramResource, PROGRAM_HEADERS, rows, staff, confirm=False)
    assert (again.new, again.updated, again.unchanged, again.problems) == (0, 0, 3, [])


def test_a_program_update_row_fills_only_what_changes(staff, sebangau, pulpis):
    program = ProgramFactory(company=sebangau, title="Sumur bor", agency=pulpis, budget=41_000_000)
    program.target_regions.set([region("62.11.08")])
    row = ["Sebangau Agro Mandiri", "Sumur bor", None, None, "Rp. 58.500.000", None, None]

    preview = run(ProgramResource, PROGRAM_HEADERS, [row], staff, confirm=False)
    assert preview.updated_rows[0].changes == [("Anggaran (Rp)", "Rp 41.000.000", "Rp 58.500.000")]
    assert run(ProgramResource, PROGRAM_HEADERS, [row], staff).ok

    program.refresh_from_db()
    assert (program.budget, program.form, program.start_date) == (58_500_000, ProgramForm.DONATION, program.start_date)
    assert list(program.target_regions.values_list("code", flat=True)) == ["62.11.08"]
    assert program.fields.count() == 1
    assert run(ProgramResource, PROGRAM_HEADERS, [row], staff, confirm=False).unchanged == 1


def test_bad_program_rows_are_still_refused_with_their_message(staff, sebangau):
    CompanyFactory(name="PT Kahayan Sawit Lestari")
    CompanyFactory(name="CV Kahayan Sawit Lestari")
    good = ["Sebangau Agro Mandiri", "Sumur bor", "Donasi", "Kesehatan", "48 jt", "01/02/2025"]
    rows = [
        [*good[:1], "A", *good[2:], "Sei Pudak"],
        [*good[:1], "B", *good[2:], "Tebet"],
        [*good[:1], "C", *good[2:], "31.74.01"],
        [*good[:1], "D", *good[2:], "Malik"],
        ["Kahayan Sawit Lestari", "E", *good[2:], "Maliku"],
        [*good[:1], "F", *good[2:], "62.11.05 Maliku"],
    ]

    outcome = run(ProgramResource, PROGRAM_HEADERS, rows, staff)

    assert outcome.problem_lines() == [
        "Baris 2, kolom 'Wilayah Sasaran': ada 2 wilayah bernama 'Sei Pudak' di 62.11: '62.11.05.2002 Sei Pudak "
        "(desa/kelurahan)' atau '62.11.07.2002 Sei Pudak (desa/kelurahan)'; tulis kodenya.",
        "Baris 3, kolom 'Wilayah Sasaran': tidak ada kecamatan atau desa bernama 'Tebet' di 62.11; tulis kode "
        "wilayahnya.",
        "Baris 4, kolom 'Wilayah Sasaran': wilayah 31.74.01 berada di luar wilayah dinas Anda (62.11).",
        "Baris 5, kolom 'Wilayah Sasaran': tidak ada kecamatan atau desa bernama 'Malik' di 62.11 — maksud Anda "
        "'62.11.08 Maliku (kecamatan)'?",
        "Baris 6, kolom 'Perusahaan': 'Kahayan Sawit Lestari' cocok dengan lebih dari satu mitra: 'CV Kahayan "
        "Sawit Lestari' atau 'PT Kahayan Sawit Lestari'. Tulis nama lengkapnya.",
        "Baris 7, kolom 'Wilayah Sasaran': kode 62.11.05 adalah Kahayan Hilir, bukan 'Maliku'.",
    ]
    assert not Program.objects.exists()


@pytest.fixture
def program(pulpis, sebangau):
    program = ProgramFactory(
        company=sebangau, title="Jalan desa", agency=pulpis, status=ProgramStatus.ACTIVE, budget=500_000_000
    )
    program.target_regions.set([region("62.11.05"), region("62.11.08")])
    return program


def test_a_secretariats_realisation_reports_go_in_as_written(staff, program):
    rows = [
        [
            "Sebangau Agro Mandiri",
            "Jalan desa",
            LAST_YEAR,
            "Rp 118.000.000,-",
            "Maliku: Rp 48.000.000,-; KAHAYAN HILIR: 70 jt (40 KK)",
            120,
            "Perbaikan jalan",
        ]
    ]

    outcome = run(RealisationResource, REPORT_HEADERS, rows, staff)

    assert outcome.ok, outcome.problem_lines()
    report = Realisation.objects.get()
    assert (report.program, report.year, report.amount) == (program, LAST_YEAR, 118_000_000)
    assert sorted(report.shares.values_list("region_id", "amount", "households")) == [
        ("62.11.05", 70_000_000, 40),
        ("62.11.08", 48_000_000, 0),
    ]
    again = run(RealisationResource, REPORT_HEADERS, rows, staff, confirm=False)
    assert (again.new, again.updated, again.unchanged, again.problems) == (0, 0, 1, [])

    # The clerk corrects the households only: the rupiah, the split and the activities stay.
    update = [["Sebangau Agro Mandiri", "Jalan desa", LAST_YEAR, None, None, 150, None]]
    assert run(RealisationResource, REPORT_HEADERS, update, staff).updated == 1
    report.refresh_from_db()
    assert (report.amount, report.households, report.activities) == (118_000_000, 150, "Perbaikan jalan")
    assert report.shares.count() == 2


def test_bad_realisation_rows_are_still_refused(staff, program):
    rows = [
        ["Sebangau Agro Mandiri", "Jalan desa", LAST_YEAR, "48 jt", "Sei Pudak: 48 jt", 0, "Jalan"],
        ["Sebangau Agro Mandiri", "Jalan desa", LAST_YEAR - 1, "48 jt", "Maliku: 40 jt", 0, "Jalan"],
    ]

    outcome = run(RealisationResource, REPORT_HEADERS, rows, staff)

    assert outcome.problem_lines() == [
        "Baris 2, kolom 'Rincian Wilayah': ada 2 wilayah bernama 'Sei Pudak' di 62.11: '62.11.05.2002 Sei Pudak "
        "(desa/kelurahan)' atau '62.11.07.2002 Sei Pudak (desa/kelurahan)'; tulis kodenya.",
        "Baris 3, kolom 'Rincian Wilayah': Rincian berjumlah Rp 40.000.000, padahal total realisasi Rp 48.000.000.",
    ]
    assert not Realisation.objects.exists()


def test_the_template_says_which_forms_are_accepted():
    hints = " ".join(line[0] for line in read_xlsx(build_template(RealisationResource), "Petunjuk") if line and line[0])

    for form in ("48 jt", "1,5 M", "M berarti miliar", "Rp. 1.250.000,-", "tanpa PT, CV atau Tbk", "Kec. Jabiren Raya"):
        assert form in hints
    assert "impor baris yang benar saja" in hints
    assert "juga di kolom wajib" in hints


def test_without_an_area_a_name_must_be_unique_in_the_whole_country(pulpis):
    widget = RegionWidget(names=True)
    widget.within(None)
    widget.prime(["Maliku", "Kahayan Hilir"])

    assert widget.clean("Kecamatan Kahayan Hilir").code == "62.11.05"
    with pytest.raises(ValueError) as twice:
        widget.clean("Maliku")
    assert str(twice.value) == (
        "ada 2 wilayah bernama 'Maliku' di seluruh Indonesia: '62.11.08 Maliku (kecamatan)' atau "
        "'63.01.01 Maliku (kecamatan)'; tulis kodenya."
    )


NEED_HEADERS = ["Nama Panti", "Judul Kebutuhan", "Bidang", "Jenis Kebutuhan", "Jumlah", "Satuan", "Harga Satuan (Rp)"]


def test_a_dinsos_clerks_needs_go_in_as_written_and_a_second_import_changes_nothing(client):
    client.force_login(StaffFactory())  # a staff account of the whole country (this module's staff is Pulang Pisau's)
    staff_client = client
    tebet = FacilityFactory(name="PSBR Taruna Jaya 1", slug="psbr-taruna-jaya-1")
    NeedFactory(facility=tebet, title="Kasur busa", quantity=40, unit="buah", unit_cost=1_250_000)
    rows = [
        ["PSBR Taruna Jaya 1", "Kasur busa", None, None, 60, None, None],  # only the quantity changes
        ["psbr taruna jaya 1", "Lemari", "Kesehatan", "Barang", 10, "bh", "Rp 1.250.000,-"],
        ["PSBR Taruna Jaya 1", "Pelatihan las", "Pendidikan", "Pelatihan", 1, "paket", "Rp 48 jt"],
        ["PSBR Taruna Jaya 1", "Atap asrama", "Sosial dan keagamaan", "Pekerjaan", 1, "paket", "1,5 M"],
    ]
    content = xlsx(rows, NEED_HEADERS)

    preview = upload(staff_client, Need, content)
    assert problems(preview) == []
    confirm(staff_client, Need, preview)

    stored = {need.title: (need.quantity, need.unit, need.unit_cost) for need in Need.objects.all()}
    assert stored == {
        "Kasur busa": (60, "buah", 1_250_000),
        "Lemari": (10, "buah", 1_250_000),
        "Pelatihan las": (1, "paket", 48_000_000),
        "Atap asrama": (1, "paket", 1_500_000_000),
    }
    again = upload(staff_client, Need, content).context["outcome"]
    assert (again.new, again.updated, again.unchanged, again.problems) == (0, 0, 4, [])
