"""The corpus of bad files: each gives its own clear message (in Indonesian, with the row and
the column where there is one) and writes nothing, neither in the preview nor when imported
for real. The files are generated here (openpyxl, csv), never committed."""

import io
import zipfile

import pytest
from django.test import override_settings
from django.utils.html import escape

from core.models import ImportRecord
from core.spreadsheets.preview import run_import
from core.spreadsheets.reading import read_table
from facilities.models import Facility, Need
from facilities.resources import NeedResource
from regions.models import PovertyFigure
from regions.resources import PovertyFigureResource
from tests.factories import NeedFactory, region
from tests.imports.helpers import (
    NEED_HEADERS,
    POVERTY_HEADERS,
    csv_bytes,
    need_row,
    problems,
    upload,
    with_sheet_xml,
    xlsx,
)

pytestmark = pytest.mark.django_db


def _billion_laughs() -> bytes:
    """An xlsx whose sheet declares nested entities (an XML bomb) and uses them in a cell."""
    good = xlsx([need_row(title="LAUGHS")])
    doctype = (
        b'<!DOCTYPE worksheet [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )

    def add_bomb(data: bytes) -> bytes:
        declaration_end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
        return data[:declaration_end] + doctype + data[declaration_end:].replace(b"LAUGHS", b"&lol3;")

    return with_sheet_xml(good, add_bomb)


def _workbook_bomb() -> bytes:
    """An xlsx whose workbook part (not a sheet) declares nested entities and an external one and
    names its sheet with them: openpyxl parses that part with lxml (``resolve_entities=False``,
    libxml2's amplification limit), not with defusedxml's iterparse as it parses sheets."""
    good = xlsx([need_row()])
    doctype = (
        b'<!DOCTYPE workbook [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
        b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
        b'<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
        b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    )
    source, target = zipfile.ZipFile(io.BytesIO(good)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                declaration_end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
                data = data[:declaration_end] + doctype + data[declaration_end:]
                data = data.replace(b'name="', b'name="&lol5;&xxe;', 1)
            archive.writestr(item, data)
    return target.getvalue()


def _docx_like() -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return stream.getvalue()


def _empty_workbook() -> bytes:
    import openpyxl

    stream = io.BytesIO()
    openpyxl.Workbook().save(stream)
    return stream.getvalue()


NEED_CASES = [
    pytest.param(
        lambda: xlsx([["panti-sosial-1", "Kasur", "Kesehatan", "Barang"]], NEED_HEADERS[:4]),
        "kebutuhan.xlsx",
        "Kolom wajib tidak ditemukan di lembar 'Kebutuhan': 'Jumlah', 'Satuan'.",
        id="missing-columns",
    ),
    pytest.param(
        lambda: xlsx([need_row(slug="panti-tidak-ada")]),
        "kebutuhan.xlsx",
        "Baris 2, kolom 'Kode Panti': panti dengan kode 'panti-tidak-ada' tidak terdaftar.",
        id="unknown-facility",
    ),
    pytest.param(
        lambda: xlsx([need_row(), need_row(title="Lemari", Jumlah=-5)]),
        "kebutuhan.xlsx",
        "Baris 3, kolom 'Jumlah': harus paling sedikit 1 (tertulis -5).",
        id="negative-quantity",
    ),
    pytest.param(
        lambda: xlsx([need_row(**{"Harga Satuan (Rp)": "-Rp 5.000"})]),
        "kebutuhan.xlsx",
        "Baris 2, kolom 'Harga Satuan (Rp)': bukan nilai rupiah yang dikenali: '-Rp 5.000'.",
        id="negative-rupiah-text",
    ),
    pytest.param(
        lambda: xlsx([need_row(**{"Harga Satuan (Rp)": -5000})]),
        "kebutuhan.xlsx",
        "Baris 2, kolom 'Harga Satuan (Rp)': tidak boleh negatif (tertulis -5000).",
        id="negative-rupiah-number",
    ),
    pytest.param(
        lambda: xlsx([need_row(Jumlah="empat puluh")]),
        "kebutuhan.xlsx",
        "Baris 2, kolom 'Jumlah': harus berupa bilangan bulat, bukan 'empat puluh'.",
        id="text-in-number-column",
    ),
    pytest.param(
        lambda: xlsx([need_row(Jumlah=12.5)]),
        "kebutuhan.xlsx",
        "Baris 2, kolom 'Jumlah': harus berupa bilangan bulat, bukan '12.5'.",
        id="fraction-in-number-column",
    ),
    pytest.param(
        lambda: xlsx([need_row(), need_row(title="Lemari"), need_row(title=" kasur  BUSA ")]),
        "kebutuhan.xlsx",
        "Baris 4, kolom 'Judul Kebutuhan': baris ini mengulang baris 2",
        id="duplicate-rows",
    ),
    pytest.param(
        lambda: xlsx(
            [["62.11.01", 2024, 1200, 4300, "DTKS", "31/12/2024"]],
            POVERTY_HEADERS,
            sheet="Angka Kemiskinan",
            first_sheet=("Petunjuk", [["Isi data kebutuhan di lembar berikut"]]),
        ),
        "kebutuhan.xlsx",
        "Tidak ada lembar kerja (sheet) dengan kolom yang dibutuhkan: lembar 'Petunjuk' tidak punya",
        id="wrong-sheet",
    ),
    pytest.param(lambda: b"", "kebutuhan.xlsx", "kosong", id="empty-file"),
    pytest.param(
        _empty_workbook, "kebutuhan.xlsx", "Berkas tidak berisi data: semua lembar kosong.", id="empty-workbook"
    ),
    pytest.param(
        lambda: xlsx([]),
        "kebutuhan.xlsx",
        "Berkas hanya berisi baris judul, tanpa baris data.",
        id="headers-only",
    ),
    pytest.param(
        lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
        "kebutuhan.xlsx",
        "Berkas 'kebutuhan.xlsx' bukan berkas Excel (.xlsx) yang dapat dibaca.",
        id="pdf-renamed-xlsx",
    ),
    pytest.param(
        _docx_like, "kebutuhan.xlsx", "Berkas 'kebutuhan.xlsx' bukan berkas Excel (.xlsx)", id="zip-renamed-xlsx"
    ),
    pytest.param(
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
        "kebutuhan.xls",
        "berformat Excel 97-2003 (.xls)",
        id="old-xls",
    ),
    pytest.param(
        lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "kebutuhan.csv",
        "Berkas 'kebutuhan.csv' bukan berkas CSV (teks).",
        id="png-renamed-csv",
    ),
    pytest.param(
        lambda: xlsx([need_row(Jumlah="=20*2")]),
        "kebutuhan.xlsx",
        "Baris 2, kolom 'Jumlah': sel berisi rumus Excel (=20*2); isi dengan nilainya saja, bukan rumus.",
        id="formula-in-cell",
    ),
    pytest.param(_billion_laughs, "kebutuhan.xlsx", "bukan berkas Excel (.xlsx) yang dapat dibaca", id="xml-bomb"),
    pytest.param(
        _workbook_bomb, "kebutuhan.xlsx", "bukan berkas Excel (.xlsx) yang dapat dibaca", id="xml-bomb-in-workbook"
    ),
    pytest.param(
        lambda: xlsx([need_row(**{"Dibutuhkan Paling Lambat": "31/13/2026"})]),
        "kebutuhan.xlsx",
        "Baris 2, kolom 'Dibutuhkan Paling Lambat': tanggal '31/13/2026' tidak dikenali; tulis seperti "
        "31/12/2025 atau 2025-12-31.",
        id="impossible-date",
    ),
    pytest.param(
        lambda: xlsx([need_row(Prioritas="Santai")]),
        "kebutuhan.xlsx",
        "Baris 2, kolom 'Prioritas': 'Santai' bukan pilihan yang dikenal. Pilihan: Mendesak, Tinggi, Normal, Rendah.",
        id="unknown-choice",
    ),
    pytest.param(
        lambda: xlsx([need_row(Bidang="Olahraga ekstrem")]),
        "kebutuhan.xlsx",
        "Baris 2, kolom 'Bidang': bidang 'Olahraga ekstrem' tidak dikenal. Pilihan: Pendidikan, Kesehatan",
        id="unknown-field",
    ),
    pytest.param(
        lambda: csv_bytes([need_row(Satuan="")]),
        "kebutuhan.csv",
        "Baris 2, kolom 'Satuan': wajib diisi.",
        id="blank-required-cell",
    ),
]


def _database_state():
    return (Need.objects.count(), Need.history.count(), Facility.objects.count(), Facility.history.count())


@pytest.mark.parametrize(("make", "file_name", "message"), NEED_CASES)
def test_bad_needs_file_gives_its_message_and_writes_nothing(staff_client, staff, facility, make, file_name, message):
    NeedFactory(facility=facility, title="Lemari", quantity=10)
    before = _database_state()
    content = make()

    response = upload(staff_client, Need, content, file_name)

    assert response.status_code == 200
    shown = " ".join(problems(response)) if "outcome" in response.context else str(response.context["form"].errors)
    assert message in shown
    if "confirm_form" in response.context:  # only the clerk's choice to import the good rows, skipping these
        assert response.context["outcome"].skippable
        assert response.context["confirm_form"].initial["skip_rows"]
    if "outcome" in response.context:  # each message is on the page, beside its row and column
        html = response.content.decode()
        assert all(escape(problem.message) in html for problem in response.context["outcome"].problems)
    # The same file imported for real (no preview) fails the same way and writes nothing.
    if content:
        try:
            table = read_table(content, file_name, NeedResource.column_spec())
        except Exception as error:
            assert message in str(error)
        else:
            outcome, _result = run_import(NeedResource, table, actor=staff, file_name=file_name, dry_run=False)
            assert not outcome.ok
            assert message in " ".join(outcome.problem_lines())
    assert _database_state() == before


def test_unknown_region_code_in_poverty_figures(staff, staff_client):
    region("62.11.01", "Kahayan Hilir")
    content = xlsx(
        [["62.11.01", 2024, 1200, 4300, "DTKS", "31/12/2024"], ["31.99", 2024, 10, 40, "DTKS", "31/12/2024"]],
        POVERTY_HEADERS,
        sheet="Angka Kemiskinan",
    )

    response = upload(staff_client, PovertyFigure, content, "kemiskinan.xlsx")

    assert "Baris 3, kolom 'Kode Wilayah': kode wilayah 31.99 tidak dikenal." in problems(response)
    assert response.context["outcome"].new == 1
    table = read_table(content, "kemiskinan.xlsx", PovertyFigureResource.column_spec())
    outcome, _result = run_import(PovertyFigureResource, table, actor=staff, file_name="x.xlsx", dry_run=False)
    assert not outcome.ok
    assert not PovertyFigure.objects.exists()  # the good first row was rolled back too


def test_unknown_region_code_in_facilities(staff, staff_client):
    content = xlsx(
        [["panti-baru", "Panti Baru", "PSBR", "31.99.01"]], ["Kode Panti", "Nama Panti", "Jenis Panti", "Kode Wilayah"]
    )

    response = upload(staff_client, Facility, content, "panti.xlsx")

    assert problems(response) == ["Baris 2, kolom 'Kode Wilayah': kode wilayah 31.99.01 tidak dikenal."]
    assert not Facility.objects.exists()


@override_settings(IMPORT_MAX_ROWS=3)
def test_too_many_rows(staff_client, facility):
    content = xlsx([need_row(title=f"Barang {n}") for n in range(4)])

    response = upload(staff_client, Need, content)

    assert problems(response) == ["Berkas berisi lebih dari 3 baris data. Pecah menjadi beberapa berkas."]
    assert not Need.objects.exists()


@override_settings(IMPORT_MAX_BYTES=1024)
def test_file_larger_than_the_limit_is_refused_before_reading(staff_client, facility):
    content = csv_bytes([need_row(title=f"Barang {n}") for n in range(40)])
    assert len(content) > 1024

    response = upload(staff_client, Need, content, "kebutuhan.csv")

    assert "Berkas terlalu besar" in str(response.context["form"].errors)
    assert not ImportRecord.objects.exists()  # refused before any reading


@override_settings(IMPORT_MAX_UNZIPPED_BYTES=10_000)
def test_xlsx_that_unzips_too_large_is_refused(staff_client, facility):
    content = xlsx(
        [need_row(title=f"Barang {n}", Deskripsi="x" * 500) for n in range(100)], [*NEED_HEADERS, "Deskripsi"]
    )

    response = upload(staff_client, Need, content)

    assert "terlalu besar setelah dibuka" in problems(response)[0]


def test_failed_upload_is_recorded_but_not_confirmable(staff_client, staff, facility):
    response = upload(staff_client, Need, xlsx([need_row(Jumlah="banyak")]))

    record = ImportRecord.objects.get()
    assert (record.user, record.confirmed, record.rows_failed, record.stored_file) == (staff, False, 1, "")
    assert "Baris 2, kolom 'Jumlah'" in record.problems
    assert response.context["record"] == record


def test_every_failing_row_is_reported_not_only_the_first(staff_client, facility):
    content = xlsx([need_row(title="A", Jumlah="x"), need_row(title="B"), need_row(title="C", Bidang="?", Satuan="")])

    lines = problems(upload(staff_client, Need, content))

    assert lines == [
        "Baris 2, kolom 'Jumlah': harus berupa bilangan bulat, bukan 'x'.",
        "Baris 4, kolom 'Bidang': bidang '?' tidak dikenal. Pilihan: Pendidikan, Kesehatan, Infrastruktur, "
        "Olahraga dan seni budaya, Sosial dan keagamaan, Pelestarian lingkungan hidup, Usaha ekonomi kerakyatan, "
        "Pemberdayaan masyarakat adat, Lainnya.",
        "Baris 4, kolom 'Satuan': wajib diisi.",
    ]
