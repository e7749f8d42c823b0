"""Benchmark of the public site on PostgreSQL, served by gunicorn on 127.0.0.1.

Measures, in one run and the same way, a minimal Django view and the public pages (needs
listing, facility directory, facility page, need page): requests per second, the server's own
time per request and the queries per page. Run on demand, never in the test suite:

    createdb -h 127.0.0.1 -U postgres csr_bench   # once
    .venv/bin/python bench/public_site.py --prepare   # migrate, load all regions, generate data
    .venv/bin/python bench/public_site.py             # measure again on the same data

The load comes from client processes on the same machine, so the figures compare pages with
one another (and with the minimal view) rather than promise absolute numbers.
"""

# Runs the project's own manage.py, gunicorn and psql with fixed arguments: no untrusted input.
# ruff: noqa: S603, S607

import argparse
import http.client
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The interpreter running this script, and the gunicorn beside it (the project's virtualenv).
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/csr_bench"


def run_manage(env: dict[str, str], *args: str) -> None:
    print("$ manage.py", " ".join(args), flush=True)
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)


def pick_targets(env: dict[str, str]) -> dict[str, str]:
    """The pages to measure: a facility and a need with the most public data to show."""
    script = (
        "from django.db.models import Count, Q\n"
        "from facilities.models import Facility, Need\n"
        "facility = Facility.objects.published().annotate(n=Count('needs', filter=Q(needs__is_public=True)))"
        ".order_by('-n', 'id').values_list('slug', flat=True).first()\n"
        "need = Need.objects.public().open().annotate(p=Count('pledges')).order_by('-p', 'id')"
        ".values_list('pk', flat=True).first()\n"
        "print(facility, need)\n"
    )
    output = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    slug, need_id = output[-2], output[-1]
    return {
        "minimal view": "/bench/minimal/",
        "needs listing": "/needs/",
        "needs listing, page 5, largest value": "/needs/?sort=value&page=5",
        "needs listing, province + field": "/needs/?region=31&field=pendidikan",
        "facility directory": "/facilities/",
        "facility page": f"/facilities/{slug}/",
        "need page": f"/needs/{need_id}/",
    }


def fetch(port: int, path: str) -> tuple[int, float, float, int]:
    """One request on a fresh connection (gunicorn's sync workers close it after each answer)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Accept-Language": "id"})
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    timing = response.getheader("Server-Timing", "app;dur=0").split("dur=")[-1]
    queries = int(response.getheader("X-Queries", "-1"))
    connection.close()
    return response.status, elapsed, float(timing), queries


def client(port: int, path: str, duration: float, results) -> None:
    samples = []
    deadline = time.perf_counter() + duration
    while time.perf_counter() < deadline:
        samples.append(fetch(port, path))
    results.put(samples)


def load(port: int, path: str, duration: float, clients: int) -> tuple[list, float]:
    """``clients`` processes requesting ``path`` for ``duration`` seconds: the samples and the wall time."""
    results = multiprocessing.Queue()
    processes = [multiprocessing.Process(target=client, args=(port, path, duration, results)) for _ in range(clients)]
    started = time.perf_counter()
    for process in processes:
        process.start()
    samples = [sample for _ in processes for sample in results.get()]
    for process in processes:
        process.join()
    statuses = {status for status, *_ in samples}
    if statuses != {200}:
        raise SystemExit(f"{path}: unexpected statuses {statuses}")
    return samples, time.perf_counter() - started


def measure(port: int, path: str, baseline: str, duration: float, clients: int, rounds: int) -> dict:
    """Load ``path`` and the minimal view in alternating rounds, so that both see the same
    machine (other work on a shared machine comes and goes) and their ratio stays fair."""
    for _ in range(20):  # warm up: connections, template and page caches
        fetch(port, path)
        fetch(port, baseline)
    page, page_wall, minimal, minimal_wall = [], 0.0, [], 0.0
    for _ in range(rounds):
        samples, wall = load(port, baseline, duration / rounds, clients)
        minimal, minimal_wall = minimal + samples, minimal_wall + wall
        samples, wall = load(port, path, duration / rounds, clients)
        page, page_wall = page + samples, page_wall + wall
    latencies = sorted(elapsed * 1000 for _, elapsed, _, _ in page)
    queries = sorted({queries for *_, queries in page})
    return {
        "rps": len(page) / page_wall,
        "minimal_rps": len(minimal) / minimal_wall,
        "server_ms": statistics.mean(server for _, _, server, _ in page),
        "p50_ms": latencies[len(latencies) // 2],
        "p95_ms": latencies[int(len(latencies) * 0.95)],
        "queries": "/".join(str(count) for count in queries),
    }


def wait_for(port: int, server: subprocess.Popen) -> None:
    for _ in range(100):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped")
        try:
            if fetch(port, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer")


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    postgres = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SHOW server_version"], capture_output=True, text=True
    ).stdout.strip()
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"PostgreSQL {postgres or '?'}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--prepare", action="store_true", help="migrate, load all regions, generate the data")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn sync workers")
    parser.add_argument("--clients", type=int, default=2, help="client processes sending requests")
    parser.add_argument("--duration", type=float, default=9.0, help="seconds of load per page")
    parser.add_argument("--rounds", type=int, default=3, help="alternations with the minimal view per page")
    args = parser.parse_args()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": args.database_url}
    if args.prepare:
        run_manage(env, "migrate", "--noinput", "-v", "0")
        run_manage(env, "load_regions", "--all")
        started = time.perf_counter()
        run_manage(env, "generate_bench_data")
        print(f"generate_bench_data took {time.perf_counter() - started:.0f} s", flush=True)
        subprocess.run(["psql", args.database_url, "-c", "VACUUM ANALYZE"], check=True, stdout=subprocess.DEVNULL)
    targets = pick_targets(env)

    rows = []
    baseline = targets.pop("minimal view")
    # First as in production (pages cached briefly), then with the page cache off: every request
    # runs its queries and renders everything, as the first visitor of a new link does.
    for cache_seconds in ("30", "0"):
        server = subprocess.Popen(
            [str(GUNICORN), "csrportal.wsgi", "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers)],
            cwd=ROOT,
            env={**env, "PUBLIC_PAGE_CACHE_SECONDS": cache_seconds},
        )
        try:
            wait_for(args.port, server)
            if not rows:
                rows.append(("minimal view", baseline, "-", measure(args.port, baseline, baseline, *load_args(args))))
            cache = "on" if cache_seconds != "0" else "off"
            for label, path in targets.items():
                rows.append((label, path, cache, measure(args.port, path, baseline, *load_args(args))))
        finally:
            server.terminate()
            server.wait(timeout=30)

    print()
    print(f"Machine: {machine()}")
    print(
        f"gunicorn: {args.workers} sync workers; load: {args.clients} client processes; each page "
        f"{args.duration:.0f} s, alternating with the minimal view in {args.rounds} rounds"
    )
    print()
    print(
        "| page | URL | page cache | requests/s | minimal view alongside, requests/s | ratio | "
        "server ms/request | p50 ms | p95 ms | queries |"
    )
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, path, cache, result in rows:
        print(
            f"| {label} | `{path}` | {cache} | {result['rps']:.0f} | {result['minimal_rps']:.0f} | "
            f"{result['rps'] / result['minimal_rps']:.2f} | {result['server_ms']:.1f} | {result['p50_ms']:.1f} | "
            f"{result['p95_ms']:.1f} | {result['queries']} |"
        )


def load_args(args) -> tuple[float, int, int]:
    return args.duration, args.clients, args.rounds


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
