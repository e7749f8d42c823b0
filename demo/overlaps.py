"""Demo data of issue 26 (government coverage and overlap warnings), so each warning can be seen:

* LKS Lansia Betang Sejahtera (Maliku) has its elderly health checks paid by the APBD (a record
  of the facility), and a draft need "Pemeriksaan kesehatan dan obat lansia" that Dinsos has not
  published yet: publishing it (or adding a similar need) shows the APBD program and the
  facility's open need "Pemeriksaan kesehatan lansia berkala".
* PT Kahayan Mineral Utama has submitted "Sumur bor dan tandon air bersih Maliku" for
  registration: it targets Maliku in the health field in 2026, where PT Sebangau Agro Mandiri
  runs "Air bersih desa gambut". Registering it shows that program.
* PKH (bansos) and APBD records per kecamatan, which the reports show beside CSR.

Idempotent: each row is found by its natural key and written once; a re-run changes nothing
(the coverage of the facility follows the current year, so the warning stays visible).
"""

import datetime

from django.utils import timezone

from coverage import services as coverage_services
from coverage.models import CoverageSource, GovernmentCoverage, SupportKind
from facilities import services as need_services
from facilities.models import Facility, Need, NeedKind, Priority
from partners.models import Company
from programs.models import Program, ProgramForm, ProgramStatus
from programs.resources import registering_agency
from regions.models import Region

FACILITY = "lks-lansia-betang-sejahtera"
DRAFT_NEED = "Pemeriksaan kesehatan dan obat lansia"
APBD_PROGRAM = "Pemeriksaan kesehatan lansia panti oleh Puskesmas Maliku (APBD Kabupaten)"
OVERLAPPING_PROGRAM = "Sumur bor dan tandon air bersih Maliku"

# Kecamatan records: (code, source, program, field, kind, rupiah, households).
KECAMATAN_COVERAGE = (
    ("62.11.01", CoverageSource.BANSOS, "PKH", "sosial-keagamaan", SupportKind.CASH, 1_850_000_000, 740),
    ("62.11.05", CoverageSource.BANSOS, "PKH", "sosial-keagamaan", SupportKind.CASH, 1_120_000_000, 450),
    ("62.11.06", CoverageSource.BANSOS, "BPNT (sembako)", "sosial-keagamaan", SupportKind.FOOD, 610_000_000, 300),
    (
        "62.11.06",
        CoverageSource.APBD,
        "Rehabilitasi rumah tidak layak huni",
        "infrastruktur",
        SupportKind.WORKS,
        900_000_000,
        45,
    ),
)


def _year() -> tuple[datetime.date, datetime.date]:
    year = timezone.localdate().year
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def load_overlaps() -> None:
    facility = Facility.objects.filter(slug=FACILITY).first()
    if facility is None:
        return
    start, end = _year()
    record = GovernmentCoverage.objects.filter(facility=facility, program_name=APBD_PROGRAM).first()
    if record is not None and (record.start_date, record.end_date) != (start, end):
        # The facility's APBD record follows the current year, so its warning stays visible.
        coverage_services.coverage_update(record=record, actor=None, changes={"start_date": start, "end_date": end})
    elif record is None:
        coverage_services.coverage_create(
            actor=None,
            source=CoverageSource.APBD,
            program_name=APBD_PROGRAM,
            region=None,
            facility=facility,
            field_id="kesehatan",
            start_date=start,
            end_date=end,
            kind=SupportKind.SERVICES,
            amount=96_000_000,
            households=0,
            note="Pemeriksaan bulanan 60 lansia penghuni panti; obat dari Puskesmas.",
        )
    for code, source, name, field, kind, amount, households in KECAMATAN_COVERAGE:
        region = Region.objects.filter(code=code).first()
        if region is None or GovernmentCoverage.objects.filter(region=region, program_name=name).exists():
            continue
        coverage_services.coverage_create(
            actor=None,
            source=source,
            program_name=name,
            region=region,
            field_id=field,
            start_date=start,
            end_date=end,
            kind=kind,
            amount=amount,
            households=households,
        )
    if not Need.objects.filter(facility=facility, title=DRAFT_NEED).exists():
        need_services.need_create(
            actor=None,
            publish=False,
            facility=facility,
            title=DRAFT_NEED,
            description="Obat-obatan dan pemeriksaan tekanan darah serta gula darah untuk 60 lansia.",
            field_id="kesehatan",
            kind=NeedKind.SERVICES,
            quantity=12,
            unit="bulan",
            unit_cost=4_500_000,
            priority=Priority.HIGH,
            needed_by=datetime.date(2027, 3, 31),
            beneficiaries=60,
        )
    _overlapping_program()


def _overlapping_program() -> None:
    company = Company.objects.filter(slug="kahayan-mineral-utama").first()
    maliku = list(Region.objects.filter(code="62.11.06"))
    if company is None or not maliku or Program.objects.filter(company=company, title=OVERLAPPING_PROGRAM).exists():
        return
    program = Program.objects.create(
        company=company,
        agency=registering_agency(maliku),
        title=OVERLAPPING_PROGRAM,
        form=ProgramForm.DONATION,
        budget=420_000_000,
        start_date=datetime.date(2026, 7, 1),
        end_date=datetime.date(2026, 12, 31),
        target_beneficiaries=350,
        status=ProgramStatus.SUBMITTED,
        description="Sumur bor dalam dan tandon air bersih untuk tiga desa di Kecamatan Maliku.",
        government_program="Penanggulangan kemiskinan Kabupaten Pulang Pisau (data DTKS Dinsos)",
    )
    program.fields.set(["kesehatan"])
    program.target_regions.set(maliku)
