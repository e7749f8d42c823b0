"""Spreadsheet import and export of partners' CSR programs (realisation reports:
``programs.realisation_resources``).

A program is identified by its partner (``Perusahaan``, the partner's name) and its title
(``Judul Program``), compared without regard to case or repeated spaces.

Staff import programs they register: a row's status is one of the registered states (or
cancelled), its registering agency follows from its target regions (the most local agency whose
area holds them all), and every target lies in the importing account's area. A program that a
company is still taking through the portal's registration (draft, submitted, changes requested,
declined) is left to that workflow: the file does not change it. A new program, and a change of
status, leave a status-change row with the importing account, as the admin's moves do.
"""

from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.scope import agency_for_region
from core.spreadsheets.cells import chunks, norm_key
from core.spreadsheets.columns import Column
from core.spreadsheets.lookups import CsrFieldWidget, ManyLookupWidget, SdgGoalsWidget
from core.spreadsheets.resources import SpreadsheetResource
from core.spreadsheets.widgets import ChoiceWidget, DateWidget, IntegerWidget, RupiahWidget, TextWidget
from partners.resources import CompanyWidget
from programs.models import EDITABLE_STATES, Program, ProgramForm, ProgramStatus, ProgramStatusChange
from programs.rules import target_problems
from regions.models import Region
from regions.widgets import RegionWidget

PROGRAM_FORM_LABELS = {
    ProgramForm.EMPOWERMENT: "Pemberdayaan masyarakat",
    ProgramForm.ENVIRONMENT_SOCIAL: "Bina lingkungan dan sosial",
    ProgramForm.DONATION: "Donasi dan promosi",
    ProgramForm.MICRO_BUSINESS: "Kemitraan usaha mikro dan koperasi",
}
PROGRAM_FORM_ALIASES = {"Donasi": ProgramForm.DONATION, "Kemitraan": ProgramForm.MICRO_BUSINESS}
PROGRAM_STATUS_LABELS = {
    ProgramStatus.DRAFT: "Draf",
    ProgramStatus.SUBMITTED: "Diajukan",
    ProgramStatus.CHANGES_REQUESTED: "Perlu perbaikan",
    ProgramStatus.DECLINED: "Ditolak",
    ProgramStatus.PLANNED: "Direncanakan",
    ProgramStatus.ACTIVE: "Berjalan",
    ProgramStatus.COMPLETED: "Selesai",
    ProgramStatus.CANCELLED: "Dibatalkan",
}
PROGRAM_STATUS_ALIASES = {"Aktif": ProgramStatus.ACTIVE}
# The statuses a staff import may give: a program the agency registers (or has cancelled).
IMPORTED_STATES = (ProgramStatus.PLANNED, ProgramStatus.ACTIVE, ProgramStatus.COMPLETED, ProgramStatus.CANCELLED)
# Statuses the company's registration workflow owns (the portal and the agency's decision).
WORKFLOW_STATES = frozenset(EDITABLE_STATES | {ProgramStatus.SUBMITTED, ProgramStatus.DECLINED})


def common_area(codes: list[str]) -> str:
    """The deepest region code above (or equal to) every one of ``codes``; "" if none is shared."""
    if not codes:
        return ""
    split = [code.split(".") for code in codes]
    shared = []
    for parts in zip(*split, strict=False):
        if len(set(parts)) != 1:
            break
        shared.append(parts[0])
    return ".".join(shared)


def registering_agency(regions: list[Region]) -> Agency | None:
    """The agency that registers a program with these targets: the most local agency whose area
    holds them all (None where no agency does, or the targets have no region in common)."""
    return agency_for_region(common_area([region.code for region in regions]))


def in_area(code: str, area: str) -> bool:
    return code == area or code.startswith(f"{area}.")


