"""Building spreadsheets in tests (openpyxl and csv, no committed binaries) and driving the
admin's upload → preview → confirm."""

import csv
import io
import zipfile

import openpyxl
from django.urls import reverse

NEED_HEADERS = [
    "Kode Panti",
    "Judul Kebutuhan",
    "Bidang",
    "Jenis Kebutuhan",
    "Jumlah",
    "Satuan",
    "Harga Satuan (Rp)",
    "Prioritas",
    "Dibutuhkan Paling Lambat",
]
POVERTY_HEADERS = [
    "Kode Wilayah",
    "Tahun",
    "Jumlah Rumah Tangga Miskin",
    "Jumlah Penduduk Miskin",
    "Sumber",
    "Tanggal Data",
]


def need_row(slug="panti-sosial-1", title="Kasur busa", **overrides):
    row = {
        "Kode Panti": slug,
        "Judul Kebutuhan": title,
        "Bidang": "Kesehatan",
        "Jenis Kebutuhan": "Barang",
        "Jumlah": 40,
        "Satuan": "buah",
        "Harga Satuan (Rp)": "Rp 1.250.000",
        "Prioritas": "Tinggi",
        "Dibutuhkan Paling Lambat": "31/12/2026",
    }
    row.update(overrides)
    return row


def xlsx(rows, headers=None, *, sheet="Kebutuhan", before=(), extra_sheets=None, first_sheet=None):
    """An xlsx whose data sheet holds ``before`` lines, then the headers, then the rows (dicts
    or lists). ``first_sheet`` (title, lines) adds a sheet in front of it."""
    headers = headers or (list(rows[0]) if rows and isinstance(rows[0], dict) else NEED_HEADERS)
    workbook = openpyxl.Workbook()
    data = workbook.active
    data.title = sheet
    for line in before:
        data.append(list(line))
    data.append(list(headers))
    for row in rows:
        data.append([row.get(header) for header in headers] if isinstance(row, dict) else list(row))
    for title, lines in (extra_sheets or {}).items():
        other = workbook.create_sheet(title)
        for line in lines:
            other.append(list(line))
    if first_sheet:
        title, lines = first_sheet
        front = workbook.create_sheet(title, 0)
        for line in lines:
            front.append(list(line))
        workbook.active = 0
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def csv_bytes(rows, headers=None, *, encoding="utf-8", delimiter=","):
    headers = headers or (list(rows[0]) if rows and isinstance(rows[0], dict) else NEED_HEADERS)
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(header, "") for header in headers] if isinstance(row, dict) else row)
    return stream.getvalue().encode(encoding)


def admin_url(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


def upload(client, model, content, file_name="kebutuhan.xlsx"):
    """POST a file to the import page: the preview response."""
    file = io.BytesIO(content)
    file.name = file_name
    return client.post(admin_url(model, "import"), {"import_file": file})


def confirm(client, model, preview_response):
    record = preview_response.context["record"]
    return client.post(admin_url(model, "process_import"), {"record": record.pk})


def problems(response):
    return [str(problem) for problem in response.context["outcome"].problems]


def read_xlsx(content, sheet=None):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    return [list(row) for row in worksheet.iter_rows(values_only=True)]


def export(client, model, file_format="xlsx", query=""):
    """Export the changelist (with the filters in ``query``) through the admin's export form."""
    index = {"xlsx": "0", "csv": "1"}[file_format]
    response = client.post(admin_url(model, "export") + query, {"format": index, "resource": "0"})
    assert response.status_code == 200, response.content[:500]
    return response


def read_csv(content):
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def with_sheet_xml(content: bytes, change) -> bytes:
    """The xlsx ``content`` with its first sheet's XML passed through ``change``."""
    source, target = io.BytesIO(content), io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            copy.writestr(item, change(data) if item.filename == "xl/worksheets/sheet1.xml" else data)
    return target.getvalue()
