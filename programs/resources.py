"""Spreadsheet import and export of partners' CSR programs.

A program is identified by its partner (``Perusahaan``, the partner's name) and its title
(``Judul Program``), compared without regard to case or repeated spaces.
"""

from django.utils.translation import gettext as _

from core.spreadsheets.cells import chunks, norm_key
from core.spreadsheets.lookups import CsrFieldWidget, ManyLookupWidget
from core.spreadsheets.resources import Column, SpreadsheetResource
from core.spreadsheets.widgets import ChoiceWidget, DateWidget, IntegerWidget, RupiahWidget, TextWidget
from partners.resources import CompanyWidget
from programs.models import Program, ProgramForm, ProgramStatus
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
        "target_regions", "Wilayah Sasaran", ManyLookupWidget(RegionWidget()), example="62.11.01; 62.11.02"
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
    )
    description = Column("description", "Deskripsi", TextWidget())
    government_program = Column(
        "government_program", "Program Pemerintah yang Didukung", TextWidget(max_length=250), example="PKH"
    )

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
            "target_beneficiaries",
            "status",
            "description",
            "government_program",
        )

    def existing_instances(self, keys):
        company_ids = {key[0] for key in keys}
        for batch in chunks(company_ids):
            yield from (
                Program.objects.filter(company_id__in=batch)
                .select_related("company")
                .prefetch_related("fields", "target_regions")
            )

    def instance_key(self, instance):
        return (instance.company_id, norm_key(instance.title))

    def check_instance(self, instance):
        if instance.end_date and instance.start_date and instance.end_date < instance.start_date:
            return {
                "end_date": _("tanggal selesai %(end)s sebelum tanggal mulai %(start)s.")
                % {"end": instance.end_date.strftime("%d/%m/%Y"), "start": instance.start_date.strftime("%d/%m/%Y")}
            }
        return {}

    def row_label(self, instance):
        return f"{instance.company.name} · {instance.title}"
