"""Benchmark of the reports at national scale. Run on demand, never in the tests.

    createdb -h 127.0.0.1 -U postgres csr_reports_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/csr_reports_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_regions --all
    .venv/bin/python manage.py generate_bench_data   # 10k facilities, 100k needs, 5k companies, 200k pledges
    .venv/bin/python bench/reports_dashboard.py [--samples 10]

``generate_bench_data`` writes pledges with their reported and verified quantities but no
delivery reports, poverty figures or expected dates. The first run adds them (once, in bulk,
consistent with the pledges): a verified and an awaiting report per pledge as its quantities
say, expected delivery dates on covering pledges, DTKS figures for 2025 and 2026 in nine
districts out of ten, and 10% of companies in the Forum TSLP. Then it times whole requests
(middleware, view, template) through Django's test client under ``bench.settings`` (the
production settings: DEBUG off), as a logged-in superuser, counts their queries, and measures
the CPU time each request costs in Django and in its PostgreSQL backend (parallel workers off
for that pass). Prints a Markdown table for docs/performance.md.
"""

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Production-like settings (DEBUG off), as bench/public_site.py uses.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from agencies.models import (  # noqa: E402
    Agency,
    AgencyLevel,
    StaffRole,
)
from agencies.services import staff_assign  # noqa: E402
from bench.cpu import cpu_ms, serial_database  # noqa: E402
from matching.models import COVERING_STATES, DeliveryReport, DeliveryStatus, Pledge  # noqa: E402
from partners.models import Company, Partnership  # noqa: E402
from regions.models import PovertyFigure, PovertySource, Region, RegionLevel  # noqa: E402

BENCH_USER = "bench-reports"


def enrich(rng: random.Random) -> None:
    """Delivery reports, poverty figures, expected dates and forum members, once."""
    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_USER, defaults={"is_staff": True, "is_superuser": True, "email": "bench@example.org"}
    )
    if DeliveryReport.objects.exists():
        return
    today = timezone.localdate()
    now = timezone.now()
    with transaction.atomic():
        districts = list(Region.objects.filter(level=RegionLevel.DISTRICT).values_list("code", flat=True))
        figures = []
        for code in districts:
            if rng.random() < 0.1:
                continue  # one district in ten has no figures: "unknown" in the reports
            households = rng.randint(50, 6000)
            for year in (2025, 2026):
                figures.append(
                    PovertyFigure(
                        region_id=code,
                        year=year,
                        poor_households=max(1, int(households * rng.uniform(0.9, 1.1))),
                        poor_individuals=households * 3,
                        source=PovertySource.DTKS,
                        source_date=datetime.date(year, 6, 30),
                    )
                )
        PovertyFigure.objects.bulk_create(figures, batch_size=5000)

        reports = []
        rows = Pledge.objects.filter(quantity_reported__gt=0).values_list(
            "pk", "quantity", "value", "quantity_reported", "quantity_verified", "created_at"
        )
        for pk, quantity, value, reported, verified, created_at in rows.iterator(chunk_size=5000):
            unit_value = value // quantity if quantity else 0
            delivered_on = min(today, created_at.date() + datetime.timedelta(days=rng.randint(5, 90)))
            for part, status in ((verified, DeliveryStatus.VERIFIED), (reported - verified, DeliveryStatus.SUBMITTED)):
                if part <= 0:
                    continue
                reports.append(
                    DeliveryReport(
                        pledge_id=pk,
                        delivered_on=delivered_on,
                        quantity=part,
                        value=unit_value * part,
                        beneficiaries_reached=part,
                        status=status,
                        reported_by=user,
                        verified_by=user if status == DeliveryStatus.VERIFIED else None,
                        verified_at=now if status == DeliveryStatus.VERIFIED else None,
                    )
                )
        DeliveryReport.objects.bulk_create(reports, batch_size=5000)
        with connection.cursor() as cursor:
            # Expected 20–80 days after the pledge was made: some reports late, some deliveries overdue.
            cursor.execute(
                "UPDATE matching_pledge SET expected_delivery_date = (created_at AT TIME ZONE %s)::date "
                "+ (20 + id %% 61)::integer WHERE status = ANY(%s)",
                [settings.TIME_ZONE, list(COVERING_STATES)],
            )
        forum = Agency.objects.exclude(region__isnull=True).order_by("pk").first()
        if forum is not None:
            members = Company.objects.order_by("?").values_list("pk", flat=True)[:500]
            Partnership.objects.bulk_create(
                [Partnership(agency=forum, company_id=pk, forum_member=True) for pk in members],
                ignore_conflicts=True,
            )
    print(f"Added {len(figures)} poverty figures and {len(reports)} delivery reports.")


