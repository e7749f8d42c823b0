"""A load test: 100 simulated visitors for 60 s against the production server (`make serve`:
deploy/serve.sh, gunicorn and the worker) on PostgreSQL and Redis, with Locust
(bench/locustfile.py; pinned in requirements-bench.txt). Run on demand, never in the tests:

    .venv/bin/pip install -r requirements-bench.txt
    .venv/bin/python bench/public_site.py --prepare --database-url postgres://postgres@127.0.0.1:5432/csr_bench
    .venv/bin/python bench/load_test.py --database-url postgres://postgres@127.0.0.1:5432/csr_bench \\
        --redis-url redis://127.0.0.1:6379/5

It adds BENCH_OFFICERS officer accounts to the benchmark data (bench-officer-NN@bench.invalid,
the bench-only password below: never on a real database), starts the server as production
runs it (DJANGO_DEBUG=0, behind a proxy that says HTTPS), runs Locust headless and prints
p50 and p95 per page and the number of failed requests; it fails if any request failed.
"""

# Runs the project's own manage.py, serve.sh and locust with fixed arguments: no untrusted input.
# ruff: noqa: S603, S607

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
BENCH_PASSWORD = "bench-only-password-never-in-production"  # noqa: S105 (benchmark accounts only)
BENCH_OFFICERS = 20

SETUP = f"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import F
from facilities.models import Facility, Need
from partners.models import Company, CompanyStatus, Officer, OfficerRole

User = get_user_model()
password = make_password({BENCH_PASSWORD!r})  # one hash for every bench account
officers = []
companies = Company.objects.filter(status=CompanyStatus.ACTIVE, slug__startswith="bench-").order_by("id")
for index, company in enumerate(companies[:{BENCH_OFFICERS}]):
    email = f"bench-officer-{{index:02d}}@bench.invalid"
    user, _ = User.objects.get_or_create(username=email, defaults={{"email": email, "password": password}})
    Officer.objects.get_or_create(user=user, defaults={{"company": company, "role": OfficerRole.COORDINATOR}})
    officers.append(email)
public = Need.objects.public().open().order_by("?").values_list("pk", flat=True)
roomy = public.filter(quantity__gte=F("quantity_pending") + F("quantity_covered") + 50)
print(json.dumps({{
    "officers": officers,
    "password": {BENCH_PASSWORD!r},
    "needs": list(public[:300]),
    "open_needs": list(roomy[:300]),
    "facilities": list(Facility.objects.published().order_by("?").values_list("slug", flat=True)[:200]),
}}))
"""


def wait_for(url: str, server: subprocess.Popen) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit("the server stopped")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own server)
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not answer")


def percentiles(stats_csv: Path) -> list[dict]:
    with stats_csv.open() as handle:
        return list(csv.DictReader(handle))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""), required=False)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--port", type=int, default=8777)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--duration", default="60s")
    parser.add_argument("--workers", default="", help="GUNICORN_WORKERS (default: deploy/gunicorn.conf.py's)")
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("--database-url (PostgreSQL, with generate_bench_data loaded) is needed")

    static_root = tempfile.mkdtemp(prefix="csrportal-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "csrportal.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-never-used-in-production-0123456789abcdef",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "1",
        "AXES_PROXY_COUNT": "1",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "DJANGO_STATIC_ROOT": static_root,
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "BIN": str(PYTHON.parent),
    }
    if args.workers:
        env["GUNICORN_WORKERS"] = args.workers
    print("preparing the bench accounts and pages", flush=True)
    targets = (
        subprocess.run(
            [str(PYTHON), "manage.py", "shell", "-c", SETUP],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )

    # What `make serve` runs: migrate --check, collectstatic, gunicorn and the worker.
    server = subprocess.Popen(["deploy/serve.sh"], cwd=ROOT, env=env, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{args.port}/healthz", server)
        prefix = Path(tempfile.mkdtemp(prefix="csrportal-locust-")) / "run"
        started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        subprocess.run(
            [
                str(PYTHON.parent / "locust"),
                "-f",
                "bench/locustfile.py",
                "--headless",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                args.duration,
                "--host",
                f"http://127.0.0.1:{args.port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={**env, "BENCH_TARGETS": targets},
            check=False,
        )
        with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=10) as response:
            health = json.loads(response.read())
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)

    rows = percentiles(Path(f"{prefix}_stats.csv"))
    failures = sum(int(row["Failure Count"]) for row in rows if row["Name"] == "Aggregated")
    print()
    print(f"Locust: {args.users} users, spawn rate {args.spawn_rate}/s, {args.duration}, started {started}")
    print(f"healthz after the run: {health}")
    print()
    print("| page | requests | failures | requests/s | p50 ms | p95 ms | p99 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | {float(row['Requests/s']):.1f} | "
            f"{row['50%']} | {row['95%']} | {row['99%']} | {float(row['Max Response Time']):.0f} |"
        )
    if failures:
        raise SystemExit(f"{failures} requests failed")


if __name__ == "__main__":
    main()
