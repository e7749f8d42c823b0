"""The needs import in the admin, end to end: upload → preview → confirm."""

import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import IntegrityError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import ImportRecord
from core.spreadsheets import preview as preview_service
from core.spreadsheets.preview import run_import
from core.spreadsheets.reading import read_table
from facilities.models import Need, Priority
from facilities.resources import NeedResource
from matching.models import PledgeStatus
from tests.factories import NeedFactory, StaffFactory, pledge_in_state
from tests.imports.helpers import admin_url, confirm, need_row, problems, upload, xlsx

pytestmark = pytest.mark.django_db


def test_staff_upload_preview_and_confirm_creates_needs(staff_client, staff, facility):
    content = xlsx([need_row(title="Kasur busa"), need_row(title="Pelatihan las", **{"Jenis Kebutuhan": "Jasa"})])

    preview = upload(staff_client, Need, content)

    assert preview.status_code == 200
    outcome = preview.context["outcome"]
    assert (outcome.new, outcome.updated, outcome.unchanged, outcome.failed) == (2, 0, 0, 0)
    assert not Need.objects.exists()  # the preview writes nothing
    response = confirm(staff_client, Need, preview)
    assert response.status_code == 302
    need = Need.objects.get(title="Kasur busa")
    assert need.facility == facility
    assert need.unit_cost == 1_250_000
    assert need.priority == Priority.HIGH
    record = ImportRecord.objects.get()
    assert record.user == staff
    assert record.confirmed
    assert (record.rows_new, record.rows_failed) == (2, 0)


def _counts():
    return {
        "needs": Need.objects.count(),
        "need_history": Need.history.count(),
        "log_entries": LogEntry.objects.count(),
    }


def test_importing_the_same_file_twice_changes_nothing_the_second_time(staff_client, facility):
    content = xlsx([need_row(title=f"Barang {n}", Jumlah=n + 1) for n in range(5)])
    confirm(staff_client, Need, upload(staff_client, Need, content))
    after_first = _counts()
    stamps = dict(Need.objects.values_list("pk", "updated_at"))
    assert after_first["need_history"] == 5

    preview = upload(staff_client, Need, content)
    outcome = preview.context["outcome"]
    assert (outcome.new, outcome.updated, outcome.unchanged, outcome.failed) == (0, 0, 5, 0)
    assert [row.row for row in outcome.unchanged_rows] == [2, 3, 4, 5, 6]
    response = confirm(staff_client, Need, preview)

    assert response.status_code == 302
    assert _counts() == after_first  # no rows, no history, no admin log entries
    assert dict(Need.objects.values_list("pk", "updated_at")) == stamps
    second = ImportRecord.objects.filter(confirmed=True).order_by("-pk").first()
    assert (second.rows_new, second.rows_updated, second.rows_unchanged) == (0, 0, 5)


def test_a_changed_row_is_updated_with_history_by_the_importing_user(staff_client, staff, facility):
    need = NeedFactory(facility=facility, title="Kasur busa", quantity=40, unit_cost=1_000_000)
    history_before = need.history.count()

    preview = upload(staff_client, Need, xlsx([need_row(title="KASUR  busa", Jumlah=45)]))

    outcome = preview.context["outcome"]
    assert (outcome.new, outcome.updated) == (0, 1)
    changes = {column: (old, new) for column, old, new in outcome.updated_rows[0].changes}
    assert changes["Jumlah"] == ("40", "45")
    assert changes["Harga Satuan (Rp)"] == ("Rp 1.000.000", "Rp 1.250.000")
    confirm(staff_client, Need, preview)
    need.refresh_from_db()
    assert (need.quantity, need.unit_cost, need.title) == (45, 1_250_000, "KASUR  busa")
    assert need.history.count() == history_before + 1
    latest = need.history.first()
    assert latest.history_user == staff
    assert latest.history_change_reason == "Impor spreadsheet: kebutuhan.xlsx"


