"""The demo data set loaded by ``manage.py load_demo``: plain data, no database access.

What is real and what is demonstration:

* Real, from the users' own sources (``docs`` and the two press articles): the Jakarta meeting of
  29 August 2024 with six Korean companies and the Korean Association in Indonesia, led by Premi
  Lasari (Kepala Dinas Sosial DKI Jakarta); PSBR Taruna Jaya 1 in Tebet as the KOICA project site;
  the KOICA consortium (KDS, World Vision Korea, Rebach International); Perbup Pulang Pisau
  No. 24/2020 on the Forum TSLP with Eknamesi Tawun (Kepala Dinas Sosial) and Mahdalene (Kabid
  Pemberdayaan Sosial dan Penanganan Fakir Miskin); the Kemendagri region codes.
* Representative: the names of the other 22 DKI panti follow the real naming scheme of Dinsos DKI
  (PSAA Putra Utama, PSTW Budi Mulia, PSBL Harapan Sentosa, PSBI Bangun Daya, ...), but their
  numbering, districts, capacities and texts are demo values, not an official list.
* Fictional: heads of facilities, contacts, CSR officers, needs and their costs, programs and
  budgets, realisation reports and their figures, the Pulang Pisau companies other than Bank
  Kalteng and PLN (whose forum membership and programs are demo data too), the Pulang Pisau LKS,
  and the poverty figures (plausible DTKS-like aggregates, not official data). Phone numbers use the
  non-existent ``021-0000-…`` / ``0513-0000-…`` ranges and e-mail addresses are under
  ``example.org``.

Natural keys (slugs, names, codes, titles within a facility or company) make the loader
idempotent; change a value here and the next ``load_demo`` updates the row in place.
"""

import calendar
import datetime
from dataclasses import dataclass

from agencies.models import AgencyLevel, ReportingPeriod, StaffRole
from facilities.models import FacilityType, MemberRole, NeedKind, Operator, Priority
from matching.models import PledgeOrigin, PledgeStatus
from partners.models import CompanyKind, EngagementKind, OfficerRole
from programs.models import ProgramForm, ProgramStatus, RealisationStatus

# Every "needed by" date is counted in whole months from this fixed date, so the data is the
# same on every run and every machine (November 2026 to December 2027).
REFERENCE_DATE = datetime.date(2026, 9, 1)

KOREA = "Korea Selatan"

# Jakarta regency/city codes (Kemendagri).
KEPULAUAN_SERIBU = "31.01"
JAKARTA_PUSAT = "31.71"
JAKARTA_UTARA = "31.72"
JAKARTA_BARAT = "31.73"
JAKARTA_SELATAN = "31.74"
JAKARTA_TIMUR = "31.75"
PULANG_PISAU = "62.11"

ASSESSMENT_2024 = (
    "Asesmen kebutuhan panti Dinsos DKI (pertemuan CSR Korea, 29 Agustus 2024)",
    datetime.date(2024, 8, 29),
)
UPDATE_2025 = ("Pemutakhiran kebutuhan panti Dinsos DKI, Desember 2025", datetime.date(2025, 12, 15))
PULPIS_2025 = (
    "Pendataan kebutuhan LKS oleh Dinsos Pulang Pisau dan petugas lapangan, November 2025",
    datetime.date(2025, 11, 20),
)

GOODS = NeedKind.GOODS
SERVICES = NeedKind.SERVICES
WORKS = NeedKind.WORKS
PLACEMENTS = NeedKind.PLACEMENTS
VOLUNTEERS = NeedKind.VOLUNTEERS
FUNDS = NeedKind.FUNDS

URGENT = Priority.URGENT
HIGH = Priority.HIGH
NORMAL = Priority.NORMAL
LOW = Priority.LOW


def month_end(months: int) -> datetime.date:
    """The last day of the month ``months`` after REFERENCE_DATE."""
    index = REFERENCE_DATE.month - 1 + months
    year, month = REFERENCE_DATE.year + index // 12, index % 12 + 1
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class NeedData:
    # Positional order: title, field code, kind, quantity, unit, unit cost (Rp), priority,
    # months from REFERENCE_DATE to "needed by", beneficiaries, description.
    title: str
    field: str
    kind: str
    quantity: int
    unit: str
    unit_cost: int
    priority: int
    due_in_months: int
    beneficiaries: int
    description: str
    is_public: bool = True
    draft: bool = False
    source: tuple[str, datetime.date] = ASSESSMENT_2024

    @property
    def needed_by(self) -> datetime.date:
        return month_end(self.due_in_months)


@dataclass(frozen=True)
class FacilityData:
    slug: str
    name: str
    facility_type: str
    region: str  # district (kecamatan) code
    address: str
    capacity: int
    residents: int
    head_name: str
    contact_phone: str
    contact_email: str
    background: str
    intervention_programs: str
    needs: tuple[NeedData, ...]
    operator: str = Operator.DINSOS


N = NeedData

# --------------------------------------------------------------------------------------------
# DKI Jakarta: the 23 panti of Dinsos DKI. Only PSBR Taruna Jaya 1 is described from the
# sources; the other 22 names follow the real naming scheme but are representative (see the
# module docstring). PSBR Taruna Jaya 2 is left out on purpose: it stands in Serpong, outside
# the province's region codes.
# --------------------------------------------------------------------------------------------

