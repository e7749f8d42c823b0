"""Spreadsheet import and export of realisation reports (laporan realisasi): the forum's
secretariat collects members' reports in Excel and enters them here.

A report is identified by its company (``Perusahaan``), its program's title (``Judul Program``,
a program of that company) and its period (``Tahun``, ``Triwulan``: empty or 0 for the whole
year). The rupiah realised is split over kecamatan or villages in one cell, ``Rincian Wilayah``::

    62.11.05 Kahayan Hilir: Rp 100.000.000; 62.11.01: 50.000.000 (120 KK)

(code first, the name optional but checked when written, the rupiah in the usual forms, the
households reached there optionally in brackets). Every rule of a report is the one the portal
and the admin apply (``programs.rules``): the period the agency asks for and not in the future,
the split adding up to the total and lying in the program's targets and the agency's area, the
counts of beneficiaries; and the program must be registered.

Imported reports are those the secretariat collected offline. They are recorded as submitted
(``Diajukan``) unless the row says ``Terverifikasi``: then the importing account is recorded as
the one who verified them (docs/decisions.md). A verified report is not changed by a file.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core import versioned_cache
from core.spreadsheets.cells import chunks, shown
from core.spreadsheets.columns import Column
from core.spreadsheets.resources import SpreadsheetResource
from core.spreadsheets.widgets import ChoiceWidget, DateWidget, IntegerWidget, RupiahWidget, TextWidget
from partners.resources import CompanyWidget
from programs.models import REGISTERED_STATES, Realisation, RealisationShare, RealisationStatus
from programs.resources import PROGRAM_STATUS_LABELS
from programs.rules import ShareLine, count_problems, period_problems, share_problems
from programs.widgets import ProgramWidget, QuarterWidget, SplitWidget, company_first

REALISATION_STATUS_LABELS = {
    RealisationStatus.SUBMITTED: "Diajukan",
    RealisationStatus.VERIFIED: "Terverifikasi",
    RealisationStatus.RETURNED: "Dikembalikan",
}
REALISATION_STATUS_ALIASES = {
    "Diverifikasi": RealisationStatus.VERIFIED,
    "Verifikasi": RealisationStatus.VERIFIED,
    "Terverifikasi": RealisationStatus.VERIFIED,
    "Menunggu verifikasi": RealisationStatus.SUBMITTED,
    "Dikirim": RealisationStatus.SUBMITTED,
    "Returned": RealisationStatus.RETURNED,
}


def _key(lines) -> tuple:
    return tuple(sorted((line.region.code, line.amount, line.households) for line in lines))


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


class RealisationResource(SpreadsheetResource):
    sheet_title = "Laporan Realisasi"
    row_noun = "laporan realisasi"
    # Rows are placed by the regions of their split (and their program's targets).
    area_field = "split"

    company = Column(
        "import_company",
        "Perusahaan",
        CompanyWidget(),
        example="PT Kahayan Sawit Lestari",
        help_text="Bersama Judul Program, Tahun dan Triwulan menjadi kunci baris.",
    )
    # Among the programs of the row's company (the resource's copy of the column above: the
    # library deep-copies the fields of each resource in one go).
    program = Column(
        "program",
        "Judul Program",
        ProgramWidget(company_column=company),
        example="Perbaikan jalan desa dan jembatan kayu",
    )
    year = Column("year", "Tahun", IntegerWidget(required=True, min_value=2000, max_value=2100), example="2025")
    quarter = Column("quarter", "Triwulan", QuarterWidget(), example="TW II")
    amount = Column("amount", "Realisasi (Rp)", RupiahWidget(required=True), example="Rp 150.000.000")
    split = Column(
        "import_split",
        "Rincian Wilayah",
        SplitWidget(),
        example="62.11.05 Kahayan Hilir: Rp 100.000.000; 62.11.01: 50.000.000",
    )
    households = Column("households", "KK", IntegerWidget(default=0), example="120", help_text="Rumah tangga.")
    persons = Column("persons", "Jiwa", IntegerWidget(default=0), example="480")
    women = Column("women", "Perempuan", IntegerWidget(), help_text="Kosong berarti tidak diketahui.")
    children = Column("children", "Anak", IntegerWidget(), help_text="Kosong berarti tidak diketahui.")
    elderly = Column("elderly", "Lansia", IntegerWidget(), help_text="Kosong berarti tidak diketahui.")
    disabled = Column("disabled", "Disabilitas", IntegerWidget(), help_text="Kosong berarti tidak diketahui.")
    activities = Column(
        "activities", "Kegiatan", TextWidget(required=True), example="Perbaikan 3 km jalan desa dan 2 jembatan"
    )
    status = Column(
        "status",
        "Status",
        ChoiceWidget(
            RealisationStatus,
            REALISATION_STATUS_LABELS,
            aliases=REALISATION_STATUS_ALIASES,
            default=RealisationStatus.SUBMITTED,
        ),
        example="Diajukan",
        help_text="Kosong berarti Diajukan. Terverifikasi mencatat akun pengimpor sebagai pemverifikasi.",
    )
    review_note = Column(
        "review_note",
        "Catatan Pemeriksaan",
        TextWidget(),
        help_text="Wajib bila Status Dikembalikan: alasan laporan dikembalikan.",
    )
    submitted = Column(
        "import_submitted_on",
        "Tanggal Lapor",
        DateWidget(),
        example="15/01/2026",
        help_text="Tanggal laporan diterima dinas; kosong berarti hari ini. Untuk menghitung ketepatan waktu.",
    )

    class Meta:
        model = Realisation
        import_id_fields = ("company", "program", "year", "quarter")
        fields = (
            "company",
            "program",
            "year",
            "quarter",
            "amount",
            "split",
            "households",
            "persons",
            "women",
            "children",
            "elderly",
            "disabled",
            "activities",
            "status",
            "review_note",
            "submitted",
        )

    @classmethod
    def template_columns(cls):
        return [f for f in cls.ordered_fields() if not f.readonly]

    # -- export ------------------------------------------------------------------------------

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("program__company").prefetch_related("shares__region")

    def dehydrate_company(self, realisation):
        return realisation.program.company.name

    def dehydrate_split(self, realisation):
        return SplitWidget.text(self.stored_lines(realisation))

    def dehydrate_submitted(self, realisation):
        return _local_date(realisation.submitted_at) if realisation.submitted_at else None

    @staticmethod
    def stored_lines(realisation) -> list[ShareLine]:
        return [
            ShareLine(region=share.region, amount=share.amount, households=share.households)
            for share in realisation.shares.all()
        ]

    # -- natural keys ------------------------------------------------------------------------

    def existing_instances(self, keys):
        program_ids = {key[1] for key in keys}
        for batch in chunks(program_ids):
            yield from (
                Realisation.objects.filter(program_id__in=batch)
                .select_related("program__company", "program__agency")
                .prefetch_related("shares__region", "program__target_regions")
            )

    def instance_key(self, instance):
        return (instance.program.company_id, instance.program_id, instance.year, instance.quarter)

    def key_error_field(self):
        return "quarter"

    # -- reading a row -------------------------------------------------------------------------

    def snapshot(self, instance):
        values = super().snapshot(instance)
        values["split"] = _key(self.stored_lines(instance))
        values["split_text"] = SplitWidget.text(self.stored_lines(instance))
        values["submitted_on"] = _local_date(instance.submitted_at)
        return values

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            # A company that is not found is reported in its own column only.
            if "import_company" in error.error_dict:
                program = error.error_dict.get("program", [])
                if [e.message for e in program] == [company_first()]:
                    del error.error_dict["program"]
            raise
        finally:
            if instance.pk is None:
                instance.reported_by = self._user
            self.read_split(instance, row)
            self.read_submitted(instance, row)

    def read_split(self, instance, row) -> None:
        column = self.fields["split"]
        if instance.pk is not None and (self.keeps_stored(column, instance, row) or column.column_name not in row):
            instance._import_lines = self.stored_lines(instance)
            return
        try:
            instance._import_lines = column.clean(row)
        except ValueError:
            instance._import_lines = None  # reported by the column itself

    def read_submitted(self, instance, row) -> None:
        on = getattr(instance, "import_submitted_on", None)
        if on is None or (instance.pk is not None and _local_date(instance.submitted_at) == on):
            if instance.pk is None:
                instance.submitted_at = timezone.now()
            return  # the stored moment stays when its day is the file's
        # Noon in the portal's time zone: the day is what counts (the period's due date).
        instance.submitted_at = datetime.datetime.combine(on, datetime.time(12), tzinfo=ZoneInfo(settings.TIME_ZONE))

    def skip_row(self, instance, original, row, import_validation_errors=None):
        snapshot = getattr(instance, "_import_snapshot", None)
        if snapshot is not None and not import_validation_errors:
            lines = getattr(instance, "_import_lines", None)
            if lines is None or _key(lines) != snapshot["split"]:
                return False
            if _local_date(instance.submitted_at) != snapshot["submitted_on"]:
                return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def describe_changes(self, instance):
        changes = super().describe_changes(instance)
        snapshot = getattr(instance, "_import_snapshot", None) or {}
        lines = getattr(instance, "_import_lines", None) or []
        if "split" in snapshot and _key(lines) != snapshot["split"]:
            changes.append(("Rincian Wilayah", shown(snapshot["split_text"]), shown(SplitWidget.text(lines))))
        if "submitted_on" in snapshot and _local_date(instance.submitted_at) != snapshot["submitted_on"]:
            old_on, new_on = snapshot["submitted_on"], _local_date(instance.submitted_at)
            changes.append(("Tanggal Lapor", old_on.strftime("%d/%m/%Y"), new_on.strftime("%d/%m/%Y")))
        return changes

    # -- the rules of a report -----------------------------------------------------------------

    def check_instance(self, instance):
        program = instance.program
        snapshot = getattr(instance, "_import_snapshot", None)
        if snapshot is not None and snapshot.get("status") == RealisationStatus.VERIFIED:
            return {
                "status": _(
                    "laporan ini sudah diverifikasi dan tidak diubah lewat impor. Bila perlu dikoreksi, kembalikan "
                    "laporannya lewat admin lebih dulu."
                )
            }
        if program.status not in REGISTERED_STATES:
            return {
                "program": _(
                    "program '%(title)s' belum terdaftar di dinas (status: %(status)s); laporan realisasi hanya "
                    "untuk program yang terdaftar."
                )
                % {"title": shown(program.title), "status": PROGRAM_STATUS_LABELS[program.status]}
            }
        problems: dict[str, list[str]] = {}
        if period := period_problems(program.agency, instance.year, instance.quarter):
            problems["year"] = period
        lines = instance._import_lines or []
        if split := share_problems(
            amount=instance.amount, shares=lines, targets=program.target_regions.all(), agency=program.agency
        ):
            problems["import_split"] = split
        if counts := count_problems(
            households=instance.households,
            persons=instance.persons,
            women=instance.women,
            children=instance.children,
            elderly=instance.elderly,
            disabled=instance.disabled,
        ):
            problems["persons"] = counts
        on = _local_date(instance.submitted_at)
        if on > timezone.localdate():
            problems["import_submitted_on"] = [
                _("tanggal lapor %(date)s belum tiba.") % {"date": on.strftime("%d/%m/%Y")}
            ]
        if instance.status == RealisationStatus.RETURNED and not instance.review_note.strip():
            problems["review_note"] = [_("laporan yang dikembalikan perlu alasannya di kolom ini.")]
        if problems:
            return {name: " ".join(messages) for name, messages in problems.items()}
        if instance.status == RealisationStatus.VERIFIED:
            instance.verified_by = self._user
            instance.verified_at = timezone.now()
        else:
            instance.verified_by = None
            instance.verified_at = None
        return {}

    def area_problem(self, instance):
        area = getattr(self, "_area", None)
        if area is None:
            return None
        codes = [line.region.code for line in instance._import_lines or []]
        targets = [region.code for region in instance.program.target_regions.all()]
        outside = [code for code in codes if not _in(code, area)]
        if not outside and any(_in(code, area) for code in targets):
            return None
        return _("wilayah %(code)s berada di luar wilayah dinas Anda (%(area)s).") % {
            "code": "; ".join(outside or targets) or "-",
            "area": area,
        }

    def update_field_names(self):
        return [*super().update_field_names(), "submitted_at", "verified_by", "verified_at"]

    # -- writing the split ---------------------------------------------------------------------

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            return
        lines = instance._import_lines or []
        snapshot = getattr(instance, "_import_snapshot", None)
        if snapshot is not None and _key(lines) == snapshot["split"]:
            return
        RealisationShare.objects.filter(realisation=instance).delete()
        RealisationShare.objects.bulk_create(
            RealisationShare(realisation=instance, region=line.region, amount=line.amount, households=line.households)
            for line in lines
        )
        versioned_cache.changed(RealisationShare)  # a bulk write sends no signal

    def row_label(self, instance):
        return f"{instance.program.company.name} · {instance.program.title} · {instance.period_label}"


def _in(code: str, area: str) -> bool:
    return code == area or code.startswith(f"{area}.")
