"""Demo data of issue 26: a facility and a company registered a second time under a slightly
different name, so that the duplicate warnings and the merge can be seen.

* "Panti Asuhan Harapan Kahayan" in Kahayan Hilir is LKSA Harapan Kahayan again (a community
  LKS is often registered once by its foundation's name and once as an LKSA);
* "Kahayan Sawit Lestari Tbk" is PT Kahayan Sawit Lestari, typed from a letterhead.

Once staff merge one of them, a later ``load_demo`` does not bring it back.
"""

from demo.data import (
    GOODS,
    HIGH,
    NORMAL,
    PULPIS_2025,
    CompanyData,
    FacilityData,
    NeedData,
)
from duplicates.models import MergeRecord
from facilities.models import FacilityType, Operator
from partners.models import CompanyKind

FACILITY = FacilityData(
    slug="panti-asuhan-harapan-kahayan",
    name="Panti Asuhan Harapan Kahayan",
    facility_type=FacilityType.CHILDREN,
    operator=Operator.COMMUNITY,
    region="62.11.05",  # Kahayan Hilir, as LKSA Harapan Kahayan
    address="Kelurahan Pulang Pisau, Kahayan Hilir",
    capacity=50,
    residents=38,
    head_name="Yohanes Nyahu (demo)",
    contact_phone="0513-0000-0201",
    contact_email="",
    background="Didaftarkan dari surat permohonan bantuan yayasan (data demo: sama dengan LKSA Harapan Kahayan).",
    intervention_programs="Pengasuhan dan pendampingan sekolah anak.",
    needs=(
        NeedData(
            title="Seragam dan buku sekolah anak",
            field="pendidikan",
            kind=GOODS,
            quantity=38,
            unit="paket",
            unit_cost=750_000,
            priority=HIGH,
            due_in_months=6,
            beneficiaries=38,
            description="Dari surat permohonan yayasan: seragam dan buku untuk tahun ajaran baru.",
            source=PULPIS_2025,
        ),
        NeedData(
            title="Lemari pakaian asrama",
            field="infrastruktur",
            kind=GOODS,
            quantity=10,
            unit="buah",
            unit_cost=1_800_000,
            priority=NORMAL,
            due_in_months=9,
            beneficiaries=38,
            description="Lemari dua pintu untuk kamar anak.",
            source=PULPIS_2025,
        ),
        NeedData(
            title="Lemari pakaian untuk asrama",
            field="infrastruktur",
            kind=GOODS,
            quantity=10,
            unit="buah",
            unit_cost=1_800_000,
            priority=NORMAL,
            due_in_months=9,
            beneficiaries=38,
            description="Dicatat dua kali dari dua surat (data demo: contoh kebutuhan ganda).",
            source=PULPIS_2025,
        ),
    ),
)

COMPANY = CompanyData(
    slug="kahayan-sawit-lestari-tbk",
    name="Kahayan Sawit Lestari Tbk",
    kind=CompanyKind.COMPANY,
    country="Indonesia",
    region="62.11.04",  # Banama Tingang, as PT Kahayan Sawit Lestari
    business_scope="Perkebunan kelapa sawit.",
    csr_strategy="",
    focus_fields=("ekonomi-kerakyatan",),
    preferred_regions=("62.11.04",),
    address="Banama Tingang, Pulang Pisau",
    email="",
    phone="0513-0000-0401",
)


def _not_merged(rows, kind: str):
    merged = set(MergeRecord.objects.filter(kind=kind).values_list("snapshot__slug", flat=True))
    return tuple(row for row in rows if row.slug not in merged)


def facilities() -> tuple[FacilityData, ...]:
    return _not_merged((FACILITY,), "facility")


def companies() -> tuple[CompanyData, ...]:
    return _not_merged((COMPANY,), "company")