DKI_FACILITIES: tuple[FacilityData, ...] = (
    FacilityData(
        slug="psbr-taruna-jaya-1",
        name="PSBR Taruna Jaya 1",
        facility_type=FacilityType.YOUTH,
        region="31.74.01",  # Tebet
        address="Jl. Tebet Barat Raya, Kelurahan Tebet Barat, Kecamatan Tebet, Jakarta Selatan",
        capacity=120,
        residents=100,
        head_name="Hendra Wijayakusuma, S.Sos., M.Si. (demo)",
        contact_phone="021-0000-0101",
        contact_email="psbr-tarunajaya1@dinsos-dki.example.org",
        background=(
            "Panti Sosial Bina Remaja (PSBR) Taruna Jaya 1 adalah UPT Dinas Sosial Provinsi DKI Jakarta yang "
            "melayani remaja rentan dan putus sekolah usia 15–21 tahun: remaja terlantar, anak jalanan, dan "
            "remaja yang berhadapan dengan masalah sosial. Panti ini menjadi lokasi Proyek Peningkatan Dukungan "
            "Rehabilitasi Sosial bagi Pemuda Rentan di Indonesia (Project on Enhancing Social Rehabilitation "
            "Support for the Vulnerable Youth in Indonesia) yang didanai KOICA dan dilaksanakan konsorsium "
            "Korea Institute for Development Strategy (KDS), World Vision Korea dan Rebach International. "
            "Gedung panti direnovasi dengan hibah KOICA dan menjadi percontohan bagi 22 panti Dinsos DKI "
            "lainnya."
        ),
        intervention_programs=(
            "Asesmen dan rencana intervensi individual; bimbingan fisik, mental, sosial dan keagamaan; "
            "pelatihan keterampilan kerja (tata boga, tata rias, refleksi, reparasi telepon seluler, "
            "pembuatan mebel); kejar paket dan pendampingan sekolah; bimbingan lanjut, penyaluran kerja dan "
            "pendampingan pascapanti bersama keluarga."
        ),
        needs=(
            N(
                title="Pelatihan las listrik bersertifikat",
                field="pendidikan",
                kind=SERVICES,
                quantity=25,
                unit="orang",
                unit_cost=3_500_000,
                priority=HIGH,
                due_in_months=4,
                beneficiaries=25,
                description=(
                    "Kursus las SMAW 3 bulan di lembaga pelatihan terakreditasi hingga uji kompetensi BNSP, "
                    "untuk remaja kelas keterampilan mebel dan logam."
                ),
            ),
            N(
                title="Kasur busa dan sprei asrama",
                field="sosial-keagamaan",
                kind=GOODS,
                quantity=40,
                unit="buah",
                unit_cost=1_250_000,
                priority=URGENT,
                due_in_months=2,
                beneficiaries=40,
                description=(
                    "Kasur busa 90×200 cm tebal 15 cm lengkap dengan sprei dan sarung bantal, pengganti kasur "
                    "asrama yang sudah rusak."
                ),
            ),
            N(
                title="Penempatan kerja lulusan kelas keterampilan",
                field="ekonomi-kerakyatan",
                kind=PLACEMENTS,
                quantity=10,
                unit="orang",
                unit_cost=0,
                priority=HIGH,
                due_in_months=6,
                beneficiaries=10,
                description=(
                    "Magang 3 bulan yang berlanjut ke kontrak kerja bagi lulusan kelas otomotif, elektronik dan "
                    "tata boga, usia 18 tahun ke atas."
                ),
            ),
            N(
                title="Peralatan bengkel reparasi telepon seluler",
                field="pendidikan",
                kind=GOODS,
                quantity=1,
                unit="paket",
                unit_cost=45_000_000,
                priority=NORMAL,
                due_in_months=5,
                beneficiaries=20,
                description=(
                    "Meja kerja antistatis, solder uap, mikroskop, multimeter dan perkakas untuk 10 tempat praktik."
                ),
            ),
            N(
                title="Relawan mentor karier",
                field="pendidikan",
                kind=VOLUNTEERS,
                quantity=12,
                unit="orang",
                unit_cost=0,
                priority=NORMAL,
                due_in_months=3,
                beneficiaries=60,
                description=(
                    "Karyawan perusahaan yang bersedia menjadi mentor dua kali sebulan selama 6 bulan: "
                    "persiapan kerja, wawancara dan etos kerja."
                ),
            ),
            N(
                title="Pelatihan teknisi AC dan elektronik rumah tangga",
                field="pendidikan",
                kind=SERVICES,
                quantity=20,
                unit="orang",
                unit_cost=4_000_000,
                priority=HIGH,
                due_in_months=7,
                beneficiaries=20,
                description=(
                    "Kursus 2 bulan perawatan dan perbaikan AC, mesin cuci dan lemari es, dengan praktik di pusat "
                    "servis."
                ),
                source=UPDATE_2025,
            ),
            N(
                title="Modal usaha alumni panti",
                field="ekonomi-kerakyatan",
                kind=FUNDS,
                quantity=15,
                unit="orang",
                unit_cost=5_000_000,
                priority=NORMAL,
                due_in_months=9,
                beneficiaries=15,
                description=(
                    "Bantuan modal dan peralatan usaha mikro bagi alumni yang sudah menyusun rencana usaha "
                    "bersama pekerja sosial."
                ),
            ),
            N(
                title="Layanan psikolog klinis untuk konseling remaja",
                field="kesehatan",
                kind=SERVICES,
                quantity=12,
                unit="bulan",
                unit_cost=9_000_000,
                priority=HIGH,
                due_in_months=3,
                beneficiaries=100,
                description=(
                    "Psikolog klinis dua hari seminggu untuk asesmen dan konseling individual; hasil asesmen "
                    "hanya untuk tim panti."
                ),
                is_public=False,
            ),
        ),
    ),
    FacilityData(
        slug="psaa-putra-utama-1",
        name="PSAA Putra Utama 1",
        facility_type=FacilityType.CHILDREN,
        region="31.74.04",  # Pasar Minggu
        address="Kecamatan Pasar Minggu, Jakarta Selatan",
        capacity=100,
        residents=85,
        head_name="Dra. Sri Wahyuningsih (demo)",
        contact_phone="021-0000-0102",
        contact_email="psaa-pu1@dinsos-dki.example.org",
        background=(
            "Panti Sosial Asuhan Anak untuk anak usia sekolah dasar hingga menengah yang terlantar atau "
            "kehilangan pengasuhan keluarga. Sebagian besar anak bersekolah di sekolah negeri sekitar panti."
        ),
        intervention_programs=(
            "Pengasuhan berbasis asrama dan reunifikasi keluarga; pendampingan belajar; bimbingan keagamaan; "
            "kegiatan seni dan olahraga."
        ),
        needs=(
            N(
                title="Perlengkapan sekolah tahun ajaran baru",
                field="pendidikan",
                kind=GOODS,
                quantity=85,
                unit="paket",
                unit_cost=850_000,
                priority=HIGH,
                due_in_months=6,
                beneficiaries=85,
                description="Tas, sepatu, seragam dan alat tulis untuk satu tahun ajaran.",
            ),
            N(
                title="Relawan pendamping belajar",
                field="pendidikan",
                kind=VOLUNTEERS,
                quantity=10,
                unit="orang",
                unit_cost=0,
                priority=NORMAL,
                due_in_months=3,
                beneficiaries=85,
                description="Pendamping belajar matematika dan bahasa Inggris, sore hari dua kali seminggu.",
            ),
            N(
                title="Laptop untuk ruang belajar",
                field="pendidikan",
                kind=GOODS,
                quantity=10,
                unit="unit",
                unit_cost=8_500_000,
                priority=NORMAL,
                due_in_months=8,
                beneficiaries=85,
                description="Laptop untuk tugas sekolah dan kelas komputer dasar.",
            ),
            N(
                title="Pengecatan ulang asrama",
                field="infrastruktur",
                kind=WORKS,
                quantity=850,
                unit="m²",
                unit_cost=45_000,
                priority=LOW,
                due_in_months=12,
                beneficiaries=85,
                description="Pengecatan dinding dalam dan luar dua gedung asrama.",
            ),
        ),
    ),
    FacilityData(
        slug="psaa-putra-utama-2",
        name="PSAA Putra Utama 2",
        facility_type=FacilityType.CHILDREN,
        region="31.72.03",  # Koja
        address="Kawasan Plumpang, Kecamatan Koja, Jakarta Utara",
        capacity=120,
        residents=110,
        head_name="Agus Setiawan, S.Sos. (demo)",
        contact_phone="021-0000-0103",
        contact_email="psaa-pu2@dinsos-dki.example.org",
        background=(
            "Panti asuhan anak di Jakarta Utara yang menerima rujukan anak terlantar dari penjangkauan Dinsos "
            "dan Suku Dinas Sosial. Lingkungan panti padat dan rawan genangan saat musim hujan."
        ),
        intervention_programs=(
            "Pengasuhan, pendidikan formal dan nonformal, bimbingan keterampilan remaja, konseling dan "
            "penelusuran keluarga."
        ),
        needs=(
            N(
                title="Lemari pakaian asrama",
                field="sosial-keagamaan",
                kind=GOODS,
                quantity=30,
                unit="buah",
                unit_cost=1_800_000,
                priority=NORMAL,
                due_in_months=5,
                beneficiaries=110,
                description="Lemari dua pintu berbahan besi untuk kamar asrama empat anak.",
            ),
            N(
                title="Perbaikan saluran air dan peninggian halaman",
                field="infrastruktur",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=95_000_000,
                priority=URGENT,
                due_in_months=4,
                beneficiaries=110,
                description="Perbaikan drainase dan peninggian halaman agar asrama tidak tergenang saat hujan.",
            ),
            N(
                title="Perlengkapan futsal dan seragam tim",
                field="olahraga-seni-budaya",
                kind=GOODS,
                quantity=1,
                unit="paket",
                unit_cost=7_500_000,
                priority=LOW,
                due_in_months=10,
                beneficiaries=40,
                description="Bola, gawang portabel, rompi latihan dan seragam untuk dua tim.",
            ),
            N(
                title="Pemeriksaan gigi dan mata anak",
                field="kesehatan",
                kind=SERVICES,
                quantity=110,
                unit="orang",
                unit_cost=350_000,
                priority=HIGH,
                due_in_months=5,
                beneficiaries=110,
                description="Pemeriksaan gigi dan mata, termasuk kacamata bagi yang membutuhkan.",
            ),
            N(
                title="Instalasi pengolahan air bersih",
                field="lingkungan-hidup",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=65_000_000,
                priority=NORMAL,
                due_in_months=11,
                beneficiaries=110,
                description="Filter air tanah dan tandon untuk kebutuhan mandi, cuci dan dapur.",
                draft=True,
                source=UPDATE_2025,
            ),
        ),
    ),
    FacilityData(
        slug="psaa-putra-utama-3",
        name="PSAA Putra Utama 3",
        facility_type=FacilityType.CHILDREN,
        region="31.75.07",  # Duren Sawit
        address="Kecamatan Duren Sawit, Jakarta Timur",
        capacity=100,
        residents=95,
        head_name="Nurhayati, S.Psi. (demo)",
        contact_phone="021-0000-0104",
        contact_email="psaa-pu3@dinsos-dki.example.org",
        background=(
            "Panti asuhan anak di Jakarta Timur. Bangunan sudah tua: sebagian plafon rusak dan cat memudar. "
            "Anak-anak kesulitan transportasi ke sekolah yang jaraknya cukup jauh."
        ),
        intervention_programs=(
            "Pengasuhan dan pendampingan pendidikan, bimbingan keagamaan, pengembangan bakat seni, "
            "penguatan keluarga untuk reunifikasi."
        ),
        needs=(
            N(
                title="Penggantian plafon gedung asrama",
                field="infrastruktur",
                kind=WORKS,
                quantity=420,
                unit="m²",
                unit_cost=175_000,
                priority=URGENT,
                due_in_months=3,
                beneficiaries=95,
                description="Penggantian plafon gipsum dan rangka yang jebol di dua gedung asrama.",
            ),
            N(
                title="Kendaraan antar-jemput sekolah",
                field="pendidikan",
                kind=GOODS,
                quantity=1,
                unit="unit",
                unit_cost=450_000_000,
                priority=HIGH,
                due_in_months=8,
                beneficiaries=95,
                description="Minibus 16 kursi untuk antar-jemput anak ke sekolah.",
            ),
            N(
                title="Biaya operasional antar-jemput sekolah",
                field="pendidikan",
                kind=FUNDS,
                quantity=12,
                unit="bulan",
                unit_cost=6_000_000,
                priority=NORMAL,
                due_in_months=8,
                beneficiaries=95,
                description="Bahan bakar, pengemudi dan perawatan kendaraan selama satu tahun ajaran.",
            ),
            N(
                title="Alat musik untuk kelompok band anak",
                field="olahraga-seni-budaya",
                kind=GOODS,
                quantity=1,
                unit="paket",
                unit_cost=35_000_000,
                priority=LOW,
                due_in_months=12,
                beneficiaries=30,
                description="Gitar, bas, keyboard, drum dan pengeras suara.",
            ),
        ),
    ),
    FacilityData(
        slug="psaa-putra-utama-4",
        name="PSAA Putra Utama 4",
        facility_type=FacilityType.CHILDREN,
        region="31.73.01",  # Cengkareng
        address="Jl. Kamal Raya, Kecamatan Cengkareng, Jakarta Barat",
        capacity=120,
        residents=105,
        head_name="Bambang Riyadi, S.Sos. (demo)",
        contact_phone="021-0000-0105",
        contact_email="psaa-pu4@dinsos-dki.example.org",
        background=(
            "Panti asuhan anak di Jakarta Barat yang banyak menampung anak jalanan hasil penjangkauan. "
            "Sebagian anak tertinggal pelajaran dan perlu kejar paket."
        ),
        intervention_programs=(
            "Rehabilitasi sosial anak jalanan, kejar paket A/B/C, bimbingan perilaku, kegiatan kreatif dan "
            "reunifikasi keluarga."
        ),
        needs=(
            N(
                title="Tutor kejar paket A/B/C",
                field="pendidikan",
                kind=SERVICES,
                quantity=12,
                unit="bulan",
                unit_cost=7_500_000,
                priority=HIGH,
                due_in_months=4,
                beneficiaries=45,
                description="Dua tutor bersertifikat untuk kelas kejar paket, lima hari seminggu.",
            ),
            N(
                title="Tempat tidur susun besi",
                field="sosial-keagamaan",
                kind=GOODS,
                quantity=25,
                unit="unit",
                unit_cost=2_750_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=50,
                description="Tempat tidur susun dua tingkat lengkap dengan kasur.",
            ),
            N(
                title="Perlengkapan ibadah",
                field="sosial-keagamaan",
                kind=GOODS,
                quantity=105,
                unit="paket",
                unit_cost=250_000,
                priority=LOW,
                due_in_months=10,
                beneficiaries=105,
                description="Sajadah, mukena, sarung, kitab suci dan buku doa sesuai agama anak.",
            ),
        ),
    ),
    FacilityData(
        slug="psaa-putra-utama-5",
        name="PSAA Putra Utama 5",
        facility_type=FacilityType.CHILDREN,
        region="31.01.01",  # Kepulauan Seribu Utara
        address="Pulau Pramuka, Kelurahan Pulau Panggang, Kecamatan Kepulauan Seribu Utara",
        capacity=60,
        residents=42,
        head_name="Rahmat Hidayat, S.Sos. (demo)",
        contact_phone="021-0000-0106",
        contact_email="psaa-pu5@dinsos-dki.example.org",
        background=(
            "Panti asuhan kecil untuk anak-anak dari pulau-pulau di Kepulauan Seribu. Air bersih dan listrik "
            "menjadi kendala; pengiriman barang bergantung pada kapal dari Muara Angke."
        ),
        intervention_programs=(
            "Pengasuhan, pendampingan sekolah, pendidikan lingkungan pesisir, keterampilan bahari bagi remaja."
        ),
        needs=(
            N(
                title="Tangki air bersih 5.000 liter",
                field="lingkungan-hidup",
                kind=GOODS,
                quantity=2,
                unit="unit",
                unit_cost=9_500_000,
                priority=URGENT,
                due_in_months=3,
                beneficiaries=42,
                description="Tangki penampung air hujan dan air kiriman, termasuk pemasangan.",
            ),
            N(
                title="Panel surya atap",
                field="lingkungan-hidup",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=150_000_000,
                priority=NORMAL,
                due_in_months=14,
                beneficiaries=42,
                description="Sistem panel surya 10 kWp dengan baterai untuk asrama dan ruang belajar.",
            ),
            N(
                title="Pelatihan selam dan keselamatan di laut",
                field="olahraga-seni-budaya",
                kind=SERVICES,
                quantity=15,
                unit="orang",
                unit_cost=2_500_000,
                priority=LOW,
                due_in_months=9,
                beneficiaries=15,
                description="Pelatihan renang, selam dasar dan pertolongan pertama bagi remaja panti.",
            ),
        ),
    ),
    FacilityData(
        slug="psaa-putra-utama-6",
        name="PSAA Putra Utama 6",
        facility_type=FacilityType.CHILDREN,
        region="31.75.10",  # Cipayung
        address="Kecamatan Cipayung, Jakarta Timur",
        capacity=100,
        residents=88,
        head_name="Yuliana Simanjuntak, S.Sos. (demo)",
        contact_phone="021-0000-0107",
        contact_email="psaa-pu6@dinsos-dki.example.org",
        background=(
            "Panti asuhan anak usia balita hingga remaja, termasuk anak korban penelantaran yang dirujuk "
            "kepolisian dan rumah sakit."
        ),
        intervention_programs=(
            "Pengasuhan sesuai usia, stimulasi tumbuh kembang balita, konseling trauma, pendampingan sekolah "
            "dan pengasuhan alternatif (orang tua asuh)."
        ),
        needs=(
            N(
                title="Susu dan makanan tambahan balita",
                field="kesehatan",
                kind=GOODS,
                quantity=12,
                unit="bulan",
                unit_cost=8_000_000,
                priority=URGENT,
                due_in_months=2,
                beneficiaries=20,
                description="Susu formula, bubur dan makanan tambahan untuk 20 balita selama satu tahun.",
            ),
            N(
                title="Alat permainan edukatif",
                field="pendidikan",
                kind=GOODS,
                quantity=1,
                unit="paket",
                unit_cost=18_000_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=35,
                description="Alat permainan edukatif dan buku cerita untuk ruang tumbuh kembang.",
            ),
            N(
                title="Relawan pengasuh akhir pekan",
                field="sosial-keagamaan",
                kind=VOLUNTEERS,
                quantity=15,
                unit="orang",
                unit_cost=0,
                priority=NORMAL,
                due_in_months=4,
                beneficiaries=88,
                description=(
                    "Relawan terlatih untuk kegiatan akhir pekan bersama anak, dengan pemeriksaan latar belakang."
                ),
            ),
            N(
                title="Konseling trauma anak",
                field="kesehatan",
                kind=SERVICES,
                quantity=12,
                unit="bulan",
                unit_cost=8_500_000,
                priority=HIGH,
                due_in_months=3,
                beneficiaries=30,
                description="Layanan psikolog anak untuk anak korban kekerasan dan penelantaran.",
                is_public=False,
            ),
            N(
                title="Renovasi ruang tumbuh kembang",
                field="infrastruktur",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=60_000_000,
                priority=LOW,
                due_in_months=15,
                beneficiaries=35,
                description="Renovasi ruang bermain: lantai karet, ventilasi dan kamar mandi anak.",
                draft=True,
                source=UPDATE_2025,
            ),
        ),
    ),
    FacilityData(
        slug="pstw-budi-mulia-1",
        name="PSTW Budi Mulia 1",
        facility_type=FacilityType.ELDERLY,
        region="31.75.10",  # Cipayung
        address="Kecamatan Cipayung, Jakarta Timur",
        capacity=220,
        residents=235,
        head_name="Drs. Suparman (demo)",
        contact_phone="021-0000-0108",
        contact_email="pstw-bm1@dinsos-dki.example.org",
        background=(
            "Panti Sosial Tresna Werdha bagi lanjut usia terlantar hasil penjangkauan dan rujukan masyarakat. "
            "Sebagian besar warga binaan tidak lagi memiliki keluarga; banyak yang sakit kronis."
        ),
        intervention_programs=(
            "Perawatan harian, layanan kesehatan dan fisioterapi, bimbingan keagamaan, kegiatan rekreasi "
            "dan pendampingan akhir hayat."
        ),
        needs=(
            N(
                title="Popok dewasa",
                field="kesehatan",
                kind=GOODS,
                quantity=1_200,
                unit="paket",
                unit_cost=85_000,
                priority=URGENT,
                due_in_months=2,
                beneficiaries=90,
                description="Paket isi 10 untuk warga binaan tirah baring, kebutuhan enam bulan.",
            ),
            N(
                title="Tempat tidur perawatan tiga engkol",
                field="kesehatan",
                kind=GOODS,
                quantity=20,
                unit="unit",
                unit_cost=7_500_000,
                priority=HIGH,
                due_in_months=5,
                beneficiaries=20,
                description="Tempat tidur medis dengan pagar pengaman dan kasur dekubitus.",
            ),
            N(
                title="Kursi roda",
                field="kesehatan",
                kind=GOODS,
                quantity=30,
                unit="unit",
                unit_cost=1_500_000,
                priority=HIGH,
                due_in_months=4,
                beneficiaries=30,
                description="Kursi roda standar untuk mobilitas harian.",
            ),
            N(
                title="Fisioterapis paruh waktu",
                field="kesehatan",
                kind=SERVICES,
                quantity=12,
                unit="bulan",
                unit_cost=7_000_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=120,
                description="Fisioterapis tiga hari seminggu untuk latihan gerak dan pencegahan jatuh.",
            ),
            N(
                title="Relawan pendamping lansia",
                field="sosial-keagamaan",
                kind=VOLUNTEERS,
                quantity=20,
                unit="orang",
                unit_cost=0,
                priority=NORMAL,
                due_in_months=3,
                beneficiaries=235,
                description="Relawan untuk mengobrol, membaca, dan menemani kegiatan kelompok lansia.",
            ),
        ),
    ),
    FacilityData(
        slug="pstw-budi-mulia-2",
        name="PSTW Budi Mulia 2",
        facility_type=FacilityType.ELDERLY,
        region="31.73.01",  # Cengkareng
        address="Kecamatan Cengkareng, Jakarta Barat",
        capacity=200,
        residents=210,
        head_name="Hj. Maryati, S.Sos. (demo)",
        contact_phone="021-0000-0109",
        contact_email="pstw-bm2@dinsos-dki.example.org",
        background=(
            "Panti lanjut usia di Jakarta Barat. Daya tampung terlampaui; ruang perawatan khusus untuk "
            "lansia sakit perlu diperluas."
        ),
        intervention_programs=(
            "Perawatan lansia mandiri dan tirah baring, senam lansia, terapi okupasi (kerajinan), bimbingan rohani."
        ),
        needs=(
            N(
                title="Mesin cuci kapasitas besar",
                field="kesehatan",
                kind=GOODS,
                quantity=4,
                unit="unit",
                unit_cost=6_500_000,
                priority=HIGH,
                due_in_months=3,
                beneficiaries=210,
                description="Mesin cuci 14 kg untuk linen dan pakaian warga binaan.",
            ),
            N(
                title="Pendingin ruangan ruang perawatan",
                field="kesehatan",
                kind=GOODS,
                quantity=12,
                unit="unit",
                unit_cost=4_500_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=80,
                description="AC 1 PK termasuk pemasangan untuk ruang perawatan lansia tirah baring.",
            ),
            N(
                title="Renovasi kamar mandi ramah lansia",
                field="infrastruktur",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=120_000_000,
                priority=HIGH,
                due_in_months=10,
                beneficiaries=210,
                description="Pegangan rambat, lantai antiselip dan kloset duduk di enam kamar mandi.",
            ),
            N(
                title="Dana pemulasaraan jenazah",
                field="sosial-keagamaan",
                kind=FUNDS,
                quantity=24,
                unit="orang",
                unit_cost=3_000_000,
                priority=NORMAL,
                due_in_months=12,
                beneficiaries=24,
                description="Biaya pemulasaraan dan pemakaman warga binaan tanpa keluarga.",
                is_public=False,
            ),
        ),
    ),
    FacilityData(
        slug="pstw-budi-mulia-3",
        name="PSTW Budi Mulia 3",
        facility_type=FacilityType.ELDERLY,
        region="31.74.07",  # Kebayoran Baru
        address="Jl. Margaguna, Kecamatan Kebayoran Baru, Jakarta Selatan",
        capacity=200,
        residents=190,
        head_name="Endang Purwaningsih, S.Sos. (demo)",
        contact_phone="021-0000-0110",
        contact_email="pstw-bm3@dinsos-dki.example.org",
        background=(
            "Panti lanjut usia di Jakarta Selatan dengan sistem pondok (cottage). Banyak warga binaan "
            "masih mandiri dan aktif berkegiatan."
        ),
        intervention_programs=(
            "Perawatan lansia, kegiatan produktif (kebun, kerajinan), layanan kesehatan berkala dan kunjungan keluarga."
        ),
        needs=(
            N(
                title="Kacamata baca dan pemeriksaan mata",
                field="kesehatan",
                kind=SERVICES,
                quantity=150,
                unit="orang",
                unit_cost=300_000,
                priority=NORMAL,
                due_in_months=5,
                beneficiaries=150,
                description="Pemeriksaan mata oleh optometris dan kacamata baca sesuai ukuran.",
            ),
            N(
                title="Kebun hidroponik terapi",
                field="lingkungan-hidup",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=18_000_000,
                priority=LOW,
                due_in_months=9,
                beneficiaries=60,
                description="Rak hidroponik dan pelatihan perawatan untuk kegiatan terapi lansia.",
            ),
            N(
                title="Alat bantu dengar",
                field="kesehatan",
                kind=GOODS,
                quantity=25,
                unit="buah",
                unit_cost=3_500_000,
                priority=HIGH,
                due_in_months=6,
                beneficiaries=25,
                description="Alat bantu dengar sesuai hasil pemeriksaan audiometri.",
            ),
        ),
    ),
    FacilityData(
        slug="pstw-budi-mulia-4",
        name="PSTW Budi Mulia 4",
        facility_type=FacilityType.ELDERLY,
        region="31.75.09",  # Ciracas
        address="Kecamatan Ciracas, Jakarta Timur",
        capacity=200,
        residents=205,
        head_name="Sutrisno, S.Sos., M.M. (demo)",
        contact_phone="021-0000-0111",
        contact_email="pstw-bm4@dinsos-dki.example.org",
        background=(
            "Panti lanjut usia di Jakarta Timur yang juga menampung lansia dengan demensia ringan. "
            "Dapur dan ruang makan perlu perbaikan."
        ),
        intervention_programs=(
            "Perawatan lansia dan demensia, senam otak, bimbingan rohani, layanan gizi dan kesehatan."
        ),
        needs=(
            N(
                title="Renovasi dapur dan ruang makan",
                field="infrastruktur",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=110_000_000,
                priority=HIGH,
                due_in_months=8,
                beneficiaries=205,
                description="Perbaikan dapur umum, saluran gas, ventilasi dan lantai ruang makan.",
            ),
            N(
                title="Makanan bergizi dan suplemen lansia",
                field="kesehatan",
                kind=GOODS,
                quantity=6,
                unit="bulan",
                unit_cost=12_000_000,
                priority=NORMAL,
                due_in_months=4,
                beneficiaries=205,
                description="Susu lansia, vitamin dan makanan tambahan rendah gula.",
            ),
            N(
                title="Pelatihan perawat lansia bagi pramu sosial",
                field="pendidikan",
                kind=SERVICES,
                quantity=20,
                unit="orang",
                unit_cost=2_500_000,
                priority=NORMAL,
                due_in_months=7,
                beneficiaries=205,
                description="Pelatihan perawatan demensia dan pencegahan luka tekan bagi pramu sosial panti.",
            ),
        ),
    ),
    FacilityData(
        slug="psbl-harapan-sentosa-1",
        name="PSBL Harapan Sentosa 1",
        facility_type=FacilityType.PSYCHOSOCIAL,
        region="31.73.01",  # Cengkareng
        address="Jl. Kemuning Raya, Kecamatan Cengkareng, Jakarta Barat",
        capacity=400,
        residents=520,
        head_name="Dr. Taufik Rahman, M.Si. (demo)",
        contact_phone="021-0000-0112",
        contact_email="psbl-hs1@dinsos-dki.example.org",
        background=(
            "Panti Sosial Bina Laras untuk penyandang disabilitas mental (psikososial) yang terlantar. "
            "Jumlah warga binaan jauh melebihi daya tampung."
        ),
        intervention_programs=(
            "Perawatan dan pengobatan bersama puskesmas dan rumah sakit jiwa, terapi okupasi, terapi "
            "aktivitas kelompok, reunifikasi keluarga."
        ),
        needs=(
            N(
                title="Kasur busa lapis anti air",
                field="kesehatan",
                kind=GOODS,
                quantity=120,
                unit="buah",
                unit_cost=1_350_000,
                priority=URGENT,
                due_in_months=2,
                beneficiaries=120,
                description="Kasur busa dengan pelapis anti air yang mudah dibersihkan.",
            ),
            N(
                title="Layanan psikiater kunjungan",
                field="kesehatan",
                kind=SERVICES,
                quantity=12,
                unit="bulan",
                unit_cost=15_000_000,
                priority=URGENT,
                due_in_months=3,
                beneficiaries=520,
                description="Psikiater berkunjung seminggu sekali untuk evaluasi pengobatan.",
                is_public=False,
            ),
            N(
                title="Peralatan terapi okupasi menjahit",
                field="ekonomi-kerakyatan",
                kind=GOODS,
                quantity=10,
                unit="unit",
                unit_cost=4_000_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=40,
                description="Mesin jahit portabel dan perlengkapan kelas menjahit.",
            ),
            N(
                title="Perbaikan atap bangsal",
                field="infrastruktur",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=85_000_000,
                priority=HIGH,
                due_in_months=5,
                beneficiaries=260,
                description="Penggantian rangka dan genteng bangsal yang bocor.",
            ),
            N(
                title="Perlengkapan mandi dan kebersihan diri",
                field="kesehatan",
                kind=GOODS,
                quantity=520,
                unit="paket",
                unit_cost=120_000,
                priority=NORMAL,
                due_in_months=3,
                beneficiaries=520,
                description="Sabun, sampo, sikat dan pasta gigi, handuk untuk tiga bulan.",
            ),
        ),
    ),
    FacilityData(
        slug="psbl-harapan-sentosa-2",
        name="PSBL Harapan Sentosa 2",
        facility_type=FacilityType.PSYCHOSOCIAL,
        region="31.75.10",  # Cipayung
        address="Kelurahan Ceger, Kecamatan Cipayung, Jakarta Timur",
        capacity=500,
        residents=610,
        head_name="Ratna Dewi Lestari, S.Sos. (demo)",
        contact_phone="021-0000-0113",
        contact_email="psbl-hs2@dinsos-dki.example.org",
        background=(
            "Panti Bina Laras terbesar di Jakarta Timur. Banyak warga binaan sudah stabil dan siap kembali "
            "ke keluarga atau bekerja dengan pendampingan."
        ),
        intervention_programs=(
            "Perawatan psikososial, rehabilitasi vokasional, pendampingan kepatuhan obat dan rujukan ke "
            "layanan kesehatan jiwa komunitas."
        ),
        needs=(
            N(
                title="Pelatihan kerja bagi warga binaan stabil",
                field="ekonomi-kerakyatan",
                kind=SERVICES,
                quantity=30,
                unit="orang",
                unit_cost=2_000_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=30,
                description="Pelatihan kebersihan gedung dan binatu sebagai persiapan kerja terlindung.",
            ),
            N(
                title="Penempatan kerja terlindung",
                field="ekonomi-kerakyatan",
                kind=PLACEMENTS,
                quantity=8,
                unit="orang",
                unit_cost=0,
                priority=NORMAL,
                due_in_months=10,
                beneficiaries=8,
                description="Kerja terlindung dengan pendamping bagi warga binaan yang sudah stabil.",
            ),
            N(
                title="Mesin cuci dan pengering industri",
                field="kesehatan",
                kind=GOODS,
                quantity=2,
                unit="unit",
                unit_cost=65_000_000,
                priority=HIGH,
                due_in_months=5,
                beneficiaries=610,
                description="Mesin cuci dan pengering kapasitas 25 kg untuk binatu panti.",
            ),
            N(
                title="Pengecatan ulang bangsal",
                field="infrastruktur",
                kind=WORKS,
                quantity=1_200,
                unit="m²",
                unit_cost=45_000,
                priority=LOW,
                due_in_months=13,
                beneficiaries=610,
                description="Pengecatan dinding bangsal dengan cat antijamur.",
            ),
        ),
    ),
    FacilityData(
        slug="psbl-harapan-sentosa-3",
        name="PSBL Harapan Sentosa 3",
        facility_type=FacilityType.PSYCHOSOCIAL,
        region="31.73.06",  # Kalideres
        address="Kawasan Daan Mogot, Kecamatan Kalideres, Jakarta Barat",
        capacity=450,
        residents=540,
        head_name="Joko Susilo, S.Sos. (demo)",
        contact_phone="021-0000-0114",
        contact_email="psbl-hs3@dinsos-dki.example.org",
        background=(
            "Panti Bina Laras untuk perempuan dan laki-laki dengan disabilitas psikososial, termasuk yang "
            "dirujuk dari jalanan dalam kondisi akut."
        ),
        intervention_programs=(
            "Perawatan akut dan lanjutan, terapi aktivitas, kebun terapi, pendampingan reunifikasi keluarga."
        ),
        needs=(
            N(
                title="Seragam dan pakaian harian warga binaan",
                field="sosial-keagamaan",
                kind=GOODS,
                quantity=540,
                unit="stel",
                unit_cost=150_000,
                priority=HIGH,
                due_in_months=3,
                beneficiaries=540,
                description="Dua stel pakaian harian per orang, berbagai ukuran.",
            ),
            N(
                title="Kebun terapi dan pengolahan kompos",
                field="lingkungan-hidup",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=25_000_000,
                priority=LOW,
                due_in_months=9,
                beneficiaries=80,
                description="Kebun sayur, komposter dan pelatihan pengolahan sampah organik.",
            ),
            N(
                title="Relawan kegiatan seni",
                field="olahraga-seni-budaya",
                kind=VOLUNTEERS,
                quantity=8,
                unit="orang",
                unit_cost=0,
                priority=LOW,
                due_in_months=5,
                beneficiaries=100,
                description="Relawan seni musik dan lukis untuk terapi aktivitas kelompok.",
            ),
        ),
    ),
    FacilityData(
        slug="psbn-cahaya-batin",
        name="PSBN Cahaya Batin",
        facility_type=FacilityType.VISUAL,
        region="31.71.05",  # Cempaka Putih
        address="Kecamatan Cempaka Putih, Jakarta Pusat",
        capacity=80,
        residents=64,
        head_name="Wahyu Prasetyo, S.Pd. (demo)",
        contact_phone="021-0000-0115",
        contact_email="psbn-cahayabatin@dinsos-dki.example.org",
        background=(
            "Panti Sosial Bina Netra bagi penyandang disabilitas netra usia produktif, dengan asrama dan "
            "ruang pelatihan keterampilan."
        ),
        intervention_programs=(
            "Orientasi dan mobilitas, baca-tulis braille, komputer bicara, pelatihan pijat dan refleksi "
            "bersertifikat, penyaluran kerja."
        ),
        needs=(
            N(
                title="Laptop dengan pembaca layar",
                field="pendidikan",
                kind=GOODS,
                quantity=15,
                unit="unit",
                unit_cost=9_000_000,
                priority=HIGH,
                due_in_months=5,
                beneficiaries=30,
                description="Laptop dengan perangkat lunak pembaca layar untuk kelas komputer bicara.",
            ),
            N(
                title="Printer braille",
                field="pendidikan",
                kind=GOODS,
                quantity=1,
                unit="unit",
                unit_cost=85_000_000,
                priority=NORMAL,
                due_in_months=10,
                beneficiaries=64,
                description="Pencetak braille untuk modul pelatihan dan bahan bacaan.",
            ),
            N(
                title="Tongkat putih lipat",
                field="kesehatan",
                kind=GOODS,
                quantity=64,
                unit="buah",
                unit_cost=350_000,
                priority=NORMAL,
                due_in_months=3,
                beneficiaries=64,
                description="Tongkat putih lipat aluminium untuk orientasi dan mobilitas.",
            ),
            N(
                title="Sertifikasi terapis pijat",
                field="ekonomi-kerakyatan",
                kind=SERVICES,
                quantity=20,
                unit="orang",
                unit_cost=3_000_000,
                priority=HIGH,
                due_in_months=7,
                beneficiaries=20,
                description="Pelatihan lanjutan dan uji kompetensi terapis pijat dan refleksi.",
            ),
            N(
                title="Penempatan kerja terapis pijat",
                field="ekonomi-kerakyatan",
                kind=PLACEMENTS,
                quantity=10,
                unit="orang",
                unit_cost=0,
                priority=NORMAL,
                due_in_months=11,
                beneficiaries=10,
                description="Penempatan di klinik, hotel atau pusat kebugaran bagi lulusan bersertifikat.",
            ),
        ),
    ),
    FacilityData(
        slug="psbg-belaian-kasih",
        name="PSBG Belaian Kasih",
        facility_type=FacilityType.INTELLECTUAL,
        region="31.73.06",  # Kalideres
        address="Kelurahan Pegadungan, Kecamatan Kalideres, Jakarta Barat",
        capacity=300,
        residents=340,
        head_name="Lina Marlina, S.Psi. (demo)",
        contact_phone="021-0000-0116",
        contact_email="psbg-belaiankasih@dinsos-dki.example.org",
        background=(
            "Panti Sosial Bina Grahita bagi penyandang disabilitas intelektual, anak hingga dewasa, banyak di "
            "antaranya memerlukan bantuan penuh untuk aktivitas harian."
        ),
        intervention_programs=(
            "Bina diri, terapi wicara dan okupasi, kelas keterampilan sederhana, perawatan kesehatan harian."
        ),
        needs=(
            N(
                title="Terapis wicara dan okupasi",
                field="kesehatan",
                kind=SERVICES,
                quantity=12,
                unit="bulan",
                unit_cost=10_000_000,
                priority=HIGH,
                due_in_months=4,
                beneficiaries=120,
                description="Dua terapis paruh waktu untuk terapi wicara dan okupasi.",
            ),
            N(
                title="Kursi roda adaptif",
                field="kesehatan",
                kind=GOODS,
                quantity=15,
                unit="unit",
                unit_cost=4_000_000,
                priority=HIGH,
                due_in_months=5,
                beneficiaries=15,
                description="Kursi roda dengan penyangga kepala dan badan untuk warga binaan dengan disabilitas ganda.",
            ),
            N(
                title="Alat permainan sensorik",
                field="pendidikan",
                kind=GOODS,
                quantity=1,
                unit="paket",
                unit_cost=30_000_000,
                priority=NORMAL,
                due_in_months=8,
                beneficiaries=120,
                description="Perlengkapan ruang sensorik: matras, bola terapi, papan keseimbangan, lampu sensorik.",
            ),
            N(
                title="Popok dewasa",
                field="kesehatan",
                kind=GOODS,
                quantity=900,
                unit="paket",
                unit_cost=85_000,
                priority=URGENT,
                due_in_months=2,
                beneficiaries=70,
                description="Paket isi 10 untuk warga binaan dengan inkontinensia.",
            ),
        ),
    ),
    FacilityData(
        slug="psbd-budi-bhakti-1",
        name="PSBD Budi Bhakti 1",
        facility_type=FacilityType.PHYSICAL,
        region="31.75.07",  # Duren Sawit
        address="Kelurahan Pondok Bambu, Kecamatan Duren Sawit, Jakarta Timur",
        capacity=150,
        residents=132,
        head_name="Imam Santoso, S.Sos. (demo)",
        contact_phone="021-0000-0117",
        contact_email="psbd-bb1@dinsos-dki.example.org",
        background=(
            "Panti Sosial Bina Daksa bagi penyandang disabilitas fisik usia produktif. Gedung sudah "
            "direnovasi; peralatan pelatihan kerja perlu diperbarui."
        ),
        intervention_programs=(
            "Fisioterapi, alat bantu, pelatihan keterampilan (servis elektronik, menjahit, desain grafis), "
            "penyaluran kerja sesuai kuota disabilitas."
        ),
        needs=(
            N(
                title="Kaki dan tangan palsu",
                field="kesehatan",
                kind=GOODS,
                quantity=12,
                unit="buah",
                unit_cost=12_000_000,
                priority=HIGH,
                due_in_months=6,
                beneficiaries=12,
                description="Prostesis sesuai hasil pengukuran di bengkel ortotik prostetik.",
            ),
            N(
                title="Pelatihan desain grafis",
                field="pendidikan",
                kind=SERVICES,
                quantity=20,
                unit="orang",
                unit_cost=3_000_000,
                priority=NORMAL,
                due_in_months=7,
                beneficiaries=20,
                description="Kursus desain grafis 3 bulan dan pembuatan portofolio.",
            ),
            N(
                title="Penempatan kerja kuota disabilitas",
                field="ekonomi-kerakyatan",
                kind=PLACEMENTS,
                quantity=12,
                unit="orang",
                unit_cost=0,
                priority=HIGH,
                due_in_months=8,
                beneficiaries=12,
                description="Penempatan sesuai kewajiban kuota 1% pekerja disabilitas di perusahaan swasta.",
            ),
            N(
                title="Peralatan servis elektronik",
                field="pendidikan",
                kind=GOODS,
                quantity=1,
                unit="paket",
                unit_cost=40_000_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=25,
                description="Meja kerja yang dapat diatur ketinggiannya dan perkakas servis elektronik.",
            ),
        ),
    ),
    FacilityData(
        slug="psbd-budi-bhakti-2",
        name="PSBD Budi Bhakti 2",
        facility_type=FacilityType.PHYSICAL,
        region="31.74.09",  # Jagakarsa
        address="Kecamatan Jagakarsa, Jakarta Selatan",
        capacity=120,
        residents=98,
        head_name="Fitriani Hasibuan, S.Sos. (demo)",
        contact_phone="021-0000-0118",
        contact_email="psbd-bb2@dinsos-dki.example.org",
        background=(
            "Panti Bina Daksa untuk remaja dan dewasa muda dengan disabilitas fisik. Akses gedung untuk "
            "kursi roda belum merata."
        ),
        intervention_programs=("Fisioterapi, olahraga adaptif, pelatihan kerja, pendampingan pendidikan lanjutan."),
        needs=(
            N(
                title="Jalur landai dan pegangan rambat",
                field="infrastruktur",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=75_000_000,
                priority=HIGH,
                due_in_months=6,
                beneficiaries=98,
                description="Jalur landai, pegangan rambat dan pintu lebar di gedung asrama dan kelas.",
            ),
            N(
                title="Kursi roda olahraga",
                field="olahraga-seni-budaya",
                kind=GOODS,
                quantity=8,
                unit="unit",
                unit_cost=15_000_000,
                priority=LOW,
                due_in_months=12,
                beneficiaries=8,
                description="Kursi roda untuk tim basket kursi roda panti.",
            ),
            N(
                title="Beasiswa pendidikan lanjutan",
                field="pendidikan",
                kind=FUNDS,
                quantity=10,
                unit="orang",
                unit_cost=6_000_000,
                priority=NORMAL,
                due_in_months=7,
                beneficiaries=10,
                description="Biaya satu tahun SMK atau kursus lanjutan bagi warga binaan berprestasi.",
            ),
        ),
    ),
    FacilityData(
        slug="psbi-bangun-daya-1",
        name="PSBI Bangun Daya 1",
        facility_type=FacilityType.HOMELESS,
        region="31.73.05",  # Kebon Jeruk
        address="Kelurahan Kedoya, Kecamatan Kebon Jeruk, Jakarta Barat",
        capacity=300,
        residents=340,
        head_name="Darmawan, S.Sos. (demo)",
        contact_phone="021-0000-0119",
        contact_email="psbi-bd1@dinsos-dki.example.org",
        background=(
            "Panti Sosial Bina Insan yang menjadi tempat transit bagi gelandangan dan pengemis hasil "
            "penjangkauan sebelum asesmen dan rujukan ke panti sesuai kebutuhan."
        ),
        intervention_programs=(
            "Asesmen awal, perawatan sementara, rujukan ke panti lain, pemulangan ke daerah asal bersama "
            "pemerintah setempat."
        ),
        needs=(
            N(
                title="Paket kebutuhan dasar penerimaan",
                field="sosial-keagamaan",
                kind=GOODS,
                quantity=600,
                unit="paket",
                unit_cost=175_000,
                priority=URGENT,
                due_in_months=2,
                beneficiaries=600,
                description="Pakaian ganti, alat mandi dan sandal bagi warga binaan baru.",
            ),
            N(
                title="Tikar dan selimut",
                field="sosial-keagamaan",
                kind=GOODS,
                quantity=300,
                unit="buah",
                unit_cost=120_000,
                priority=HIGH,
                due_in_months=2,
                beneficiaries=300,
                description="Tikar busa dan selimut untuk ruang transit.",
            ),
            N(
                title="Biaya pemulangan ke daerah asal",
                field="sosial-keagamaan",
                kind=FUNDS,
                quantity=100,
                unit="orang",
                unit_cost=750_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=100,
                description="Tiket dan bekal perjalanan bagi warga binaan yang dipulangkan ke keluarga.",
                is_public=False,
            ),
        ),
    ),
    FacilityData(
        slug="psbi-bangun-daya-2",
        name="PSBI Bangun Daya 2",
        facility_type=FacilityType.HOMELESS,
        region="31.72.04",  # Cilincing
        address="Kecamatan Cilincing, Jakarta Utara",
        capacity=400,
        residents=450,
        head_name="Sumarno, S.Sos. (demo)",
        contact_phone="021-0000-0120",
        contact_email="psbi-bd2@dinsos-dki.example.org",
        background=(
            "Panti Bina Insan untuk gelandangan dan pengemis yang memerlukan rehabilitasi lanjutan, "
            "termasuk lansia dan penyandang disabilitas tanpa keluarga."
        ),
        intervention_programs=(
            "Rehabilitasi sosial, bimbingan kerja (pertanian kota, kebersihan), pendampingan administrasi "
            "kependudukan, pemulangan."
        ),
        needs=(
            N(
                title="Pelatihan pertanian kota",
                field="ekonomi-kerakyatan",
                kind=SERVICES,
                quantity=40,
                unit="orang",
                unit_cost=1_500_000,
                priority=NORMAL,
                due_in_months=7,
                beneficiaries=40,
                description="Pelatihan hidroponik dan budidaya lele dengan lahan praktik di panti.",
            ),
            N(
                title="Perbaikan atap dan talang asrama",
                field="infrastruktur",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=85_000_000,
                priority=HIGH,
                due_in_months=4,
                beneficiaries=450,
                description="Penggantian atap seng berkarat dan talang di tiga gedung asrama.",
            ),
            N(
                title="Kasur busa",
                field="sosial-keagamaan",
                kind=GOODS,
                quantity=100,
                unit="buah",
                unit_cost=1_250_000,
                priority=HIGH,
                due_in_months=3,
                beneficiaries=100,
                description="Kasur busa 90×200 cm pengganti kasur yang rusak.",
            ),
            N(
                title="Pengurusan dokumen kependudukan",
                field="lainnya",
                kind=SERVICES,
                quantity=150,
                unit="orang",
                unit_cost=100_000,
                priority=NORMAL,
                due_in_months=5,
                beneficiaries=150,
                description="Pendampingan perekaman KTP-el dan kartu keluarga bersama Dukcapil.",
                is_public=False,
            ),
        ),
    ),
    FacilityData(
        slug="psbi-bangun-daya-3",
        name="PSBI Bangun Daya 3",
        facility_type=FacilityType.HOMELESS,
        region="31.71.03",  # Kemayoran
        address="Kecamatan Kemayoran, Jakarta Pusat",
        capacity=250,
        residents=280,
        head_name="Yusuf Maulana, S.Sos. (demo)",
        contact_phone="021-0000-0121",
        contact_email="psbi-bd3@dinsos-dki.example.org",
        background=(
            "Panti Bina Insan di pusat kota bagi gelandangan, pengemis dan orang terlantar, termasuk keluarga "
            "dengan anak yang dijangkau pada malam hari."
        ),
        intervention_programs=(
            "Perlindungan sementara keluarga, pendampingan anak, bimbingan usaha, penyaluran ke rumah susun "
            "dan program bantuan sosial."
        ),
        needs=(
            N(
                title="Ruang bermain dan belajar anak",
                field="pendidikan",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=40_000_000,
                priority=NORMAL,
                due_in_months=8,
                beneficiaries=60,
                description="Renovasi satu ruang menjadi ruang bermain dan belajar anak warga binaan.",
            ),
            N(
                title="Pelatihan usaha mikro bagi kepala keluarga",
                field="ekonomi-kerakyatan",
                kind=SERVICES,
                quantity=30,
                unit="orang",
                unit_cost=2_500_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=30,
                description="Pelatihan usaha makanan dan pencatatan keuangan sederhana.",
            ),
            N(
                title="Modal usaha mikro keluarga",
                field="ekonomi-kerakyatan",
                kind=FUNDS,
                quantity=30,
                unit="orang",
                unit_cost=3_000_000,
                priority=LOW,
                due_in_months=9,
                beneficiaries=30,
                description="Modal awal usaha bagi peserta pelatihan yang siap keluar dari panti.",
                draft=True,
                source=UPDATE_2025,
            ),
        ),
    ),
    FacilityData(
        slug="pskw-harapan-mulia",
        name="PSKW Harapan Mulia",
        facility_type=FacilityType.WOMEN,
        region="31.73.05",  # Kebon Jeruk
        address="Jl. Puri Kembangan, Kelurahan Kedoya, Kecamatan Kebon Jeruk, Jakarta Barat",
        capacity=150,
        residents=118,
        head_name="Dra. Kartika Sari (demo)",
        contact_phone="021-0000-0122",
        contact_email="pskw-harapanmulia@dinsos-dki.example.org",
        background=(
            "Panti Sosial Karya Wanita (panti perlindungan dan bina karya) bagi perempuan rentan, korban "
            "eksploitasi dan perempuan tanpa tempat tinggal."
        ),
        intervention_programs=(
            "Perlindungan, konseling, pelatihan keterampilan (menjahit, tata boga, tata rias), pendampingan "
            "hukum bersama lembaga layanan, pemberdayaan ekonomi."
        ),
        needs=(
            N(
                title="Pelatihan tata rias bersertifikat",
                field="pendidikan",
                kind=SERVICES,
                quantity=25,
                unit="orang",
                unit_cost=3_000_000,
                priority=HIGH,
                due_in_months=5,
                beneficiaries=25,
                description="Kursus tata rias 2 bulan dan uji kompetensi.",
            ),
            N(
                title="Mesin jahit dan obras",
                field="ekonomi-kerakyatan",
                kind=GOODS,
                quantity=15,
                unit="unit",
                unit_cost=4_500_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=45,
                description="Mesin jahit semi-industri dan mesin obras untuk kelas menjahit.",
            ),
            N(
                title="Pendampingan hukum",
                field="lainnya",
                kind=SERVICES,
                quantity=12,
                unit="bulan",
                unit_cost=6_000_000,
                priority=HIGH,
                due_in_months=3,
                beneficiaries=40,
                description="Paralegal dan advokat mitra untuk pendampingan perkara warga binaan korban eksploitasi.",
                is_public=False,
            ),
            N(
                title="Penempatan kerja lulusan pelatihan",
                field="ekonomi-kerakyatan",
                kind=PLACEMENTS,
                quantity=10,
                unit="orang",
                unit_cost=0,
                priority=NORMAL,
                due_in_months=9,
                beneficiaries=10,
                description="Penempatan di usaha garmen, katering atau salon mitra.",
            ),
        ),
    ),
    FacilityData(
        slug="psbk-harapan-jaya",
        name="PSBK Harapan Jaya",
        facility_type=FacilityType.HOMELESS,
        region="31.72.01",  # Penjaringan
        address="Kecamatan Penjaringan, Jakarta Utara",
        capacity=250,
        residents=276,
        head_name="Supriyadi, S.Sos. (demo)",
        contact_phone="021-0000-0123",
        contact_email="psbk-harapanjaya@dinsos-dki.example.org",
        background=(
            "Panti Sosial Bina Karya bagi gelandangan usia produktif dan keluarga tanpa tempat tinggal, "
            "dengan bengkel kerja di lingkungan panti."
        ),
        intervention_programs=(
            "Bimbingan kerja (pertukangan, las, kebersihan), pendampingan kesehatan, penyaluran kerja dan hunian."
        ),
        needs=(
            N(
                title="Pelatihan las dan pertukangan",
                field="pendidikan",
                kind=SERVICES,
                quantity=25,
                unit="orang",
                unit_cost=3_500_000,
                priority=NORMAL,
                due_in_months=6,
                beneficiaries=25,
                description="Kursus las dan pertukangan kayu untuk warga binaan usia produktif.",
            ),
            N(
                title="Perbaikan bengkel kerja",
                field="infrastruktur",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=70_000_000,
                priority=NORMAL,
                due_in_months=9,
                beneficiaries=60,
                description="Perbaikan lantai, atap dan instalasi listrik bengkel kerja.",
            ),
            N(
                title="Penempatan kerja proyek konstruksi",
                field="ekonomi-kerakyatan",
                kind=PLACEMENTS,
                quantity=15,
                unit="orang",
                unit_cost=0,
                priority=HIGH,
                due_in_months=7,
                beneficiaries=15,
                description="Penempatan sebagai tenaga bantu di proyek konstruksi dengan BPJS Ketenagakerjaan.",
            ),
            N(
                title="Pemeriksaan kesehatan dan skrining TBC",
                field="kesehatan",
                kind=SERVICES,
                quantity=276,
                unit="orang",
                unit_cost=150_000,
                priority=HIGH,
                due_in_months=2,
                beneficiaries=276,
                description="Pemeriksaan umum dan rontgen dada bersama puskesmas.",
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Kabupaten Pulang Pisau: two community LKS (fictional) with needs from a field round.
# --------------------------------------------------------------------------------------------

PULPIS_FACILITIES: tuple[FacilityData, ...] = (
    FacilityData(
        slug="lksa-harapan-kahayan",
        name="LKSA Harapan Kahayan",
        facility_type=FacilityType.CHILDREN,
        operator=Operator.COMMUNITY,
        region="62.11.05",  # Kahayan Hilir
        address="Kelurahan Pulang Pisau, Kecamatan Kahayan Hilir, Kabupaten Pulang Pisau",
        capacity=50,
        residents=38,
        head_name="Pdt. Yohanes Nyahu (demo)",
        contact_phone="0513-0000-0201",
        contact_email="lksa-harapankahayan@example.org",
        background=(
            "Lembaga Kesejahteraan Sosial Anak yang dikelola yayasan masyarakat, menampung anak yatim dan "
            "anak dari keluarga miskin di desa-desa sepanjang Sungai Kahayan."
        ),
        intervention_programs=(
            "Pengasuhan, pendampingan sekolah, bimbingan keagamaan, pendataan bersama Dinsos untuk program "
            "bantuan sosial."
        ),
        needs=(
            N(
                title="Seragam dan buku sekolah",
                field="pendidikan",
                kind=GOODS,
                quantity=38,
                unit="paket",
                unit_cost=750_000,
                priority=HIGH,
                due_in_months=6,
                beneficiaries=38,
                description="Seragam, sepatu, buku tulis dan tas untuk satu tahun ajaran.",
                source=PULPIS_2025,
            ),
            N(
                title="Perbaikan lantai dan dinding asrama kayu",
                field="infrastruktur",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=55_000_000,
                priority=URGENT,
                due_in_months=4,
                beneficiaries=38,
                description="Penggantian papan lantai dan dinding asrama yang lapuk.",
                source=PULPIS_2025,
            ),
            N(
                title="Sumur bor dan penjernih air",
                field="lingkungan-hidup",
                kind=WORKS,
                quantity=1,
                unit="paket",
                unit_cost=35_000_000,
                priority=HIGH,
                due_in_months=5,
                beneficiaries=38,
                description="Sumur bor dengan penjernih air untuk air gambut.",
                source=PULPIS_2025,
            ),
        ),
    ),
    FacilityData(
        slug="lks-lansia-betang-sejahtera",
        name="LKS Lansia Betang Sejahtera",
        facility_type=FacilityType.ELDERLY,
        operator=Operator.COMMUNITY,
        region="62.11.06",  # Maliku
        address="Kecamatan Maliku, Kabupaten Pulang Pisau",
        capacity=30,
        residents=24,
        head_name="Hj. Siti Aminah (demo)",
        contact_phone="0513-0000-0202",
        contact_email="lks-betangsejahtera@example.org",
        background=(
            "LKS lanjut usia yang dikelola masyarakat desa; sebagian warga binaan adalah lansia Dayak Ngaju "
            "tanpa keluarga yang merawat."
        ),
        intervention_programs=(
            "Perawatan harian, pemeriksaan kesehatan bersama puskesmas, kegiatan budaya dan kerajinan anyaman."
        ),
        needs=(
            N(
                title="Pemeriksaan kesehatan lansia berkala",
                field="kesehatan",
                kind=SERVICES,
                quantity=12,
                unit="bulan",
                unit_cost=2_500_000,
                priority=HIGH,
                due_in_months=3,
                beneficiaries=24,
                description="Kunjungan tenaga kesehatan dua kali sebulan dan obat dasar.",
                source=PULPIS_2025,
            ),
            N(
                title="Pelatihan dan bahan anyaman rotan",
                field="masyarakat-adat",
                kind=SERVICES,
                quantity=20,
                unit="orang",
                unit_cost=1_200_000,
                priority=NORMAL,
                due_in_months=7,
                beneficiaries=20,
                description="Kegiatan anyaman rotan bersama pengrajin Dayak Ngaju, termasuk bahan dan pemasaran.",
                source=PULPIS_2025,
            ),
            N(
                title="Kasur dan kelambu",
                field="kesehatan",
                kind=GOODS,
                quantity=30,
                unit="buah",
                unit_cost=1_100_000,
                priority=HIGH,
                due_in_months=4,
                beneficiaries=24,
                description="Kasur busa dengan kelambu untuk mencegah gigitan nyamuk.",
                source=PULPIS_2025,
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Partners.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompanyData:
    slug: str
    name: str
    kind: str
    country: str
    region: str
    business_scope: str
    csr_strategy: str
    focus_fields: tuple[str, ...]
    preferred_regions: tuple[str, ...]
    address: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    forum_member_since: datetime.date | None = None
    notes: str = ""


JAKARTA_PARTNERS: tuple[CompanyData, ...] = (
    CompanyData(
        slug="ibk-bank-indonesia",
        name="PT IBK Bank Indonesia Tbk",
        kind=CompanyKind.COMPANY,
        country=KOREA,
        region=JAKARTA_SELATAN,
        address="Jakarta Selatan",
        email="csr@ibk-id.example.org",
        business_scope=(
            "Bank umum, anak usaha Industrial Bank of Korea (IBK); layanan perbankan bagi usaha kecil dan "
            "menengah serta perusahaan Korea Selatan di Indonesia."
        ),
        csr_strategy=(
            "Literasi keuangan dan inklusi perbankan bagi kelompok rentan, pendampingan usaha mikro. Minat "
            "pada kelas literasi keuangan dan tabungan bagi remaja panti, serta modal usaha alumni."
        ),
        focus_fields=("pendidikan", "ekonomi-kerakyatan"),
        preferred_regions=(JAKARTA_SELATAN, JAKARTA_TIMUR),
    ),
    CompanyData(
        slug="cj-indonesia",
        name="CJ Indonesia (PT Cheil Jedang Indonesia)",
        kind=CompanyKind.COMPANY,
        country=KOREA,
        region=JAKARTA_SELATAN,
        address="Jakarta Selatan",
        email="csr@cj-id.example.org",
        business_scope=(
            "Bagian dari CJ CheilJedang: bahan pangan dan bumbu, bioteknologi (asam amino, penyedap), "
            "dengan pabrik di beberapa provinsi."
        ),
        csr_strategy=(
            "Gizi dan pangan sehat, pelatihan tata boga dan kewirausahaan kuliner. Minat pada dukungan dapur "
            "panti, makanan tambahan bagi anak dan lansia, serta kelas tata boga bagi remaja."
        ),
        focus_fields=("kesehatan", "pendidikan", "ekonomi-kerakyatan"),
        preferred_regions=(JAKARTA_BARAT, JAKARTA_TIMUR),
    ),
    CompanyData(
        slug="posco-indonesia-inti",
        name="POSCO Indonesia Inti",
        kind=CompanyKind.COMPANY,
        country=KOREA,
        region=JAKARTA_SELATAN,
        address="Jakarta Selatan",
        email="csr@posco-id.example.org",
        business_scope="Grup POSCO di Indonesia: perdagangan, pengolahan dan distribusi produk baja.",
        csr_strategy=(
            "Perbaikan sarana bangunan sosial dengan material baja, pelatihan pengelasan dan fabrikasi, "
            "lingkungan hidup. Minat pada perbaikan atap dan bengkel kerja panti serta kursus las."
        ),
        focus_fields=("infrastruktur", "pendidikan", "lingkungan-hidup"),
        preferred_regions=(JAKARTA_UTARA, JAKARTA_TIMUR),
    ),
    CompanyData(
        slug="hyundai-motors-indonesia",
        name="PT Hyundai Motors Indonesia",
        kind=CompanyKind.COMPANY,
        country=KOREA,
        region=JAKARTA_SELATAN,
        address="Jakarta Selatan",
        email="csr@hmid.example.org",
        notes="Disingkat HMID.",
        business_scope="Distributor dan agen pemegang merek kendaraan Hyundai di Indonesia (HMID).",
        csr_strategy=(
            "Pendidikan vokasi otomotif, keselamatan berkendara dan mobilitas. Minat pada pelatihan teknisi "
            "otomotif dan penempatan kerja di jaringan bengkel, serta kendaraan antar-jemput panti."
        ),
        focus_fields=("pendidikan", "ekonomi-kerakyatan", "sosial-keagamaan"),
        preferred_regions=(JAKARTA_SELATAN, JAKARTA_TIMUR, JAKARTA_BARAT),
    ),
    CompanyData(
        slug="daehong-communications-indonesia",
        name="Daehong Communications Indonesia",
        kind=CompanyKind.COMPANY,
        country=KOREA,
        region=JAKARTA_SELATAN,
        address="Jakarta Selatan",
        email="csr@daehong-id.example.org",
        business_scope="Agensi periklanan dan komunikasi pemasaran.",
        csr_strategy=(
            "Kampanye publik dan promosi kegiatan sosial, kelas kreatif (desain grafis, fotografi, video) "
            "bagi remaja dan penyandang disabilitas."
        ),
        focus_fields=("olahraga-seni-budaya", "pendidikan", "lainnya"),
        preferred_regions=(JAKARTA_PUSAT, JAKARTA_SELATAN),
    ),
    CompanyData(
        slug="lg-electronics-indonesia",
        name="PT LG Electronics Indonesia",
        kind=CompanyKind.COMPANY,
        country=KOREA,
        region=JAKARTA_SELATAN,
        address="Jakarta Selatan",
        website="https://www.lg.com/id",
        email="csr@lg-id.example.org",
        business_scope="Produsen dan distributor elektronik rumah tangga, pendingin ruangan dan produk TI.",
        csr_strategy=(
            "Pendidikan keterampilan teknisi elektronik, donasi peralatan rumah tangga hemat energi, "
            "lingkungan hidup. Minat pada kursus teknisi AC dan elektronik bagi remaja panti serta mesin cuci "
            "dan pendingin ruangan untuk panti lansia."
        ),
        focus_fields=("pendidikan", "lingkungan-hidup", "kesehatan"),
        preferred_regions=(JAKARTA_BARAT, JAKARTA_SELATAN, JAKARTA_UTARA),
    ),
    CompanyData(
        slug="korean-association-in-indonesia",
        name="Korean Association in Indonesia",
        kind=CompanyKind.ASSOCIATION,
        country=KOREA,
        region=JAKARTA_SELATAN,
        address="Jakarta Selatan",
        email="sosial@korean-association-id.example.org",
        business_scope="Perkumpulan warga dan komunitas Korea Selatan di Indonesia.",
        csr_strategy=(
            "Kegiatan sosial dan santunan bersama komunitas Korea, pertukaran budaya, relawan dari anggota perkumpulan."
        ),
        focus_fields=("sosial-keagamaan", "olahraga-seni-budaya"),
        preferred_regions=("31",),
    ),
    CompanyData(
        slug="koica",
        name="KOICA (Korea International Cooperation Agency)",
        kind=CompanyKind.INTERNATIONAL,
        country=KOREA,
        region=JAKARTA_SELATAN,
        address="Kantor perwakilan KOICA Indonesia, Jakarta",
        website="https://www.koica.go.kr",
        email="indonesia@koica.example.org",
        business_scope="Badan kerja sama pembangunan internasional Pemerintah Korea Selatan.",
        csr_strategy=(
            "Mendanai Proyek Peningkatan Dukungan Rehabilitasi Sosial bagi Pemuda Rentan di Indonesia "
            "(Project on Enhancing Social Rehabilitation Support for the Vulnerable Youth in Indonesia) "
            "bersama Pemprov DKI Jakarta, dilaksanakan konsorsium Korea Institute for Development Strategy "
            "(KDS), World Vision Korea dan Rebach International; lokasi proyek PSBR Taruna Jaya 1."
        ),
        focus_fields=("pendidikan", "sosial-keagamaan", "ekonomi-kerakyatan"),
        preferred_regions=(JAKARTA_SELATAN,),
    ),
)

# The seven who sat at the meeting of 29 August 2024 (KOICA's project led to it; KOICA is not
# named among those present).
MEETING_2024_PARTNERS = (
    "ibk-bank-indonesia",
    "cj-indonesia",
    "posco-indonesia-inti",
    "hyundai-motors-indonesia",
    "daehong-communications-indonesia",
    "lg-electronics-indonesia",
    "korean-association-in-indonesia",
)

PULPIS_PARTNERS: tuple[CompanyData, ...] = (
    CompanyData(
        slug="bank-kalteng",
        name="PT Bank Pembangunan Daerah Kalimantan Tengah (Bank Kalteng)",
        kind=CompanyKind.STATE_OWNED,
        country="Indonesia",
        region="62.11.05",  # Kahayan Hilir
        address="Kantor Cabang Pulang Pisau, Kecamatan Kahayan Hilir",
        email="csr@bankkalteng.example.org",
        business_scope="Bank pembangunan daerah (BUMD) Provinsi Kalimantan Tengah.",
        csr_strategy=(
            "Beasiswa pelajar dari keluarga miskin, literasi keuangan, dukungan usaha mikro dan koperasi desa."
        ),
        focus_fields=("pendidikan", "ekonomi-kerakyatan"),
        preferred_regions=(PULANG_PISAU,),
        forum_member_since=datetime.date(2020, 12, 1),
        notes="Keanggotaan Forum TSLP dan profil CSR di sini adalah data demo.",
    ),
    CompanyData(
        slug="kahayan-sawit-lestari",
        name="PT Kahayan Sawit Lestari",
        kind=CompanyKind.COMPANY,
        country="Indonesia",
        region="62.11.04",  # Banama Tingang
        address="Kecamatan Banama Tingang, Kabupaten Pulang Pisau",
        email="csr@kahayansawit.example.org",
        business_scope="Perkebunan dan pabrik pengolahan kelapa sawit dengan kebun plasma masyarakat.",
        csr_strategy=(
            "Kemitraan petani plasma dan koperasi, perbaikan jalan desa, pencegahan kebakaran lahan gambut, "
            "pelestarian budaya Dayak di desa sekitar kebun."
        ),
        focus_fields=("ekonomi-kerakyatan", "infrastruktur", "lingkungan-hidup", "masyarakat-adat"),
        preferred_regions=("62.11.04", "62.11.03"),
        forum_member_since=datetime.date(2021, 3, 15),
        notes="Perusahaan fiktif untuk demo.",
    ),
    CompanyData(
        slug="sebangau-agro-mandiri",
        name="PT Sebangau Agro Mandiri",
        kind=CompanyKind.COMPANY,
        country="Indonesia",
        region="62.11.06",  # Maliku
        address="Kecamatan Maliku, Kabupaten Pulang Pisau",
        email="csr@sebangauagro.example.org",
        business_scope="Perkebunan kelapa sawit dan karet, pengolahan hasil kebun.",
        csr_strategy="Kesehatan masyarakat desa, air bersih, bantuan bagi LKS dan lansia di sekitar kebun.",
        focus_fields=("kesehatan", "lingkungan-hidup", "sosial-keagamaan"),
        preferred_regions=("62.11.06", "62.11.01", "62.11.08"),
        forum_member_since=datetime.date(2021, 3, 15),
        notes="Perusahaan fiktif untuk demo.",
    ),
    CompanyData(
        slug="kahayan-mineral-utama",
        name="PT Kahayan Mineral Utama",
        kind=CompanyKind.COMPANY,
        country="Indonesia",
        region="62.11.03",  # Kahayan Tengah
        address="Kecamatan Kahayan Tengah, Kabupaten Pulang Pisau",
        email="csr@kahayanmineral.example.org",
        business_scope="Pertambangan pasir zirkon dan pasir kuarsa.",
        csr_strategy="Reklamasi dan penghijauan, infrastruktur desa, layanan kesehatan di desa lingkar tambang.",
        focus_fields=("infrastruktur", "kesehatan", "lingkungan-hidup"),
        preferred_regions=("62.11.03", "62.11.04"),
        forum_member_since=datetime.date(2021, 6, 1),
        notes="Perusahaan fiktif untuk demo.",
    ),
    CompanyData(
        slug="pln-ulp-pulang-pisau",
        name="PT PLN (Persero) ULP Pulang Pisau",
        kind=CompanyKind.STATE_OWNED,
        country="Indonesia",
        region="62.11.05",  # Kahayan Hilir
        address="Unit Layanan Pelanggan Pulang Pisau, Kecamatan Kahayan Hilir",
        email="tjsl@pln-pulpis.example.org",
        business_scope="Unit layanan pelanggan PLN: penyambungan dan layanan listrik di Kabupaten Pulang Pisau.",
        csr_strategy="Sambungan listrik bagi rumah tangga miskin, penerangan fasilitas umum desa, listrik desa.",
        focus_fields=("infrastruktur", "sosial-keagamaan"),
        preferred_regions=("62.11.02", "62.11.08"),
        forum_member_since=datetime.date(2022, 2, 1),
        notes="Keanggotaan Forum TSLP dan program TJSL di sini adalah data demo.",
    ),
    CompanyData(
        slug="jabiren-karet-lestari",
        name="PT Jabiren Karet Lestari",
        kind=CompanyKind.COMPANY,
        country="Indonesia",
        region="62.11.07",  # Jabiren Raya
        address="Kecamatan Jabiren Raya, Kabupaten Pulang Pisau",
        email="csr@jabirenkaret.example.org",
        business_scope="Perkebunan karet dan pengolahan lateks, dengan petani karet rakyat sebagai pemasok.",
        csr_strategy="Peremajaan kebun karet rakyat dan kemitraan pemasaran bahan olah karet.",
        focus_fields=("ekonomi-kerakyatan", "lingkungan-hidup"),
        preferred_regions=("62.11.07",),
        forum_member_since=datetime.date(2022, 8, 1),
        notes="Perusahaan fiktif untuk demo. Anggota forum yang belum pernah menyampaikan laporan realisasi.",
    ),
)

# --------------------------------------------------------------------------------------------
# Engagements (the log of meetings). Natural key: date and subject.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EngagementData:
    date: datetime.date
    kind: str
    subject: str
    location: str
    companies: tuple[str, ...]
    staff_present: str
    others_present: str
    notes: str
    follow_up: str
    follow_up_due: datetime.date | None
    agency: str = "dinsos-dki-jakarta"  # slug of the agency that met the partners


ENGAGEMENTS: tuple[EngagementData, ...] = (
    EngagementData(
        date=datetime.date(2024, 8, 29),  # Kamis (29/8)
        kind=EngagementKind.MEETING,
        subject="Penjajakan kerja sama CSR dengan perusahaan Korea Selatan",
        location="Jakarta",
        companies=MEETING_2024_PARTNERS,
        staff_present="Premi Lasari, Kepala Dinas Sosial DKI Jakarta; jajaran Dinas Sosial DKI Jakarta.",
        others_present=(
            "Tim CSR PT IBK Bank Indonesia Tbk, CJ Indonesia (PT Cheil Jedang Indonesia), POSCO Indonesia Inti, "
            "PT Hyundai Motors Indonesia (HMID), Daehong Communications Indonesia, PT LG Electronics Indonesia; "
            "Korean Association in Indonesia."
        ),
        notes=(
            "Tindak lanjut kerja sama Pemprov DKI Jakarta dengan KOICA melalui konsorsium KDS, World Vision "
            "Korea dan Rebach International (Proyek Peningkatan Dukungan Rehabilitasi Sosial bagi Pemuda Rentan "
            "di Indonesia), yang bertujuan meningkatkan kemandirian warga binaan sosial. Dinas Sosial ingin "
            "mengintegrasikan sumber daya dan keahlian perusahaan ke dalam inisiatif sosial.\n"
            "Perwakilan perusahaan memaparkan lingkup usaha dan kegiatan CSR yang telah dilakukan; setiap "
            "perusahaan berbagi strategi dan kasus CSR.\n"
            "Dinas Sosial mempresentasikan PSBR Taruna Jaya 1: pengenalan fasilitas, latar belakang panti dan "
            "program intervensi yang telah dibangun.\n"
            "Pendalaman kebutuhan dukungan bagi 22 panti lain di bawah Dinsos DKI, termasuk kebutuhan dan "
            "permintaan sumber daya eksternal serta saran kegiatan bagi CSR perusahaan Korea Selatan."
        ),
        follow_up=(
            "Dinsos menyusun daftar kebutuhan 23 panti beserta usulan kegiatan untuk setiap perusahaan dan "
            "mengirimkannya kepada tim CSR; perusahaan menanggapi sesuai fokus CSR masing-masing."
        ),
        follow_up_due=datetime.date(2024, 9, 30),
    ),
    EngagementData(
        date=datetime.date(2024, 10, 10),
        kind=EngagementKind.VISIT,
        subject="Kunjungan tim CSR ke PSBR Taruna Jaya 1",
        location="PSBR Taruna Jaya 1, Tebet, Jakarta Selatan",
        companies=("hyundai-motors-indonesia", "lg-electronics-indonesia", "koica"),
        staff_present="Kepala PSBR Taruna Jaya 1; pekerja sosial dan instruktur keterampilan.",
        others_present="Tim CSR PT Hyundai Motors Indonesia dan PT LG Electronics Indonesia; perwakilan KOICA.",
        notes=(
            "Kunjungan lanjutan (data demo) ke kelas keterampilan dan bengkel. Dibahas kemungkinan pelatihan "
            "teknisi otomotif serta teknisi AC dan elektronik, dan penempatan kerja lulusan."
        ),
        follow_up="Perusahaan mengirim usulan kurikulum dan jumlah peserta; Dinsos mencatat kebutuhan di portal.",
        follow_up_due=datetime.date(2024, 11, 15),
    ),
    EngagementData(
        date=datetime.date(2021, 2, 19),  # a Friday, like the article's "Jumat"
        kind=EngagementKind.MEETING,
        subject="Sosialisasi Perbup Pulang Pisau No. 24 Tahun 2020 tentang Forum TSLP",
        location="Dinas Sosial Kabupaten Pulang Pisau",
        companies=("bank-kalteng", "kahayan-sawit-lestari", "sebangau-agro-mandiri", "kahayan-mineral-utama"),
        staff_present=(
            "Eknamesi Tawun, Kepala Dinas Sosial Kabupaten Pulang Pisau; Mahdalene, Kabid Pemberdayaan Sosial "
            "dan Penanganan Fakir Miskin."
        ),
        others_present="Para camat; Disnakertrans; DPMPTSP Kabupaten Pulang Pisau.",
        notes=(
            "Penguatan pelaksanaan Perbup No. 24/2020 tentang Forum Tanggung Jawab Sosial dan Lingkungan "
            "Perusahaan (TSLP): setiap perusahaan diharapkan mengacu pada Perbup dan berkoordinasi dengan "
            "Dinas Sosial dalam penyaluran CSR. Draf Perbup telah diberikan kepada para camat untuk dipelajari "
            "dan disosialisasikan kepada perusahaan di wilayahnya, lalu dikirim ke perusahaan.\n"
            "Bentuk program TSLP: pemberdayaan masyarakat, bina lingkungan dan sosial, donasi dan promosi, "
            "kemitraan usaha mikro dan koperasi. Bidang: pendidikan, kesehatan, infrastruktur, olahraga dan "
            "seni budaya, sosial dan keagamaan, pelestarian lingkungan hidup, usaha ekonomi kerakyatan, "
            "pemberdayaan masyarakat adat, dan bidang lainnya.\n"
            "Dinsos, sebagai pusat data dengan dukungan petugas lapangan, siap memberikan data masyarakat "
            "miskin per kecamatan agar CSR tepat sasaran dan sinergis dengan program pemerintah daerah."
        ),
        follow_up=(
            "Koordinasi dengan Disnakertrans, DPMPTSP dan pihak terkait untuk penegasan pelaksanaan; "
            "perusahaan menyampaikan rencana program TSLP kepada Dinsos."
        ),
        follow_up_due=datetime.date(2021, 3, 31),
        agency="dinsos-pulang-pisau",
    ),
)

# --------------------------------------------------------------------------------------------
# Programs. Natural key: company slug and title.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgramData:
    company: str
    title: str
    form: str
    fields: tuple[str, ...]
    budget: int
    start_date: datetime.date
    end_date: datetime.date | None
    target_regions: tuple[str, ...]
    target_beneficiaries: int
    status: str
    description: str
    government_program: str = ""


D = datetime.date
REHAB_PANTI = "Rehabilitasi sosial di panti Dinas Sosial DKI Jakarta"
PULPIS_POVERTY = "Penanggulangan kemiskinan Kabupaten Pulang Pisau (data DTKS Dinsos)"

PROGRAMS: tuple[ProgramData, ...] = (
    ProgramData(
        company="ibk-bank-indonesia",
        title="Literasi keuangan dan tabungan remaja panti",
        form=ProgramForm.EMPOWERMENT,
        fields=("pendidikan", "ekonomi-kerakyatan"),
        budget=150_000_000,
        start_date=D(2025, 2, 1),
        end_date=D(2026, 1, 31),
        target_regions=(JAKARTA_SELATAN, JAKARTA_TIMUR),
        target_beneficiaries=300,
        status=ProgramStatus.COMPLETED,
        description="Kelas literasi keuangan dan pembukaan rekening tabungan bagi remaja di panti anak dan remaja.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="ibk-bank-indonesia",
        title="Modal dan pendampingan usaha alumni panti",
        form=ProgramForm.MICRO_BUSINESS,
        fields=("ekonomi-kerakyatan",),
        budget=350_000_000,
        start_date=D(2027, 1, 1),
        end_date=D(2027, 12, 31),
        target_regions=(JAKARTA_SELATAN, JAKARTA_TIMUR, JAKARTA_PUSAT),
        target_beneficiaries=60,
        status=ProgramStatus.PLANNED,
        description="Modal usaha mikro dan pendampingan pembukuan bagi alumni panti yang memulai usaha.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="cj-indonesia",
        title="Dapur sehat panti",
        form=ProgramForm.ENVIRONMENT_SOCIAL,
        fields=("kesehatan",),
        budget=400_000_000,
        start_date=D(2025, 7, 1),
        end_date=D(2026, 12, 31),
        target_regions=(JAKARTA_TIMUR, JAKARTA_BARAT),
        target_beneficiaries=800,
        status=ProgramStatus.ACTIVE,
        description="Perbaikan dapur dan makanan tambahan bergizi bagi anak dan lansia di panti Dinsos.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="cj-indonesia",
        title="Kelas tata boga remaja",
        form=ProgramForm.EMPOWERMENT,
        fields=("pendidikan", "ekonomi-kerakyatan"),
        budget=120_000_000,
        start_date=D(2026, 2, 1),
        end_date=D(2027, 1, 31),
        target_regions=(JAKARTA_SELATAN,),
        target_beneficiaries=40,
        status=ProgramStatus.ACTIVE,
        description="Kelas tata boga dan kewirausahaan kuliner bagi remaja PSBR dan PSKW.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="posco-indonesia-inti",
        title="Kursus pengelasan dan fabrikasi baja ringan",
        form=ProgramForm.EMPOWERMENT,
        fields=("pendidikan",),
        budget=250_000_000,
        start_date=D(2026, 1, 15),
        end_date=D(2026, 12, 15),
        target_regions=(JAKARTA_SELATAN, JAKARTA_UTARA),
        target_beneficiaries=50,
        status=ProgramStatus.ACTIVE,
        description="Kursus las bersertifikat bagi remaja panti dan warga binaan usia produktif.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="posco-indonesia-inti",
        title="Perbaikan atap panti dengan rangka baja",
        form=ProgramForm.ENVIRONMENT_SOCIAL,
        fields=("infrastruktur",),
        budget=500_000_000,
        start_date=D(2027, 2, 1),
        end_date=D(2027, 12, 31),
        target_regions=(JAKARTA_UTARA, JAKARTA_BARAT, JAKARTA_TIMUR),
        target_beneficiaries=1_200,
        status=ProgramStatus.PLANNED,
        description="Penggantian atap dan talang bangunan panti dengan rangka baja ringan.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="hyundai-motors-indonesia",
        title="Pelatihan teknisi otomotif dan penempatan kerja",
        form=ProgramForm.EMPOWERMENT,
        fields=("pendidikan", "ekonomi-kerakyatan"),
        budget=600_000_000,
        start_date=D(2025, 9, 1),
        end_date=D(2026, 12, 31),
        target_regions=(JAKARTA_SELATAN, JAKARTA_TIMUR),
        target_beneficiaries=60,
        status=ProgramStatus.ACTIVE,
        description=(
            "Kursus teknisi otomotif di pusat pelatihan jaringan bengkel, dilanjutkan magang dan penempatan kerja."
        ),
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="hyundai-motors-indonesia",
        title="Kendaraan antar-jemput anak panti",
        form=ProgramForm.DONATION,
        fields=("pendidikan", "sosial-keagamaan"),
        budget=900_000_000,
        start_date=D(2027, 1, 1),
        end_date=D(2027, 6, 30),
        target_regions=(JAKARTA_TIMUR, JAKARTA_UTARA),
        target_beneficiaries=300,
        status=ProgramStatus.PLANNED,
        description="Hibah kendaraan untuk antar-jemput sekolah anak panti asuhan.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="daehong-communications-indonesia",
        title="Kampanye publik Ayo Peduli Panti",
        form=ProgramForm.DONATION,
        fields=("lainnya",),
        budget=200_000_000,
        start_date=D(2025, 11, 1),
        end_date=D(2026, 12, 31),
        target_regions=("31",),
        target_beneficiaries=0,
        status=ProgramStatus.ACTIVE,
        description=(
            "Kampanye media sosial dan luar ruang untuk mengajak perusahaan dan warga mendukung kebutuhan panti."
        ),
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="daehong-communications-indonesia",
        title="Kelas desain grafis dan fotografi",
        form=ProgramForm.EMPOWERMENT,
        fields=("pendidikan", "olahraga-seni-budaya"),
        budget=90_000_000,
        start_date=D(2026, 2, 1),
        end_date=D(2026, 7, 31),
        target_regions=(JAKARTA_SELATAN, JAKARTA_TIMUR),
        target_beneficiaries=40,
        status=ProgramStatus.COMPLETED,
        description="Kelas kreatif bagi remaja panti dan penyandang disabilitas fisik, diajar desainer agensi.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="lg-electronics-indonesia",
        title="Pelatihan teknisi AC dan elektronik rumah tangga",
        form=ProgramForm.EMPOWERMENT,
        fields=("pendidikan",),
        budget=300_000_000,
        start_date=D(2026, 1, 15),
        end_date=D(2026, 12, 31),
        target_regions=(JAKARTA_SELATAN, JAKARTA_TIMUR),
        target_beneficiaries=60,
        status=ProgramStatus.ACTIVE,
        description="Kursus teknisi di pusat servis, dengan sertifikat dan peluang kerja di jaringan servis.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="lg-electronics-indonesia",
        title="Peralatan rumah tangga hemat energi untuk panti",
        form=ProgramForm.DONATION,
        fields=("kesehatan", "lingkungan-hidup"),
        budget=450_000_000,
        start_date=D(2025, 6, 1),
        end_date=D(2027, 6, 30),
        target_regions=(JAKARTA_BARAT, JAKARTA_TIMUR, JAKARTA_UTARA),
        target_beneficiaries=1_000,
        status=ProgramStatus.ACTIVE,
        description="Mesin cuci, lemari es dan pendingin ruangan hemat energi untuk panti lansia dan disabilitas.",
        government_program=REHAB_PANTI,
    ),
    ProgramData(
        company="korean-association-in-indonesia",
        title="Santunan dan pentas budaya Korea–Indonesia",
        form=ProgramForm.DONATION,
        fields=("sosial-keagamaan", "olahraga-seni-budaya"),
        budget=75_000_000,
        start_date=D(2025, 12, 1),
        end_date=D(2026, 12, 31),
        target_regions=("31",),
        target_beneficiaries=500,
        status=ProgramStatus.ACTIVE,
        description="Kunjungan relawan anggota perkumpulan, santunan dan pentas budaya bersama warga binaan panti.",
    ),
    ProgramData(
        company="koica",
        title="Proyek Peningkatan Dukungan Rehabilitasi Sosial bagi Pemuda Rentan di Indonesia",
        form=ProgramForm.EMPOWERMENT,
        fields=("pendidikan", "sosial-keagamaan", "ekonomi-kerakyatan"),
        budget=0,
        start_date=D(2023, 1, 1),
        end_date=None,
        target_regions=(JAKARTA_SELATAN,),
        target_beneficiaries=100,
        status=ProgramStatus.ACTIVE,
        description=(
            "Project on Enhancing Social Rehabilitation Support for the Vulnerable Youth in Indonesia, "
            "dilaksanakan konsorsium KDS, World Vision Korea dan Rebach International di PSBR Taruna Jaya 1, "
            "termasuk hibah renovasi gedung panti. Tujuan: meningkatkan kemandirian warga binaan sosial. "
            "Anggaran keseluruhan dikelola KOICA dan tidak dicatat di portal; yang dibelanjakan di PSBR Taruna "
            "Jaya 1 dilaporkan sebagai realisasi tahunan (angka demo)."
        ),
        government_program="Rehabilitasi sosial remaja rentan di PSBR Taruna Jaya 1",
    ),
    ProgramData(
        company="bank-kalteng",
        title="Beasiswa pelajar keluarga miskin",
        form=ProgramForm.DONATION,
        fields=("pendidikan",),
        budget=250_000_000,
        start_date=D(2026, 7, 1),
        end_date=D(2027, 6, 30),
        target_regions=(PULANG_PISAU,),
        target_beneficiaries=200,
        status=ProgramStatus.ACTIVE,
        description="Beasiswa SMP dan SMA bagi anak dari keluarga terdata DTKS, usulan dari Dinsos per kecamatan.",
        government_program=PULPIS_POVERTY,
    ),
    ProgramData(
        company="bank-kalteng",
        title="Pendampingan koperasi dan usaha mikro desa",
        form=ProgramForm.MICRO_BUSINESS,
        fields=("ekonomi-kerakyatan",),
        budget=180_000_000,
        start_date=D(2027, 3, 1),
        end_date=D(2028, 2, 29),
        target_regions=("62.11.01", "62.11.05", "62.11.06"),
        target_beneficiaries=120,
        status=ProgramStatus.PLANNED,
        description="Pelatihan pembukuan koperasi desa dan akses pembiayaan usaha mikro.",
        government_program=PULPIS_POVERTY,
    ),
    ProgramData(
        company="kahayan-sawit-lestari",
        title="Perbaikan jalan desa dan jembatan kayu",
        form=ProgramForm.ENVIRONMENT_SOCIAL,
        fields=("infrastruktur",),
        budget=750_000_000,
        start_date=D(2025, 5, 1),
        end_date=D(2026, 4, 30),
        target_regions=("62.11.04", "62.11.03"),
        target_beneficiaries=3_000,
        status=ProgramStatus.COMPLETED,
        description="Perbaikan jalan tanah dan jembatan kayu penghubung desa di sekitar kebun.",
        government_program=PULPIS_POVERTY,
    ),
    ProgramData(
        company="kahayan-sawit-lestari",
        title="Kerajinan rotan dan budaya Dayak Ngaju",
        form=ProgramForm.EMPOWERMENT,
        fields=("masyarakat-adat", "olahraga-seni-budaya"),
        budget=90_000_000,
        start_date=D(2026, 2, 1),
        end_date=D(2026, 12, 31),
        target_regions=("62.11.04",),
        target_beneficiaries=80,
        status=ProgramStatus.ACTIVE,
        description="Pelatihan anyaman rotan, pemasaran produk dan festival budaya desa.",
        government_program=PULPIS_POVERTY,
    ),
    ProgramData(
        company="sebangau-agro-mandiri",
        title="Air bersih desa gambut",
        form=ProgramForm.ENVIRONMENT_SOCIAL,
        fields=("lingkungan-hidup", "kesehatan"),
        budget=320_000_000,
        start_date=D(2026, 1, 1),
        end_date=D(2026, 12, 31),
        target_regions=("62.11.06", "62.11.08"),
        target_beneficiaries=1_500,
        status=ProgramStatus.ACTIVE,
        description="Sumur bor dan penjernih air gambut untuk desa, sekolah dan LKS.",
        government_program=PULPIS_POVERTY,
    ),
    ProgramData(
        company="kahayan-mineral-utama",
        title="Posyandu dan pemeriksaan kesehatan desa lingkar tambang",
        form=ProgramForm.ENVIRONMENT_SOCIAL,
        fields=("kesehatan",),
        budget=150_000_000,
        start_date=D(2025, 1, 1),
        end_date=D(2025, 12, 31),
        target_regions=("62.11.03",),
        target_beneficiaries=900,
        status=ProgramStatus.COMPLETED,
        description="Dukungan posyandu, pemeriksaan kesehatan dan makanan tambahan balita.",
        government_program=PULPIS_POVERTY,
    ),
    ProgramData(
        company="bank-kalteng",
        title="Literasi keuangan dan tabungan pelajar",
        form=ProgramForm.EMPOWERMENT,
        fields=("pendidikan", "ekonomi-kerakyatan"),
        budget=120_000_000,
        start_date=D(2025, 2, 1),
        end_date=D(2025, 12, 31),
        target_regions=("62.11.05", "62.11.01"),
        target_beneficiaries=600,
        status=ProgramStatus.COMPLETED,
        description="Kelas literasi keuangan di sekolah dan tabungan pelajar bagi anak dari keluarga terdata DTKS.",
        government_program=PULPIS_POVERTY,
    ),
    ProgramData(
        company="sebangau-agro-mandiri",
        title="Paket sembako dan cek kesehatan lansia",
        form=ProgramForm.DONATION,
        fields=("sosial-keagamaan", "kesehatan"),
        budget=75_000_000,
        start_date=D(2025, 3, 1),
        end_date=D(2025, 12, 31),
        target_regions=("62.11.06",),
        target_beneficiaries=250,
        status=ProgramStatus.COMPLETED,
        description="Paket sembako bulanan dan pemeriksaan kesehatan bagi lansia miskin di desa sekitar kebun.",
        government_program=PULPIS_POVERTY,
    ),
    ProgramData(
        company="pln-ulp-pulang-pisau",
        title="Sambung listrik gratis rumah tangga miskin",
        form=ProgramForm.ENVIRONMENT_SOCIAL,
        fields=("infrastruktur",),
        budget=90_000_000,
        start_date=D(2025, 4, 1),
        end_date=D(2026, 12, 31),
        target_regions=("62.11.02", "62.11.08"),
        target_beneficiaries=150,
        status=ProgramStatus.ACTIVE,
        description=(
            "Instalasi dan penyambungan listrik 450 VA bagi rumah tangga miskin terdata DTKS yang belum berlistrik."
        ),
        government_program=PULPIS_POVERTY,
    ),
    ProgramData(
        company="jabiren-karet-lestari",
        title="Peremajaan kebun karet rakyat",
        form=ProgramForm.MICRO_BUSINESS,
        fields=("ekonomi-kerakyatan", "lingkungan-hidup"),
        budget=210_000_000,
        start_date=D(2025, 1, 1),
        end_date=D(2026, 12, 31),
        target_regions=("62.11.07",),
        target_beneficiaries=90,
        status=ProgramStatus.ACTIVE,
        description="Bibit karet unggul, pupuk dan pendampingan kelompok tani karet; pembelian bahan olah karet.",
        government_program=PULPIS_POVERTY,
    ),
)

# --------------------------------------------------------------------------------------------
# Realisation reports (laporan realisasi), yearly as both agencies ask. Natural key: program
# (company slug and title), year and quarter. Pulang Pisau's 2025 reports reach some kecamatan
# well (Banama Tingang, Kahayan Tengah), some hardly (Pandih Batu, Sebangau Kuala) and two not
# at all: Maliku's only report was returned, and Jabiren Raya's forum member (PT Jabiren Karet
# Lestari) has never reported. Reports of companies without a demo officer were entered by the
# agency's staff from the forum's paper forms. Counts only, never a name.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RealisationData:
    company: str  # slug
    program: str  # title within the company
    year: int
    shares: tuple[tuple[str, int, int], ...]  # (region code, rupiah, households reached there)
    households: int
    persons: int
    activities: str
    status: str
    reported_by: str  # username
    submitted_on: datetime.date
    quarter: int = 0
    women: int | None = None
    children: int | None = None
    elderly: int | None = None
    disabled: int | None = None
    verified_by: str = ""  # username
    verified_on: datetime.date | None = None
    review_note: str = ""

    @property
    def amount(self) -> int:
        return sum(amount for _code, amount, _households in self.shares)


R = RealisationStatus

REALISATIONS: tuple[RealisationData, ...] = (
    RealisationData(
        company="kahayan-sawit-lestari",
        program="Perbaikan jalan desa dan jembatan kayu",
        year=2025,
        shares=(("62.11.04", 385_000_000, 610), ("62.11.03", 140_000_000, 220)),
        households=830,
        persons=2_940,
        activities=(
            "Perbaikan 7,5 km jalan tanah desa dan 4 jembatan kayu ulin penghubung desa di Banama Tingang dan "
            "Kahayan Tengah; padat karya warga desa."
        ),
        status=R.VERIFIED,
        reported_by="dinsos.pulpis",
        submitted_on=D(2026, 1, 22),
        verified_by="dinsos.pulpis",
        verified_on=D(2026, 2, 10),
        review_note="Sesuai foto dan berita acara serah terima pekerjaan dengan kepala desa.",
    ),
    RealisationData(
        company="kahayan-mineral-utama",
        program="Posyandu dan pemeriksaan kesehatan desa lingkar tambang",
        year=2025,
        shares=(("62.11.03", 138_500_000, 310),),
        households=310,
        persons=1_020,
        women=560,
        children=410,
        elderly=95,
        activities=(
            "Makanan tambahan balita di 6 posyandu, pemeriksaan kesehatan keliling 12 kali, alat timbang dan ukur."
        ),
        status=R.VERIFIED,
        reported_by="dinsos.pulpis",
        submitted_on=D(2026, 1, 28),
        verified_by="dinsos.pulpis",
        verified_on=D(2026, 2, 12),
    ),
    RealisationData(
        company="bank-kalteng",
        program="Literasi keuangan dan tabungan pelajar",
        year=2025,
        shares=(("62.11.05", 82_000_000, 260), ("62.11.01", 14_500_000, 45)),
        households=305,
        persons=540,
        children=540,
        activities=(
            "Kelas literasi keuangan di 9 SMP/SMA dan pembukaan tabungan pelajar dengan setoran awal; Pandih Batu "
            "baru satu sekolah."
        ),
        status=R.VERIFIED,
        reported_by="dinsos.pulpis",
        submitted_on=D(2026, 1, 15),
        verified_by="dinsos.pulpis",
        verified_on=D(2026, 1, 30),
    ),
    RealisationData(
        company="pln-ulp-pulang-pisau",
        program="Sambung listrik gratis rumah tangga miskin",
        year=2025,
        shares=(("62.11.02", 31_200_000, 52), ("62.11.08", 9_600_000, 16)),
        households=68,
        persons=251,
        activities="Instalasi rumah dan penyambungan listrik 450 VA bagi 68 rumah tangga miskin terdata DTKS.",
        status=R.VERIFIED,
        reported_by="dinsos.pulpis",
        submitted_on=D(2026, 3, 9),  # late: the 2025 reports were due on 30 January 2026
        verified_by="dinsos.pulpis",
        verified_on=D(2026, 3, 20),
    ),
    RealisationData(
        company="sebangau-agro-mandiri",
        program="Paket sembako dan cek kesehatan lansia",
        year=2025,
        shares=(("62.11.06", 61_750_000, 0),),
        households=0,
        persons=240,
        elderly=240,
        activities="Paket sembako bulanan Maret–Desember dan pemeriksaan kesehatan lansia tiap triwulan.",
        status=R.RETURNED,
        reported_by="csr.pulpis",
        submitted_on=D(2026, 1, 27),
        review_note=(
            "Mohon lengkapi rincian per desa, jumlah rumah tangga penerima (angka saja, tanpa nama) dan berita "
            "acara serah terima dengan kepala desa, lalu kirim ulang."
        ),
    ),
    RealisationData(
        company="kahayan-sawit-lestari",
        program="Kerajinan rotan dan budaya Dayak Ngaju",
        year=2026,
        shares=(("62.11.04", 41_000_000, 35),),
        households=35,
        persons=78,
        women=52,
        activities="Pelatihan anyaman rotan 3 angkatan, pameran produk di Pulang Pisau, festival budaya desa.",
        status=R.SUBMITTED,
        reported_by="dinsos.pulpis",
        submitted_on=D(2026, 11, 20),  # early: the 2026 report is due in January 2027
    ),
    # Jakarta: the Korean partners' programs around the panti of Dinsos DKI.
    RealisationData(
        company="koica",
        program="Proyek Peningkatan Dukungan Rehabilitasi Sosial bagi Pemuda Rentan di Indonesia",
        year=2025,
        shares=(("31.74.01", 1_250_000_000, 0),),  # Tebet: PSBR Taruna Jaya 1
        households=0,
        persons=100,
        women=30,
        children=64,
        activities=(
            "Renovasi asrama dan ruang keterampilan PSBR Taruna Jaya 1; pelatihan pekerja sosial dan pendamping; "
            "program kemandirian (konseling, keterampilan kerja, magang) bagi 100 remaja warga binaan."
        ),
        status=R.VERIFIED,
        reported_by="dinsos",
        submitted_on=D(2026, 1, 20),
        verified_by="dinsos",
        verified_on=D(2026, 2, 5),
    ),
    RealisationData(
        company="ibk-bank-indonesia",
        program="Literasi keuangan dan tabungan remaja panti",
        year=2025,
        shares=(("31.74.01", 48_000_000, 0), ("31.74.04", 36_000_000, 0), ("31.75.09", 27_000_000, 0)),
        households=0,
        persons=260,
        children=210,
        activities="Kelas literasi keuangan dan pembukaan tabungan remaja di PSBR Taruna Jaya 1 dan panti anak.",
        status=R.VERIFIED,
        reported_by="dinsos",
        submitted_on=D(2026, 1, 26),
        verified_by="dinsos",
        verified_on=D(2026, 2, 9),
    ),
    RealisationData(
        company="lg-electronics-indonesia",
        program="Peralatan rumah tangga hemat energi untuk panti",
        year=2025,
        shares=(("31.73.01", 96_000_000, 0), ("31.75.07", 64_000_000, 0)),
        households=0,
        persons=410,
        elderly=180,
        disabled=150,
        activities="Mesin cuci, lemari es dan pendingin ruangan hemat energi untuk panti lansia dan disabilitas.",
        status=R.VERIFIED,
        reported_by="csr.lg",
        submitted_on=D(2026, 1, 29),
        verified_by="dinsos",
        verified_on=D(2026, 2, 16),
    ),
    RealisationData(
        company="cj-indonesia",
        program="Dapur sehat panti",
        year=2025,
        shares=(("31.75.09", 72_000_000, 0), ("31.73.06", 58_000_000, 0)),
        households=0,
        persons=520,
        children=160,
        elderly=240,
        activities="Perbaikan dua dapur panti dan makanan tambahan bergizi Juli–Desember.",
        status=R.SUBMITTED,
        reported_by="dinsos",
        submitted_on=D(2026, 2, 2),
    ),
)

# The forum member that has never reported (the forum report lists it).
NEVER_REPORTED = "jabiren-karet-lestari"

# --------------------------------------------------------------------------------------------
# Poverty figures for the 8 kecamatan of Pulang Pisau: plausible DTKS-style aggregates for the
# demo, not official figures. Households and individuals only, never a person.
# --------------------------------------------------------------------------------------------

POVERTY_YEAR = 2024
POVERTY_SOURCE_DATE = datetime.date(2024, 12, 31)
POVERTY_NOTES = "Angka agregat DTKS per kecamatan (data demo, bukan data resmi)."

# kecamatan code: (poor households, poor individuals)
PULPIS_POVERTY_FIGURES: dict[str, tuple[int, int]] = {
    "62.11.01": (1_940, 6_210),  # Pandih Batu
    "62.11.02": (1_610, 5_320),  # Kahayan Kuala
    "62.11.03": (1_020, 3_470),  # Kahayan Tengah
    "62.11.04": (880, 3_080),  # Banama Tingang
    "62.11.05": (2_350, 7_520),  # Kahayan Hilir
    "62.11.06": (1_730, 5_540),  # Maliku
    "62.11.07": (760, 2_590),  # Jabiren Raya
    "62.11.08": (1_090, 3_710),  # Sebangau Kuala
}

# --------------------------------------------------------------------------------------------
# Demo accounts (README lists them as demo only).
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountData:
    username: str
    password: str
    first_name: str
    last_name: str
    email: str
    is_staff: bool = False
    is_superuser: bool = False
    company: str = ""  # slug: makes the account a CSR officer of that company
    role: str = OfficerRole.STAFF
    job_title: str = ""
    phone: str = ""
    agency: str = ""  # slug: makes the account a staff account of that agency
    agency_role: str = StaffRole.STAFF
    organisation: str = ""
    region: str = ""  # Kemendagri code: narrows an agency account to part of the area (a camat)
    facility: str = ""  # slug: makes the account a facility account of that facility
    facility_role: str = MemberRole.STAFF


# --------------------------------------------------------------------------------------------
# The two agencies the portal was built around (see ../shared/DOMAIN.md).
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyData:
    slug: str
    name: str
    short_name: str
    level: str
    region: str
    address: str
    email: str
    phone: str
    website: str = ""
    forum_name: str = ""
    forum_regulation: str = ""
    realisation_period: str = ReportingPeriod.YEAR
    realisation_due_days: int = 30


AGENCIES: tuple[AgencyData, ...] = (
    AgencyData(
        slug="dinsos-dki-jakarta",
        name="Dinas Sosial Provinsi DKI Jakarta",
        short_name="Dinsos DKI Jakarta",
        level=AgencyLevel.PROVINCE,
        region="31",
        address="Jl. Gunung Sahari II No. 5, Jakarta Pusat",
        email="dinsos@jakarta.example.go.id",
        phone="021-0000-0100",
        website="https://dinsos.jakarta.example.go.id",
    ),
    AgencyData(
        slug="dinsos-pulang-pisau",
        name="Dinas Sosial Kabupaten Pulang Pisau",
        short_name="Dinsos Pulang Pisau",
        level=AgencyLevel.REGENCY,
        region="62.11",
        address="Jl. Tjilik Riwut Km. 1, Pulang Pisau, Kalimantan Tengah",
        email="dinsos@pulangpisaukab.example.go.id",
        phone="0513-0000-100",
        forum_name="Forum TSLP Kabupaten Pulang Pisau",
        forum_regulation="Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020",
    ),
)


# Demo-only passwords, printed in the README; never used outside a demo database.
STAFF_PASSWORD = "dinsos-demo"  # noqa: S105
ADMIN_PASSWORD = "admin-demo"  # noqa: S105
OFFICER_PASSWORD = "mitra-demo"  # noqa: S105
VIEWER_PASSWORD = "viewer-demo"  # noqa: S105
FACILITY_PASSWORD = "panti-demo"  # noqa: S105

ACCOUNTS: tuple[AccountData, ...] = (
    AccountData(
        username="dinsos",
        password=STAFF_PASSWORD,
        first_name="Siti",
        last_name="Rahmawati",
        email="siti.rahmawati@dinsos-dki.example.org",
        is_staff=True,
        agency="dinsos-dki-jakarta",
    ),
    AccountData(
        username="dinsos.pulpis",
        password=STAFF_PASSWORD,
        first_name="Yohanes",
        last_name="Pandawa",
        email="yohanes.pandawa@dinsos-pulpis.example.org",
        is_staff=True,
        agency="dinsos-pulang-pisau",
    ),
    AccountData(
        username="bappeda.pulpis",
        password=VIEWER_PASSWORD,
        first_name="Maria",
        last_name="Lestari",
        email="maria.lestari@bappeda-pulpis.example.org",
        is_staff=True,
        agency="dinsos-pulang-pisau",
        agency_role=StaffRole.VIEWER,
        organisation="Bappeda Kabupaten Pulang Pisau",
    ),
    AccountData(
        # The camat spread the Perbup to the companies of their kecamatan (the Pulang Pisau
        # article): a read-only account narrowed to Kahayan Hilir, a recipient of the Perbup.
        username="camat.kahayanhilir",
        password=VIEWER_PASSWORD,
        first_name="Camat",
        last_name="Kahayan Hilir",
        email="camat.kahayanhilir@pulangpisaukab.example.org",
        is_staff=True,
        agency="dinsos-pulang-pisau",
        agency_role=StaffRole.VIEWER,
        organisation="Kecamatan Kahayan Hilir",
        region="62.11.05",
    ),
    AccountData(
        username="admin",
        password=ADMIN_PASSWORD,
        first_name="Admin",
        last_name="Demo",
        email="admin@example.org",
        is_staff=True,
        is_superuser=True,
    ),
    AccountData(
        username="csr.lg",
        password=OFFICER_PASSWORD,
        first_name="Rina",
        last_name="Kusumawati",
        email="rina.kusumawati@lg-id.example.org",
        company="lg-electronics-indonesia",
        role=OfficerRole.COORDINATOR,
        job_title="CSR Manager",
        phone="021-0000-0301",
    ),
    AccountData(
        username="panti.tarunajaya",
        password=FACILITY_PASSWORD,
        first_name="Dewi",
        last_name="Anggraini",
        email="dewi.anggraini@psbr-tarunajaya1.example.org",
        facility="psbr-taruna-jaya-1",
        facility_role=MemberRole.HEAD,
        job_title="Kepala Seksi Pelayanan Sosial",
        phone="021-0000-0111",
    ),
    AccountData(
        username="csr.pulpis",
        password=OFFICER_PASSWORD,
        first_name="Agus",
        last_name="Setiawan",
        email="agus.setiawan@sebangauagro.example.org",
        company="sebangau-agro-mandiri",
        role=OfficerRole.COORDINATOR,
        job_title="Koordinator CSR",
        phone="0513-0000-301",
    ),
    AccountData(
        username="csr.hyundai",
        password=OFFICER_PASSWORD,
        first_name="Andi",
        last_name="Pratama",
        email="andi.pratama@hmid.example.org",
        company="hyundai-motors-indonesia",
        job_title="CSR Officer",
        phone="021-0000-0302",
    ),
)

# --------------------------------------------------------------------------------------------
# Pledges: a few in every state, so the admin shows a living workflow. They are made only
# through matching.services, by the demo accounts (Dinsos staff ``dinsos`` and the officers of
# LG and Hyundai); companies without a demo officer only receive proposals from Dinsos.
# Natural key: need, company and note. Delivery dates are the day of the first load (a
# delivery cannot be reported in the future).
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeliveryData:
    quantity: int
    beneficiaries_reached: int
    notes: str
    verified: bool


@dataclass(frozen=True)
class PledgeData:
    facility: str  # slug
    need: str  # title within the facility
    company: str  # slug
    quantity: int
    origin: str  # PledgeOrigin: "offer" (by the partner) or "proposal" (by Dinsos)
    state: str  # the PledgeStatus the pledge ends in
    note: str
    program: str = ""  # title of one of the company's programs
    expected_delivery_date: datetime.date | None = None
    reason: str = ""  # for a decline, rejection, cancellation or lapse
    reduce_to: int | None = None
    reduce_reason: str = ""
    deliveries: tuple[DeliveryData, ...] = ()


OFFER, PROPOSAL = PledgeOrigin.OFFER, PledgeOrigin.PROPOSAL
P = PledgeStatus
LG = "lg-electronics-indonesia"
HYUNDAI = "hyundai-motors-indonesia"
NO_ANSWER = "Tidak ada jawaban dalam batas waktu."

PLEDGES: tuple[PledgeData, ...] = (
    # The 40 mattresses of PSBR Taruna Jaya 1: 25 from LG (delivered and verified), 15 from Hyundai.
    PledgeData(
        facility="psbr-taruna-jaya-1",
        need="Kasur busa dan sprei asrama",
        company=LG,
        quantity=25,
        origin=OFFER,
        state=P.VERIFIED,
        note="Donasi karyawan LG untuk asrama putra; 15 kasur sisanya diusulkan kepada mitra lain.",
        expected_delivery_date=D(2026, 11, 30),
        deliveries=(
            DeliveryData(25, 25, "Dua puluh lima kasur dan sprei diserahkan langsung ke asrama putra.", verified=True),
        ),
    ),
    PledgeData(
        facility="psbr-taruna-jaya-1",
        need="Kasur busa dan sprei asrama",
        company=HYUNDAI,
        quantity=15,
        origin=PROPOSAL,
        state=P.ACCEPTED,
        note="Dinsos mengusulkan sisa 15 kasur agar kebutuhan 40 kasur terpenuhi.",
        expected_delivery_date=D(2026, 12, 31),
    ),
    PledgeData(
        facility="psbr-taruna-jaya-1",
        need="Pelatihan teknisi AC dan elektronik rumah tangga",
        company=LG,
        quantity=20,
        origin=OFFER,
        state=P.APPROVED,
        note="Angkatan pertama di pusat servis LG, Februari–Maret 2027.",
        program="Pelatihan teknisi AC dan elektronik rumah tangga",
        expected_delivery_date=D(2027, 3, 31),
    ),
    PledgeData(
        facility="psbr-taruna-jaya-1",
        need="Relawan mentor karier",
        company=LG,
        quantity=6,
        origin=OFFER,
        state=P.APPROVED,
        note="Mentor dari tim SDM dan teknisi LG, dua kali sebulan.",
        reduce_to=4,
        reduce_reason="Dua calon mentor dipindahtugaskan ke luar Jakarta.",
    ),
    PledgeData(
        facility="psbr-taruna-jaya-1",
        need="Relawan mentor karier",
        company=HYUNDAI,
        quantity=6,
        origin=OFFER,
        state=P.APPROVED,
        note="Mentor dari dealer dan bengkel resmi Hyundai di Jakarta Selatan.",
    ),
    PledgeData(
        facility="psbr-taruna-jaya-1",
        need="Penempatan kerja lulusan kelas keterampilan",
        company=HYUNDAI,
        quantity=5,
        origin=PROPOSAL,
        state=P.ACCEPTED,
        note="Penempatan di jaringan bengkel resmi Hyundai setelah magang 3 bulan.",
        program="Pelatihan teknisi otomotif dan penempatan kerja",
        expected_delivery_date=D(2027, 3, 31),
        deliveries=(
            DeliveryData(3, 3, "Tiga lulusan mulai bekerja sebagai teknisi pembantu di bengkel resmi.", verified=True),
        ),
    ),
    PledgeData(
        facility="psbr-taruna-jaya-1",
        need="Peralatan bengkel reparasi telepon seluler",
        company=HYUNDAI,
        quantity=1,
        origin=OFFER,
        state=P.REJECTED,
        note="Paket peralatan bengkel dari program vokasi Hyundai.",
        reason=(
            "Paket yang ditawarkan berisi peralatan bengkel otomotif, bukan untuk reparasi telepon seluler; "
            "Dinsos menyarankan kebutuhan pelatihan dan penempatan otomotif."
        ),
    ),
    # Delivered, and waiting for PSBR Taruna Jaya 1 (demo account panti.tarunajaya) to confirm
    # receipt before Dinsos verifies it.
    PledgeData(
        facility="psbr-taruna-jaya-1",
        need="Peralatan bengkel reparasi telepon seluler",
        company=LG,
        quantity=1,
        origin=OFFER,
        state=P.DELIVERED,
        note="Paket peralatan servis ponsel dari pusat servis LG untuk 10 tempat praktik.",
        expected_delivery_date=D(2026, 10, 31),
        deliveries=(
            DeliveryData(
                1,
                20,
                "Satu paket peralatan (10 meja antistatis, solder uap, mikroskop) diantar ke bengkel panti.",
                verified=False,
            ),
        ),
    ),
    PledgeData(
        facility="psbr-taruna-jaya-1",
        need="Modal usaha alumni panti",
        company="ibk-bank-indonesia",
        quantity=10,
        origin=PROPOSAL,
        state=P.PROPOSED,
        note="Diusulkan sesuai fokus IBK pada usaha mikro; pendampingan pembukuan oleh IBK.",
        program="Modal dan pendampingan usaha alumni panti",
        expected_delivery_date=D(2027, 6, 30),
    ),
    PledgeData(
        facility="pstw-budi-mulia-2",
        need="Mesin cuci kapasitas besar",
        company=LG,
        quantity=4,
        origin=OFFER,
        state=P.DELIVERED,
        note="Empat mesin cuci 14 kg hemat energi termasuk pemasangan.",
        program="Peralatan rumah tangga hemat energi untuk panti",
        expected_delivery_date=D(2026, 12, 15),
        deliveries=(
            DeliveryData(
                4, 210, "Empat mesin cuci terpasang di ruang binatu; BAST ditandatangani kepala panti.", verified=False
            ),
        ),
    ),
    PledgeData(
        facility="pstw-budi-mulia-2",
        need="Pendingin ruangan ruang perawatan",
        company=LG,
        quantity=12,
        origin=OFFER,
        state=P.OFFERED,
        note="AC inverter 1 PK termasuk pemasangan oleh teknisi resmi.",
        program="Peralatan rumah tangga hemat energi untuk panti",
        expected_delivery_date=D(2027, 2, 28),
    ),
    PledgeData(
        facility="psbl-harapan-sentosa-2",
        need="Mesin cuci dan pengering industri",
        company=LG,
        quantity=2,
        origin=OFFER,
        state=P.REJECTED,
        note="Dua mesin cuci front-load 10,5 kg.",
        program="Peralatan rumah tangga hemat energi untuk panti",
        reason="Panti membutuhkan mesin kapasitas industri 25 kg; unit rumah tangga yang ditawarkan tidak sesuai.",
    ),
    PledgeData(
        facility="psbd-budi-bhakti-1",
        need="Peralatan servis elektronik",
        company=LG,
        quantity=1,
        origin=PROPOSAL,
        state=P.PROPOSED,
        note="Diusulkan karena sejalan dengan program pelatihan teknisi LG.",
        program="Pelatihan teknisi AC dan elektronik rumah tangga",
        expected_delivery_date=D(2027, 4, 30),
    ),
    PledgeData(
        facility="psaa-putra-utama-1",
        need="Laptop untuk ruang belajar",
        company=LG,
        quantity=10,
        origin=PROPOSAL,
        state=P.DECLINED,
        note="Diusulkan Dinsos untuk ruang belajar anak.",
        reason="Anggaran donasi tahun ini sudah dialokasikan untuk panti lansia; dapat diusulkan kembali tahun depan.",
    ),
    PledgeData(
        facility="psbn-cahaya-batin",
        need="Laptop dengan pembaca layar",
        company=LG,
        quantity=5,
        origin=PROPOSAL,
        state=P.ACCEPTED,
        note="LG menyanggupi 5 dari 15 laptop; sisanya masih terbuka untuk mitra lain.",
        expected_delivery_date=D(2027, 1, 31),
    ),
    PledgeData(
        facility="pstw-budi-mulia-1",
        need="Kursi roda",
        company=LG,
        quantity=10,
        origin=PROPOSAL,
        state=P.DELIVERED,
        note="Donasi karyawan LG untuk lansia.",
        expected_delivery_date=D(2026, 12, 31),
        deliveries=(DeliveryData(10, 10, "Sepuluh kursi roda diserahkan ke ruang perawatan.", verified=False),),
    ),
    PledgeData(
        facility="psaa-putra-utama-3",
        need="Kendaraan antar-jemput sekolah",
        company=HYUNDAI,
        quantity=1,
        origin=OFFER,
        state=P.OFFERED,
        note="Minibus 16 kursi; serah terima direncanakan awal 2027.",
        program="Kendaraan antar-jemput anak panti",
        expected_delivery_date=D(2027, 3, 31),
    ),
    PledgeData(
        facility="psaa-putra-utama-3",
        need="Biaya operasional antar-jemput sekolah",
        company=HYUNDAI,
        quantity=12,
        origin=OFFER,
        state=P.CANCELLED,
        note="Bahan bakar dan pengemudi selama satu tahun ajaran.",
        reason="Biaya operasional akan diajukan bersama hibah kendaraan setelah kendaraan diserahkan.",
    ),
    PledgeData(
        facility="psbd-budi-bhakti-1",
        need="Penempatan kerja kuota disabilitas",
        company=HYUNDAI,
        quantity=4,
        origin=PROPOSAL,
        state=P.VERIFIED,
        note="Penempatan di dealer Hyundai Jakarta Timur.",
        program="Pelatihan teknisi otomotif dan penempatan kerja",
        deliveries=(
            DeliveryData(
                4, 4, "Empat warga binaan bekerja di bagian administrasi dan layanan pelanggan dealer.", verified=True
            ),
        ),
    ),
    PledgeData(
        facility="psaa-putra-utama-6",
        need="Alat permainan edukatif",
        company=HYUNDAI,
        quantity=1,
        origin=OFFER,
        state=P.VERIFIED,
        note="Donasi karyawan Hyundai untuk ruang tumbuh kembang.",
        deliveries=(
            DeliveryData(
                1, 35, "Paket alat permainan dan buku cerita diserahkan ke ruang tumbuh kembang.", verified=True
            ),
        ),
    ),
    PledgeData(
        facility="psbl-harapan-sentosa-2",
        need="Penempatan kerja terlindung",
        company=HYUNDAI,
        quantity=3,
        origin=PROPOSAL,
        state=P.DECLINED,
        note="Diusulkan untuk posisi pencucian kendaraan di dealer.",
        reason="Belum tersedia posisi kerja terlindung dengan pendamping di jaringan dealer tahun ini.",
    ),
    PledgeData(
        facility="psbd-budi-bhakti-2",
        need="Beasiswa pendidikan lanjutan",
        company=HYUNDAI,
        quantity=5,
        origin=OFFER,
        state=P.OFFERED,
        note="Beasiswa SMK jurusan otomotif untuk tahun ajaran 2027/2028.",
        expected_delivery_date=D(2027, 7, 31),
    ),
    PledgeData(
        facility="psbl-harapan-sentosa-1",
        need="Perbaikan atap bangsal",
        company="posco-indonesia-inti",
        quantity=1,
        origin=PROPOSAL,
        state=P.PROPOSED,
        note="Diusulkan sesuai program perbaikan atap POSCO.",
        program="Perbaikan atap panti dengan rangka baja",
        expected_delivery_date=D(2027, 5, 31),
    ),
    PledgeData(
        facility="psbi-bangun-daya-2",
        need="Perbaikan atap dan talang asrama",
        company="posco-indonesia-inti",
        quantity=1,
        origin=PROPOSAL,
        state=P.LAPSED,
        note="Usulan pertama kepada POSCO, sebelum program perbaikan atap disusun.",
        reason=NO_ANSWER,
    ),
    PledgeData(
        facility="pstw-budi-mulia-4",
        need="Makanan bergizi dan suplemen lansia",
        company="cj-indonesia",
        quantity=6,
        origin=PROPOSAL,
        state=P.PROPOSED,
        note="Diusulkan untuk enam bulan pertama melalui program dapur sehat.",
        program="Dapur sehat panti",
        expected_delivery_date=D(2027, 1, 31),
    ),
    PledgeData(
        facility="psbd-budi-bhakti-1",
        need="Pelatihan desain grafis",
        company="daehong-communications-indonesia",
        quantity=20,
        origin=PROPOSAL,
        state=P.CANCELLED,
        note="Diusulkan sesuai kelas kreatif Daehong.",
        reason="Peserta sudah ikut kelas desain grafis dan fotografi Daehong; usulan dibatalkan agar tidak ganda.",
    ),
    PledgeData(
        facility="psaa-putra-utama-2",
        need="Perlengkapan futsal dan seragam tim",
        company="korean-association-in-indonesia",
        quantity=1,
        origin=PROPOSAL,
        state=P.LAPSED,
        note="Diusulkan untuk kegiatan olahraga bersama anggota perkumpulan.",
        reason=NO_ANSWER,
    ),
    PledgeData(
        facility="lksa-harapan-kahayan",
        need="Seragam dan buku sekolah",
        company="bank-kalteng",
        quantity=38,
        origin=PROPOSAL,
        state=P.PROPOSED,
        note="Diusulkan Dinsos Pulang Pisau; anak-anak terdata DTKS.",
        program="Beasiswa pelajar keluarga miskin",
        expected_delivery_date=D(2027, 6, 30),
    ),
    PledgeData(
        facility="lks-lansia-betang-sejahtera",
        need="Kasur dan kelambu",
        company="sebangau-agro-mandiri",
        quantity=30,
        origin=PROPOSAL,
        state=P.PROPOSED,
        note="Diusulkan kepada perusahaan di wilayah Kecamatan Maliku.",
        expected_delivery_date=D(2027, 2, 28),
    ),
)


# --------------------------------------------------------------------------------------------
# English text for foreign partners (the Korean CSR officers read English more easily than
# Indonesian), and each facility's position in its kecamatan: plausible points for the demo
# map, not surveyed addresses. Keyed by facility slug, and by (slug, need title).
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacilityEnglish:
    latitude: str
    longitude: str
    background_en: str
    intervention_programs_en: str


FACILITY_ENGLISH: dict[str, FacilityEnglish] = {
    "psbr-taruna-jaya-1": FacilityEnglish(
        "-6.232500",
        "106.847000",
        "PSBR Taruna Jaya 1 (a social rehabilitation facility for youth) is a technical unit of the DKI Jakarta "
        "social-services agency serving vulnerable young people aged 15–21 who have left school: neglected "
        "youth, street children and young people facing social problems. It is the site of the KOICA-funded "
        "Project on Enhancing Social Rehabilitation Support for the Vulnerable Youth in Indonesia, run by a "
        "consortium of the Korea Institute for Development Strategy (KDS), World Vision Korea and Rebach "
        "International. Its building was renovated with a KOICA grant and is a model for the 22 other Dinsos "
        "DKI facilities.",
        "Assessment and individual intervention plans; physical, mental, social and religious guidance; "
        "vocational training (catering, beauty, reflexology, mobile-phone repair, furniture making); "
        "equivalency classes and school support; follow-up guidance, job placement and support after leaving "
        "the facility, together with families.",
    ),
    "psaa-putra-utama-1": FacilityEnglish(
        "-6.291000",
        "106.843500",
        "A children's home for primary and secondary school-age children who are neglected or have lost "
        "family care. Most children attend state schools near the home.",
        "Residential care and family reunification; study support; religious guidance; arts and sports.",
    ),
    "psaa-putra-utama-2": FacilityEnglish(
        "-6.117500",
        "106.906500",
        "A children's home in North Jakarta that takes in neglected children referred by Dinsos outreach and "
        "the city social-services offices. The neighbourhood is dense and floods in the rainy season.",
        "Care, formal and non-formal education, skills guidance for teenagers, counselling and family tracing.",
    ),
    "psaa-putra-utama-3": FacilityEnglish(
        "-6.229500",
        "106.918500",
        "A children's home in East Jakarta. The building is old: part of the ceiling is broken and the paint has "
        "faded. Children struggle to get to schools that are quite far away.",
        "Care and education support, religious guidance, arts, strengthening families for reunification.",
    ),
    "psaa-putra-utama-4": FacilityEnglish(
        "-6.150500",
        "106.735500",
        "A children's home in West Jakarta that shelters many street children reached by outreach. Some are "
        "behind at school and need equivalency classes.",
        "Social rehabilitation of street children, equivalency classes (Paket A/B/C), behavioural guidance, "
        "creative activities and family reunification.",
    ),
    "psaa-putra-utama-5": FacilityEnglish(
        "-5.654000",
        "106.566000",
        "A small children's home for children from the islands of Kepulauan Seribu. Clean water and electricity "
        "are a constraint; supplies depend on boats from Muara Angke.",
        "Care, school support, coastal environmental education, maritime skills for teenagers.",
    ),
    "psaa-putra-utama-6": FacilityEnglish(
        "-6.328000",
        "106.901000",
        "A children's home for toddlers to teenagers, including neglected children referred by the police and "
        "hospitals.",
        "Age-appropriate care, early-childhood stimulation, trauma counselling, school support and foster care.",
    ),
    "pstw-budi-mulia-1": FacilityEnglish(
        "-6.331500",
        "106.896000",
        "A home for neglected elderly people reached by outreach or referred by the community. Most residents "
        "no longer have a family; many are chronically ill.",
        "Daily care, health care and physiotherapy, religious guidance, recreation and end-of-life care.",
    ),
    "pstw-budi-mulia-2": FacilityEnglish(
        "-6.147000",
        "106.741000",
        "A home for the elderly in West Jakarta. It is over capacity; the ward for sick elderly residents needs "
        "to be enlarged.",
        "Care for independent and bedridden elderly people, exercise, occupational therapy (crafts), spiritual "
        "guidance.",
    ),
    "pstw-budi-mulia-3": FacilityEnglish(
        "-6.243000",
        "106.799000",
        "A home for the elderly in South Jakarta built as cottages. Many residents are still independent and active.",
        "Elderly care, productive activities (gardening, crafts), regular health care and family visits.",
    ),
    "pstw-budi-mulia-4": FacilityEnglish(
        "-6.324000",
        "106.872000",
        "A home for the elderly in East Jakarta that also cares for people with mild dementia. The kitchen and "
        "dining room need repair.",
        "Elderly and dementia care, brain exercises, spiritual guidance, nutrition and health care.",
    ),
    "psbl-harapan-sentosa-1": FacilityEnglish(
        "-6.153500",
        "106.730000",
        "A facility for neglected people with psychosocial disabilities. It houses far more residents than it "
        "was built for.",
        "Care and treatment with community health centres and the psychiatric hospital, occupational therapy, "
        "group activity therapy, family reunification.",
    ),
    "psbl-harapan-sentosa-2": FacilityEnglish(
        "-6.324500",
        "106.906000",
        "The largest facility for people with psychosocial disabilities in East Jakarta. Many residents are "
        "stable and ready to return to their families or to work with support.",
        "Psychosocial care, vocational rehabilitation, support with medication and referral to community "
        "mental-health services.",
    ),
    "psbl-harapan-sentosa-3": FacilityEnglish(
        "-6.139500",
        "106.700500",
        "A facility for women and men with psychosocial disabilities, including people referred from the "
        "street in an acute condition.",
        "Acute and continuing care, activity therapy, a therapy garden, support for family reunification.",
    ),
    "psbn-cahaya-batin": FacilityEnglish(
        "-6.181000",
        "106.868000",
        "A facility for blind and visually impaired adults of working age, with a dormitory and training rooms.",
        "Orientation and mobility, braille, talking computers, certified massage and reflexology training, job "
        "placement.",
    ),
    "psbg-belaian-kasih": FacilityEnglish(
        "-6.143500",
        "106.695000",
        "A facility for children and adults with intellectual disabilities, many of whom need full help with "
        "daily activities.",
        "Self-care skills, speech and occupational therapy, simple skills classes, daily health care.",
    ),
    "psbd-budi-bhakti-1": FacilityEnglish(
        "-6.233500",
        "106.923000",
        "A facility for working-age people with physical disabilities. The building has been renovated; the "
        "vocational training equipment needs renewing.",
        "Physiotherapy, assistive devices, skills training (electronics repair, sewing, graphic design), job "
        "placement under the disability quota.",
    ),
    "psbd-budi-bhakti-2": FacilityEnglish(
        "-6.334000",
        "106.823000",
        "A facility for teenagers and young adults with physical disabilities. Not all buildings are accessible "
        "by wheelchair yet.",
        "Physiotherapy, adaptive sports, vocational training, support for further education.",
    ),
    "psbi-bangun-daya-1": FacilityEnglish(
        "-6.192000",
        "106.770000",
        "A transit facility for homeless people and beggars reached by outreach, before assessment and referral "
        "to the facility that fits their needs.",
        "Initial assessment, temporary care, referral to other facilities, return to the home region with the "
        "local government.",
    ),
    "psbi-bangun-daya-2": FacilityEnglish(
        "-6.122000",
        "106.941000",
        "A facility for homeless people and beggars who need longer rehabilitation, including elderly and "
        "disabled people without families.",
        "Social rehabilitation, work guidance (urban farming, cleaning), help with civil registration "
        "documents, return home.",
    ),
    "psbi-bangun-daya-3": FacilityEnglish(
        "-6.162000",
        "106.855000",
        "A city-centre facility for homeless people, beggars and displaced people, including families with "
        "children reached at night.",
        "Temporary protection of families, support for children, business guidance, referral to public housing "
        "and social-assistance programmes.",
    ),
    "pskw-harapan-mulia": FacilityEnglish(
        "-6.196000",
        "106.766000",
        "A protection and vocational facility for vulnerable women, victims of exploitation and homeless women.",
        "Protection, counselling, skills training (sewing, catering, beauty), legal support with service "
        "organisations, economic empowerment.",
    ),
    "psbk-harapan-jaya": FacilityEnglish(
        "-6.120000",
        "106.780000",
        "A vocational facility for homeless people of working age and families without a home, with a workshop "
        "on its grounds.",
        "Work guidance (carpentry, welding, cleaning), health support, job and housing placement.",
    ),
    "lksa-harapan-kahayan": FacilityEnglish(
        "-2.745000",
        "114.263000",
        "A community-run children's institution that cares for orphans and children of poor families from the "
        "villages along the Kahayan river.",
        "Care, school support, religious guidance, registration with Dinsos for social-assistance programmes.",
    ),
    "lks-lansia-betang-sejahtera": FacilityEnglish(
        "-2.610000",
        "114.090000",
        "A community-run institution for the elderly managed by the village; some residents are Dayak Ngaju "
        "elders with no family to care for them.",
        "Daily care, health checks with the community health centre, cultural activities and rattan weaving.",
    ),
}

# (facility slug, need title) -> (English title, English description).
NEED_ENGLISH: dict[tuple[str, str], tuple[str, str]] = {
    ("psbr-taruna-jaya-1", "Pelatihan las listrik bersertifikat"): (
        "Certified electric welding training",
        "A 3-month SMAW welding course at an accredited training centre up to the BNSP competency test, for "
        "youths of the furniture and metalwork class.",
    ),
    ("psbr-taruna-jaya-1", "Kasur busa dan sprei asrama"): (
        "Foam mattresses and sheets for the dormitory",
        "Foam mattresses 90×200 cm, 15 cm thick, with sheets and pillowcases, to replace worn-out dormitory "
        "mattresses.",
    ),
    ("psbr-taruna-jaya-1", "Penempatan kerja lulusan kelas keterampilan"): (
        "Job placements for graduates of the skills classes",
        "A 3-month internship leading to an employment contract for graduates of the automotive, electronics "
        "and catering classes, aged 18 and over.",
    ),
    ("psbr-taruna-jaya-1", "Peralatan bengkel reparasi telepon seluler"): (
        "Equipment for the mobile-phone repair workshop",
        "Anti-static workbenches, hot-air soldering stations, microscopes, multimeters and tools for 10 workstations.",
    ),
    ("psbr-taruna-jaya-1", "Relawan mentor karier"): (
        "Volunteer career mentors",
        "Company employees willing to mentor twice a month for 6 months: job readiness, interviews and work ethic.",
    ),
    ("psbr-taruna-jaya-1", "Pelatihan teknisi AC dan elektronik rumah tangga"): (
        "Training as air-conditioning and home-appliance technicians",
        "A 2-month course in servicing and repairing air conditioners, washing machines and refrigerators, with "
        "practice at a service centre.",
    ),
    ("psbr-taruna-jaya-1", "Modal usaha alumni panti"): (
        "Start-up capital for former residents",
        "Capital and equipment for micro-businesses of former residents who have written a business plan with "
        "a social worker.",
    ),
    ("psbr-taruna-jaya-1", "Layanan psikolog klinis untuk konseling remaja"): (
        "A clinical psychologist for counselling the youths",
        "A clinical psychologist two days a week for assessment and individual counselling; results stay with "
        "the facility's team.",
    ),
    ("psaa-putra-utama-1", "Perlengkapan sekolah tahun ajaran baru"): (
        "School supplies for the new school year",
        "Bags, shoes, uniforms and stationery for one school year.",
    ),
    ("psaa-putra-utama-1", "Relawan pendamping belajar"): (
        "Volunteer study tutors",
        "Tutors for mathematics and English, two afternoons a week.",
    ),
    ("psaa-putra-utama-1", "Laptop untuk ruang belajar"): (
        "Laptops for the study room",
        "Laptops for homework and basic computer classes.",
    ),
    ("psaa-putra-utama-1", "Pengecatan ulang asrama"): (
        "Repainting the dormitories",
        "Painting the inside and outside walls of two dormitory buildings.",
    ),
    ("psaa-putra-utama-2", "Lemari pakaian asrama"): (
        "Wardrobes for the dormitory",
        "Two-door steel wardrobes for dormitory rooms of four children.",
    ),
    ("psaa-putra-utama-2", "Perbaikan saluran air dan peninggian halaman"): (
        "Drainage repair and raising the yard",
        "Repairing the drains and raising the yard so that the dormitory does not flood when it rains.",
    ),
    ("psaa-putra-utama-2", "Perlengkapan futsal dan seragam tim"): (
        "Futsal equipment and team kits",
        "Balls, portable goals, training bibs and kits for two teams.",
    ),
    ("psaa-putra-utama-2", "Pemeriksaan gigi dan mata anak"): (
        "Dental and eye checks for the children",
        "Dental and eye examinations, with glasses for those who need them.",
    ),
    ("psaa-putra-utama-2", "Instalasi pengolahan air bersih"): (
        "A clean-water treatment system",
        "A groundwater filter and tank for bathing, washing and the kitchen.",
    ),
    ("psaa-putra-utama-3", "Penggantian plafon gedung asrama"): (
        "Replacing the dormitory ceilings",
        "Replacing the broken gypsum ceilings and frames in two dormitory buildings.",
    ),
    ("psaa-putra-utama-3", "Kendaraan antar-jemput sekolah"): (
        "A school shuttle vehicle",
        "A 16-seat minibus to take the children to and from school.",
    ),
    ("psaa-putra-utama-3", "Biaya operasional antar-jemput sekolah"): (
        "Running costs of the school shuttle",
        "Fuel, a driver and maintenance of the vehicle for one school year.",
    ),
    ("psaa-putra-utama-3", "Alat musik untuk kelompok band anak"): (
        "Musical instruments for the children's band",
        "Guitar, bass, keyboard, drums and speakers.",
    ),
    ("psaa-putra-utama-4", "Tutor kejar paket A/B/C"): (
        "Tutors for equivalency classes (Paket A/B/C)",
        "Two certified tutors for equivalency classes, five days a week.",
    ),
    ("psaa-putra-utama-4", "Tempat tidur susun besi"): (
        "Steel bunk beds",
        "Two-tier bunk beds with mattresses.",
    ),
    ("psaa-putra-utama-4", "Perlengkapan ibadah"): (
        "Prayer and worship supplies",
        "Prayer mats, prayer garments, sarongs, scriptures and prayer books for each child's religion.",
    ),
    ("psaa-putra-utama-5", "Tangki air bersih 5.000 liter"): (
        "A 5,000-litre clean-water tank",
        "A tank for rainwater and delivered water, including installation.",
    ),
    ("psaa-putra-utama-5", "Panel surya atap"): (
        "Rooftop solar panels",
        "A 10 kWp solar system with batteries for the dormitory and the study room.",
    ),
    ("psaa-putra-utama-5", "Pelatihan selam dan keselamatan di laut"): (
        "Diving and sea-safety training",
        "Swimming, basic diving and first-aid training for the teenagers.",
    ),
    ("psaa-putra-utama-6", "Susu dan makanan tambahan balita"): (
        "Milk and supplementary food for toddlers",
        "Formula milk, porridge and supplementary food for 20 toddlers for one year.",
    ),
    ("psaa-putra-utama-6", "Alat permainan edukatif"): (
        "Educational toys",
        "Educational toys and storybooks for the early-development room.",
    ),
    ("psaa-putra-utama-6", "Relawan pengasuh akhir pekan"): (
        "Weekend volunteer carers",
        "Trained volunteers for weekend activities with the children, with background checks.",
    ),
    ("psaa-putra-utama-6", "Konseling trauma anak"): (
        "Trauma counselling for children",
        "A child psychologist for children who survived violence and neglect.",
    ),
    ("psaa-putra-utama-6", "Renovasi ruang tumbuh kembang"): (
        "Renovating the early-development room",
        "Renovating the playroom: rubber flooring, ventilation and a children's bathroom.",
    ),
    ("pstw-budi-mulia-1", "Popok dewasa"): (
        "Adult diapers",
        "Packs of 10 for bedridden residents, six months' supply.",
    ),
    ("pstw-budi-mulia-1", "Tempat tidur perawatan tiga engkol"): (
        "Three-crank care beds",
        "Hospital beds with safety rails and anti-pressure-sore mattresses.",
    ),
    ("pstw-budi-mulia-1", "Kursi roda"): (
        "Wheelchairs",
        "Standard wheelchairs for daily mobility.",
    ),
    ("pstw-budi-mulia-1", "Fisioterapis paruh waktu"): (
        "A part-time physiotherapist",
        "A physiotherapist three days a week for movement exercises and fall prevention.",
    ),
    ("pstw-budi-mulia-1", "Relawan pendamping lansia"): (
        "Volunteer companions for the elderly",
        "Volunteers to chat, read and join the residents' group activities.",
    ),
    ("pstw-budi-mulia-2", "Mesin cuci kapasitas besar"): (
        "A large washing machine",
        "A 14 kg washing machine for the residents' linen and clothes.",
    ),
    ("pstw-budi-mulia-2", "Pendingin ruangan ruang perawatan"): (
        "Air conditioning for the care ward",
        "1 PK air conditioners, installed, for the ward of bedridden residents.",
    ),
    ("pstw-budi-mulia-2", "Renovasi kamar mandi ramah lansia"): (
        "Elderly-friendly bathrooms",
        "Grab rails, non-slip floors and sitting toilets in six bathrooms.",
    ),
    ("pstw-budi-mulia-2", "Dana pemulasaraan jenazah"): (
        "A fund for funerals",
        "Funeral and burial costs of residents without family.",
    ),
    ("pstw-budi-mulia-3", "Kacamata baca dan pemeriksaan mata"): (
        "Reading glasses and eye tests",
        "Eye tests by an optometrist and reading glasses to prescription.",
    ),
    ("pstw-budi-mulia-3", "Kebun hidroponik terapi"): (
        "A hydroponic therapy garden",
        "Hydroponic racks and training in their care, for the residents' therapy activities.",
    ),
    ("pstw-budi-mulia-3", "Alat bantu dengar"): (
        "Hearing aids",
        "Hearing aids fitted after an audiometry test.",
    ),
    ("pstw-budi-mulia-4", "Renovasi dapur dan ruang makan"): (
        "Renovating the kitchen and dining room",
        "Repairing the kitchen, gas lines, ventilation and dining-room floor.",
    ),
    ("pstw-budi-mulia-4", "Makanan bergizi dan suplemen lansia"): (
        "Nutritious food and supplements for the elderly",
        "Milk for the elderly, vitamins and low-sugar supplementary food.",
    ),
    ("pstw-budi-mulia-4", "Pelatihan perawat lansia bagi pramu sosial"): (
        "Elderly-care training for care workers",
        "Training in dementia care and pressure-sore prevention for the facility's care workers.",
    ),
    ("psbl-harapan-sentosa-1", "Kasur busa lapis anti air"): (
        "Waterproof foam mattresses",
        "Foam mattresses with an easy-to-clean waterproof cover.",
    ),
    ("psbl-harapan-sentosa-1", "Layanan psikiater kunjungan"): (
        "Visiting psychiatrist",
        "A psychiatrist visiting once a week to review treatment.",
    ),
    ("psbl-harapan-sentosa-1", "Peralatan terapi okupasi menjahit"): (
        "Sewing equipment for occupational therapy",
        "Portable sewing machines and supplies for the sewing class.",
    ),
    ("psbl-harapan-sentosa-1", "Perbaikan atap bangsal"): (
        "Repairing the ward roof",
        "Replacing the frame and tiles of the leaking ward roof.",
    ),
    ("psbl-harapan-sentosa-1", "Perlengkapan mandi dan kebersihan diri"): (
        "Toiletries and hygiene supplies",
        "Soap, shampoo, toothbrushes and toothpaste, towels for three months.",
    ),
    ("psbl-harapan-sentosa-2", "Pelatihan kerja bagi warga binaan stabil"): (
        "Job training for stable residents",
        "Building-cleaning and laundry training to prepare for sheltered work.",
    ),
    ("psbl-harapan-sentosa-2", "Penempatan kerja terlindung"): (
        "Sheltered job placements",
        "Sheltered work with a job coach for residents who are stable.",
    ),
    ("psbl-harapan-sentosa-2", "Mesin cuci dan pengering industri"): (
        "Industrial washer and dryer",
        "A 25 kg washing machine and dryer for the facility's laundry.",
    ),
    ("psbl-harapan-sentosa-2", "Pengecatan ulang bangsal"): (
        "Repainting the wards",
        "Painting the ward walls with anti-fungal paint.",
    ),
    ("psbl-harapan-sentosa-3", "Seragam dan pakaian harian warga binaan"): (
        "Uniforms and everyday clothes for residents",
        "Two sets of everyday clothes per person, in various sizes.",
    ),
    ("psbl-harapan-sentosa-3", "Kebun terapi dan pengolahan kompos"): (
        "A therapy garden and composting",
        "A vegetable garden, composters and training in processing organic waste.",
    ),
    ("psbl-harapan-sentosa-3", "Relawan kegiatan seni"): (
        "Volunteers for arts activities",
        "Music and painting volunteers for group activity therapy.",
    ),
    ("psbn-cahaya-batin", "Laptop dengan pembaca layar"): (
        "Laptops with screen readers",
        "Laptops with screen-reader software for the talking-computer class.",
    ),
    ("psbn-cahaya-batin", "Printer braille"): (
        "A braille printer",
        "A braille embosser for training modules and reading material.",
    ),
    ("psbn-cahaya-batin", "Tongkat putih lipat"): (
        "Folding white canes",
        "Aluminium folding white canes for orientation and mobility.",
    ),
    ("psbn-cahaya-batin", "Sertifikasi terapis pijat"): (
        "Certification as massage therapists",
        "Advanced training and competency tests for massage and reflexology therapists.",
    ),
    ("psbn-cahaya-batin", "Penempatan kerja terapis pijat"): (
        "Job placements for massage therapists",
        "Placements at clinics, hotels or fitness centres for certified graduates.",
    ),
    ("psbg-belaian-kasih", "Terapis wicara dan okupasi"): (
        "Speech and occupational therapists",
        "Two part-time therapists for speech and occupational therapy.",
    ),
    ("psbg-belaian-kasih", "Kursi roda adaptif"): (
        "Adaptive wheelchairs",
        "Wheelchairs with head and trunk support for residents with multiple disabilities.",
    ),
    ("psbg-belaian-kasih", "Alat permainan sensorik"): (
        "Sensory play equipment",
        "Equipment for the sensory room: mats, therapy balls, balance boards, sensory lights.",
    ),
    ("psbg-belaian-kasih", "Popok dewasa"): (
        "Adult diapers",
        "Packs of 10 for residents with incontinence.",
    ),
    ("psbd-budi-bhakti-1", "Kaki dan tangan palsu"): (
        "Prosthetic legs and arms",
        "Prostheses made to measure at an orthotics and prosthetics workshop.",
    ),
    ("psbd-budi-bhakti-1", "Pelatihan desain grafis"): (
        "Graphic design training",
        "A 3-month graphic design course and building a portfolio.",
    ),
    ("psbd-budi-bhakti-1", "Penempatan kerja kuota disabilitas"): (
        "Job placements under the disability quota",
        "Placements under private companies' obligation to employ 1% workers with disabilities.",
    ),
    ("psbd-budi-bhakti-1", "Peralatan servis elektronik"): (
        "Electronics repair equipment",
        "Height-adjustable workbenches and electronics repair tools.",
    ),
    ("psbd-budi-bhakti-2", "Jalur landai dan pegangan rambat"): (
        "Ramps and handrails",
        "Ramps, handrails and wide doors in the dormitory and classroom buildings.",
    ),
    ("psbd-budi-bhakti-2", "Kursi roda olahraga"): (
        "Sports wheelchairs",
        "Wheelchairs for the facility's wheelchair basketball team.",
    ),
    ("psbd-budi-bhakti-2", "Beasiswa pendidikan lanjutan"): (
        "Scholarships for further education",
        "One year of vocational high school or further courses for high-achieving residents.",
    ),
    ("psbi-bangun-daya-1", "Paket kebutuhan dasar penerimaan"): (
        "Basic-needs packages for new arrivals",
        "A change of clothes, toiletries and sandals for new residents.",
    ),
    ("psbi-bangun-daya-1", "Tikar dan selimut"): (
        "Mats and blankets",
        "Foam mats and blankets for the transit room.",
    ),
    ("psbi-bangun-daya-1", "Biaya pemulangan ke daerah asal"): (
        "Travel home to the region of origin",
        "Tickets and travel money for residents returning to their families.",
    ),
    ("psbi-bangun-daya-2", "Pelatihan pertanian kota"): (
        "Urban farming training",
        "Training in hydroponics and catfish farming, with practice plots at the facility.",
    ),
    ("psbi-bangun-daya-2", "Perbaikan atap dan talang asrama"): (
        "Repairing the dormitory roofs and gutters",
        "Replacing rusty zinc roofs and gutters on three dormitory buildings.",
    ),
    ("psbi-bangun-daya-2", "Kasur busa"): (
        "Foam mattresses",
        "Foam mattresses 90×200 cm to replace broken ones.",
    ),
    ("psbi-bangun-daya-2", "Pengurusan dokumen kependudukan"): (
        "Civil registration documents",
        "Help with recording electronic ID cards and family cards together with the civil registry.",
    ),
    ("psbi-bangun-daya-3", "Ruang bermain dan belajar anak"): (
        "A play and study room for children",
        "Renovating a room into a play and study room for the residents' children.",
    ),
    ("psbi-bangun-daya-3", "Pelatihan usaha mikro bagi kepala keluarga"): (
        "Micro-business training for heads of families",
        "Training in a food business and simple bookkeeping.",
    ),
    ("psbi-bangun-daya-3", "Modal usaha mikro keluarga"): (
        "Start-up capital for family micro-businesses",
        "Start-up capital for trainees ready to leave the facility.",
    ),
    ("pskw-harapan-mulia", "Pelatihan tata rias bersertifikat"): (
        "Certified beauty training",
        "A 2-month beauty course and competency test.",
    ),
    ("pskw-harapan-mulia", "Mesin jahit dan obras"): (
        "Sewing and overlock machines",
        "Semi-industrial sewing machines and overlockers for the sewing class.",
    ),
    ("pskw-harapan-mulia", "Pendampingan hukum"): (
        "Legal support",
        "Partner paralegals and lawyers to support residents who are victims of exploitation in their cases.",
    ),
    ("pskw-harapan-mulia", "Penempatan kerja lulusan pelatihan"): (
        "Job placements for trainees",
        "Placements with partner garment, catering or salon businesses.",
    ),
    ("psbk-harapan-jaya", "Pelatihan las dan pertukangan"): (
        "Welding and carpentry training",
        "Welding and woodworking courses for residents of working age.",
    ),
    ("psbk-harapan-jaya", "Perbaikan bengkel kerja"): (
        "Repairing the workshop",
        "Repairing the workshop's floor, roof and electrical wiring.",
    ),
    ("psbk-harapan-jaya", "Penempatan kerja proyek konstruksi"): (
        "Job placements on construction projects",
        "Placements as helpers on construction projects, with BPJS employment insurance.",
    ),
    ("psbk-harapan-jaya", "Pemeriksaan kesehatan dan skrining TBC"): (
        "Health checks and TB screening",
        "General check-ups and chest X-rays with the community health centre.",
    ),
    ("lksa-harapan-kahayan", "Seragam dan buku sekolah"): (
        "School uniforms and books",
        "Uniforms, shoes, exercise books and bags for one school year.",
    ),
    ("lksa-harapan-kahayan", "Perbaikan lantai dan dinding asrama kayu"): (
        "Repairing the wooden dormitory's floor and walls",
        "Replacing the rotten floorboards and wall planks of the dormitory.",
    ),
    ("lksa-harapan-kahayan", "Sumur bor dan penjernih air"): (
        "A bore well and water purifier",
        "A bore well with a purifier for peat water.",
    ),
    ("lks-lansia-betang-sejahtera", "Pemeriksaan kesehatan lansia berkala"): (
        "Regular health checks for the elderly",
        "Visits by health workers twice a month and basic medicines.",
    ),
    ("lks-lansia-betang-sejahtera", "Pelatihan dan bahan anyaman rotan"): (
        "Rattan weaving training and materials",
        "Rattan weaving with Dayak Ngaju craftspeople, including materials and marketing.",
    ),
    ("lks-lansia-betang-sejahtera", "Kasur dan kelambu"): (
        "Mattresses and mosquito nets",
        "Foam mattresses with mosquito nets to prevent mosquito bites.",
    ),
}
