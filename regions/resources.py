"""Spreadsheet import and export of poverty figures, the aggregates field officers send per
district (kecamatan).

A row is identified by its region (``Kode Wilayah``, the Kemendagri code), year (``Tahun``) and
source (``Sumber``): the same three in a later file update the figures. Aggregates only: no
person or household is ever imported.
"""

from core.spreadsheets.cells import chunks
from core.spreadsheets.columns import Column
from core.spreadsheets.resources import SpreadsheetResource
from core.spreadsheets.widgets import ChoiceWidget, DateWidget, IntegerWidget, TextWidget
from regions.models import PovertyFigure, PovertySource
from regions.widgets import RegionWidget

POVERTY_SOURCE_LABELS = {
    PovertySource.DTKS: "DTKS",
    PovertySource.DTSEN: "DTSEN",
    PovertySource.BPS: "BPS",
}


class PovertyFigureResource(SpreadsheetResource):
    sheet_title = "Angka Kemiskinan"
    row_noun = "angka kemiskinan"
    # A row outside the importing account's area is refused.
    area_field = "region"
    area_path = "region_id"

    region = Column(
        "region",
        "Kode Wilayah",
        RegionWidget(),
        example="62.11.01",
        help_text="Bersama Tahun dan Sumber menjadi kunci baris.",
    )
    region_name = Column(
        column_name="Nama Wilayah", readonly=True, dehydrate_method="dehydrate_region_name", help_text="Hanya ekspor."
    )
    year = Column("year", "Tahun", IntegerWidget(required=True, min_value=2000, max_value=2100), example="2024")
    poor_households = Column(
        "poor_households", "Jumlah Rumah Tangga Miskin", IntegerWidget(required=True), example="1.200"
    )
    poor_individuals = Column("poor_individuals", "Jumlah Penduduk Miskin", IntegerWidget(), example="4.300")
    source = Column(
        "source", "Sumber", ChoiceWidget(PovertySource, POVERTY_SOURCE_LABELS, required=True), example="DTKS"
    )
    source_date = Column("source_date", "Tanggal Data", DateWidget(required=True), example="31/12/2024")
    notes = Column("notes", "Catatan", TextWidget())

    class Meta:
        model = PovertyFigure
        import_id_fields = ("region", "year", "source")
        use_bulk = True
        batch_size = 1000
        fields = (
            "region",
            "region_name",
            "year",
            "poor_households",
            "poor_individuals",
            "source",
            "source_date",
            "notes",
        )

    def dehydrate_region_name(self, figure):
        return figure.region.name

    def existing_instances(self, keys):
        codes = {key[0] for key in keys}
        for batch in chunks(codes):
            yield from PovertyFigure.objects.filter(region_id__in=batch).select_related("region")

    def instance_key(self, instance):
        return (instance.region_id, instance.year, instance.source)

    def row_label(self, instance):
        return f"{instance.region_id} {instance.region.name} · {instance.year} · {instance.get_source_display()}"
