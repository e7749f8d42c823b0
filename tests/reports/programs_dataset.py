"""The hand-built data set of ``dataset.py`` (pledges and deliveries), with companies' own CSR
programs and their realisation reports added: every figure below is worked out by hand, and
the tests of the regional report, the breakdowns, the forum report and the reporting
discipline check them one by one.

The agency: Dinas Sosial Kabupaten Pulang Pisau (62.11), yearly reports, on time until 30 days
after the year's end (2024 reports: by 2025-01-30). Forum members: A, B (of ``dataset.py``),
D and E; C is not a member.

Programs (all registered by Pulang Pisau unless said; "targets" split the budget equally):

    A  Kasur sehat    donation        kesehatan            Rp  50.000.000  2024        01, 02
    A  Bibit karet    micro_business  ekonomi-kerakyatan   Rp  40.000.000  2024        03
    B  Beasiswa       empowerment     pendidikan+kesehatan Rp 100.000.000  2023-06 →   01, 03
    C  Bukan anggota  donation        pendidikan           Rp  90.000.000  2024 →      02
    D  Air bersih     env./social     lingkungan-hidup     Rp  60.000.000  2024        02
    E  Sekolah desa   empowerment     pendidikan           Rp  10.000.000  2024        01, 02, 03
    B  Usulan baru    (submitted, not registered)          Rp 999.000.000  2024        02
    A  Batal (cancelled), B Lama (completed, ran in 2023): from ``dataset.py``, no targets.

Districts: 01 Kahayan Hilir (800 poor households in 2024), 02 Maliku (400), 03 Pandih Batu
(no figures: unknown).

Realisation reports (quarter 0: the whole year); the last column is when they were submitted:

    R1 A Kasur sehat  2024 verified   01 Rp 2.000.000 + 02 Rp 18.000.000 = 20.000.000
                                      30 households, 100 persons (55 women, 20 children,
                                      elderly unknown, 3 with disability)       2025-01-20 on time
    R2 B Beasiswa     2024 submitted  03 Rp 15.000.000 (awaiting verification)  2025-02-10 late
    R3 A Bibit karet  2024 returned   03 Rp  5.000.000 (never counts)           2025-01-25
    R4 C Bukan anggota 2024 verified  02 Rp  4.000.000, 8 households, 20 persons 2025-01-15
    R5 B Beasiswa     2023 verified   01 Rp  7.000.000, 10 households, 40 persons 2024-03-15 late
    R6 E Sekolah desa 2024 verified   01 Rp  3.000.000, 5 households, 12 persons 2025-01-05 on time
    D reports nothing.
"""

from __future__ import annotations

import datetime

from programs.models import Program, ProgramForm, ProgramStatus, RealisationStatus
from tests.factories import CompanyFactory, ProgramFactory, agency, field, officer_user, realisation, region
from tests.reports import dataset

D = datetime.date
V, S, R = RealisationStatus.VERIFIED, RealisationStatus.SUBMITTED, RealisationStatus.RETURNED
TODAY = D(2025, 3, 1)  # the 2024 reports were due by 2025-01-30


def at(day: datetime.date) -> datetime.datetime:
    """Noon in Jakarta (05:00 UTC) on ``day``."""
    return datetime.datetime.combine(day, datetime.time(5), tzinfo=datetime.UTC)


def targets(program: Program, *codes: str) -> Program:
    program.target_regions.set([region(code) for code in codes])
    return program


def build():
    data = dataset.build()
    pulpis = agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")
    data.pulpis = pulpis
    region("62.11.03", "Pandih Batu")
    health, education = field("kesehatan"), field("pendidikan")
    economy, environment = field("ekonomi-kerakyatan"), field("lingkungan-hidup")
    data.d = CompanyFactory(name="PT Delta Karet", slug="pt-delta-karet", forum_member=True)
    data.e = CompanyFactory(name="PT Eka Sejahtera", slug="pt-eka-sejahtera", forum_member=True)
    for company in (data.d, data.e):
        officer_user(company)

    Program.objects.filter(company__in=[data.a, data.b, data.c]).update(agency=pulpis)
    kasur = targets(Program.objects.get(title="Kasur sehat"), "62.11.01", "62.11.02")
    beasiswa = targets(Program.objects.get(title="Beasiswa"), "62.11.01", "62.11.03")
    bukan = targets(Program.objects.get(title="Bukan anggota"), "62.11.02")
    year = {"start_date": D(2024, 1, 1), "end_date": D(2024, 12, 31), "agency": pulpis}
    bibit = targets(
        ProgramFactory(
            company=data.a, title="Bibit karet", form=ProgramForm.MICRO_BUSINESS, budget=40_000_000,
            fields=[economy], **year,
        ),
        "62.11.03",
    )  # fmt: skip
    air = targets(
        ProgramFactory(
            company=data.d, title="Air bersih", form=ProgramForm.ENVIRONMENT_SOCIAL, budget=60_000_000,
            fields=[environment], **year,
        ),
        "62.11.02",
    )  # fmt: skip
    sekolah = targets(
        ProgramFactory(
            company=data.e, title="Sekolah desa", form=ProgramForm.EMPOWERMENT, budget=10_000_000,
            fields=[education], **year,
        ),
        "62.11.01",
        "62.11.02",
        "62.11.03",
    )  # fmt: skip
    targets(
        ProgramFactory(
            company=data.b, title="Usulan baru", status=ProgramStatus.SUBMITTED, budget=999_000_000,
            fields=[health], **year,
        ),
        "62.11.02",
    )  # fmt: skip

    groups = {"women": 55, "children": 20, "elderly": None, "disabled": 3}
    data.r1 = realisation(
        kasur, 2024, shares={"62.11.01": 2_000_000, "62.11.02": 18_000_000}, status=V,
        households=30, persons=100, submitted_at=at(D(2025, 1, 20)), **groups,
    )  # fmt: skip
    data.r2 = realisation(
        beasiswa, 2024, shares={"62.11.03": 15_000_000}, status=S, households=9, persons=50,
        submitted_at=at(D(2025, 2, 10)),
    )  # fmt: skip
    data.r3 = realisation(
        bibit, 2024, shares={"62.11.03": 5_000_000}, status=R, households=4, persons=4,
        submitted_at=at(D(2025, 1, 25)),
    )  # fmt: skip
    data.r4 = realisation(
        bukan, 2024, shares={"62.11.02": 4_000_000}, status=V, households=8, persons=20,
        submitted_at=at(D(2025, 1, 15)),
    )  # fmt: skip
    data.r5 = realisation(
        beasiswa, 2023, shares={"62.11.01": 7_000_000}, status=V, households=10, persons=40,
        submitted_at=at(D(2024, 3, 15)),
    )  # fmt: skip
    data.r6 = realisation(
        sekolah, 2024, shares={"62.11.01": 3_000_000}, status=V, households=5, persons=12,
        submitted_at=at(D(2025, 1, 5)),
    )  # fmt: skip
    data.programs = {
        "kasur": kasur, "beasiswa": beasiswa, "bukan": bukan, "bibit": bibit, "air": air, "sekolah": sekolah,
    }  # fmt: skip
    return data
