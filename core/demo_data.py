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
  budgets, the Pulang Pisau companies other than Bank Kalteng, the Pulang Pisau LKS, and the
  poverty figures (plausible DTKS-like aggregates, not official data). Phone numbers use the
  non-existent ``021-0000-…`` / ``0513-0000-…`` ranges and e-mail addresses are under
  ``example.org``.

Natural keys (slugs, names, codes, titles within a facility or company) make the loader
idempotent; change a value here and the next ``load_demo`` updates the row in place.
"""

import calendar
import datetime
from dataclasses import dataclass

from facilities.models import FacilityType, NeedKind, Operator, Priority
from partners.models import CompanyKind, EngagementKind, OfficerRole
from programs.models import ProgramForm, ProgramStatus

# Every "needed by" date is counted in whole months from this fixed date, so the data is the
# same on every run and every machine (2026–2027).
REFERENCE_DATE = datetime.date(2026, 1, 1)

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
                "Pelatihan las listrik bersertifikat",
                "pendidikan",
                SERVICES,
                25,
                "orang",
                3_500_000,
                HIGH,
                4,
                25,
                "Kursus las SMAW 3 bulan di lembaga pelatihan terakreditasi hingga uji kompetensi BNSP, "
                "untuk remaja kelas keterampilan mebel dan logam.",
            ),
            N(
                "Kasur busa dan sprei asrama",
                "sosial-keagamaan",
                GOODS,
                40,
                "buah",
                1_250_000,
                URGENT,
                2,
                40,
                "Kasur busa 90×200 cm tebal 15 cm lengkap dengan sprei dan sarung bantal, pengganti kasur "
                "asrama yang sudah rusak.",
            ),
            N(
                "Penempatan kerja lulusan kelas keterampilan",
                "ekonomi-kerakyatan",
                PLACEMENTS,
                10,
                "orang",
                0,
                HIGH,
                6,
                10,
                "Magang 3 bulan yang berlanjut ke kontrak kerja bagi lulusan kelas otomotif, elektronik dan "
                "tata boga, usia 18 tahun ke atas.",
            ),
            N(
                "Peralatan bengkel reparasi telepon seluler",
                "pendidikan",
                GOODS,
                1,
                "paket",
                45_000_000,
                NORMAL,
                5,
                20,
                "Meja kerja antistatis, solder uap, mikroskop, multimeter dan perkakas untuk 10 tempat praktik.",
            ),
            N(
                "Relawan mentor karier",
                "pendidikan",
                VOLUNTEERS,
                12,
                "orang",
                0,
                NORMAL,
                3,
                60,
                "Karyawan perusahaan yang bersedia menjadi mentor dua kali sebulan selama 6 bulan: "
                "persiapan kerja, wawancara dan etos kerja.",
            ),
            N(
                "Pelatihan teknisi AC dan elektronik rumah tangga",
                "pendidikan",
                SERVICES,
                20,
                "orang",
                4_000_000,
                HIGH,
                7,
                20,
                "Kursus 2 bulan perawatan dan perbaikan AC, mesin cuci dan lemari es, dengan praktik di pusat servis.",
                source=UPDATE_2025,
            ),
            N(
                "Modal usaha alumni panti",
                "ekonomi-kerakyatan",
                FUNDS,
                15,
                "orang",
                5_000_000,
                NORMAL,
                9,
                15,
                "Bantuan modal dan peralatan usaha mikro bagi alumni yang sudah menyusun rencana usaha "
                "bersama pekerja sosial.",
            ),
            N(
                "Layanan psikolog klinis untuk konseling remaja",
                "kesehatan",
                SERVICES,
                12,
                "bulan",
                9_000_000,
                HIGH,
                3,
                100,
                "Psikolog klinis dua hari seminggu untuk asesmen dan konseling individual; hasil asesmen "
                "hanya untuk tim panti.",
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
                "Perlengkapan sekolah tahun ajaran baru",
                "pendidikan",
                GOODS,
                85,
                "paket",
                850_000,
                HIGH,
                6,
                85,
                "Tas, sepatu, seragam dan alat tulis untuk satu tahun ajaran.",
            ),
            N(
                "Relawan pendamping belajar",
                "pendidikan",
                VOLUNTEERS,
                10,
                "orang",
                0,
                NORMAL,
                3,
                85,
                "Pendamping belajar matematika dan bahasa Inggris, sore hari dua kali seminggu.",
            ),
            N(
                "Laptop untuk ruang belajar",
                "pendidikan",
                GOODS,
                10,
                "unit",
                8_500_000,
                NORMAL,
                8,
                85,
                "Laptop untuk tugas sekolah dan kelas komputer dasar.",
            ),
            N(
                "Pengecatan ulang asrama",
                "infrastruktur",
                WORKS,
                850,
                "m²",
                45_000,
                LOW,
                12,
                85,
                "Pengecatan dinding dalam dan luar dua gedung asrama.",
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
                "Lemari pakaian asrama",
                "sosial-keagamaan",
                GOODS,
                30,
                "buah",
                1_800_000,
                NORMAL,
                5,
                110,
                "Lemari dua pintu berbahan besi untuk kamar asrama empat anak.",
            ),
            N(
                "Perbaikan saluran air dan peninggian halaman",
                "infrastruktur",
                WORKS,
                1,
                "paket",
                95_000_000,
                URGENT,
                4,
                110,
                "Perbaikan drainase dan peninggian halaman agar asrama tidak tergenang saat hujan.",
            ),
            N(
                "Perlengkapan futsal dan seragam tim",
                "olahraga-seni-budaya",
                GOODS,
                1,
                "paket",
                7_500_000,
                LOW,
                10,
                40,
                "Bola, gawang portabel, rompi latihan dan seragam untuk dua tim.",
            ),
            N(
                "Pemeriksaan gigi dan mata anak",
                "kesehatan",
                SERVICES,
                110,
                "orang",
                350_000,
                HIGH,
                5,
                110,
                "Pemeriksaan gigi dan mata, termasuk kacamata bagi yang membutuhkan.",
            ),
            N(
                "Instalasi pengolahan air bersih",
                "lingkungan-hidup",
                WORKS,
                1,
                "paket",
                65_000_000,
                NORMAL,
                11,
                110,
                "Filter air tanah dan tandon untuk kebutuhan mandi, cuci dan dapur.",
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
                "Penggantian plafon gedung asrama",
                "infrastruktur",
                WORKS,
                420,
                "m²",
                175_000,
                URGENT,
                3,
                95,
                "Penggantian plafon gipsum dan rangka yang jebol di dua gedung asrama.",
            ),
            N(
                "Kendaraan antar-jemput sekolah",
                "pendidikan",
                GOODS,
                1,
                "unit",
                450_000_000,
                HIGH,
                8,
                95,
                "Minibus 16 kursi untuk antar-jemput anak ke sekolah.",
            ),
            N(
                "Biaya operasional antar-jemput sekolah",
                "pendidikan",
                FUNDS,
                12,
                "bulan",
                6_000_000,
                NORMAL,
                8,
                95,
                "Bahan bakar, pengemudi dan perawatan kendaraan selama satu tahun ajaran.",
            ),
            N(
                "Alat musik untuk kelompok band anak",
                "olahraga-seni-budaya",
                GOODS,
                1,
                "paket",
                35_000_000,
                LOW,
                12,
                30,
                "Gitar, bas, keyboard, drum dan pengeras suara.",
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
                "Tutor kejar paket A/B/C",
                "pendidikan",
                SERVICES,
                12,
                "bulan",
                7_500_000,
                HIGH,
                4,
                45,
                "Dua tutor bersertifikat untuk kelas kejar paket, lima hari seminggu.",
            ),
            N(
                "Tempat tidur susun besi",
                "sosial-keagamaan",
                GOODS,
                25,
                "unit",
                2_750_000,
                NORMAL,
                6,
                50,
                "Tempat tidur susun dua tingkat lengkap dengan kasur.",
            ),
            N(
                "Perlengkapan ibadah",
                "sosial-keagamaan",
                GOODS,
                105,
                "paket",
                250_000,
                LOW,
                10,
                105,
                "Sajadah, mukena, sarung, kitab suci dan buku doa sesuai agama anak.",
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
                "Tangki air bersih 5.000 liter",
                "lingkungan-hidup",
                GOODS,
                2,
                "unit",
                9_500_000,
                URGENT,
                3,
                42,
                "Tangki penampung air hujan dan air kiriman, termasuk pemasangan.",
            ),
            N(
                "Panel surya atap",
                "lingkungan-hidup",
                WORKS,
                1,
                "paket",
                150_000_000,
                NORMAL,
                14,
                42,
                "Sistem panel surya 10 kWp dengan baterai untuk asrama dan ruang belajar.",
            ),
            N(
                "Pelatihan selam dan keselamatan di laut",
                "olahraga-seni-budaya",
                SERVICES,
                15,
                "orang",
                2_500_000,
                LOW,
                9,
                15,
                "Pelatihan renang, selam dasar dan pertolongan pertama bagi remaja panti.",
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
                "Susu dan makanan tambahan balita",
                "kesehatan",
                GOODS,
                12,
                "bulan",
                8_000_000,
                URGENT,
                2,
                20,
                "Susu formula, bubur dan makanan tambahan untuk 20 balita selama satu tahun.",
            ),
            N(
                "Alat permainan edukatif",
                "pendidikan",
                GOODS,
                1,
                "paket",
                18_000_000,
                NORMAL,
                6,
                35,
                "Alat permainan edukatif dan buku cerita untuk ruang tumbuh kembang.",
            ),
            N(
                "Relawan pengasuh akhir pekan",
                "sosial-keagamaan",
                VOLUNTEERS,
                15,
                "orang",
                0,
                NORMAL,
                4,
                88,
                "Relawan terlatih untuk kegiatan akhir pekan bersama anak, dengan pemeriksaan latar belakang.",
            ),
            N(
                "Konseling trauma anak",
                "kesehatan",
                SERVICES,
                12,
                "bulan",
                8_500_000,
                HIGH,
                3,
                30,
                "Layanan psikolog anak untuk anak korban kekerasan dan penelantaran.",
                is_public=False,
            ),
            N(
                "Renovasi ruang tumbuh kembang",
                "infrastruktur",
                WORKS,
                1,
                "paket",
                60_000_000,
                LOW,
                15,
                35,
                "Renovasi ruang bermain: lantai karet, ventilasi dan kamar mandi anak.",
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
                "Popok dewasa",
                "kesehatan",
                GOODS,
                1_200,
                "paket",
                85_000,
                URGENT,
                2,
                90,
                "Paket isi 10 untuk warga binaan tirah baring, kebutuhan enam bulan.",
            ),
            N(
                "Tempat tidur perawatan tiga engkol",
                "kesehatan",
                GOODS,
                20,
                "unit",
                7_500_000,
                HIGH,
                5,
                20,
                "Tempat tidur medis dengan pagar pengaman dan kasur dekubitus.",
            ),
            N(
                "Kursi roda",
                "kesehatan",
                GOODS,
                30,
                "unit",
                1_500_000,
                HIGH,
                4,
                30,
                "Kursi roda standar untuk mobilitas harian.",
            ),
            N(
                "Fisioterapis paruh waktu",
                "kesehatan",
                SERVICES,
                12,
                "bulan",
                7_000_000,
                NORMAL,
                6,
                120,
                "Fisioterapis tiga hari seminggu untuk latihan gerak dan pencegahan jatuh.",
            ),
            N(
                "Relawan pendamping lansia",
                "sosial-keagamaan",
                VOLUNTEERS,
                20,
                "orang",
                0,
                NORMAL,
                3,
                235,
                "Relawan untuk mengobrol, membaca, dan menemani kegiatan kelompok lansia.",
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
                "Mesin cuci kapasitas besar",
                "kesehatan",
                GOODS,
                4,
                "unit",
                6_500_000,
                HIGH,
                3,
                210,
                "Mesin cuci 14 kg untuk linen dan pakaian warga binaan.",
            ),
            N(
                "Pendingin ruangan ruang perawatan",
                "kesehatan",
                GOODS,
                12,
                "unit",
                4_500_000,
                NORMAL,
                6,
                80,
                "AC 1 PK termasuk pemasangan untuk ruang perawatan lansia tirah baring.",
            ),
            N(
                "Renovasi kamar mandi ramah lansia",
                "infrastruktur",
                WORKS,
                1,
                "paket",
                120_000_000,
                HIGH,
                10,
                210,
                "Pegangan rambat, lantai antiselip dan kloset duduk di enam kamar mandi.",
            ),
            N(
                "Dana pemulasaraan jenazah",
                "sosial-keagamaan",
                FUNDS,
                24,
                "orang",
                3_000_000,
                NORMAL,
                12,
                24,
                "Biaya pemulasaraan dan pemakaman warga binaan tanpa keluarga.",
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
                "Kacamata baca dan pemeriksaan mata",
                "kesehatan",
                SERVICES,
                150,
                "orang",
                300_000,
                NORMAL,
                5,
                150,
                "Pemeriksaan mata oleh optometris dan kacamata baca sesuai ukuran.",
            ),
            N(
                "Kebun hidroponik terapi",
                "lingkungan-hidup",
                WORKS,
                1,
                "paket",
                18_000_000,
                LOW,
                9,
                60,
                "Rak hidroponik dan pelatihan perawatan untuk kegiatan terapi lansia.",
            ),
            N(
                "Alat bantu dengar",
                "kesehatan",
                GOODS,
                25,
                "buah",
                3_500_000,
                HIGH,
                6,
                25,
                "Alat bantu dengar sesuai hasil pemeriksaan audiometri.",
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
                "Renovasi dapur dan ruang makan",
                "infrastruktur",
                WORKS,
                1,
                "paket",
                110_000_000,
                HIGH,
                8,
                205,
                "Perbaikan dapur umum, saluran gas, ventilasi dan lantai ruang makan.",
            ),
            N(
                "Makanan bergizi dan suplemen lansia",
                "kesehatan",
                GOODS,
                6,
                "bulan",
                12_000_000,
                NORMAL,
                4,
                205,
                "Susu lansia, vitamin dan makanan tambahan rendah gula.",
            ),
            N(
                "Pelatihan perawat lansia bagi pramu sosial",
                "pendidikan",
                SERVICES,
                20,
                "orang",
                2_500_000,
                NORMAL,
                7,
                205,
                "Pelatihan perawatan demensia dan pencegahan luka tekan bagi pramu sosial panti.",
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
                "Kasur busa lapis anti air",
                "kesehatan",
                GOODS,
                120,
                "buah",
                1_350_000,
                URGENT,
                2,
                120,
                "Kasur busa dengan pelapis anti air yang mudah dibersihkan.",
            ),
            N(
                "Layanan psikiater kunjungan",
                "kesehatan",
                SERVICES,
                12,
                "bulan",
                15_000_000,
                URGENT,
                3,
                520,
                "Psikiater berkunjung seminggu sekali untuk evaluasi pengobatan.",
                is_public=False,
            ),
            N(
                "Peralatan terapi okupasi menjahit",
                "ekonomi-kerakyatan",
                GOODS,
                10,
                "unit",
                4_000_000,
                NORMAL,
                6,
                40,
                "Mesin jahit portabel dan perlengkapan kelas menjahit.",
            ),
            N(
                "Perbaikan atap bangsal",
                "infrastruktur",
                WORKS,
                1,
                "paket",
                85_000_000,
                HIGH,
                5,
                260,
                "Penggantian rangka dan genteng bangsal yang bocor.",
            ),
            N(
                "Perlengkapan mandi dan kebersihan diri",
                "kesehatan",
                GOODS,
                520,
                "paket",
                120_000,
                NORMAL,
                3,
                520,
                "Sabun, sampo, sikat dan pasta gigi, handuk untuk tiga bulan.",
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
                "Pelatihan kerja bagi warga binaan stabil",
                "ekonomi-kerakyatan",
                SERVICES,
                30,
                "orang",
                2_000_000,
                NORMAL,
                6,
                30,
                "Pelatihan kebersihan gedung dan binatu sebagai persiapan kerja terlindung.",
            ),
            N(
                "Penempatan kerja terlindung",
                "ekonomi-kerakyatan",
                PLACEMENTS,
                8,
                "orang",
                0,
                NORMAL,
                10,
                8,
                "Kerja terlindung dengan pendamping bagi warga binaan yang sudah stabil.",
            ),
            N(
                "Mesin cuci dan pengering industri",
                "kesehatan",
                GOODS,
                2,
                "unit",
                65_000_000,
                HIGH,
                5,
                610,
                "Mesin cuci dan pengering kapasitas 25 kg untuk binatu panti.",
            ),
            N(
                "Pengecatan ulang bangsal",
                "infrastruktur",
                WORKS,
                1_200,
                "m²",
                45_000,
                LOW,
                13,
                610,
                "Pengecatan dinding bangsal dengan cat antijamur.",
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
                "Seragam dan pakaian harian warga binaan",
                "sosial-keagamaan",
                GOODS,
                540,
                "stel",
                150_000,
                HIGH,
                3,
                540,
                "Dua stel pakaian harian per orang, berbagai ukuran.",
            ),
            N(
                "Kebun terapi dan pengolahan kompos",
                "lingkungan-hidup",
                WORKS,
                1,
                "paket",
                25_000_000,
                LOW,
                9,
                80,
                "Kebun sayur, komposter dan pelatihan pengolahan sampah organik.",
            ),
            N(
                "Relawan kegiatan seni",
                "olahraga-seni-budaya",
                VOLUNTEERS,
                8,
                "orang",
                0,
                LOW,
                5,
                100,
                "Relawan seni musik dan lukis untuk terapi aktivitas kelompok.",
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
                "Laptop dengan pembaca layar",
                "pendidikan",
                GOODS,
                15,
                "unit",
                9_000_000,
                HIGH,
                5,
                30,
                "Laptop dengan perangkat lunak pembaca layar untuk kelas komputer bicara.",
            ),
            N(
                "Printer braille",
                "pendidikan",
                GOODS,
                1,
                "unit",
                85_000_000,
                NORMAL,
                10,
                64,
                "Pencetak braille untuk modul pelatihan dan bahan bacaan.",
            ),
            N(
                "Tongkat putih lipat",
                "kesehatan",
                GOODS,
                64,
                "buah",
                350_000,
                NORMAL,
                3,
                64,
                "Tongkat putih lipat aluminium untuk orientasi dan mobilitas.",
            ),
            N(
                "Sertifikasi terapis pijat",
                "ekonomi-kerakyatan",
                SERVICES,
                20,
                "orang",
                3_000_000,
                HIGH,
                7,
                20,
                "Pelatihan lanjutan dan uji kompetensi terapis pijat dan refleksi.",
            ),
            N(
                "Penempatan kerja terapis pijat",
                "ekonomi-kerakyatan",
                PLACEMENTS,
                10,
                "orang",
                0,
                NORMAL,
                11,
                10,
                "Penempatan di klinik, hotel atau pusat kebugaran bagi lulusan bersertifikat.",
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
                "Terapis wicara dan okupasi",
                "kesehatan",
                SERVICES,
                12,
                "bulan",
                10_000_000,
                HIGH,
                4,
                120,
                "Dua terapis paruh waktu untuk terapi wicara dan okupasi.",
            ),
            N(
                "Kursi roda adaptif",
                "kesehatan",
                GOODS,
                15,
                "unit",
                4_000_000,
                HIGH,
                5,
                15,
                "Kursi roda dengan penyangga kepala dan badan untuk warga binaan dengan disabilitas ganda.",
            ),
            N(
                "Alat permainan sensorik",
                "pendidikan",
                GOODS,
                1,
                "paket",
                30_000_000,
                NORMAL,
                8,
                120,
                "Perlengkapan ruang sensorik: matras, bola terapi, papan keseimbangan, lampu sensorik.",
            ),
            N(
                "Popok dewasa",
                "kesehatan",
                GOODS,
                900,
                "paket",
                85_000,
                URGENT,
                2,
                70,
                "Paket isi 10 untuk warga binaan dengan inkontinensia.",
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
                "Kaki dan tangan palsu",
                "kesehatan",
                GOODS,
                12,
                "buah",
                12_000_000,
                HIGH,
                6,
                12,
                "Prostesis sesuai hasil pengukuran di bengkel ortotik prostetik.",
            ),
            N(
                "Pelatihan desain grafis",
                "pendidikan",
                SERVICES,
                20,
                "orang",
                3_000_000,
                NORMAL,
                7,
                20,
                "Kursus desain grafis 3 bulan dan pembuatan portofolio.",
            ),
            N(
                "Penempatan kerja kuota disabilitas",
                "ekonomi-kerakyatan",
                PLACEMENTS,
                12,
                "orang",
                0,
                HIGH,
                8,
                12,
                "Penempatan sesuai kewajiban kuota 1% pekerja disabilitas di perusahaan swasta.",
            ),
            N(
                "Peralatan servis elektronik",
                "pendidikan",
                GOODS,
                1,
                "paket",
                40_000_000,
                NORMAL,
                6,
                25,
                "Meja kerja yang dapat diatur ketinggiannya dan perkakas servis elektronik.",
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
                "Jalur landai dan pegangan rambat",
                "infrastruktur",
                WORKS,
                1,
                "paket",
                75_000_000,
                HIGH,
                6,
                98,
                "Jalur landai, pegangan rambat dan pintu lebar di gedung asrama dan kelas.",
            ),
            N(
                "Kursi roda olahraga",
                "olahraga-seni-budaya",
                GOODS,
                8,
                "unit",
                15_000_000,
                LOW,
                12,
                8,
                "Kursi roda untuk tim basket kursi roda panti.",
            ),
            N(
                "Beasiswa pendidikan lanjutan",
                "pendidikan",
                FUNDS,
                10,
                "orang",
                6_000_000,
                NORMAL,
                7,
                10,
                "Biaya satu tahun SMK atau kursus lanjutan bagi warga binaan berprestasi.",
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
                "Paket kebutuhan dasar penerimaan",
                "sosial-keagamaan",
                GOODS,
                600,
                "paket",
                175_000,
                URGENT,
                2,
                600,
                "Pakaian ganti, alat mandi dan sandal bagi warga binaan baru.",
            ),
            N(
                "Tikar dan selimut",
                "sosial-keagamaan",
                GOODS,
                300,
                "buah",
                120_000,
                HIGH,
                2,
                300,
                "Tikar busa dan selimut untuk ruang transit.",
            ),
            N(
                "Biaya pemulangan ke daerah asal",
                "sosial-keagamaan",
                FUNDS,
                100,
                "orang",
                750_000,
                NORMAL,
                6,
                100,
                "Tiket dan bekal perjalanan bagi warga binaan yang dipulangkan ke keluarga.",
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
                "Pelatihan pertanian kota",
                "ekonomi-kerakyatan",
                SERVICES,
                40,
                "orang",
                1_500_000,
                NORMAL,
                7,
                40,
                "Pelatihan hidroponik dan budidaya lele dengan lahan praktik di panti.",
            ),
            N(
                "Perbaikan atap dan talang asrama",
                "infrastruktur",
                WORKS,
                1,
                "paket",
                85_000_000,
                HIGH,
                4,
                450,
                "Penggantian atap seng berkarat dan talang di tiga gedung asrama.",
            ),
            N(
                "Kasur busa",
                "sosial-keagamaan",
                GOODS,
                100,
                "buah",
                1_250_000,
                HIGH,
                3,
                100,
                "Kasur busa 90×200 cm pengganti kasur yang rusak.",
            ),
            N(
                "Pengurusan dokumen kependudukan",
                "lainnya",
                SERVICES,
                150,
                "orang",
                100_000,
                NORMAL,
                5,
                150,
                "Pendampingan perekaman KTP-el dan kartu keluarga bersama Dukcapil.",
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
                "Ruang bermain dan belajar anak",
                "pendidikan",
                WORKS,
                1,
                "paket",
                40_000_000,
                NORMAL,
                8,
                60,
                "Renovasi satu ruang menjadi ruang bermain dan belajar anak warga binaan.",
            ),
            N(
                "Pelatihan usaha mikro bagi kepala keluarga",
                "ekonomi-kerakyatan",
                SERVICES,
                30,
                "orang",
                2_500_000,
                NORMAL,
                6,
                30,
                "Pelatihan usaha makanan dan pencatatan keuangan sederhana.",
            ),
            N(
                "Modal usaha mikro keluarga",
                "ekonomi-kerakyatan",
                FUNDS,
                30,
                "orang",
                3_000_000,
                LOW,
                9,
                30,
                "Modal awal usaha bagi peserta pelatihan yang siap keluar dari panti.",
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
                "Pelatihan tata rias bersertifikat",
                "pendidikan",
                SERVICES,
                25,
                "orang",
                3_000_000,
                HIGH,
                5,
                25,
                "Kursus tata rias 2 bulan dan uji kompetensi.",
            ),
            N(
                "Mesin jahit dan obras",
                "ekonomi-kerakyatan",
                GOODS,
                15,
                "unit",
                4_500_000,
                NORMAL,
                6,
                45,
                "Mesin jahit semi-industri dan mesin obras untuk kelas menjahit.",
            ),
            N(
                "Pendampingan hukum",
                "lainnya",
                SERVICES,
                12,
                "bulan",
                6_000_000,
                HIGH,
                3,
                40,
                "Paralegal dan advokat mitra untuk pendampingan perkara warga binaan korban eksploitasi.",
                is_public=False,
            ),
            N(
                "Penempatan kerja lulusan pelatihan",
                "ekonomi-kerakyatan",
                PLACEMENTS,
                10,
                "orang",
                0,
                NORMAL,
                9,
                10,
                "Penempatan di usaha garmen, katering atau salon mitra.",
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
                "Pelatihan las dan pertukangan",
                "pendidikan",
                SERVICES,
                25,
                "orang",
                3_500_000,
                NORMAL,
                6,
                25,
                "Kursus las dan pertukangan kayu untuk warga binaan usia produktif.",
            ),
            N(
                "Perbaikan bengkel kerja",
                "infrastruktur",
                WORKS,
                1,
                "paket",
                70_000_000,
                NORMAL,
                9,
                60,
                "Perbaikan lantai, atap dan instalasi listrik bengkel kerja.",
            ),
            N(
                "Penempatan kerja proyek konstruksi",
                "ekonomi-kerakyatan",
                PLACEMENTS,
                15,
                "orang",
                0,
                HIGH,
                7,
                15,
                "Penempatan sebagai tenaga bantu di proyek konstruksi dengan BPJS Ketenagakerjaan.",
            ),
            N(
                "Pemeriksaan kesehatan dan skrining TBC",
                "kesehatan",
                SERVICES,
                276,
                "orang",
                150_000,
                HIGH,
                2,
                276,
                "Pemeriksaan umum dan rontgen dada bersama puskesmas.",
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
                "Seragam dan buku sekolah",
                "pendidikan",
                GOODS,
                38,
                "paket",
                750_000,
                HIGH,
                6,
                38,
                "Seragam, sepatu, buku tulis dan tas untuk satu tahun ajaran.",
                source=PULPIS_2025,
            ),
            N(
                "Perbaikan lantai dan dinding asrama kayu",
                "infrastruktur",
                WORKS,
                1,
                "paket",
                55_000_000,
                URGENT,
                4,
                38,
                "Penggantian papan lantai dan dinding asrama yang lapuk.",
                source=PULPIS_2025,
            ),
            N(
                "Sumur bor dan penjernih air",
                "lingkungan-hidup",
                WORKS,
                1,
                "paket",
                35_000_000,
                HIGH,
                5,
                38,
                "Sumur bor dengan penjernih air untuk air gambut.",
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
                "Pemeriksaan kesehatan lansia berkala",
                "kesehatan",
                SERVICES,
                12,
                "bulan",
                2_500_000,
                HIGH,
                3,
                24,
                "Kunjungan tenaga kesehatan dua kali sebulan dan obat dasar.",
                source=PULPIS_2025,
            ),
            N(
                "Pelatihan dan bahan anyaman rotan",
                "masyarakat-adat",
                SERVICES,
                20,
                "orang",
                1_200_000,
                NORMAL,
                7,
                20,
                "Kegiatan anyaman rotan bersama pengrajin Dayak Ngaju, termasuk bahan dan pemasaran.",
                source=PULPIS_2025,
            ),
            N(
                "Kasur dan kelambu",
                "kesehatan",
                GOODS,
                30,
                "buah",
                1_100_000,
                HIGH,
                4,
                24,
                "Kasur busa dengan kelambu untuk mencegah gigitan nyamuk.",
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
        "ibk-bank-indonesia",
        "Literasi keuangan dan tabungan remaja panti",
        ProgramForm.EMPOWERMENT,
        ("pendidikan", "ekonomi-kerakyatan"),
        150_000_000,
        D(2025, 2, 1),
        D(2026, 1, 31),
        (JAKARTA_SELATAN, JAKARTA_TIMUR),
        300,
        ProgramStatus.COMPLETED,
        "Kelas literasi keuangan dan pembukaan rekening tabungan bagi remaja di panti anak dan remaja.",
        REHAB_PANTI,
    ),
    ProgramData(
        "ibk-bank-indonesia",
        "Modal dan pendampingan usaha alumni panti",
        ProgramForm.MICRO_BUSINESS,
        ("ekonomi-kerakyatan",),
        350_000_000,
        D(2026, 4, 1),
        D(2027, 3, 31),
        (JAKARTA_SELATAN, JAKARTA_TIMUR, JAKARTA_PUSAT),
        60,
        ProgramStatus.PLANNED,
        "Modal usaha mikro dan pendampingan pembukuan bagi alumni panti yang memulai usaha.",
        REHAB_PANTI,
    ),
    ProgramData(
        "cj-indonesia",
        "Dapur sehat panti",
        ProgramForm.ENVIRONMENT_SOCIAL,
        ("kesehatan",),
        400_000_000,
        D(2025, 7, 1),
        D(2026, 12, 31),
        (JAKARTA_TIMUR, JAKARTA_BARAT),
        800,
        ProgramStatus.ACTIVE,
        "Perbaikan dapur dan makanan tambahan bergizi bagi anak dan lansia di panti Dinsos.",
        REHAB_PANTI,
    ),
    ProgramData(
        "cj-indonesia",
        "Kelas tata boga remaja",
        ProgramForm.EMPOWERMENT,
        ("pendidikan", "ekonomi-kerakyatan"),
        120_000_000,
        D(2026, 2, 1),
        D(2026, 11, 30),
        (JAKARTA_SELATAN,),
        40,
        ProgramStatus.ACTIVE,
        "Kelas tata boga dan kewirausahaan kuliner bagi remaja PSBR dan PSKW.",
        REHAB_PANTI,
    ),
    ProgramData(
        "posco-indonesia-inti",
        "Kursus pengelasan dan fabrikasi baja ringan",
        ProgramForm.EMPOWERMENT,
        ("pendidikan",),
        250_000_000,
        D(2026, 1, 15),
        D(2026, 12, 15),
        (JAKARTA_SELATAN, JAKARTA_UTARA),
        50,
        ProgramStatus.ACTIVE,
        "Kursus las bersertifikat bagi remaja panti dan warga binaan usia produktif.",
        REHAB_PANTI,
    ),
    ProgramData(
        "posco-indonesia-inti",
        "Perbaikan atap panti dengan rangka baja",
        ProgramForm.ENVIRONMENT_SOCIAL,
        ("infrastruktur",),
        500_000_000,
        D(2026, 6, 1),
        D(2027, 5, 31),
        (JAKARTA_UTARA, JAKARTA_BARAT, JAKARTA_TIMUR),
        1_200,
        ProgramStatus.PLANNED,
        "Penggantian atap dan talang bangunan panti dengan rangka baja ringan.",
        REHAB_PANTI,
    ),
    ProgramData(
        "hyundai-motors-indonesia",
        "Pelatihan teknisi otomotif dan penempatan kerja",
        ProgramForm.EMPOWERMENT,
        ("pendidikan", "ekonomi-kerakyatan"),
        600_000_000,
        D(2025, 9, 1),
        D(2026, 12, 31),
        (JAKARTA_SELATAN, JAKARTA_TIMUR),
        60,
        ProgramStatus.ACTIVE,
        "Kursus teknisi otomotif di pusat pelatihan jaringan bengkel, dilanjutkan magang dan penempatan kerja.",
        REHAB_PANTI,
    ),
    ProgramData(
        "hyundai-motors-indonesia",
        "Kendaraan antar-jemput anak panti",
        ProgramForm.DONATION,
        ("pendidikan", "sosial-keagamaan"),
        900_000_000,
        D(2026, 3, 1),
        D(2026, 12, 31),
        (JAKARTA_TIMUR, JAKARTA_UTARA),
        300,
        ProgramStatus.PLANNED,
        "Hibah kendaraan untuk antar-jemput sekolah anak panti asuhan.",
        REHAB_PANTI,
    ),
    ProgramData(
        "daehong-communications-indonesia",
        "Kampanye publik Ayo Peduli Panti",
        ProgramForm.DONATION,
        ("lainnya",),
        200_000_000,
        D(2025, 11, 1),
        D(2026, 10, 31),
        ("31",),
        0,
        ProgramStatus.ACTIVE,
        "Kampanye media sosial dan luar ruang untuk mengajak perusahaan dan warga mendukung kebutuhan panti.",
        REHAB_PANTI,
    ),
    ProgramData(
        "daehong-communications-indonesia",
        "Kelas desain grafis dan fotografi",
        ProgramForm.EMPOWERMENT,
        ("pendidikan", "olahraga-seni-budaya"),
        90_000_000,
        D(2026, 2, 1),
        D(2026, 7, 31),
        (JAKARTA_SELATAN, JAKARTA_TIMUR),
        40,
        ProgramStatus.ACTIVE,
        "Kelas kreatif bagi remaja panti dan penyandang disabilitas fisik, diajar desainer agensi.",
        REHAB_PANTI,
    ),
    ProgramData(
        "lg-electronics-indonesia",
        "Pelatihan teknisi AC dan elektronik rumah tangga",
        ProgramForm.EMPOWERMENT,
        ("pendidikan",),
        300_000_000,
        D(2026, 1, 15),
        D(2026, 12, 31),
        (JAKARTA_SELATAN, JAKARTA_TIMUR),
        60,
        ProgramStatus.ACTIVE,
        "Kursus teknisi di pusat servis, dengan sertifikat dan peluang kerja di jaringan servis.",
        REHAB_PANTI,
    ),
    ProgramData(
        "lg-electronics-indonesia",
        "Peralatan rumah tangga hemat energi untuk panti",
        ProgramForm.DONATION,
        ("kesehatan", "lingkungan-hidup"),
        450_000_000,
        D(2025, 6, 1),
        D(2026, 6, 30),
        (JAKARTA_BARAT, JAKARTA_TIMUR, JAKARTA_UTARA),
        1_000,
        ProgramStatus.ACTIVE,
        "Mesin cuci, lemari es dan pendingin ruangan hemat energi untuk panti lansia dan disabilitas.",
        REHAB_PANTI,
    ),
    ProgramData(
        "korean-association-in-indonesia",
        "Santunan dan pentas budaya Korea–Indonesia",
        ProgramForm.DONATION,
        ("sosial-keagamaan", "olahraga-seni-budaya"),
        75_000_000,
        D(2025, 12, 1),
        D(2026, 11, 30),
        ("31",),
        500,
        ProgramStatus.ACTIVE,
        "Kunjungan relawan anggota perkumpulan, santunan dan pentas budaya bersama warga binaan panti.",
    ),
    ProgramData(
        "koica",
        "Proyek Peningkatan Dukungan Rehabilitasi Sosial bagi Pemuda Rentan di Indonesia",
        ProgramForm.EMPOWERMENT,
        ("pendidikan", "sosial-keagamaan", "ekonomi-kerakyatan"),
        0,
        D(2023, 1, 1),
        None,
        (JAKARTA_SELATAN,),
        100,
        ProgramStatus.ACTIVE,
        "Project on Enhancing Social Rehabilitation Support for the Vulnerable Youth in Indonesia, "
        "dilaksanakan konsorsium KDS, World Vision Korea dan Rebach International di PSBR Taruna Jaya 1, "
        "termasuk hibah renovasi gedung panti. Tujuan: meningkatkan kemandirian warga binaan sosial. "
        "Anggaran dikelola KOICA dan tidak dicatat di portal.",
        "Rehabilitasi sosial remaja rentan di PSBR Taruna Jaya 1",
    ),
    ProgramData(
        "bank-kalteng",
        "Beasiswa pelajar keluarga miskin",
        ProgramForm.DONATION,
        ("pendidikan",),
        250_000_000,
        D(2025, 7, 1),
        D(2026, 6, 30),
        (PULANG_PISAU,),
        200,
        ProgramStatus.ACTIVE,
        "Beasiswa SMP dan SMA bagi anak dari keluarga terdata DTKS, usulan dari Dinsos per kecamatan.",
        PULPIS_POVERTY,
    ),
    ProgramData(
        "bank-kalteng",
        "Pendampingan koperasi dan usaha mikro desa",
        ProgramForm.MICRO_BUSINESS,
        ("ekonomi-kerakyatan",),
        180_000_000,
        D(2026, 3, 1),
        D(2027, 2, 28),
        ("62.11.01", "62.11.05", "62.11.06"),
        120,
        ProgramStatus.PLANNED,
        "Pelatihan pembukuan koperasi desa dan akses pembiayaan usaha mikro.",
        PULPIS_POVERTY,
    ),
    ProgramData(
        "kahayan-sawit-lestari",
        "Perbaikan jalan desa dan jembatan kayu",
        ProgramForm.ENVIRONMENT_SOCIAL,
        ("infrastruktur",),
        750_000_000,
        D(2025, 5, 1),
        D(2026, 4, 30),
        ("62.11.04", "62.11.03"),
        3_000,
        ProgramStatus.ACTIVE,
        "Perbaikan jalan tanah dan jembatan kayu penghubung desa di sekitar kebun.",
        PULPIS_POVERTY,
    ),
    ProgramData(
        "kahayan-sawit-lestari",
        "Kerajinan rotan dan budaya Dayak Ngaju",
        ProgramForm.EMPOWERMENT,
        ("masyarakat-adat", "olahraga-seni-budaya"),
        90_000_000,
        D(2026, 2, 1),
        D(2026, 12, 31),
        ("62.11.04",),
        80,
        ProgramStatus.ACTIVE,
        "Pelatihan anyaman rotan, pemasaran produk dan festival budaya desa.",
        PULPIS_POVERTY,
    ),
    ProgramData(
        "sebangau-agro-mandiri",
        "Air bersih desa gambut",
        ProgramForm.ENVIRONMENT_SOCIAL,
        ("lingkungan-hidup", "kesehatan"),
        320_000_000,
        D(2026, 1, 1),
        D(2026, 12, 31),
        ("62.11.06", "62.11.08"),
        1_500,
        ProgramStatus.ACTIVE,
        "Sumur bor dan penjernih air gambut untuk desa, sekolah dan LKS.",
        PULPIS_POVERTY,
    ),
    ProgramData(
        "kahayan-mineral-utama",
        "Posyandu dan pemeriksaan kesehatan desa lingkar tambang",
        ProgramForm.ENVIRONMENT_SOCIAL,
        ("kesehatan",),
        150_000_000,
        D(2025, 1, 1),
        D(2025, 12, 31),
        ("62.11.03",),
        900,
        ProgramStatus.COMPLETED,
        "Dukungan posyandu, pemeriksaan kesehatan dan makanan tambahan balita.",
        PULPIS_POVERTY,
    ),
)

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
    staff_group: bool = False
    company: str = ""  # slug: makes the account a CSR officer of that company
    role: str = OfficerRole.STAFF
    job_title: str = ""
    phone: str = ""


# Demo-only passwords, printed in the README; never used outside a demo database.
STAFF_PASSWORD = "dinsos-demo"  # noqa: S105
ADMIN_PASSWORD = "admin-demo"  # noqa: S105
OFFICER_PASSWORD = "mitra-demo"  # noqa: S105

ACCOUNTS: tuple[AccountData, ...] = (
    AccountData(
        "dinsos",
        STAFF_PASSWORD,
        "Siti",
        "Rahmawati",
        "siti.rahmawati@dinsos-dki.example.org",
        is_staff=True,
        staff_group=True,
    ),
    AccountData("admin", ADMIN_PASSWORD, "Admin", "Demo", "admin@example.org", is_staff=True, is_superuser=True),
    AccountData(
        "csr.lg",
        OFFICER_PASSWORD,
        "Rina",
        "Kusumawati",
        "rina.kusumawati@lg-id.example.org",
        company="lg-electronics-indonesia",
        role=OfficerRole.COORDINATOR,
        job_title="CSR Manager",
        phone="021-0000-0301",
    ),
    AccountData(
        "csr.hyundai",
        OFFICER_PASSWORD,
        "Andi",
        "Pratama",
        "andi.pratama@hmid.example.org",
        company="hyundai-motors-indonesia",
        job_title="CSR Officer",
        phone="021-0000-0302",
    ),
)