def test_import_never_writes_the_coverage_counters(staff_client, facility):
    need = NeedFactory(facility=facility, title="Kasur busa", quantity=40)
    pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=25)
    pledge_in_state(PledgeStatus.OFFERED, need=need, quantity=5)
    need.refresh_from_db()
    assert (need.quantity_covered, need.quantity_pending) == (25, 5)
    # A file exported earlier still carries zero counters: they are read-only columns.
    row = need_row(title="Kasur busa", Jumlah=35)
    row.update({"Jumlah Sudah Dijanjikan": 0, "Jumlah Menunggu Jawaban": 0, "Jumlah Sudah Tersalurkan": 0})

    confirm(staff_client, Need, upload(staff_client, Need, xlsx([row])))

    need.refresh_from_db()
    assert need.quantity == 35
    assert (need.quantity_covered, need.quantity_pending, need.quantity_delivered) == (25, 5, 0)


def test_quantity_below_what_partners_hold_is_refused_with_a_clear_message(staff_client, facility):
    need = NeedFactory(facility=facility, title="Kasur busa", quantity=40)
    pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=25)

    response = upload(staff_client, Need, xlsx([need_row(title="Kasur busa", Jumlah=20)]))

    assert problems(response) == [
        "Baris 2, kolom 'Jumlah': jumlah 20 lebih kecil dari yang sudah dijanjikan atau sedang ditawarkan mitra "
        "(25). Kurangi atau batalkan janji bantuan lebih dulu."
    ]
    need.refresh_from_db()
    assert need.quantity == 40


def test_rows_that_fail_only_at_confirmation_roll_back_the_whole_file(staff_client, facility):
    """Data can change between preview and confirmation: then nothing is written at all."""
    need = NeedFactory(facility=facility, title="Kasur busa", quantity=40)
    content = xlsx([need_row(title="Lemari", Jumlah=3), need_row(title="Kasur busa", Jumlah=30)])
    preview = upload(staff_client, Need, content)
    assert preview.context["outcome"].ok
    pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=35)  # meanwhile, a partner pledges 35

    response = confirm(staff_client, Need, preview)

    assert response.status_code == 200
    assert "Data berubah sejak pratinjau" in response.content.decode()
    assert problems(response)[0].startswith("Baris 3, kolom 'Jumlah': jumlah 30 lebih kecil")
    assert not Need.objects.filter(title="Lemari").exists()
    assert not ImportRecord.objects.get().confirmed


def test_any_failing_row_writes_nothing_even_after_earlier_batches_were_written(monkeypatch, staff, facility):
    """Bulk writes go out every batch_size rows; a failure further down still rolls them back."""
    monkeypatch.setattr(NeedResource._meta, "batch_size", 2)
    rows = [need_row(title=f"Barang {n}") for n in range(5)] + [need_row(title="Rusak", Jumlah="x")]
    table = read_table(xlsx(rows), "kebutuhan.xlsx", NeedResource.column_spec())
    history_before = Need.history.count()

    outcome, _result = run_import(NeedResource, table, actor=staff, file_name="kebutuhan.xlsx", dry_run=False)

    assert outcome.failed == 1
    assert not Need.objects.exists()
    assert Need.history.count() == history_before


def test_database_error_during_bulk_write_rolls_back_and_is_reported(monkeypatch, staff, facility):
    def broken_bulk_create(*args, **kwargs):
        raise IntegrityError("simulated failure")

    monkeypatch.setattr("core.spreadsheets.bulk_writes.bulk_create_with_history", broken_bulk_create)
    table = read_table(xlsx([need_row(title="A"), need_row(title="B")]), "kebutuhan.xlsx", NeedResource.column_spec())

    outcome, _result = run_import(NeedResource, table, actor=staff, file_name="kebutuhan.xlsx", dry_run=False)

    assert not outcome.ok
    assert "data tidak dapat disimpan (IntegrityError: simulated failure)" in outcome.problem_lines()[0]
    assert not Need.objects.exists()


def test_staff_without_import_permission_get_403_and_no_button(client, facility):
    user = StaffFactory()
    user.groups.clear()
    user.user_permissions.add(Permission.objects.get(codename="view_need"))
    client.force_login(user)

    changelist = client.get(admin_url(Need, "changelist"))
    assert changelist.status_code == 200
    html = changelist.content.decode()
    assert admin_url(Need, "import") not in html
    assert admin_url(Need, "import_template") not in html
    assert admin_url(Need, "export") not in html
    assert client.get(admin_url(Need, "import")).status_code == 403
    assert upload(client, Need, xlsx([need_row()])).status_code == 403
    assert client.get(admin_url(Need, "import_template")).status_code == 403
    assert client.post(admin_url(Need, "process_import"), {"record": 1}).status_code == 403
    assert client.get(admin_url(Need, "export")).status_code == 403
    assert client.get(admin_url(Need, "summary", "xlsx")).status_code == 403
    assert not Need.objects.exists()


