"""Benchmark of the public site on PostgreSQL, served by gunicorn on 127.0.0.1.

Measures, in one run and the same way, a minimal Django view and the public pages (needs
listing, search, facility directory, facility page, need page, home, reports): requests per
second, the server's own time per request and the queries per page. Run on demand, never in the
test suite:

    createdb -h 127.0.0.1 -U postgres csr_bench   # once
    .venv/bin/python bench/public_site.py --prepare   # migrate, load all regions, generate data
    .venv/bin/python bench/public_site.py             # measure again on the same data
    .venv/bin/python bench/public_site.py --wrk --redis-url redis://127.0.0.1:6379/5

Each page is measured in three modes: ``on`` (as in production), ``off`` (the brief page cache
off, PUBLIC_PAGE_CACHE_SECONDS=0: every request runs its page query and renders its page, as
the first visitor of a new link does, while the pieces kept by the data version -- counts,
form choices, need cards, figures -- stay on as in production) and ``cold`` (everything kept
switched off too: the first visit after a change). The load comes from client processes on the
same machine (the harness's own, or wrk with --wrk), so the figures compare pages with one
another (and with the minimal view) rather than promise absolute numbers.
"""

# Runs the project's own manage.py, gunicorn and psql with fixed arguments: no untrusted input.
# ruff: noqa: S603, S607

import argparse
import http.client
import multiprocessing
import os
import platform
import re
import shutil
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
        "needs search": "/needs/?q=sekolah",
        "home": "/",
        "public reports": "/reports/",
    }


# The modes a page is measured in: the environment of the server.
MODES = {
    "on": {"PUBLIC_PAGE_CACHE_SECONDS": "30"},
    "off": {"PUBLIC_PAGE_CACHE_SECONDS": "0"},
    "cold": {"PUBLIC_PAGE_CACHE_SECONDS": "0", "PUBLIC_DATA_CACHE_SECONDS": "0", "PUBLIC_CARD_CACHE_SECONDS": "0"},
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


WRK_LATENCY = re.compile(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)


def wrk_load(port: int, path: str, duration: float, connections: int) -> tuple[float, dict, int]:
    """wrk from outside the harness: requests per second, latency percentiles (ms), errors."""
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{max(1, round(duration))}s",
            "--latency",
            "--timeout",
            "30s",
            "-H",
            "Accept-Language: id",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    latency = {int(p): float(v) * scale[unit] for p, v, unit in WRK_LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failed = int(errors.group(1)) if errors else 0
    failed += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    return rps, latency, failed


def measure_wrk(port: int, path: str, baseline: str, duration: float, connections: int, rounds: int) -> dict:
    """As ``measure``, the load from wrk; the server time and queries from a few requests after."""
    for _ in range(5):  # warm up; wrk's own first requests warm the rest
        fetch(port, path)
        fetch(port, baseline)
    page_rps, minimal_rps, p50, p99, failed = [], [], [], [], 0
    for _ in range(rounds):
        rps, _latency, errors = wrk_load(port, baseline, duration / rounds, connections)
        minimal_rps.append(rps)
        failed += errors
        rps, latency, errors = wrk_load(port, path, duration / rounds, connections)
        page_rps.append(rps)
        p50.append(latency.get(50, 0.0))
        p99.append(latency.get(99, 0.0))
        failed += errors
    samples = []
    for _ in range(10):
        try:
            samples.append(fetch(port, path))
        except OSError:  # a request left waiting behind wrk's backlog: counted, not fatal
            failed += 1
    samples = samples or [(0, 0.0, 0.0, -1)]
    return {
        "rps": statistics.mean(page_rps),
        "minimal_rps": statistics.mean(minimal_rps),
        "server_ms": statistics.mean(server for _, _, server, _ in samples),
        "p50_ms": statistics.median(p50),
        "p95_ms": statistics.median(p99),  # wrk reports 50/75/90/99 %: the 99th here
        "queries": "/".join(str(count) for count in sorted({queries for *_, queries in samples})),
        "failed": failed,
    }


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
    parser.add_argument("--wrk", action="store_true", help="load from wrk (Debian's wrk) instead of Python clients")
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections")
    parser.add_argument("--redis-url", default="", help="REDIS_URL for the server: one cache shared by the workers")
    parser.add_argument("--modes", default="on,off,cold", help="of: " + ", ".join(MODES))
    parser.add_argument("--pages", default="", help="only the pages whose label contains one of these (comma)")
    args = parser.parse_args()
    if args.wrk and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": args.database_url}
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    if args.prepare:
        run_manage(env, "migrate", "--noinput", "-v", "0")
        run_manage(env, "load_regions", "--all")
        started = time.perf_counter()
        run_manage(env, "generate_bench_data")
        print(f"generate_bench_data took {time.perf_counter() - started:.0f} s", flush=True)
        subprocess.run(["psql", args.database_url, "-c", "VACUUM ANALYZE"], check=True, stdout=subprocess.DEVNULL)
    # Statistics as after any bulk load: the planner's estimates follow the data (and the indexes
    # on expressions, such as the search's trigram indexes, get statistics of their own).
    subprocess.run(["psql", args.database_url, "-c", "ANALYZE"], check=True, stdout=subprocess.DEVNULL)
    targets = pick_targets(env)

    rows = []
    baseline = targets.pop("minimal view")
    if args.pages:
        wanted = args.pages.split(",")
        targets = {label: path for label, path in targets.items() if any(word in label for word in wanted)}
    run = measure_wrk if args.wrk else measure
    for mode in args.modes.split(","):
        server = subprocess.Popen(
            [str(GUNICORN), "csrportal.wsgi", "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers)],
            cwd=ROOT,
            env={**env, **MODES[mode]},
        )
        try:
            wait_for(args.port, server)
            if not rows:
                rows.append(("minimal view", baseline, "-", run(args.port, baseline, baseline, *load_args(args))))
            for label, path in targets.items():
                rows.append((label, path, mode, run(args.port, path, baseline, *load_args(args))))
                print("row:", rows[-1], flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)

    print()
    print(f"Machine: {machine()}")
    load = f"wrk -t2 -c{args.connections}" if args.wrk else f"{args.clients} client processes"
    cache = "Redis (REDIS_URL)" if args.redis_url else "each worker's memory cache"
    print(
        f"gunicorn: {args.workers} sync workers; cache: {cache}; load: {load}; each page "
        f"{args.duration:.0f} s, alternating with the minimal view in {args.rounds} rounds"
    )
    print()
    tail = "p99 ms" if args.wrk else "p95 ms"
    print(
        "| page | URL | mode | requests/s | minimal view alongside, requests/s | ratio | "
        f"server ms/request | p50 ms | {tail} | queries | failed |"
    )
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, path, cache, result in rows:
        print(
            f"| {label} | `{path}` | {cache} | {result['rps']:.0f} | {result['minimal_rps']:.0f} | "
            f"{result['rps'] / result['minimal_rps']:.2f} | {result['server_ms']:.1f} | {result['p50_ms']:.1f} | "
            f"{result['p95_ms']:.1f} | {result['queries']} | {result.get('failed', 0)} |"
        )


def load_args(args) -> tuple[float, int, int]:
    return args.duration, args.connections if args.wrk else args.clients, args.rounds


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
