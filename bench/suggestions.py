"""Benchmark of the suggestion ranking at national scale. Run on demand, never in the tests.

    createdb -h 127.0.0.1 -U postgres csr_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/csr_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_regions --all
    .venv/bin/python manage.py generate_bench_data      # 10k facilities, 100k needs, 5k companies, 200k pledges
    .venv/bin/python bench/suggestions.py [--samples 30]

It gives the bench companies focus fields, preferred regions and active programs (once; the
data set itself has none), then times ``suggest_companies_for_need`` (one need among all
companies) and ``suggest_needs_for_company`` (one company among all open needs) on random
samples, and counts their queries. A second pass over the same samples measures what each call
costs in CPU, in Django and in its PostgreSQL backend (parallel workers off for that pass): on
this shared machine that is the figure to compare across runs. Prints a Markdown table for
docs/performance.md.
"""

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csrportal.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.cpu import cpu_ms, serial_database  # noqa: E402
from core.models import CsrField  # noqa: E402
from facilities.models import Need  # noqa: E402
from matching.selectors import explain_need_suggestions, suggest_companies_for_need, suggest_needs_for_company  # noqa: E402
from partners.models import Company  # noqa: E402
from programs.models import Program, ProgramForm, ProgramStatus  # noqa: E402
from regions.models import Region, RegionLevel  # noqa: E402


def enrich_companies(rng: random.Random) -> None:
    """Focus fields, preferred regions and programs for companies that have none."""
    if Company.focus_fields.through.objects.exists():
        return
    fields = list(CsrField.objects.values_list("code", flat=True))
    regencies = list(Region.objects.filter(level=RegionLevel.REGENCY).values_list("code", flat=True))
    companies = list(Company.objects.values_list("pk", flat=True))
    focus, preferred, programs = [], [], []
    for company_id in companies:
        for code in rng.sample(fields, rng.randint(1, 3)):
            focus.append(Company.focus_fields.through(company_id=company_id, csrfield_id=code))
        for regency in rng.sample(regencies, rng.randint(1, 3)):
            # Half prefer a whole regency, half one of its districts.
            preferred.append(Company.preferred_regions.through(company_id=company_id, region_id=regency))
        if rng.random() < 0.6:
            programs.append(
                Program(
                    company_id=company_id,
                    title=f"Program CSR {company_id}",
                    form=rng.choice(ProgramForm.values),
                    budget=rng.choice([250, 500, 1000, 5000]) * 1_000_000,
                    start_date="2026-01-01",
                    status=ProgramStatus.ACTIVE,
                )
            )
    with transaction.atomic():
        Company.focus_fields.through.objects.bulk_create(focus, batch_size=5000)
        Company.preferred_regions.through.objects.bulk_create(preferred, batch_size=5000, ignore_conflicts=True)
        Program.objects.bulk_create(programs, batch_size=5000)
        program_fields = [
            Program.fields.through(program_id=program.pk, csrfield_id=rng.choice(fields))
            for program in Program.objects.filter(title__startswith="Program CSR ")
        ]
        Program.fields.through.objects.bulk_create(program_fields, batch_size=5000)


def measure(call) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        call()
        elapsed = time.perf_counter() - start
    return elapsed * 1000, len(queries.captured_queries)


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered):.0f} ms | {p95:.0f} ms | {max(ordered):.0f} ms"


def cpu_summary(calls: list) -> str:
    """Median CPU of the calls: Django + database."""
    with serial_database(connection):
        costs = [cpu_ms(connection, call) for call in calls]
    django_ms = statistics.median(cost[0] for cost in costs)
    database = [cost[1] for cost in costs if cost[1] is not None]
    database_ms = f"{statistics.median(database):.0f} ms" if database else "?"
    return f"{django_ms:.0f} ms + {database_ms}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    enrich_companies(rng)

    counts = {
        "companies": Company.objects.count(),
        "needs": Need.objects.count(),
        "open public needs": Need.objects.public().open().count(),
    }
    need_ids = list(Need.objects.public().open().values_list("pk", flat=True))
    company_ids = list(Company.objects.values_list("pk", flat=True))

    need_times, need_queries, need_calls = [], set(), []
    for need_id in rng.sample(need_ids, args.samples):
        need = Need.objects.select_related("facility", "field").get(pk=need_id)
        need_calls.append(lambda need=need: suggest_companies_for_need(need))
        elapsed, queries = measure(need_calls[-1])
        need_times.append(elapsed)
        need_queries.add(queries)

    company_times, company_queries, company_calls = [], set(), []
    for company_id in rng.sample(company_ids, args.samples):
        company = Company.objects.get(pk=company_id)

        def rank(company=company):
            needs = suggest_needs_for_company(company).select_related("facility__region", "field")
            return explain_need_suggestions(list(needs))

        company_calls.append(rank)
        elapsed, queries = measure(rank)
        company_times.append(elapsed)
        company_queries.add(queries)

    version = connection.pg_version if connection.vendor == "postgresql" else ""
    print(f"Data: {counts}; database: {connection.vendor} {version}")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print()
    print(f"Load average before: {' / '.join(f'{value:.1f}' for value in os.getloadavg())}")
    print()
    print("| ranking | samples | median | p95 | max | CPU: Django + database | queries |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(
        f"| one need among {counts['companies']:,} companies (top 20) | {args.samples} | "
        f"{summary(need_times)} | {cpu_summary(need_calls)} | {'/'.join(map(str, sorted(need_queries)))} |"
    )
    print(
        f"| one company among {counts['open public needs']:,} open needs (top 20) | {args.samples} | "
        f"{summary(company_times)} | {cpu_summary(company_calls)} | {'/'.join(map(str, sorted(company_queries)))} |"
    )
    print()
    print(f"Load average after: {' / '.join(f'{value:.1f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
