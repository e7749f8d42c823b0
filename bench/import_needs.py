"""Benchmark: a 10,000-row needs spreadsheet through the admin's preview and confirmation, with
our settings and with three settings of django-import-export, side by side in one run on the
same file.

Every arm uses the same columns, widgets and checks (so every arm gives the same row-by-row
error report); the library arms differ only in the library options and in what we load once:

* library defaults: ``ModelInstanceLoader`` (a query per row to find the existing need), a
  query per cell for the facility and the CSR field, a savepoint and ``save()`` per row, the
  HTML diff of every row, ``skip_unchanged=False``;
* library tuned: the library's options for speed, ``use_bulk=True`` with ``batch_size=1000``,
  ``skip_diff=True``, ``skip_unchanged=True``; still a query per row for the existing need and
  per cell for the lookups, the library's dry run (it inserts, then rolls back) and its
  ``skip_row`` (which with ``skip_diff`` cannot compare, so skips nothing); bulk writes keep
  history rows as ours do;
* library tuned, lookups loaded once: the same, with the facilities and CSR fields resolved from
  a dictionary loaded up front (our primed lookups) instead of a query per cell;
* ours (``facilities.resources.NeedResource``): facilities, fields and existing needs loaded
  once, bulk inserts and updates that still write history rows, a preview that writes nothing,
  no per-row savepoint or diff, unchanged rows skipped.

Runs on demand, never in the test suite, in a throw-away database (a temporary SQLite file, or
PostgreSQL when ``--database`` is given; the database ``test_<name>`` is created and dropped):

    .venv/bin/python bench/import_needs.py
    .venv/bin/python bench/import_needs.py --database postgres://postgres@127.0.0.1:5432/csr_imports

The admin is driven through Django's test client (upload → preview page → confirm → redirect),
so the figures include reading the xlsx, rendering the preview and the admin log entries.
"""

import argparse
import cProfile
import datetime
import gc
import io
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csrportal.settings_test")

KINDS = ["Barang", "Jasa atau pelatihan", "Pekerjaan (konstruksi, perbaikan)", "Penempatan kerja", "Relawan", "Dana"]
FIELDS = ["Pendidikan", "Kesehatan", "Infrastruktur", "Olahraga dan seni budaya", "Sosial dan keagamaan", "Lainnya"]
PRIORITIES = ["Mendesak", "Tinggi", "Normal", "Rendah"]
ITEMS = [
    ("Kasur busa", "buah"),
    ("Lemari pakaian", "buah"),
    ("Pelatihan las", "orang"),
    ("Perbaikan atap asrama", "m²"),
    ("Paket sembako", "paket"),
    ("Kursi roda", "unit"),
    ("Penempatan kerja lulusan", "orang"),
    ("Relawan pendamping belajar", "orang"),
]


def build_file(facilities, rows: int, *, bad_every: int = 0) -> bytes:
    """A needs workbook as staff fill it in: rupiah as text or numbers, dates as text or dates.
    Written as the portal writes its exports and templates (``core.spreadsheets.writing.write_workbook``)."""
    from core.spreadsheets.writing import Sheet, write_workbook
    from facilities.resources import NeedResource

    randomizer = random.Random(2026)
    headers = [column.column_name for column in NeedResource.template_columns()]
    lines = []
    for number in range(rows):
        facility = facilities[number % len(facilities)]
        item, unit = ITEMS[number % len(ITEMS)]
        cost = randomizer.randrange(1, 500) * 25_000
        needed_by = datetime.date(2026, 1, 1) + datetime.timedelta(days=randomizer.randrange(0, 720))
        values = {
            "Kode Panti": facility.slug,
            "Nama Panti": facility.name,
            "Judul Kebutuhan": f"{item} {number // len(facilities) + 1:04d}",
            "Deskripsi": f"Kebutuhan {item.lower()} untuk warga binaan sosial.\nDiajukan kepala panti.",
            "Bidang": FIELDS[number % len(FIELDS)],
            "Jenis Kebutuhan": KINDS[number % len(KINDS)],
            "Jumlah": randomizer.randrange(1, 200),
            "Satuan": unit,
            "Harga Satuan (Rp)": f"Rp {cost:,}".replace(",", ".") if number % 2 else cost,
            "Prioritas": PRIORITIES[number % len(PRIORITIES)],
            "Dibutuhkan Paling Lambat": needed_by.strftime("%d/%m/%Y") if number % 3 else needed_by,
            "Penerima Manfaat": randomizer.randrange(0, 120),
            "Status": "Terbuka",
            "Tampil di Publik": "Ya" if number % 5 else "Tidak",
            "Sumber Data": "Asesmen kebutuhan panti 2026",
            "Tanggal Sumber Data": "2026-01-15",
        }
        if bad_every and number % bad_every == bad_every - 1:
            values["Jumlah"] = "empat puluh"
        lines.append([values.get(header) for header in headers])
    return write_workbook([Sheet(title="Kebutuhan", headers=headers, rows=lines)])


