"""Benchmark of the public site as visitors meet it: first visits, visits after a write and after
a worker restart, and kept pages, each beside a minimal Django view in the same run.

gunicorn runs with the production settings file (``deploy/gunicorn.conf.py``: sync workers,
2 x CPUs + 1 of them, ``max_requests``), DEBUG off (``bench.settings``, which adds the minimal
view and a header with the server's time and queries per request) and a Redis cache of its own
(``--redis-url``, database 9 by default, emptied before the run). Run on demand, never in the
test suite:

    createdb -h 127.0.0.1 -U postgres csr_bench                       # once
    .venv/bin/python bench/public_site.py --prepare --scale 0.2        # migrate, regions, data
    .venv/bin/python bench/public_site.py                              # measure

What it measures, in this order:

* **first visits**: distinct URLs, each requested once (need pages, facility pages, listing
  filter combinations, searches), as visitors following links nobody followed before; a block of
  the minimal view (the same number of requests, the same client processes) before each kind;
* **kept pages**: the same URLs a second time;
* **after a write**: a need saved (by a separate process, through the ORM: the data version is
  bumped on commit), then the home page, the needs listing, that need's page and its facility's
  page once each;
* **16 at once after a write**: the home page, the needs listing and ``/reports/`` kept, a need
  saved (for ``/reports/`` the figures' snapshots rebuilt too, as the background task does after
  a write), then 16 requests for the page at the same moment (16 client threads);
* **after a worker restart**: gunicorn told to replace its workers (HUP), then pages once each.

Each kind reports the time per request its ``--clients`` client processes (on the same machine)
measured, the minimal view's time measured alongside (each client asks for the minimal view
before each page, so both meet the same machine), their ratio (the rate a page is served at, as
a share of the minimal view's), and the server's own time per request (mean, p50, p95) read from
the ``Server-Timing`` header, with the worker's CPU time (which excludes waiting for a core and
for the database). On a shared machine the absolute wall times move with the other work; the
ratios and the CPU times much less.
"""

# Runs the project's own manage.py, gunicorn, psql and redis-cli with fixed arguments.
# ruff: noqa: S603, S607

import argparse
import http.client
import json
import multiprocessing
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from multiprocessing.pool import ThreadPool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/csr_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/9"
MINIMAL = "/bench/minimal/"
AT_ONCE = 16
# What the background task does after a write that changes the reports' figures (reports.figures).
REBUILD = "from reports.figures import refresh_figures; print(refresh_figures.call())"

# The URLs to walk, from the data: each printed as JSON by a manage.py shell script.
PICK = """
import json, random
from facilities.models import Facility, Need, FacilityType, NeedKind, Priority
from core.models import CsrField
from regions.models import Region
rng = random.Random(%(seed)d)
n = %(count)d
need_ids = list(Need.objects.public().values_list("pk", flat=True))
slugs = list(Facility.objects.published().values_list("slug", flat=True))
provinces = sorted({code[:2] for code in Facility.objects.published().values_list("region_id", flat=True)})
regencies = sorted({code[:5] for code in Facility.objects.published().values_list("region_id", flat=True)})
fields = list(CsrField.objects.values_list("code", flat=True))
words = sorted({w.lower() for t in Need.objects.public().values_list("title", flat=True)[:3000]
                for w in t.split() if len(w) > 4 and w.isalpha()})
sorts = ["urgency", "newest", "needed_by", "value"]
listings = set()
while len(listings) < n:
    parts = []
    roll = rng.random()
    if roll < 0.5:
        parts.append("region=" + rng.choice(provinces))
    elif roll < 0.8:
        parts.append("region=" + rng.choice(regencies))
    if rng.random() < 0.6:
        parts.append("field=" + rng.choice(fields))
    if rng.random() < 0.3:
        parts.append("kind=" + rng.choice(list(NeedKind.values)))
    if rng.random() < 0.3:
        parts.append("priority=" + str(rng.choice(list(Priority.values))))
    if rng.random() < 0.5:
        parts.append("sort=" + rng.choice(sorts))
    if rng.random() < 0.2:
        parts.append("status=" + rng.choice(["fulfilled", "all"]))
    if rng.random() < 0.2:
        parts.append("page=2")
    if rng.random() < 0.25:
        path = "/facilities/?" + "&".join(p for p in parts if p.startswith(("region", "page")))
        path += "&facility_type=" + rng.choice(list(FacilityType.values))
    else:
        path = "/needs/?" + "&".join(parts)
    listings.add(path.replace("?&", "?"))
searches = set()
while len(searches) < n:
    path = "/needs/?q=" + rng.choice(words)
    if rng.random() < 0.5:
        path += "&region=" + rng.choice(provinces)
    elif rng.random() < 0.5:
        path += "&field=" + rng.choice(fields)
    searches.add(path)
print(json.dumps({
    "need pages": ["/needs/%%d/" %% pk for pk in rng.sample(need_ids, 2 * n)],
    "facility pages": ["/facilities/%%s/" %% slug for slug in rng.sample(slugs, 2 * n)],
    "listings": sorted(listings),
    "searches": sorted(searches),
}))
"""