def timed(client: Client, url: str, samples: int) -> tuple[list[float], set[int]]:
    client.get(url)  # warm up: templates, connection
    times, query_counts = [], set()
    for _ in range(samples):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        times.append(elapsed * 1000)
        query_counts.add(len(queries.captured_queries))
    return times, query_counts


def cpu_work(client: Client, url: str, samples: int) -> tuple[float, float | None]:
    """Median CPU milliseconds of one request: this process (Django) and the database backend,
    with PostgreSQL's parallel workers off so that the backend does all the database's work.
    On a shared machine this is what the request costs, whatever the other processes do."""
    with serial_database(connection):
        costs = [cpu_ms(connection, lambda: client.get(url)) for _ in range(samples)]
    database_ms = [cost[1] for cost in costs if cost[1] is not None]
    return statistics.median(cost[0] for cost in costs), statistics.median(database_ms) if database_ms else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=10)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    enrich(rng)

    client = Client(SERVER_NAME="localhost")
    client.force_login(get_user_model().objects.get(username=BENCH_USER))
    province = (
        Region.objects.filter(level=RegionLevel.PROVINCE, code="35").first() or Region.objects.provinces().first()
    )
    regency = Region.objects.filter(parent=province).order_by("code").first()
    year = timezone.localdate().year
    # Staff of a province's and of a regency's agency: their dashboards are scoped to their area.
    agency_clients = {}
    for place, level in ((province, AgencyLevel.PROVINCE), (regency, AgencyLevel.REGENCY)):
        agency, _ = Agency.objects.get_or_create(
            region=place,
            defaults={
                "name": f"Bench Dinsos {place.name} ({place.code})",
                "short_name": f"Bench {place.code}",
                "slug": f"bench-agency-{place.code.replace('.', '-')}",
                "level": level,
            },
        )
        user, _ = get_user_model().objects.get_or_create(
            username=f"bench-staff-{place.code}", defaults={"is_staff": True, "email": f"{place.code}@example.org"}
        )
        staff_assign(user=user, agency=agency, role=StaffRole.STAFF)
        agency_clients[level] = Client(SERVER_NAME="localhost")
        agency_clients[level].force_login(user)
    urls = [
        ("staff dashboard, whole country, all years", "/admin/reports/dashboard/"),
        (f"staff dashboard, whole country, {year}", f"/admin/reports/dashboard/?year={year}"),
        (
            f"staff dashboard, {province.name}, Q1 {year}",
            f"/admin/reports/dashboard/?year={year}&quarter=1&region={province.code}",
        ),
        (f"staff dashboard, {regency.name}, {year}", f"/admin/reports/dashboard/?year={year}&region={regency.code}"),
        (
            f"agency staff of {province.name}: own dashboard, {year}",
            f"/admin/reports/dashboard/?year={year}",
            agency_clients[AgencyLevel.PROVINCE],
        ),
        (
            f"agency staff of {regency.name}: own dashboard, {year}",
            f"/admin/reports/dashboard/?year={year}",
            agency_clients[AgencyLevel.REGENCY],
        ),
        ("public summary, whole country, all years", "/reports/"),
        (f"Forum TSLP report {year} (500 members)", f"/reports/forum/{year}/"),
        (f"Forum TSLP report {year}, xlsx", f"/reports/forum/{year}.xlsx"),
    ]
    counts = {
        "regions": Region.objects.count(),
        "poverty figures": PovertyFigure.objects.count(),
        "pledges": Pledge.objects.count(),
        "delivery reports": DeliveryReport.objects.count(),
    }
    print(f"Data: {counts}; database: {connection.vendor} {getattr(connection, 'pg_version', '')}")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print()
    print(f"Load average before: {' / '.join(f'{value:.1f}' for value in os.getloadavg())}")
    print()
    print("| request | samples | median | p95 | max | CPU: Django + database | queries |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, url, *who in urls:
        as_client = who[0] if who else client
        times, queries = timed(as_client, url, args.samples)
        django_ms, database_ms = cpu_work(as_client, url, args.samples)
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        database = f"{database_ms:.0f} ms" if database_ms is not None else "?"
        print(
            f"| {label} | {args.samples} | {statistics.median(ordered):.0f} ms | {p95:.0f} ms | "
            f"{max(ordered):.0f} ms | {django_ms:.0f} ms + {database} | {'/'.join(map(str, sorted(queries)))} |"
        )
    print()
    print(f"Load average after: {' / '.join(f'{value:.1f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
