"""Spreadsheet import and export of government coverage (issue 26): the APBD and bansos
records staff receive from Bappeda or the social-aid data per kecamatan.

A row is identified by its kecamatan (``Kode Wilayah``), program (``Nama Program``), field
(``Bidang``) and start (``Mulai``): the same four in a later file update the amounts. The same
rules as ``coverage.services``: a kecamatan (never a regency or village), a facility only in that
kecamatan, a period that ends after it starts, and rupiah or households. Aggregates only.
"""

from django.utils.translation import gettext as _

from core.spreadsheets.cells import chunks, norm_key
from core.spreadsheets.columns import Column
from core.spreadsheets.lookups import CsrFieldWidget
from core.spreadsheets.resources import SpreadsheetResource
from core.spreadsheets.widgets import ChoiceWidget, DateWidget, IntegerWidget, RupiahWidget, TextWidget
from coverage.models import CoverageSource, GovernmentCoverage, SupportKind
from coverage.services import kecamatan_code
from facilities.widgets import FacilityWidget
from regions.models import RegionLevel
from regions.widgets import RegionWidget

SOURCE_LABELS = {
    CoverageSource.APBD: "APBD",
    CoverageSource.BANSOS: "Bansos",
    CoverageSource.CENTRAL: "Program pusat",
    CoverageSource.OTHER: "Lainnya",
}
SOURCE_ALIASES = {"pkh": CoverageSource.BANSOS, "bpnt": CoverageSource.BANSOS, "apbn": CoverageSource.CENTRAL}
KIND_LABELS = {
    SupportKind.CASH: "Tunai",
    SupportKind.FOOD: "Pangan",
    SupportKind.GOODS: "Barang",
    SupportKind.SERVICES: "Layanan",
    SupportKind.WORKS: "Pekerjaan",
    SupportKind.OTHER: "Lainnya",
}


class GovernmentCoverageResource(SpreadsheetResource):
    sheet_title = "Cakupan Pemerintah"
    row_noun = "cakupan program pemerintah"
    area_field = "region"
    area_path = "region_id"

    region = Column("region", "Kode Wilayah", RegionWidget(), example="62.11.01", help_text="Kode kecamatan.")
    program_name = Column("program_name", "Nama Program", TextWidget(required=True), example="PKH")
    source = Column(
        "source",
        "Sumber",
        ChoiceWidget(CoverageSource, SOURCE_LABELS, aliases=SOURCE_ALIASES, required=True),
        example="Bansos",
    )
    facility = Column(
        "facility",
        "Kode Panti",
        FacilityWidget(name_column="Nama Panti", required=False),
        example="",
        help_text="Kosongkan untuk seluruh kecamatan.",
    )
    field = Column("field", "Bidang", CsrFieldWidget(), example="Kesehatan")
    start_date = Column("start_date", "Mulai", DateWidget(required=True), example="01/01/2026")
    end_date = Column("end_date", "Selesai", DateWidget(required=True), example="31/12/2026")
    kind = Column("kind", "Jenis Bantuan", ChoiceWidget(SupportKind, KIND_LABELS, required=True), example="Tunai")
    amount = Column("amount", "Jumlah (Rp)", RupiahWidget(default=0), example="1.500.000.000")
    households = Column("households", "Rumah Tangga", IntegerWidget(default=0), example="620")
    note = Column("note", "Catatan", TextWidget())

    class Meta:
        model = GovernmentCoverage
        import_id_fields = ("region", "program_name", "field", "start_date")
        fields = (
            "region",
            "program_name",
            "source",
            "facility",
            "field",
            "start_date",
            "end_date",
            "kind",
            "amount",
            "households",
            "note",
        )

    def existing_instances(self, keys):
        codes = {key[0] for key in keys}
        for batch in chunks(codes):
            yield from GovernmentCoverage.objects.filter(region_id__in=batch).select_related("region", "facility")

    def instance_key(self, instance):
        return (instance.region_id, norm_key(instance.program_name), instance.field_id, instance.start_date)

    def check_instance(self, instance):
        problems = {}
        if instance.region_id and instance.region.level != RegionLevel.DISTRICT:
            problems["region"] = _("pilih kecamatan (kode seperti 62.11.01).")
        if instance.facility_id and kecamatan_code(instance.facility.region_id) != instance.region_id:
            problems["facility"] = _("panti ini tidak berada di kecamatan %(code)s.") % {"code": instance.region_id}
        if instance.start_date and instance.end_date and instance.end_date < instance.start_date:
            problems["end_date"] = _("periode berakhir sebelum dimulai.")
        if not (instance.amount or instance.households):
            problems["amount"] = _("isi jumlah rupiah, jumlah rumah tangga, atau keduanya.")
        return problems

    def row_label(self, instance):
        return f"{instance.region_id} · {instance.program_name} · {instance.start_date:%d/%m/%Y}"