def test_staff_see_import_template_export_and_summary_buttons(staff_client):
    html = staff_client.get(admin_url(Need, "changelist")).content.decode()

    for name, args in [("import", ()), ("import_template", ()), ("export", ()), ("summary", ("xlsx",))]:
        assert admin_url(Need, name, *args) in html
    # The summary's buttons are named by its provider (matching.summaries.PledgeSummary).
    assert "Ringkasan rupiah (xlsx)" in html
    assert "Ringkasan rupiah (CSV)" in html


def test_a_preview_can_be_confirmed_only_once_and_only_by_its_uploader(staff_client, facility):
    preview = upload(staff_client, Need, xlsx([need_row()]))
    record = preview.context["record"]
    client = Client()
    client.force_login(StaffFactory())

    refused = client.post(admin_url(Need, "process_import"), {"record": record.pk}, follow=True)

    assert "tidak dapat dikonfirmasi lagi" in refused.content.decode()
    assert not Need.objects.exists()
    assert confirm(staff_client, Need, preview).status_code == 302
    again = staff_client.post(admin_url(Need, "process_import"), {"record": record.pk}, follow=True)
    assert "tidak dapat dikonfirmasi lagi" in again.content.decode()
    assert Need.objects.count() == 1


def test_a_stale_preview_cannot_be_confirmed_and_its_file_is_removed(staff_client, facility):
    preview = upload(staff_client, Need, xlsx([need_row()]))
    record = preview.context["record"]
    stored = Path(tempfile.gettempdir()) / record.stored_file
    assert stored.exists()
    ImportRecord.objects.filter(pk=record.pk).update(created_at=timezone.now() - timedelta(days=1))

    refused = confirm(staff_client, Need, preview)
    upload(staff_client, Need, xlsx([need_row(title="Lain")]))  # any later upload cleans up

    assert refused.status_code == 302
    assert not Need.objects.exists()
    assert not stored.exists()
    assert ImportRecord.objects.get(pk=record.pk).stored_file == ""


def test_confirmation_writes_admin_log_entries(staff_client, staff, facility):
    confirm(staff_client, Need, upload(staff_client, Need, xlsx([need_row(title="A"), need_row(title="B")])))

    entries = LogEntry.objects.filter(user=staff, action_flag=ADDITION)
    assert sorted(entry.object_repr for entry in entries) == ["A (Panti Sosial 1)", "B (Panti Sosial 1)"]


def test_facility_given_by_name_when_its_code_is_empty(staff_client, facility):
    row = need_row(slug="")
    row["Nama Panti"] = "panti sosial 1"

    confirm(staff_client, Need, upload(staff_client, Need, xlsx([row])))

    assert Need.objects.get().facility == facility


