"""Spreadsheet import and export of facilities and their needs: the resources, and the labels
and synonyms of their choice columns (the cells that look a facility or a unit up are in
``facilities.widgets``).

Natural keys, never database ids:

* a facility is identified by its code, the ``Kode Panti`` column (the facility's slug, e.g.
  ``psbr-taruna-jaya-1``);
* a need has no code of its own: it is identified by its facility (``Kode Panti``, or else
  ``Nama Panti`` when that name is unique) and its title (``Judul Kebutuhan``), compared without
  regard to case or repeated spaces. Importing a row whose facility and title match an existing
  need updates that need; otherwise a new need is created. Two needs of one facility with the
  same title cannot be updated from a file until they are told apart in the admin.

The coverage counters of a need (``quantity_pending``, ``quantity_covered``,
``quantity_delivered``) are exported for reading but never imported: only the pledge services
move them.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from core.identifiers import compact_registration
from core.spreadsheets.cells import chunks, norm_key
from core.spreadsheets.columns import Column
from core.spreadsheets.identified import IdentifiedRowsMixin, IdentifierWidget
from core.spreadsheets.lookups import CsrFieldWidget
from core.spreadsheets.resources import SpreadsheetResource
from core.spreadsheets.widgets import (
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    RupiahWidget,
    TextWidget,
    YesNoWidget,
)
from facilities import services as need_services
from facilities.models import AccreditationGrade, Facility, FacilityType, Need, NeedKind, NeedStatus, Operator, Priority
from facilities.widgets import FacilityWidget, UnitWidget
from regions.widgets import RegionWidget

FACILITY_TYPE_LABELS = {
    FacilityType.CHILDREN: "Anak (PSAA)",
    FacilityType.YOUTH: "Remaja (PSBR)",
    FacilityType.ELDERLY: "Lanjut usia (PSTW)",
    FacilityType.PSYCHOSOCIAL: "Disabilitas psikososial (PSBL)",
    FacilityType.VISUAL: "Disabilitas netra (PSBN)",
    FacilityType.INTELLECTUAL: "Disabilitas intelektual (PSBG)",
    FacilityType.PHYSICAL: "Disabilitas fisik (PSBD)",
    FacilityType.HOMELESS: "Gelandangan, pengemis dan orang terlantar (PSBK/PSBI)",
    FacilityType.WOMEN: "Perempuan (PSKW)",
    FacilityType.OTHER: "Lainnya",
}
# What staff call them: the facility acronyms.
FACILITY_TYPE_ALIASES = {
    "PSAA": FacilityType.CHILDREN,
    "PSBR": FacilityType.YOUTH,
    "PSTW": FacilityType.ELDERLY,
    "PSBL": FacilityType.PSYCHOSOCIAL,
    "PSBN": FacilityType.VISUAL,
    "PSBG": FacilityType.INTELLECTUAL,
    "PSBD": FacilityType.PHYSICAL,
    "PSBK": FacilityType.HOMELESS,
    "PSBI": FacilityType.HOMELESS,
    "PSKW": FacilityType.WOMEN,
}
OPERATOR_LABELS = {
    Operator.DINSOS: "Dinsos (panti/UPT)",
    Operator.COMMUNITY: "Masyarakat (LKS)",
}
ACCREDITATION_LABELS = {AccreditationGrade.A: "A", AccreditationGrade.B: "B", AccreditationGrade.C: "C"}
OPERATOR_ALIASES = {"UPT": Operator.DINSOS, "Panti": Operator.DINSOS, "LKS": Operator.COMMUNITY}
NEED_KIND_LABELS = {
    NeedKind.GOODS: "Barang",
    NeedKind.SERVICES: "Jasa atau pelatihan",
    NeedKind.WORKS: "Pekerjaan (konstruksi, perbaikan)",
    NeedKind.PLACEMENTS: "Penempatan kerja",
    NeedKind.VOLUNTEERS: "Relawan",
    NeedKind.FUNDS: "Dana",
}
# The words clerks type, in both languages (docs/decisions.md has the table); compared without
# regard to case or surrounding spaces.
NEED_KIND_ALIASES = {
    "Goods": NeedKind.GOODS,
    "Jasa": NeedKind.SERVICES,
    "Pelatihan": NeedKind.SERVICES,
    "Services": NeedKind.SERVICES,
    "Training": NeedKind.SERVICES,
    "Pekerjaan": NeedKind.WORKS,
    "Works": NeedKind.WORKS,
    "Penempatan": NeedKind.PLACEMENTS,
    "Placements": NeedKind.PLACEMENTS,
    "Volunteers": NeedKind.VOLUNTEERS,
    "Uang": NeedKind.FUNDS,
    "Funds": NeedKind.FUNDS,
}
PRIORITY_LABELS = {
    Priority.URGENT: "Mendesak",
    Priority.HIGH: "Tinggi",
    Priority.NORMAL: "Normal",
    Priority.LOW: "Rendah",
}
PRIORITY_ALIASES = {
    "Segera": Priority.URGENT,
    "Urgent": Priority.URGENT,
    "Darurat": Priority.URGENT,
    "High": Priority.HIGH,
    "Penting": Priority.HIGH,
    "Sedang": Priority.NORMAL,
    "Medium": Priority.NORMAL,
    "Biasa": Priority.NORMAL,
    "Low": Priority.LOW,
}
NEED_STATUS_LABELS = {
    NeedStatus.DRAFT: "Draf",
    NeedStatus.OPEN: "Terbuka",
    NeedStatus.FULFILLED: "Terpenuhi",
    NeedStatus.CANCELLED: "Dibatalkan",
}


class FacilityResource(IdentifiedRowsMixin, SpreadsheetResource):
    sheet_title = "Panti"
    row_noun = "panti"
    # A row with an LKS registration number already registered updates that facility.
    identifier_fields = ("lks_registration_number",)
    # A row outside the importing account's area is refused.
    area_field = "region"
    area_path = "region_id"

    slug = Column(
        "slug",
        "Kode Panti",
        TextWidget(required=True, max_length=200, lower=True),
        example="psbr-taruna-jaya-1",
        help_text="Kunci baris: huruf kecil, angka dan tanda hubung. Panti dengan kode yang sama diperbarui.",
    )
    name = Column("name", "Nama Panti", TextWidget(required=True, max_length=200), example="PSBR Taruna Jaya 1")
    facility_type = Column(
        "facility_type",
        "Jenis Panti",
        ChoiceWidget(FacilityType, FACILITY_TYPE_LABELS, aliases=FACILITY_TYPE_ALIASES, required=True),
        example="PSBR",
    )
    operator = Column(
        "operator",
        "Pengelola",
        ChoiceWidget(Operator, OPERATOR_LABELS, aliases=OPERATOR_ALIASES, default=Operator.DINSOS),
        example="Dinsos (panti/UPT)",
    )
    lks_registration_number = Column(
        "lks_registration_number",
        "Nomor Tanda Daftar LKS",
        IdentifierWidget(compact=compact_registration, max_length=100),
        example="460/123/DINSOS/2024",
        help_text="Panti dengan nomor tanda daftar yang sama diperbarui.",
    )
    accreditation_grade = Column(
        "accreditation_grade",
        "Akreditasi",
        ChoiceWidget(AccreditationGrade, ACCREDITATION_LABELS, default=""),
        example="A",
    )
    accreditation_date = Column("accreditation_date", "Tanggal Akreditasi", DateWidget(), example="2024-05-17")
    region = Column("region", "Kode Wilayah", RegionWidget(), example="31.75.01")
    region_name = Column(
        column_name="Nama Wilayah", readonly=True, dehydrate_method="dehydrate_region_name", help_text="Hanya ekspor."
    )
    address = Column("address", "Alamat", TextWidget())
    address_public = Column(
        "address_public",
        "Alamat Tampil di Publik",
        YesNoWidget(default=True),
        example="Ya",
        help_text="Tidak: alamat disembunyikan dari halaman publik (mis. rumah aman).",
    )
    latitude = Column(
        "latitude",
        "Lintang",
        DecimalWidget(decimal_places=6, min_value=Decimal(-90), max_value=Decimal(90)),
        example="-6.321000",
    )
    longitude = Column(
        "longitude",
        "Bujur",
        DecimalWidget(decimal_places=6, min_value=Decimal(-180), max_value=Decimal(180)),
        example="106.862000",
    )
    capacity = Column("capacity", "Kapasitas", IntegerWidget(), example="100")
    residents = Column("residents", "Jumlah Penghuni", IntegerWidget(), example="80")
    background = Column("background", "Latar Belakang", TextWidget())
    background_en = Column("background_en", "Latar Belakang (English)", TextWidget())
    intervention_programs = Column("intervention_programs", "Program Intervensi", TextWidget())
    intervention_programs_en = Column("intervention_programs_en", "Program Intervensi (English)", TextWidget())
    phone = Column(
        "phone",
        "Telepon Kantor (publik)",
        TextWidget(max_length=50),
        example="021-8400001",
        help_text="Nomor kantor panti yang tampil di halaman publik; kolom 'Telepon' tetap rahasia.",
    )
    head_name = Column("head_name", "Kepala Panti", TextWidget(max_length=200))
    contact_phone = Column("contact_phone", "Telepon", TextWidget(max_length=50), example="021-8400000")
    contact_email = Column("contact_email", "Email", TextWidget(max_length=254))
    is_published = Column("is_published", "Tampil di Publik", YesNoWidget(default=True), example="Ya")

    class Meta:
        model = Facility
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "name",
            "facility_type",
            "operator",
            "region",
            "region_name",
            "lks_registration_number",
            "accreditation_grade",
            "accreditation_date",
            "address",
            "address_public",
            "latitude",
            "longitude",
            "capacity",
            "residents",
            "background",
            "intervention_programs",
            "background_en",
            "intervention_programs_en",
            "phone",
            "head_name",
            "contact_phone",
            "contact_email",
            "is_published",
        )

    def dehydrate_region_name(self, facility):
        return facility.region.name if facility.region_id else ""

    def identified_queryset(self):
        return Facility.objects.select_related("region")

    def existing_instances(self, keys):
        slugs = [key[0] for key in keys]
        for batch in chunks(slugs):
            yield from Facility.objects.filter(slug__in=batch).select_related("region")

    def instance_key(self, instance):
        return (norm_key(instance.slug),)

    def check_instance(self, instance):
        problems = self.identifier_problems(instance)
        if instance.accreditation_date is not None and not instance.accreditation_grade:
            problems["accreditation_date"] = _("tanggal akreditasi perlu nilai akreditasinya (A, B atau C).")
        return problems

    def row_label(self, instance):
        return f"{instance.slug} · {instance.name}"


class NeedResource(SpreadsheetResource):
    sheet_title = "Kebutuhan"
    row_noun = "kebutuhan"
    # A row outside the importing account's area is refused.
    area_field = "facility"
    area_path = "facility.region_id"
    column_alternatives = {"facility": ("Kode Panti", "Nama Panti")}

    facility = Column(
        "facility",
        "Kode Panti",
        FacilityWidget(name_column="Nama Panti"),
        example="psbr-taruna-jaya-1",
        help_text="Bersama Judul Kebutuhan menjadi kunci baris.",
    )
    facility_name = Column(
        column_name="Nama Panti",
        readonly=True,
        dehydrate_method="dehydrate_facility_name",
        example="PSBR Taruna Jaya 1",
        help_text="Dipakai bila Kode Panti kosong (nama harus unik).",
    )
    title = Column(
        "title",
        "Judul Kebutuhan",
        TextWidget(required=True, max_length=200),
        example="Kasur busa",
        help_text="Bersama panti menjadi kunci baris: judul yang sama di panti yang sama diperbarui.",
    )
    title_en = Column(
        "title_en",
        "Judul (English)",
        TextWidget(max_length=200),
        example="Foam mattresses",
        help_text="Boleh kosong: pembaca berbahasa Inggris lalu melihat judul Indonesia.",
    )
    description = Column("description", "Deskripsi", TextWidget())
    description_en = Column("description_en", "Deskripsi (English)", TextWidget())
    field = Column("field", "Bidang", CsrFieldWidget(), example="Kesehatan")
    kind = Column(
        "kind",
        "Jenis Kebutuhan",
        ChoiceWidget(NeedKind, NEED_KIND_LABELS, aliases=NEED_KIND_ALIASES, required=True),
        example="Barang",
    )
    quantity = Column("quantity", "Jumlah", IntegerWidget(required=True, min_value=1), example="40")
    unit = Column("unit", "Satuan", UnitWidget(required=True, max_length=40), example="buah")
    unit_cost = Column("unit_cost", "Harga Satuan (Rp)", RupiahWidget(), example="Rp 1.250.000")
    priority = Column(
        "priority",
        "Prioritas",
        ChoiceWidget(Priority, PRIORITY_LABELS, aliases=PRIORITY_ALIASES, default=Priority.NORMAL),
        example="Tinggi",
    )
    needed_by = Column("needed_by", "Dibutuhkan Paling Lambat", DateWidget(), example="31/12/2025")
    beneficiaries = Column("beneficiaries", "Penerima Manfaat", IntegerWidget(default=0), example="40")
    status = Column(
        "status", "Status", ChoiceWidget(NeedStatus, NEED_STATUS_LABELS, default=NeedStatus.OPEN), example="Terbuka"
    )
    is_public = Column("is_public", "Tampil di Publik", YesNoWidget(default=True), example="Ya")
    source = Column("source", "Sumber Data", TextWidget(max_length=200), example="Asesmen kebutuhan 2025")
    source_date = Column("source_date", "Tanggal Sumber Data", DateWidget(), example="2025-01-15")
    quantity_pending = Column(
        "quantity_pending", "Jumlah Menunggu Jawaban", IntegerWidget(), readonly=True, help_text="Hanya ekspor."
    )
    quantity_covered = Column(
        "quantity_covered", "Jumlah Sudah Dijanjikan", IntegerWidget(), readonly=True, help_text="Hanya ekspor."
    )
    quantity_delivered = Column(
        "quantity_delivered", "Jumlah Sudah Tersalurkan", IntegerWidget(), readonly=True, help_text="Hanya ekspor."
    )

    class Meta:
        model = Need
        import_id_fields = ("facility", "title")
        use_bulk = True
        batch_size = 1000
        fields = (
            "facility",
            "facility_name",
            "title",
            "description",
            "field",
            "kind",
            "quantity",
            "unit",
            "unit_cost",
            "priority",
            "needed_by",
            "beneficiaries",
            "status",
            "is_public",
            "source",
            "source_date",
            "title_en",
            "description_en",
            "quantity_pending",
            "quantity_covered",
            "quantity_delivered",
        )

    def dehydrate_facility_name(self, need):
        return need.facility.name

    def existing_instances(self, keys):
        # The stored status of each need, so that a row's status is checked as a move from it.
        self.stored_status: dict[int, str] = {}
        facility_ids = {key[0] for key in keys}
        for batch in chunks(facility_ids):
            for need in Need.objects.filter(facility_id__in=batch).select_related("facility", "field"):
                self.stored_status[need.pk] = need.status
                yield need

    def instance_key(self, instance):
        return (instance.facility_id, norm_key(instance.title))

    def check_instance(self, instance):
        """The need services' rules (facilities.services), row by row: a quantity below what
        pledges hold, and a status that is not a move the services allow, are refused; whether
        a need is fulfilled follows from its deliveries and quantity, as in the services.

        A new row may carry any status: a register moved in from a spreadsheet keeps its
        cancelled and fulfilled needs as records (they have no pledges here)."""
        if instance.pk is None:
            return {}
        held = need_services.held_quantity(instance)
        if instance.quantity < held:
            return {
                "quantity": _(
                    "jumlah %(quantity)s lebih kecil dari yang sudah dijanjikan atau sedang ditawarkan mitra "
                    "(%(held)s). Kurangi atau batalkan janji bantuan lebih dulu."
                )
                % {"quantity": instance.quantity, "held": held}
            }
        stored = need_services.settled_status(instance, self.stored_status.get(instance.pk, instance.status))
        wanted = need_services.settled_status(instance, instance.status)
        if problem := need_services.move_problem(instance, stored, wanted):
            return {"status": problem}
        instance.status = wanted
        return {}

    def row_label(self, instance):
        return f"{instance.facility.slug} · {instance.title}"