# A need saved as a member of staff would save it (Need.save: signals, on_commit).
WRITE = """
from django.db import transaction
from facilities.models import Need
need = Need.objects.public().get(pk=%(pk)d)
with transaction.atomic():
    need.beneficiaries = (need.beneficiaries or 0) + 1
    need.save()
print(need.facility.slug)
"""


def manage_output(env: dict[str, str], script: str) -> str:
    return subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def fetch(port: int, path: str) -> tuple[int, float, float, int]:
    """One request on a fresh connection: status, wall ms, server ms, queries, server CPU ms."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Accept-Language": "id", "Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    timing = dict(part.strip().split(";dur=") for part in response.getheader("Server-Timing", "app;dur=0").split(","))
    queries = int(response.getheader("X-Queries", "-1"))
    connection.close()
    return response.status, elapsed, float(timing["app"]), queries, float(timing.get("cpu", "nan"))


def _walk(args: tuple[int, list[str], bool]) -> tuple[list[tuple], list[tuple]]:
    port, paths, alongside = args
    samples, minimal = [], []
    for path in paths:
        if alongside:
            minimal.append((MINIMAL, *fetch(port, MINIMAL)))
        samples.append((path, *fetch(port, path)))
    return samples, minimal


def walk(port: int, paths: list[str], clients: int, *, alongside: bool = False) -> tuple[list[tuple], list[tuple]]:
    """``paths`` each requested once, shared among ``clients`` processes; with ``alongside``,
    each client asks for the minimal view before each of its paths, so that both meet the
    same machine (the other work on a shared machine comes and goes within seconds)."""
    shares = [paths[index::clients] for index in range(clients)]
    with multiprocessing.Pool(clients) as pool:
        done = pool.map(_walk, [(port, share, alongside) for share in shares])
    return [s for samples, _ in done for s in samples], [m for _, minimal in done for m in minimal]


def at_once(port: int, path: str) -> list[tuple]:
    """``AT_ONCE`` requests for ``path`` at the same moment, each on its own connection."""
    with ThreadPool(AT_ONCE) as pool:
        return pool.map(lambda _: (path, *fetch(port, path)), range(AT_ONCE))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def summary(label: str, samples: list[tuple], minimal: list[tuple]) -> dict:
    """The server's time of ``samples``; with ``minimal`` (requested alongside, by the same
    clients), the ratio of the rates each would be served at: the minimal view's mean time per
    request over the page's, both measured by the client."""
    bad = sorted({status for _path, status, *_ in samples if status != 200})
    server = [sample[3] for sample in samples]
    wall = statistics.mean(sample[2] for sample in samples)
    queries = [sample[4] for sample in samples]
    row = {
        "label": label,
        "requests": len(samples),
        "wall": wall,
        "wall_max": max(sample[2] for sample in samples),
        "minimal_wall": statistics.mean(m[2] for m in minimal) if minimal else None,
        "mean": statistics.mean(server),
        "p50": percentile(server, 0.5),
        "p95": percentile(server, 0.95),
        "max": max(server),
        "cpu": statistics.mean(sample[5] for sample in samples),
        "cpu_p95": percentile([sample[5] for sample in samples], 0.95),
        "queries": f"{min(queries)}-{max(queries)}" if min(queries) != max(queries) else str(queries[0]),
        "errors": ",".join(str(status) for status in bad),
    }
    row["ratio"] = row["minimal_wall"] / wall if minimal else None
    print("row:", json.dumps(row), flush=True)
    return row