def test_preview_page_lists_columns_and_template_link(staff_client):
    response = staff_client.get(admin_url(Need, "import"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Harga Satuan (Rp)" in html
    assert "Salah satu dari Kode Panti, Nama Panti" in html
    assert admin_url(Need, "import_template") in html


def test_import_records_are_listed_read_only_for_staff(staff_client, facility):
    confirm(staff_client, Need, upload(staff_client, Need, xlsx([need_row()])))
    record = ImportRecord.objects.get()

    listing = staff_client.get(admin_url(ImportRecord, "changelist"))

    assert listing.status_code == 200
    assert "kebutuhan.xlsx" in listing.content.decode()
    assert staff_client.get(admin_url(ImportRecord, "add")).status_code == 403
    detail = staff_client.post(admin_url(ImportRecord, "change", record.pk), {"file_name": "lain.xlsx"})
    assert detail.status_code == 403
    record.refresh_from_db()
    assert record.file_name == "kebutuhan.xlsx"


def test_two_needs_with_the_same_title_at_one_facility_cannot_be_updated_from_a_file(staff_client, facility):
    NeedFactory(facility=facility, title="Kasur busa")
    NeedFactory(facility=facility, title="kasur busa")

    lines = problems(upload(staff_client, Need, xlsx([need_row(title="Kasur busa", Jumlah=99)])))

    assert lines == [
        "Baris 2, kolom 'Judul Kebutuhan': ada 2 kebutuhan dengan Kode Panti 'panti-sosial-1', Judul Kebutuhan "
        "'Kasur busa' di basis data; bedakan lebih dulu lewat admin, lalu impor ulang."
    ]
    assert not Need.objects.filter(quantity=99).exists()


def _confirm_queries(client, rows):
    preview = upload(client, Need, xlsx(rows))
    assert preview.context["outcome"].new == len(rows)
    with CaptureQueriesContext(connection) as captured:
        assert confirm(client, Need, preview).status_code == 302
    return len(captured)


def test_the_confirmation_sends_as_many_queries_for_twenty_five_new_rows_as_for_five(staff_client, facility):
    # The duplicate checks run on the preview's rows only: after the import they would compare
    # each new row with the others just written from the same file (a query per row). Both sizes
    # fit one insert batch on SQLite too (its batches hold 999 values: 28 history rows).
    few = _confirm_queries(staff_client, [need_row(title=f"Kasur busa {n}", Jumlah=n + 1) for n in range(5)])
    Need.objects.all().delete()
    many = _confirm_queries(staff_client, [need_row(title=f"Kasur busa {n}", Jumlah=n + 1) for n in range(25)])
    assert many == few


def _reads_of_files(monkeypatch) -> list[str]:
    """The names of the uploads read from now on (``read_table`` itself still runs)."""
    reads: list[str] = []

    def reading(content, file_name, *args, **kwargs):
        reads.append(file_name)
        return read_table(content, file_name, *args, **kwargs)

    monkeypatch.setattr(preview_service, "read_table", reading)
    return reads


def test_the_confirmation_imports_the_table_the_preview_read_without_reading_the_file_again(
    staff_client, facility, monkeypatch
):
    # The file has no "Nama Panti" column, which the preview's import adds to its table: the
    # table kept is the one read, not the one the import changed.
    preview = upload(staff_client, Need, xlsx([need_row(title="Kasur busa"), need_row(title="Lemari", Jumlah=3)]))
    reads = _reads_of_files(monkeypatch)

    assert confirm(staff_client, Need, preview).status_code == 302

    assert reads == []
    assert sorted(Need.objects.values_list("title", "quantity")) == [("Kasur busa", 40), ("Lemari", 3)]


def test_without_the_kept_table_the_confirmation_reads_the_stored_file_again(staff_client, facility, monkeypatch):
    preview = upload(staff_client, Need, xlsx([need_row(title="Kasur busa"), need_row(title="Lemari", Jumlah=3)]))
    cache.clear()  # a restarted Redis, or a confirmation after KEPT_TABLE_SECONDS
    reads = _reads_of_files(monkeypatch)

    assert confirm(staff_client, Need, preview).status_code == 302

    assert reads == ["kebutuhan.xlsx"]
    assert sorted(Need.objects.values_list("title", "quantity")) == [("Kasur busa", 40), ("Lemari", 3)]


def test_a_table_is_kept_for_the_resource_and_columns_it_was_read_with(staff_client, facility, settings, monkeypatch):
    # A confirmation after the row limit changed (a deploy between preview and confirmation)
    # reads the file again under the new limit rather than import the table read under the old.
    preview = upload(staff_client, Need, xlsx([need_row(title="Kasur busa"), need_row(title="Lemari", Jumlah=3)]))
    settings.IMPORT_MAX_ROWS = 1
    reads = _reads_of_files(monkeypatch)

    confirm(staff_client, Need, preview)

    assert reads == ["kebutuhan.xlsx"]
    assert not Need.objects.exists()


def test_a_kept_value_that_is_no_table_is_ignored_and_the_file_read_again(staff_client, facility, monkeypatch):
    # What an earlier release kept under the same key, say: never imported.
    preview = upload(staff_client, Need, xlsx([need_row(title="Kasur busa")]))
    record = preview.context["record"]
    cache.set(preview_service._table_key(NeedResource, record.file_sha256), ["not", "a", "table"])
    reads = _reads_of_files(monkeypatch)

    assert confirm(staff_client, Need, preview).status_code == 302

    assert reads == ["kebutuhan.xlsx"]
    assert list(Need.objects.values_list("title", flat=True)) == ["Kasur busa"]
    assert cache.get(preview_service._table_key(NeedResource, record.file_sha256)) is None
