"""The two services the admin calls, :func:`import_preview` and :func:`import_confirm`, which
keep the :class:`core.models.ImportRecord` of every upload, and the downloadable template of a
resource (:func:`build_template`).

All rows or none: any failing row, or any database refusal, rolls the whole file back, unless the
clerk chooses to import the good rows and skip the failing ones of the preview (each written row
whole; other rows failing at confirmation write nothing). The preview reads the upload and runs
the import as a dry run that writes nothing; the confirmation checks the stored upload (same
SHA-256) and imports it in one transaction, from the table the preview read when the cache still
holds it (:func:`_kept_table`), or read from the stored upload again.
"""

import hashlib
import logging
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from import_export.results import Result, RowResult

from core.models import ImportRecord
from core.spreadsheets.cells import quoted, shown
from core.spreadsheets.limits import PREVIEW_ROWS, RECORDED_PROBLEMS, ImportFileError, format_count, max_bytes, max_rows
from core.spreadsheets.outcome import ImportOutcome, Problem, RowPreview
from core.spreadsheets.reading import Table, read_table
from core.spreadsheets.resources import SpreadsheetResource
from core.spreadsheets.row_checks import CHECKED_ROWS, rows_notes
from core.spreadsheets.writing import Sheet, write_workbook

logger = logging.getLogger(__name__)


GENERAL_HINTS = [
    gettext_noop("Isi data mulai baris 2 lembar pertama; jangan ubah judul kolom. Baris kosong dilewati."),
    gettext_noop("Baris yang kuncinya sudah ada di portal akan diperbarui; yang belum ada akan ditambahkan."),
    gettext_noop(
        "Saat memperbarui, sel kosong tidak mengubah isi yang tersimpan, juga di kolom wajib: cukup isi kunci "
        "baris dan yang berubah. Tulis - (tanda hubung) untuk mengosongkan isian yang tidak wajib."
    ),
    gettext_noop(
        "Pratinjau menunjukkan nomor baris, kolom dan penyebab setiap baris yang salah, dan belum menyimpan apa "
        "pun. Perbaiki lalu unggah ulang, atau impor baris yang benar saja: baris yang salah dilewati dan tidak "
        "mengubah apa pun. Berkas yang semua barisnya salah tidak menyimpan apa pun."
    ),
    gettext_noop(
        "Rupiah tanpa sen: Rp 1.250.000, Rp. 1.250.000,-, 1.250.000,00 atau 1250000; boleh juga dengan kata: "
        "48 jt atau 48 juta, 250 rb, 1,5 M atau 1,5 miliar (M berarti miliar, bukan million). Titik sebelum tiga "
        "angka memisahkan ribuan (1.500 jt = 1,5 miliar); koma adalah desimal (2,5 jt = 2.500.000)."
    ),
    gettext_noop("Tanggal: 31/12/2025 atau 2025-12-31."),
    gettext_noop(
        "Nama mitra boleh ditulis tanpa PT, CV atau Tbk, atau dengan bentuk usaha di belakang (Sebangau Agro "
        "Mandiri, PT), bila hanya satu mitra yang cocok; bila tidak, pratinjau menyebut semua nama yang mirip."
    ),
    gettext_noop(
        "Kecamatan dan desa (Wilayah Sasaran, Rincian Wilayah) boleh ditulis dengan kode (62.11.05), kode dan "
        "nama (62.11.05 Kahayan Hilir), atau nama saja (Maliku, Kec. Jabiren Raya, KAHAYAN HILIR) bila nama itu "
        "hanya ada satu di wilayah dinas Anda; bila ada beberapa, pratinjau meminta kodenya."
    ),
    gettext_noop("Pilihan boleh ditulis dengan label bahasa Indonesia, label bahasa Inggris, atau kodenya."),
    gettext_noop("Isi nilai, bukan rumus Excel. Simpan sebagai .xlsx, atau CSV (UTF-8)."),
]