def measured(port: int, label: str, paths: list[str], clients: int) -> dict:
    return summary(label, *walk(port, paths, clients, alongside=True))


def singles(label: str, samples: list[tuple]) -> dict:
    """Requests made one at a time (after a write, after a restart): their server time."""
    return summary(label, samples, [])


def wait_for(port: int, server: subprocess.Popen) -> None:
    for _ in range(150):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped")
        try:
            if fetch(port, MINIMAL)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer")


def workers_of(server: subprocess.Popen) -> set[int]:
    found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True, text=True).stdout
    return {int(pid) for pid in found.split()}


def restart_workers(port: int, server: subprocess.Popen) -> None:
    """HUP: gunicorn starts new workers and stops the old ones; wait until none of the old is left."""
    old = workers_of(server)
    server.send_signal(signal.SIGHUP)
    for _ in range(300):
        current = workers_of(server)
        if current and not current & old:
            break
        time.sleep(0.1)
    wait_for(port, server)


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores ({cpu}), load average {load:.1f} at the start, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--redis-url", default=DEFAULT_REDIS, help="a Redis database of the benchmark's own")
    parser.add_argument("--prepare", action="store_true", help="migrate, load all regions, generate the data")
    parser.add_argument("--scale", type=float, default=0.2, help="of national scale (10k/100k/5k/200k)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--clients", type=int, default=2, help="client processes")
    parser.add_argument("--count", type=int, default=60, help="distinct URLs per kind (0: only --prepare)")
    parser.add_argument("--writes", type=int, default=5, help="writes, each followed by a visit of each page")
    parser.add_argument("--seed", type=int, default=23)
    args = parser.parse_args()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": args.database_url}
    env["REDIS_URL"] = args.redis_url
    if args.prepare:
        for command in (["migrate", "--noinput", "-v", "0"], ["load_regions", "--all"]):
            subprocess.run([str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, check=True)
        subprocess.run(
            [str(PYTHON), "manage.py", "generate_bench_data", "--scale", str(args.scale)], cwd=ROOT, env=env, check=True
        )
        subprocess.run(["psql", args.database_url, "-c", "VACUUM ANALYZE"], check=True, stdout=subprocess.DEVNULL)
    if args.count <= 0:
        return  # the data only: nothing to measure
    urls = json.loads(manage_output(env, PICK % {"seed": args.seed, "count": args.count}).splitlines()[-1])
    scale = manage_output(
        env,
        "from facilities.models import Facility, Need; from partners.models import Company; "
        "from matching.models import Pledge; print(Facility.objects.count(), Need.objects.count(), "
        "Company.objects.count(), Pledge.objects.count())",
    )
    need_pages = urls["need pages"]
    facility_pages = urls["facility pages"]
    first_visits = {
        "need pages": need_pages[: args.count],
        "facility pages": facility_pages[: args.count],
        "listings": urls["listings"],
        "searches": urls["searches"],
    }

    subprocess.run(["redis-cli", "-u", args.redis_url, "FLUSHDB"], check=True, stdout=subprocess.DEVNULL)
    server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{args.port}", "GUNICORN_LOG_LEVEL": "warning"}
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "csrportal.wsgi:application"], cwd=ROOT, env=server_env
    )
    rows = []
    try:
        wait_for(args.port, server)
        # Every worker past its first requests (imports, templates), on pages no kind walks.
        walk(port=args.port, paths=[MINIMAL, "/", "/needs/", "/facilities/"] * 10, clients=args.clients)
        rows.append(summary("minimal view", walk(args.port, [MINIMAL] * args.count, args.clients)[0], []))
        for label, paths in first_visits.items():
            rows.append(measured(args.port, f"first visit: {label}", paths, args.clients))
        everything = [path for paths in first_visits.values() for path in paths]
        rows.append(measured(args.port, "kept page (second visit of the same URLs)", everything, args.clients))

        after_write: dict[str, list] = {"home": [], "needs listing": [], "need page": [], "facility page": []}
        for index in range(args.writes):
            pk = int(need_pages[index].split("/")[2])
            # Pages kept before the write, so that the visit after it meets a changed version.
            for path in ("/", "/needs/", need_pages[index]):
                fetch(args.port, path)
            slug = manage_output(env, WRITE % {"pk": pk}).splitlines()[-1]
            for label, path in zip(after_write, ("/", "/needs/", f"/needs/{pk}/", f"/facilities/{slug}/"), strict=True):
                after_write[label].append((path, *fetch(args.port, path)))
        for label, samples in after_write.items():
            rows.append(singles(f"after a write: {label}", samples))

        for label, path in (("home", "/"), ("needs listing", "/needs/"), ("/reports/", "/reports/")):
            fetch(args.port, path)  # kept before the write
            manage_output(env, WRITE % {"pk": int(need_pages[args.writes].split("/")[2])})
            if path == "/reports/":
                manage_output(env, REBUILD)
            rows.append(singles(f"{AT_ONCE} at once after a write: {label}", at_once(args.port, path)))

        restarted: dict[str, list] = {"kept page": [], "first visit": []}
        fresh = iter(need_pages[args.count :])
        for _ in range(3):
            restart_workers(args.port, server)
            for path in ("/", "/needs/", first_visits["need pages"][0]):
                restarted["kept page"].append((path, *fetch(args.port, path)))
            for path in (next(fresh), facility_pages[args.count + _]):
                restarted["first visit"].append((path, *fetch(args.port, path)))
        for label, samples in restarted.items():
            rows.append(singles(f"after a worker restart: {label}", samples))
    finally:
        server.terminate()
        server.wait(timeout=60)

    facilities, needs, companies, pledges = scale.splitlines()[-1].split()
    print()
    print(f"Machine: {machine()}; shared with other work.")
    print(f"Data: {facilities} facilities, {needs} needs, {companies} companies, {pledges} pledges (PostgreSQL).")
    print(
        f"gunicorn -c deploy/gunicorn.conf.py (sync workers: 2 x CPUs + 1), DEBUG off, Redis {args.redis_url}; "
        f"{args.clients} client processes; {args.count} distinct URLs per kind."
    )
    print()
    print(
        "| what | requests | client ms/request | client ms max | minimal view alongside, ms | ratio to minimal view | "
        "server ms mean | p50 | p95 | max | server CPU ms mean | CPU p95 | queries |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "-"
        minimal = f"{row['minimal_wall']:.1f}" if row["minimal_wall"] is not None else "-"
        errors = f" (errors: {row['errors']})" if row["errors"] else ""
        print(
            f"| {row['label']}{errors} | {row['requests']} | {row['wall']:.1f} | {row['wall_max']:.0f} | "
            f"{minimal} | {ratio} | "
            f"{row['mean']:.1f} | {row['p50']:.1f} | {row['p95']:.1f} | {row['max']:.1f} | {row['cpu']:.1f} | "
            f"{row['cpu_p95']:.1f} | {row['queries']} |"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
