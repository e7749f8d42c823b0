"""Benchmark of issue 23 (items 2 and 3): the reports' figures after a write, and the staff pages
at national scale. Run on demand, never in the tests.

    createdb -h 127.0.0.1 -U postgres csr_staff_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/csr_staff_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_regions --all
    .venv/bin/python manage.py generate_bench_data   # 10k facilities, 100k needs, 5k companies, 200k pledges
    .venv/bin/python bench/staff_pages.py [--samples 5] [--label after]

The first run adds what ``bench/reports_dashboard.py`` adds (delivery reports, poverty figures,
forum members). Whole requests (middleware, view, template) go through Django's test client
under ``bench.settings`` (production settings, DEBUG off) in this one process: the times are
server times without the network, and the CPU each request costs in Django and in its
PostgreSQL backend (``bench/cpu.py``, parallel workers off), the figure to compare on a shared
machine. Three parts:

1. Staff pages, warm: median and worst of ``--samples`` requests, and the queries of each.
2. After a write (a need saved, as an edit in the admin does): the first request of each page
   of figures; then, for the snapshot design (reports.figures), what the background task
   ``refresh_figures`` takes to rebuild the snapshots, which no visitor waits for.
3. 16 visitors at once right after a write (16 threads, each its own connection, in this one
   process: they share its interpreter lock, as 16 requests share a worker's CPU): every
   request's time for ``/reports/``; with snapshots, again right after the background rebuild.

The same script runs against an older checkout (``PYTHONPATH=<checkout>``) for the "before"
column: where ``reports.figures`` does not exist, part 2 has no background step.
"""

import argparse
import os
import platform
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(os.environ.get("BENCH_CODE", Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.cpu import cpu_ms, serial_database  # noqa: E402
from bench.reports_dashboard import enrich  # noqa: E402
from facilities.models import Need, NeedStatus  # noqa: E402
from partners.models import Company, Officer  # noqa: E402

try:
    from reports import figures
except ImportError:  # the code before issue 23's snapshots
    figures = None

VISITORS = 16


def enrich_once() -> None:
    enrich(random.Random(11))  # what bench/reports_dashboard.py adds, once


def request(client: Client, url: str) -> tuple[float, int, int]:
    """Milliseconds, queries and bytes of one whole request (a streamed body read to its end)."""
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url)
        size = sum(len(chunk) for chunk in response.streaming_content) if response.streaming else len(response.content)
        elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries.captured_queries), size


def write() -> None:
    """An edit of one open need, saved as the admin saves it (signals, commit)."""
    need = Need.objects.filter(status=NeedStatus.OPEN).order_by("pk").first()
    need.beneficiaries += 1
    need.save()


