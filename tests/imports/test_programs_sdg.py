"""The programs spreadsheet's SDG column (issue 27): goal numbers separated by commas, read and
written the same way; an unknown goal, or goals that would strand the program's SDG targets,
are row problems that change nothing."""

import pytest

from core.models import SdgTarget
from programs.models import Program
from tests.factories import CompanyFactory, StaffFactory, agency, region
from tests.imports.helpers import confirm, export, problems, read_xlsx, upload, xlsx

pytestmark = pytest.mark.django_db

HEADERS = [
    "Perusahaan",
    "Judul Program",
    "Bentuk",
    "Bidang",
    "Anggaran (Rp)",
    "Tanggal Mulai",
    "Tanggal Selesai",
    "Wilayah Sasaran",
    "SDG",
]


@pytest.fixture
def pulpis_client(client):
    region("62.11.01", "Pandih Batu")
    client.force_login(StaffFactory(agency=agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")))
    CompanyFactory(name="PT Hyundai Motors Indonesia")
    return client


def _row(title, sdg):
    return ["PT Hyundai Motors Indonesia", title, "Donasi", "Pendidikan", 0, "01/02/2025", None, "62.11.01", sdg]


def _upload(client, rows):
    return upload(client, Program, xlsx(rows, HEADERS, sheet="Program CSR"), "program.xlsx")


def test_goal_numbers_are_read_and_written_comma_separated(pulpis_client):
    rows = [_row("Beasiswa", "1, 4"), _row("Air bersih", 6), _row("Tanpa tujuan", None), _row("Kesehatan", "SDG 3;4")]
    confirm(pulpis_client, Program, _upload(pulpis_client, rows))
    goals = {p.title: sorted(p.sdg_goals.values_list("number", flat=True)) for p in Program.objects.all()}
    assert goals == {"Beasiswa": [1, 4], "Air bersih": [6], "Tanpa tujuan": [], "Kesehatan": [3, 4]}

    exported = read_xlsx(export(pulpis_client, Program).content)
    column = exported[0].index("SDG")
    by_title = {row[1]: row[column] for row in exported[1:]}
    assert by_title["Beasiswa"] == "1, 4"
    assert by_title["Air bersih"] == "6"

    again = _upload(pulpis_client, rows).context["outcome"]
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4)


def test_an_unknown_goal_is_a_row_problem_and_writes_nothing(pulpis_client):
    response = _upload(pulpis_client, [_row("Beasiswa", "1, 18"), _row("Lain", "empat")])
    found = problems(response)
    assert any("tujuan SDG '18' tidak dikenal" in problem for problem in found)
    assert any("tujuan SDG 'empat' tidak dikenal" in problem for problem in found)
    assert not Program.objects.exists()


def test_goals_that_would_strand_the_programs_targets_are_refused(pulpis_client):
    confirm(pulpis_client, Program, _upload(pulpis_client, [_row("Beasiswa", "1, 4")]))
    program = Program.objects.get()
    program.sdg_targets.set([SdgTarget.objects.get(code="4.1")])
    found = problems(_upload(pulpis_client, [_row("Beasiswa", "1")]))
    assert any("4.1" in problem for problem in found)
    assert sorted(program.sdg_goals.values_list("number", flat=True)) == [1, 4]
