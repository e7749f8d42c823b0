"""Before/after comparison of two versions of the portal on the same data, interleaved.

On a machine shared with other work the load changes from minute to minute, so two benchmark
runs a few minutes apart measure the load as much as the code. This script alternates the two
versions case by case (the order flips every round) and compares what each case costs in CPU,
in Django and in its PostgreSQL backend (parallel workers off), which the load disturbs far
less than the wall clock.

    git archive <before> | tar -x -C /tmp/before      # two clean exports
    git archive <after> | tar -x -C /tmp/after
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/csr_reports_bench
    .venv/bin/python bench/ab.py /tmp/before /tmp/after [--rounds 4]

The database is the one of bench/reports_dashboard.py, after both it and bench/suggestions.py
have run once (they add the delivery reports, poverty figures, focus fields and programs).
Each case runs in a fresh process of the version under test (``--case``); the cases are the
report pages of bench/reports_dashboard.py and the two rankings of bench/suggestions.py.
Prints a Markdown table for docs/performance.md: medians over the rounds, and the ratio after /
before with its range over the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH_USER = "bench-reports"
YEAR = 2026
CASES = {
    "staff dashboard, whole country, all years": "/admin/reports/dashboard/",
    f"staff dashboard, whole country, {YEAR}": f"/admin/reports/dashboard/?year={YEAR}",
    f"staff dashboard, Jawa Timur, Q1 {YEAR}": f"/admin/reports/dashboard/?year={YEAR}&quarter=1&region=35",
    f"staff dashboard, Kabupaten Pacitan, {YEAR}": f"/admin/reports/dashboard/?year={YEAR}&region=35.01",
    "public summary, whole country, all years": "/reports/",
    f"Forum TSLP report {YEAR}": f"/reports/forum/{YEAR}/",
    f"Forum TSLP report {YEAR}, xlsx": f"/reports/forum/{YEAR}.xlsx",
    "suggestions: one need among all companies": "need",
    "suggestions: one company among all open needs": "company",
}
SAMPLES = {"need": 20, "company": 10}


def run_case(case: str, samples: int) -> dict:
    """In the version found in the current directory: median wall and CPU ms of ``case``."""
    sys.path[0] = os.getcwd()  # the version under test, not this script's directory
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    import random

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    if case in ("need", "company"):
        from facilities.models import Need
        from matching.selectors import explain_need_suggestions, suggest_companies_for_need, suggest_needs_for_company
        from partners.models import Company

        rng = random.Random(5)
        if case == "need":
            ids = rng.sample(sorted(Need.objects.public().open().values_list("pk", flat=True)), samples)
            needs = [Need.objects.select_related("facility", "field").get(pk=pk) for pk in ids]
            calls = [lambda need=need: suggest_companies_for_need(need) for need in needs]
        else:
            ids = rng.sample(sorted(Company.objects.values_list("pk", flat=True)), samples)
            companies = [Company.objects.get(pk=pk) for pk in ids]

            def rank(company):
                needs = suggest_needs_for_company(company).select_related("facility__region", "field")
                return explain_need_suggestions(list(needs))

            calls = [lambda company=company: rank(company) for company in companies]
    else:
        client = Client(SERVER_NAME="localhost")
        client.force_login(get_user_model().objects.get(username=BENCH_USER))

        def get():
            response = client.get(case)
            assert response.status_code == 200, (case, response.status_code)

        calls = [get] * samples

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat_path = f"/proc/{cursor.fetchone()[0]}/stat"
        cursor.execute("SET max_parallel_workers_per_gather = 0")

    def backend_cpu() -> float:
        with open(stat_path) as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    calls[0]()  # warm up: templates, caches
    wall, django_ms, database_ms = [], [], []
    for call in calls:
        backend, process, start = backend_cpu(), time.process_time(), time.perf_counter()
        call()
        wall.append((time.perf_counter() - start) * 1000)
        django_ms.append((time.process_time() - process) * 1000)
        database_ms.append((backend_cpu() - backend) * 1000)
    return {
        "wall": statistics.median(wall),
        "django": statistics.median(django_ms),
        "database": statistics.median(database_ms),
    }


def measure(tree: Path, case: str) -> dict:
    output = subprocess.run(  # noqa: S603 (this script, with the cases of CASES)
        [sys.executable, str(Path(__file__).resolve()), "--case", case, "--samples", str(SAMPLES.get(case, 5))],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", nargs="?", type=Path)
    parser.add_argument("after", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--samples", type=int, default=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.samples)))
        return
    if args.before is None or args.after is None:
        parser.error("give the directories of the two versions")

    results: dict[str, dict[str, list[dict]]] = {label: {"before": [], "after": []} for label in CASES}
    loads = [os.getloadavg()[0]]
    for round_number in range(args.rounds):
        order = ("before", "after") if round_number % 2 == 0 else ("after", "before")
        for label, case in CASES.items():
            for version in order:
                tree = args.before if version == "before" else args.after
                results[label][version].append(measure(tree, case))
        loads.append(os.getloadavg()[0])

    print(f"Machine: {os.cpu_count()} cores; load average (1 min) {min(loads):.1f} to {max(loads):.1f}")
    print(f"Rounds: {args.rounds}, each case before and after in turn")
    print()
    print(
        "| case | CPU before: Django + database | CPU after | ratio after / before (range) | wall before | wall after |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, runs in results.items():

        def total(run):
            return run["django"] + run["database"]

        ratios = [total(after) / total(before) for before, after in zip(runs["before"], runs["after"], strict=True)]
        cells = []
        for version in ("before", "after"):
            django_ms = statistics.median(run["django"] for run in runs[version])
            database_ms = statistics.median(run["database"] for run in runs[version])
            cells.append(f"{django_ms:.0f} + {database_ms:.0f} ms")
        walls = [f"{statistics.median(run['wall'] for run in runs[version]):.0f} ms" for version in ("before", "after")]
        print(
            f"| {label} | {cells[0]} | {cells[1]} | {statistics.median(ratios):.2f} "
            f"({min(ratios):.2f}–{max(ratios):.2f}) | {walls[0]} | {walls[1]} |"
        )


if __name__ == "__main__":
    main()