def at_once(url: str) -> list[float]:
    barrier = threading.Barrier(VISITORS)
    times: list[float] = [0.0] * VISITORS

    def visit(index: int) -> None:
        client = Client(SERVER_NAME="localhost")
        client.get("/healthz")  # its own connection, opened before the race
        barrier.wait()
        start = time.perf_counter()
        response = client.get(url)
        times[index] = (time.perf_counter() - start) * 1000
        assert response.status_code == 200
        connections.close_all()

    threads = [threading.Thread(target=visit, args=(index,)) for index in range(VISITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--label", default="after" if figures else "before")
    args = parser.parse_args()
    enrich_once()

    User = get_user_model()
    staff = Client(SERVER_NAME="localhost")
    staff.force_login(User.objects.get(username="bench-reports"))
    officer = Officer.objects.select_related("user").first()
    partner = None
    if officer is None:
        company = Company.objects.order_by("pk").first()
        user, _ = User.objects.get_or_create(username="bench-officer", defaults={"email": "officer@example.org"})
        officer = Officer.objects.create(user=user, company=company)
    partner = Client(SERVER_NAME="localhost")
    partner.force_login(officer.user)
    anonymous = Client(SERVER_NAME="localhost")
    need = Need.objects.filter(status=NeedStatus.OPEN).order_by("-pk").first()
    year = timezone.localdate().year

    pages = [
        ("staff dashboard, whole country, all years", staff, "/admin/reports/dashboard/"),
        ("needs changelist", staff, "/admin/facilities/need/"),
        ("needs changelist, search 'kasur'", staff, "/admin/facilities/need/?q=kasur"),
        ("needs changelist, SDG goal 1", staff, "/admin/facilities/need/?sdg_goals__number__exact=1"),
        ("matching screen of one need", staff, f"/admin/facilities/need/{need.pk}/match/"),
        ("delivery reports changelist", staff, "/admin/matching/deliveryreport/"),
        ("delivery reports awaiting verification", staff, "/admin/matching/deliveryreport/?status__exact=submitted"),
        ("facilities changelist", staff, "/admin/facilities/facility/"),
        ("pledges changelist", staff, "/admin/matching/pledge/"),
        (f"Forum TSLP report {year}", staff, f"/reports/forum/{year}/"),
        (f"Forum TSLP xlsx {year}", staff, f"/reports/forum/{year}.xlsx"),
        ("partner's needs page", partner, "/partner/needs/"),
        ("partner's new program form", partner, "/partner/programs/new/"),
        ("/needs.csv (every public need)", anonymous, "/needs.csv"),
        ("/reports/ (anonymous)", anonymous, "/reports/"),
    ]
    print(f"## {args.label}: {platform.node()}, {os.cpu_count()} cores, {connection.vendor}, code {ROOT}")
    print(f"needs {Need.objects.count():,}, companies {Company.objects.count():,}\n")
    print("| page | median ms | worst ms | CPU ms Django | CPU ms PostgreSQL | queries | kB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, client, url in pages:
        request(client, url)  # warm: templates, first build of a snapshot
        results, costs = [], []
        with serial_database(connection):
            for _ in range(args.samples):
                costs.append(
                    cpu_ms(
                        connection, lambda client=client, url=url, results=results: results.append(request(client, url))
                    )
                )
        times = [result[0] for result in results]
        counts = sorted({result[1] for result in results})
        database = [cost[1] for cost in costs if cost[1] is not None]
        print(
            f"| {name} | {statistics.median(times):.0f} | {max(times):.0f} | "
            f"{statistics.median(cost[0] for cost in costs):.0f} | "
            f"{statistics.median(database) if database else float('nan'):.0f} | "
            f"{'/'.join(map(str, counts))} | {results[-1][2] / 1024:.0f} |"
        )

    print("\nFirst request after a write (a need saved):\n")
    print("| page | ms | CPU ms Django | CPU ms PostgreSQL | queries |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, client, url in [
        ("/reports/ (anonymous)", anonymous, "/reports/"),
        ("staff dashboard, whole country", staff, "/admin/reports/dashboard/"),
        (f"Forum TSLP report {year}", staff, f"/reports/forum/{year}/"),
    ]:
        write()
        holder = []
        django_ms, database_ms = cpu_ms(
            connection, lambda client=client, url=url, holder=holder: holder.append(request(client, url))
        )
        elapsed, count, _size = holder[0]
        print(f"| {name} | {elapsed:.0f} | {django_ms:.0f} | {database_ms or 0:.0f} | {count} |")
    if figures is not None:
        start = time.perf_counter()
        built = figures.refresh_figures.call()
        print(f"\nBackground task refresh_figures: {built} snapshots rebuilt in {time.perf_counter() - start:.1f} s.")

    for _ in range(2):  # the page built again from the new snapshots, then kept
        request(Client(SERVER_NAME="localhost"), "/reports/")
    write()
    report_at_once("right after a write")
    if figures is not None:
        figures.refresh_figures.call()
        report_at_once("right after the background rebuild (the kept page is built again)")


def report_at_once(moment: str) -> None:
    times = at_once("/reports/")
    print(
        f"\n{VISITORS} visitors at once on /reports/ {moment}: "
        f"median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms "
        f"(all: {', '.join(f'{t:.0f}' for t in times)})"
    )


if __name__ == "__main__":
    main()