def registries(facility_count: int):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from agencies.models import Agency, AgencyLevel, AgencyStaff, StaffRole
    from core.roles import DINSOS_STAFF_GROUP
    from facilities.models import Facility, FacilityType
    from regions.models import Region, RegionLevel

    province = Region.objects.create(code="31", name="DKI Jakarta", level=RegionLevel.PROVINCE)
    city = Region.objects.create(code="31.75", name="Jakarta Timur", level=RegionLevel.REGENCY, parent=province)
    districts = [
        Region.objects.create(code=f"31.75.{n:02d}", name=f"Kecamatan {n}", level=RegionLevel.DISTRICT, parent=city)
        for n in range(1, 11)
    ]
    facilities = [
        Facility.objects.create(
            name=f"Panti Sosial {n:02d}",
            slug=f"panti-sosial-{n:02d}",
            facility_type=list(FacilityType)[n % len(FacilityType)],
            region=districts[n % len(districts)],
        )
        for n in range(1, facility_count + 1)
    ]
    staff = get_user_model().objects.create_user("bench-staff", is_staff=True)  # no password: force_login
    staff.groups.add(Group.objects.get(name=DINSOS_STAFF_GROUP))
    # Imports are refused to staff of no agency: the bench's clerk works for the province's Dinsos.
    agency = Agency.objects.create(
        name="Dinas Sosial Provinsi DKI Jakarta (bench)",
        short_name="Dinsos DKI",
        slug="bench-dki",
        level=AgencyLevel.PROVINCE,
        region=province,
    )
    AgencyStaff.objects.create(user=staff, agency=agency, role=StaffRole.STAFF)
    return facilities, staff


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def reset():
    from django.contrib.admin.models import LogEntry

    from core.models import ImportRecord
    from facilities.models import Need

    Need.history.all().delete()
    Need.objects.all().delete()
    ImportRecord.objects.all().delete()
    LogEntry.objects.all().delete()
    gc.collect()


PROFILE: str | None = None


