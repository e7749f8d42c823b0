"""Demo data of SDG (TPB) tags (issue 27): the demo programs carry the goals and targets they
serve (KOICA's youth rehabilitation project included), the programs of the two state-owned
companies (Bank Kalteng, PLN) their TJSL pillars, and the demo needs the goals of their field.

Idempotent, and it leaves alone what staff changed: a program or need that already has goals
keeps them; pillars are given only to a state-owned company's program that has none.
"""

from django.db.models import Q

from demo import data as demo
from facilities.models import Need
from partners.models import CompanyKind
from programs.models import Program

# Program title: (goal numbers, target codes, TJSL pillar codes).
PROGRAM_TAGS: dict[str, tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Literasi keuangan dan tabungan remaja panti": ((4, 8), ("4.4", "8.10"), ()),
    "Modal dan pendampingan usaha alumni panti": ((1, 8), ("1.4", "8.3"), ()),
    "Dapur sehat panti": ((2, 3), ("2.1",), ()),
    "Kelas tata boga remaja": ((4, 8), ("4.4", "8.6"), ()),
    "Kursus pengelasan dan fabrikasi baja ringan": ((4, 8), ("4.4", "8.6"), ()),
    "Perbaikan atap panti dengan rangka baja": ((11,), ("11.1",), ()),
    "Pelatihan teknisi otomotif dan penempatan kerja": ((4, 8), ("4.4", "8.5", "8.6"), ()),
    "Kendaraan antar-jemput anak panti": ((4, 11), ("11.2",), ()),
    "Kampanye publik Ayo Peduli Panti": ((10, 17), ("10.2", "17.17"), ()),
    "Kelas desain grafis dan fotografi": ((4,), ("4.4",), ()),
    "Pelatihan teknisi AC dan elektronik rumah tangga": ((4, 8), ("4.4",), ()),
    "Peralatan rumah tangga hemat energi untuk panti": ((7,), ("7.3",), ()),
    "Santunan dan pentas budaya Korea–Indonesia": ((10, 17), ("10.2",), ()),
    "Proyek Peningkatan Dukungan Rehabilitasi Sosial bagi Pemuda Rentan di Indonesia": (
        (4, 8, 10, 17),
        ("4.4", "8.6", "10.2", "17.17"),
        (),
    ),
    "Beasiswa pelajar keluarga miskin": ((1, 4), ("1.3", "4.1"), ("social",)),
    "Pendampingan koperasi dan usaha mikro desa": ((1, 8), ("1.4", "8.3"), ("economic",)),
    "Perbaikan jalan desa dan jembatan kayu": ((9, 11), ("9.1",), ()),
    "Kerajinan rotan dan budaya Dayak Ngaju": ((8, 11), ("8.9", "11.4"), ()),
    "Air bersih desa gambut": ((6,), ("6.1",), ()),
    "Posyandu dan pemeriksaan kesehatan desa lingkar tambang": ((3,), ("3.2", "3.8"), ()),
    "Literasi keuangan dan tabungan pelajar": ((4, 8), ("8.10",), ("economic", "social")),
    "Paket sembako dan cek kesehatan lansia": ((1, 2, 3), ("2.1", "3.8"), ()),
    "Sambung listrik gratis rumah tangga miskin": ((1, 7), ("1.4", "7.1"), ("social", "environment")),
    "Peremajaan kebun karet rakyat": ((8, 15), ("8.3",), ()),
}

# The goal of a demo need, by its CSR field.
NEED_GOALS_BY_FIELD = {
    "pendidikan": (4,),
    "kesehatan": (3,),
    "infrastruktur": (11,),
    "lingkungan-hidup": (6, 13),
    "ekonomi-kerakyatan": (8,),
    "sosial-keagamaan": (1, 10),
}


def load_sdg() -> None:
    programs = Program.objects.filter(title__in=list(PROGRAM_TAGS)).select_related("company")
    tagged = set(Program.sdg_goals.through.objects.values_list("program_id", flat=True))
    with_pillars = set(Program.tjsl_pillars.through.objects.values_list("program_id", flat=True))
    for program in programs:
        goals, targets, pillars = PROGRAM_TAGS[program.title]
        if program.pk not in tagged:
            program.sdg_goals.set(goals)
            program.sdg_targets.set(targets)
        if pillars and program.company.kind == CompanyKind.STATE_OWNED and program.pk not in with_pillars:
            program.tjsl_pillars.set(pillars)
    needs_tagged = set(Need.sdg_goals.through.objects.values_list("need_id", flat=True))
    demo_needs = Q(pk__in=[])
    for facility in demo.DKI_FACILITIES + demo.PULPIS_FACILITIES:
        demo_needs |= Q(facility__slug=facility.slug, title__in=[need.title for need in facility.needs])
    for need in Need.objects.filter(demo_needs, field_id__in=list(NEED_GOALS_BY_FIELD)).only("pk", "field_id"):
        if need.pk not in needs_tagged:
            need.sdg_goals.set(NEED_GOALS_BY_FIELD[need.field_id])