def build_template(resource_class: type[SpreadsheetResource]) -> bytes:
    """An xlsx with the data sheet (headers only, first and active) and a hint sheet."""
    columns = resource_class.template_columns()
    spec = resource_class.column_spec()
    required = {name for group in spec.required for name in group}
    hint_rows: list[list[Any]] = [[_(line)] for line in GENERAL_HINTS]
    hint_rows.append([])
    hint_rows.append([_("Kolom"), _("Wajib"), _("Isi yang diterima"), _("Contoh"), _("Keterangan")])
    for column in columns:
        alternatives = next((group for group in spec.required if column.column_name in group and len(group) > 1), None)
        if alternatives:
            mandatory = _("salah satu dari %(columns)s") % {"columns": quoted(alternatives)}
        else:
            mandatory = _("Ya") if column.column_name in required else _("Tidak")
        widget_note = column.widget.describe() if hasattr(column.widget, "describe") else ""
        hint_rows.append([column.column_name, mandatory, widget_note, column.example, column.help_text])
    hint_rows.append([])
    hint_rows.append(
        [
            _("Batas: %(rows)s baris data dan %(size)s MB per berkas.")
            % {"rows": format_count(max_rows()), "size": format_count(max_bytes() // (1024 * 1024))}
        ]
    )
    text_columns = [index for index, column in enumerate(columns) if getattr(column.widget, "text_column", False)]
    return write_workbook(
        [
            Sheet(
                title=resource_class.sheet_title,
                headers=[c.column_name for c in columns],
                rows=[],
                text_columns=text_columns,
            ),
            Sheet(title=_("Petunjuk"), headers=[_("Petunjuk pengisian")], rows=hint_rows),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Services: preview and confirmation, each recorded.


def outcome_from_result(
    resource: SpreadsheetResource, result: Result, table: Table, *, checks: bool = True
) -> ImportOutcome:
    """What an import did or would do. ``checks``: run the registered row checks on the new rows
    (the preview does; after a real import the rows are in the database, where the checks would
    find each new row's own neighbours from the same file, and the clerk saw the notes already)."""
    outcome = ImportOutcome(
        total=len(table.dataset),
        new=result.totals[RowResult.IMPORT_TYPE_NEW],
        updated=result.totals[RowResult.IMPORT_TYPE_UPDATE],
        unchanged=result.totals[RowResult.IMPORT_TYPE_SKIP],
        failed=result.totals[RowResult.IMPORT_TYPE_INVALID] + result.totals[RowResult.IMPORT_TYPE_ERROR],
        file_format=table.file_format,
        sheet_name=table.sheet_name,
        encoding=table.encoding,
    )
    if table.ignored_columns:
        outcome.notices.append(
            _("Kolom berikut tidak dikenal dan diabaikan: %(columns)s.") % {"columns": quoted(table.ignored_columns)}
        )
    for error in result.base_errors:
        outcome.problems.append(Problem(None, None, _unexpected(error.error)))
    for invalid in result.invalid_rows:
        number = resource.sheet_row(invalid.number)
        for key, messages in invalid.error_dict.items():
            column = resource.column_for(key)
            for message in messages:
                outcome.problems.append(Problem(number, column, str(message)))
    for error_row in result.error_rows:
        number = resource.sheet_row(error_row.number)
        for error in error_row.errors:
            if isinstance(error.error, TransactionManagementError):
                continue  # follows an earlier database error, which is reported itself
            outcome.problems.append(Problem(number, None, _unexpected(error.error)))
    outcome.problems.sort(key=lambda problem: problem.row or 0)
    notes = _row_notes(result) if checks else {}
    for row_result in result.rows:
        kind = row_result.import_type
        if kind not in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE, RowResult.IMPORT_TYPE_SKIP):
            continue
        listed = outcome.previews.setdefault(kind, [])
        if len(listed) >= PREVIEW_ROWS or row_result.instance is None:
            continue
        changes = resource.describe_changes(row_result.instance) if kind == RowResult.IMPORT_TYPE_UPDATE else []
        values = resource.describe_values(row_result.instance) if kind == RowResult.IMPORT_TYPE_NEW else []
        label = resource.row_label(row_result.instance)
        listed.append(RowPreview(row_result.number, label, changes, values, notes.get(row_result.number, [])))
    for number, row_notes_of in sorted(notes.items()):
        for note in row_notes_of:
            outcome.notices.append(_("Baris %(row)s: %(message)s") % {"row": number, "message": note})
    return outcome


def _row_notes(result: Result) -> dict[int, list[str]]:
    """The notes of the registered row checks on the new rows (the first ``CHECKED_ROWS``)."""
    new_rows = [row for row in result.rows if row.import_type == RowResult.IMPORT_TYPE_NEW and row.instance is not None]
    checked = new_rows[:CHECKED_ROWS]
    found = rows_notes([row_result.instance for row_result in checked])
    return {row_result.number: notes for row_result, notes in zip(checked, found, strict=True) if notes}


def _unexpected(error: BaseException) -> str:
    if isinstance(error, ImportFileError):
        return str(error)
    logger.error("unexpected import error", exc_info=error)
    return _("data tidak dapat disimpan (%(error)s). Tidak ada yang diubah; hubungi admin sistem bila berulang.") % {
        "error": f"{type(error).__name__}: {shown(error, 200)}"
    }


def run_import(
    resource_class: type[SpreadsheetResource],
    table: Table,
    *,
    actor,
    file_name: str,
    dry_run: bool,
    area: str | None = None,
    skip_bad: bool = False,
) -> tuple[ImportOutcome, Result]:
    """Import a read table. Any failing row (or any database error) rolls everything back, unless
    ``skip_bad``: then the rows refused by their checks are left out and the others written (a
    database error still rolls everything back). ``area``: the importing account's area (a
    Kemendagri code, None for everywhere); a row outside it fails."""
    resource = resource_class()
    result = resource.import_data(
        table.dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=not skip_bad,
        user=actor,
        area=area,
        file_name=file_name,
        row_numbers=table.row_numbers,
        retain_instance_in_row_result=True,  # the preview lists rows, the admin log needs them
    )
    return outcome_from_result(resource, result, table, checks=dry_run), result


# How long the table a preview read is kept for its confirmation; a later confirmation reads
# the stored upload again.
KEPT_TABLE_SECONDS = 60 * 60


def _table_key(resource_class: type[SpreadsheetResource], sha256: str) -> str:
    """The cache key of the table read from an upload with this SHA-256 for ``resource_class``:
    what the table is read from (the file, the resource's columns, the row limit), so a kept
    table is always the one the file gives now."""
    spec = hashlib.sha256(repr((resource_class.column_spec(), max_rows())).encode()).hexdigest()
    return f"import-table:{resource_class.__name__}:{sha256}:{spec}"


def _kept_table(resource_class: type[SpreadsheetResource], content: bytes, file_name: str, sha256: str) -> Table:
    """The table of an upload the preview read (openpyxl reading a sheet again is a third of a
    confirmation's CPU), or the upload read again when the cache no longer holds it. The cache
    pickles what it keeps, so every reader gets a copy of its own."""
    try:
        table = cache.get(_table_key(resource_class, sha256))
    except Exception:  # a table kept by an earlier release that no longer unpickles, a cache refusing
        logger.warning("the kept table of %r could not be read; reading the file again", file_name, exc_info=True)
        table = None
    if not isinstance(table, Table):
        table = read_table(content, file_name, resource_class.column_spec())
    return table


def _keep_table(resource_class: type[SpreadsheetResource], sha256: str, table: Table, file_name: str) -> None:
    """Keep the table read for the confirmation (``_kept_table``). A cache that refuses it (full,
    say) costs the confirmation a second read, never the preview."""
    try:
        cache.set(_table_key(resource_class, sha256), table, KEPT_TABLE_SECONDS)
    except Exception:
        logger.warning("the table of %r could not be kept for its confirmation", file_name, exc_info=True)


def _forget_table(resource_class: type[SpreadsheetResource], sha256: str) -> None:
    try:
        cache.delete(_table_key(resource_class, sha256))
    except Exception:  # it expires with KEPT_TABLE_SECONDS anyway
        logger.warning("a kept table could not be removed", exc_info=True)


def _file_format_of(content: bytes) -> str:
    return "xlsx" if content[:4] == b"PK\x03\x04" else "csv"


def import_preview(
    *, resource_class: type[SpreadsheetResource], content: bytes, file_name: str, actor, area: str | None = None
) -> tuple[ImportOutcome, ImportRecord]:
    """Read an upload and import it in a transaction that is always rolled back; record what it
    would do. Nothing else is written."""
    sha256 = hashlib.sha256(content).hexdigest()
    try:
        table = read_table(content, file_name, resource_class.column_spec())
        # Kept as read, before the import adds the columns a file leaves out.
        _keep_table(resource_class, sha256, table, file_name)
        outcome, _result = run_import(resource_class, table, actor=actor, file_name=file_name, dry_run=True, area=area)
    except ImportFileError as error:
        outcome = ImportOutcome(problems=[Problem(None, None, str(error))], file_format=_file_format_of(content))
    except Exception as error:  # uploaded input must never end in a server error
        outcome = ImportOutcome(
            problems=[Problem(None, None, _unexpected(error))], file_format=_file_format_of(content)
        )
    record = ImportRecord.objects.create(
        user=actor,
        content_type=ContentType.objects.get_for_model(resource_class._meta.model),
        resource=resource_class.__name__,
        file_name=file_name[:255],
        file_format=outcome.file_format,
        file_size=len(content),
        file_sha256=sha256,
        **_counts(outcome),
    )
    return outcome, record


class _SkippedRowsChanged(Exception):
    """The rows that fail at confirmation are not those the clerk chose to skip."""


def import_confirm(
    *,
    record: ImportRecord,
    resource_class: type[SpreadsheetResource],
    content: bytes,
    actor,
    area: str | None = None,
    skip_rows: frozenset[int] = frozenset(),
) -> tuple[ImportOutcome, Result | None]:
    """Import a previewed upload for real. All rows or none: if any row fails now (the data
    changed since the preview), nothing is written and the record stays unconfirmed.

    ``skip_rows``: the failing rows of the preview, which the clerk chose to skip. The other rows
    are then written, each whole, if exactly these rows fail now; otherwise nothing is."""
    with transaction.atomic():
        record = ImportRecord.objects.select_for_update().get(pk=record.pk)
        if record.confirmed:
            raise ImportFileError(_("Impor berkas '%(name)s' sudah dikonfirmasi.") % {"name": record.file_name})
        if hashlib.sha256(content).hexdigest() != record.file_sha256:
            raise ImportFileError(_("Berkas yang disimpan tidak sama dengan yang dipratinjau; unggah ulang."))
        try:
            table = _kept_table(resource_class, content, record.file_name, record.file_sha256)
            with transaction.atomic():  # a savepoint: an unexpected error undoes the import, not the record
                outcome, result = run_import(
                    resource_class,
                    table,
                    actor=actor,
                    file_name=record.file_name,
                    dry_run=False,
                    area=area,
                    skip_bad=bool(skip_rows),
                )
                if skip_rows:
                    # Exactly the rows the clerk saw refused are skipped: a row refused only now, or
                    # one that passes only now, was not what the clerk chose.
                    if not outcome.skippable or outcome.failed_rows() != skip_rows:
                        raise _SkippedRowsChanged
                    outcome.skipped = True
        except _SkippedRowsChanged:
            outcome.problems.insert(
                0,
                Problem(
                    None,
                    None,
                    _(
                        "Baris yang salah tidak lagi sama dengan pratinjau (data berubah sejak itu); tidak ada yang "
                        "disimpan. Unggah ulang berkasnya."
                    ),
                ),
            )
            result = None
        except ImportFileError as error:
            outcome, result = ImportOutcome(problems=[Problem(None, None, str(error))]), None
        except Exception as error:  # uploaded input must never end in a server error
            outcome, result = ImportOutcome(problems=[Problem(None, None, _unexpected(error))]), None
        for name, value in _counts(outcome).items():
            setattr(record, name, value)
        record.stored_file = ""
        if outcome.ok:
            record.confirmed = True
            record.confirmed_at = timezone.now()
        record.save()
    # The stored upload is removed now, so nothing can be confirmed from the kept table again.
    _forget_table(resource_class, record.file_sha256)
    return outcome, result


def _counts(outcome: ImportOutcome) -> dict[str, Any]:
    return {
        "rows_total": outcome.total,
        "rows_new": outcome.new,
        "rows_updated": outcome.updated,
        "rows_unchanged": outcome.unchanged,
        "rows_failed": 0 if outcome.skipped else outcome.failed,
        "rows_skipped": outcome.failed if outcome.skipped else 0,
        "problems": "\n".join(outcome.problem_lines()[:RECORDED_PROBLEMS]),
    }