def database_cpu() -> float | None:
    """CPU seconds PostgreSQL's backend process of this connection has used so far, read from
    /proc (the database on this machine); None on SQLite or a database elsewhere. The library
    arms send 10,000s of queries where ours sends hundreds: the server's work for them is CPU
    the import costs as much as the Django process's own."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    stat = Path(f"/proc/{connection.connection.info.backend_pid}/stat")
    if not stat.exists():
        return None
    # Fields 14 and 15 (utime, stime), counted after the command name in parentheses.
    fields = stat.read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(step, counter, profile_as: str | None = None):
    """Run a step: its response, wall-clock seconds, queries, CPU seconds of this process (on a
    shared machine the CPU time varies less than the wall clock) and of the database's backend
    (None where it cannot be read). With ``--profile``, the steps named ``profile_as`` are run
    under cProfile (its overhead is in their figures then)."""
    before_queries = counter.count
    profiler = cProfile.Profile() if PROFILE and profile_as else None
    database_start = database_cpu()
    start, cpu_start = time.perf_counter(), time.process_time()
    if profiler:
        response = profiler.runcall(step)
        profiler.dump_stats(f"{PROFILE}.{profile_as}")
    else:
        response = step()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    database_end = database_cpu()
    database = None if database_start is None or database_end is None else database_end - database_start
    return response, wall, counter.count - before_queries, cpu, database


def measure(client, resource_class, content, bad_content, rows):
    from django.contrib import admin
    from django.db import connection
    from django.urls import reverse

    from facilities.models import Need

    def upload(data):
        file = io.BytesIO(data)
        file.name = "kebutuhan.xlsx"
        return client.post(reverse("admin:facilities_need_import"), {"import_file": file})

    def confirm(preview):
        return client.post(reverse("admin:facilities_need_process_import"), {"record": preview.context["record"].pk})

    admin.site._registry[Need].resource_classes = [resource_class]
    reset()
    figures = {}
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        preview, figures["preview"], figures["preview queries"], figures["preview cpu"], preview_database = timed(
            lambda: upload(content), counter, "preview"
        )
        outcome = preview.context["outcome"]
        assert outcome.ok and outcome.new == rows, outcome.problem_lines()[:5]
        response, figures["confirm"], figures["confirm queries"], figures["confirm cpu"], confirm_database = timed(
            lambda: confirm(preview), counter, "confirm"
        )
        if preview_database is not None and confirm_database is not None:
            figures["database cpu"] = preview_database + confirm_database
            figures["all cpu"] = figures["preview cpu"] + figures["confirm cpu"] + figures["database cpu"]
        assert response.status_code == 302 and Need.objects.count() == rows
        preview, figures["second preview"], _queries, _cpu, _database = timed(lambda: upload(content), counter)
        figures["second run unchanged"] = preview.context["outcome"].unchanged
        response, figures["second confirm"], _queries, _cpu, _database = timed(lambda: confirm(preview), counter)
        assert response.status_code == 302
        reset()
        preview, figures["preview with failing rows"], _queries, _cpu, _database = timed(
            lambda: upload(bad_content), counter
        )
        bad = preview.context["outcome"]
        figures["failing rows reported"] = bad.failed
        figures["first problem"] = bad.problem_lines()[0]
        assert not Need.objects.exists()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--facilities", type=int, default=22)
    parser.add_argument("--database", help="a PostgreSQL URL; default: a temporary SQLite file")
    parser.add_argument(
        "--skip", action="append", default=[], metavar="ARM", help="leave out an arm, e.g. 'library defaults'"
    )
    parser.add_argument("--rounds", type=int, default=1, help="measure every arm this many times, alternating")
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="cProfile the first preview and confirmation into FILE.preview and FILE.confirm (--skip the others)",
    )
    args = parser.parse_args()
    if args.database:
        os.environ["DATABASE_URL"] = args.database
    global PROFILE  # read by timed()
    PROFILE = args.profile

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from import_export import __version__ as import_export_version
    from import_export import resources
    from import_export.instance_loaders import ModelInstanceLoader

    from facilities.models import Need
    from facilities.resources import NeedResource

    class LibraryLoadedNeedResource(NeedResource):
        """Rows found the library's way (``ModelInstanceLoader``: a query per row), each row's
        stored status noted as it is found, for the same status checks as ours (ours notes it
        while loading the file's needs at once: ``NeedResource.existing_instances``)."""

        def before_import(self, dataset, **kwargs):
            self.stored_status = {}
            super().before_import(dataset, **kwargs)

        def get_instance(self, instance_loader, row):
            instance = super().get_instance(instance_loader, row)
            if instance is not None:
                self.stored_status[instance.pk] = instance.status
            return instance

    class LibraryDefaultNeedResource(LibraryLoadedNeedResource):
        """The same columns, widgets and checks with the library's default options."""

        prefetch_lookups = False

        class Meta:
            model = Need
            import_id_fields = ("facility", "title")
            fields = NeedResource._meta.fields
            instance_loader_class = ModelInstanceLoader
            use_bulk = False
            skip_diff = False
            skip_html_diff = False
            skip_unchanged = False
            report_skipped = True
            clean_model_instances = False
            store_instance = False

    class LibraryTunedNeedResource(LibraryLoadedNeedResource):
        """The same columns, widgets and checks with the library's options for speed."""

        prefetch_lookups = False

        class Meta:
            model = Need
            import_id_fields = ("facility", "title")
            fields = NeedResource._meta.fields
            instance_loader_class = ModelInstanceLoader
            use_bulk = True
            batch_size = 1000
            skip_diff = True
            skip_unchanged = True
            report_skipped = True
            clean_model_instances = False
            store_instance = False

        # The library's own: with skip_diff there is no original to compare with, so no row
        # is skipped (ours compares with a snapshot of the row instead).
        skip_row = resources.ModelResource.skip_row

        # The library's dry run inserts and rolls back (import_data); ours writes nothing. The
        # writes themselves are ours, with history rows, as the portal needs.
        def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
            super().bulk_create(using_transactions, False, raise_errors, batch_size=batch_size, result=result)

        def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
            super().bulk_update(using_transactions, False, raise_errors, batch_size=batch_size, result=result)

    class LibraryTunedPrimedNeedResource(LibraryTunedNeedResource):
        """Tuned, with the facilities and fields loaded once into a dictionary."""

        prefetch_lookups = True

    setup_test_environment(debug=False)
    database = connection.settings_dict
    temporary = None
    if database["ENGINE"].endswith("sqlite3"):
        # A file, like the portal's own SQLite database (the test default would be in memory).
        temporary = tempfile.NamedTemporaryFile(suffix=".sqlite3", delete=False)  # noqa: SIM115
        database["TEST"]["NAME"] = temporary.name
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        facilities, staff = registries(args.facilities)
        content = build_file(facilities, args.rows)
        bad_content = build_file(facilities, args.rows, bad_every=100)
        client = Client()
        client.force_login(staff)
        arms = {
            "library defaults": LibraryDefaultNeedResource,
            "library tuned": LibraryTunedNeedResource,
            "library tuned, lookups loaded once": LibraryTunedPrimedNeedResource,
            "ours": NeedResource,
        }
        results: dict[str, dict] = {}
        # Rounds alternate the arms, so that each sees the machine's load of the same minutes;
        # each figure is the best of the rounds.
        for _round in range(args.rounds):
            for name, resource_class in arms.items():
                if name in args.skip:
                    continue
                print(f"measuring {name} ...", flush=True)
                figures = measure(client, resource_class, content, bad_content, args.rows)
                seconds = figures.get("database cpu")
                database_note = "" if seconds is None else f" (and the database's {seconds:.1f} s)"
                print(
                    f"  preview {figures['preview']:.1f} s, confirm {figures['confirm']:.1f} s, "
                    f"CPU {figures['preview cpu'] + figures['confirm cpu']:.1f} s{database_note}, "
                    f"again {figures['second preview'] + figures['second confirm']:.1f} s, "
                    f"failing preview {figures['preview with failing rows']:.1f} s",
                    flush=True,
                )
                best = results.setdefault(name, figures)
                for key, value in figures.items():
                    if isinstance(value, float):
                        best[key] = min(best[key], value)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if temporary is not None:
            Path(temporary.name).unlink(missing_ok=True)

    vendor = "PostgreSQL" if "postgresql" in database["ENGINE"] else "SQLite (file)"
    print(f"\n{args.rows:,} rows, {args.facilities} facilities, {len(content) // 1024} KB xlsx; {vendor};")
    print(
        f"Python {platform.python_version()}, django-import-export {import_export_version}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end\n"
    )
    report(results)


def report(results: dict[str, dict]) -> None:
    """A Markdown table: one column per arm, then the best library arm divided by ours."""
    for figures in results.values():
        figures["total"] = figures["preview"] + figures["confirm"]
        figures["second"] = figures["second preview"] + figures["second confirm"]
        figures["cpu"] = figures["preview cpu"] + figures["confirm cpu"]
    library = [name for name in results if name != "ours"]
    ours = results.get("ours")
    print("| step | " + " | ".join(results) + (" | best library arm ÷ ours |" if ours and library else " |"))
    print("| --- |" + " ---: |" * len(results) + (" ---: |" if ours and library else ""))
    failing = next(iter(results.values()))["failing rows reported"]
    for label, key, bold in [
        ("preview (upload, read, dry run, page)", "preview", False),
        ("confirm (import, history, admin log)", "confirm", False),
        ("preview + confirm", "total", True),
        ("same file again, preview + confirm", "second", False),
        (f"preview of the file with {failing} failing rows", "preview with failing rows", False),
        ("CPU of the Django process, preview + confirm", "cpu", False),
        *(
            [
                ("CPU of PostgreSQL's backend for it, preview + confirm", "database cpu", False),
                ("CPU of both, preview + confirm", "all cpu", True),
            ]
            if all("all cpu" in figures for figures in results.values())
            else []
        ),
    ]:
        mark = "**" if bold else ""
        cells = [f"{mark}{figures[key]:.1f} s{mark}" for figures in results.values()]
        line = f"| {mark}{label}{mark} | " + " | ".join(cells) + " |"
        if ours and library:
            best = min(results[name][key] for name in library)
            line += f" {mark}{best / ours[key]:.1f}×{mark} |"
        print(line)
    queries = [f"{figures['preview queries']:,} / {figures['confirm queries']:,}" for figures in results.values()]
    print("| queries, preview / confirm | " + " | ".join(queries) + (" | |" if ours and library else " |"))
    print()
    for name, figures in results.items():
        print(
            f"{name}: second run, rows reported unchanged {figures['second run unchanged']:,}; "
            f"failing rows reported {figures['failing rows reported']}; first: {figures['first problem']}"
        )


if __name__ == "__main__":
    main()