class ProgramResource(SpreadsheetResource):
    sheet_title = "Program CSR"
    row_noun = "program"

    company = Column(
        "company",
        "Perusahaan",
        CompanyWidget(),
        example="PT LG Electronics Indonesia",
        help_text="Bersama Judul Program menjadi kunci baris.",
    )
    title = Column("title", "Judul Program", TextWidget(required=True, max_length=250), example="Beasiswa anak panti")
    form = Column(
        "form",
        "Bentuk",
        ChoiceWidget(ProgramForm, PROGRAM_FORM_LABELS, aliases=PROGRAM_FORM_ALIASES, required=True),
        example="Donasi dan promosi",
    )
    fields = Column("fields", "Bidang", ManyLookupWidget(CsrFieldWidget(), required=True), example="Pendidikan")
    budget = Column("budget", "Anggaran (Rp)", RupiahWidget(), example="Rp 500.000.000")
    start_date = Column("start_date", "Tanggal Mulai", DateWidget(required=True), example="01/01/2025")
    end_date = Column("end_date", "Tanggal Selesai", DateWidget(), example="31/12/2025")
    target_regions = Column(
        "target_regions",
        "Wilayah Sasaran",
        ManyLookupWidget(RegionWidget(names=True), required=True),
        example="62.11.01; Kec. Jabiren Raya",
        help_text="Kecamatan atau desa sasaran: kode, kode dan nama, atau nama bila unik di wilayah dinas Anda. "
        "Menentukan dinas yang mencatat program.",
    )
    agency = Column(
        column_name="Dinas Pencatat",
        readonly=True,
        dehydrate_method="dehydrate_agency",
        help_text="Hanya ekspor: mengikuti wilayah sasaran.",
    )
    target_beneficiaries = Column(
        "target_beneficiaries", "Target Penerima Manfaat", IntegerWidget(default=0), example="120"
    )
    status = Column(
        "status",
        "Status",
        ChoiceWidget(
            ProgramStatus, PROGRAM_STATUS_LABELS, aliases=PROGRAM_STATUS_ALIASES, default=ProgramStatus.PLANNED
        ),
        example="Berjalan",
        help_text="Direncanakan, Berjalan, Selesai atau Dibatalkan. Kosong berarti Direncanakan.",
    )
    description = Column("description", "Deskripsi", TextWidget())
    government_program = Column(
        "government_program", "Program Pemerintah yang Didukung", TextWidget(max_length=250), example="PKH"
    )
    sdg_goals = Column(
        "sdg_goals",
        "SDG",
        SdgGoalsWidget(),
        example="1, 4",
        help_text="Nomor tujuan SDG (TPB) yang didukung program, dipisah koma. Kosong: tidak diubah; - : dikosongkan.",
    )

    # Rows are placed by their targets, all of which must lie in the importing account's area.
    area_field = "target_regions"

    class Meta:
        model = Program
        import_id_fields = ("company", "title")
        fields = (
            "company",
            "title",
            "form",
            "fields",
            "budget",
            "start_date",
            "end_date",
            "target_regions",
            "agency",
            "target_beneficiaries",
            "status",
            "description",
            "government_program",
            "sdg_goals",
        )

    def dehydrate_agency(self, program):
        return program.agency.name if program.agency_id else ""

    def existing_instances(self, keys):
        company_ids = {key[0] for key in keys}
        for batch in chunks(company_ids):
            yield from (
                Program.objects.filter(company_id__in=batch)
                .select_related("company", "agency")
                .prefetch_related("fields", "target_regions", "sdg_goals", "sdg_targets")
            )

    def instance_key(self, instance):
        return (instance.company_id, norm_key(instance.title))

    # -- the registering agency, derived from the targets --------------------------------------

    def snapshot(self, instance):
        values = super().snapshot(instance)
        values["agency"] = instance.agency_id
        values["target_codes"] = sorted(region.code for region in instance.target_regions.all())
        return values

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            # The targets this row gives the program (a blank cell of an update keeps the stored
            # ones), and so its registering agency.
            column = self.fields["target_regions"]
            if self.keeps_stored(column, instance, row) or column.column_name not in row:
                targets = list(instance.target_regions.all()) if instance.pk else []
            else:
                try:
                    targets = column.clean(row)
                except ValueError:
                    targets = []  # reported by the column itself
            instance._import_targets = targets
            instance.agency = registering_agency(targets)
            instance._import_sdg_goals = self._row_goals(instance, row)

    def _row_goals(self, instance, row):
        """The goal numbers this row gives the program; None when it keeps the stored ones."""
        column = self.fields["sdg_goals"]
        if column.column_name not in row or self.keeps_stored(column, instance, row):
            return None
        try:
            return {goal.number for goal in column.clean(row)}
        except ValueError:
            return None  # reported by the column itself

    def skip_row(self, instance, original, row, import_validation_errors=None):
        snapshot = getattr(instance, "_import_snapshot", None)
        if snapshot is not None and snapshot["agency"] != instance.agency_id:
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def update_field_names(self):
        return [*super().update_field_names(), "agency"]

    def describe_changes(self, instance):
        changes = super().describe_changes(instance)
        snapshot = getattr(instance, "_import_snapshot", None) or {}
        targets = sorted(region.code for region in getattr(instance, "_import_targets", []))
        if "target_codes" in snapshot and targets != snapshot["target_codes"]:
            changes.append(("Wilayah Sasaran", "; ".join(snapshot["target_codes"]), "; ".join(targets)))
        return changes

    def check_instance(self, instance):
        stored = (getattr(instance, "_import_snapshot", None) or {}).get("status")
        if stored in WORKFLOW_STATES:
            return {
                "status": _(
                    "program ini sedang diurus perusahaan lewat portal (status: %(status)s); putuskan atau ubah "
                    "lewat halaman program di admin, bukan lewat impor."
                )
                % {"status": PROGRAM_STATUS_LABELS[stored]}
            }
        if instance.status not in IMPORTED_STATES:
            return {
                "status": _(
                    "impor oleh dinas mencatat program yang terdaftar: pilih %(choices)s. Program yang diajukan "
                    "perusahaan masuk lewat portal mitra."
                )
                % {"choices": ", ".join(PROGRAM_STATUS_LABELS[state] for state in IMPORTED_STATES)}
            }
        if instance.end_date and instance.start_date and instance.end_date < instance.start_date:
            return {
                "end_date": _("tanggal selesai %(end)s sebelum tanggal mulai %(start)s.")
                % {"end": instance.end_date.strftime("%d/%m/%Y"), "start": instance.start_date.strftime("%d/%m/%Y")}
            }
        targets = instance._import_targets
        if area_problem := self.area_problem(instance):
            return {"target_regions": area_problem}  # says what is wrong, before "no agency covers them"
        if instance.agency is None:
            return {
                "target_regions": _(
                    "tidak ada satu dinas yang wilayahnya mencakup semua wilayah sasaran (%(codes)s); daftarkan "
                    "satu program per dinas."
                )
                % {"codes": "; ".join(region.code for region in targets)}
            }
        if problems := target_problems(instance.agency, targets):
            return {"target_regions": " ".join(problems)}
        goals = getattr(instance, "_import_sdg_goals", None)
        if goals is not None and instance.pk:
            stranded = [target.code for target in instance.sdg_targets.all() if target.goal_id not in goals]
            if stranded:
                return {
                    "sdg_goals": _(
                        "program ini punya target SDG %(targets)s dari tujuan yang tidak ada di kolom SDG; "
                        "tambahkan tujuannya, atau hapus targetnya di halaman program di admin."
                    )
                    % {"targets": ", ".join(stranded)}
                }
        return {}

    def area_problem(self, instance):
        area = getattr(self, "_area", None)
        if area is None:
            return None
        stored = (getattr(instance, "_import_snapshot", None) or {}).get("target_codes", [])
        outside = [code for code in stored if not in_area(code, area)]
        outside += [region.code for region in instance._import_targets if not in_area(region.code, area)]
        if not outside:
            return None
        return _("wilayah %(code)s berada di luar wilayah dinas Anda (%(area)s).") % {
            "code": "; ".join(dict.fromkeys(outside)),
            "area": area,
        }

    # -- the status history ------------------------------------------------------------------

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            return
        stored = (getattr(instance, "_import_snapshot", None) or {}).get("status", "")
        if stored != instance.status:
            ProgramStatusChange.objects.create(
                program=instance,
                old_status=stored,
                new_status=instance.status,
                actor=self._user,
                reason=self._change_reason,
            )

    def row_label(self, instance):
        return f"{instance.company.name} · {instance.title}"
