"""gunicorn settings for the portal: `gunicorn -c deploy/gunicorn.conf.py csrportal.wsgi`.

Every value can be changed from the environment (README, Production). Sync workers: the pages
are short database reads, and a slow client is nginx's to buffer, not gunicorn's.
"""

import os
import shutil
from pathlib import Path

from prometheus_client import multiprocess


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


wsgi_app = "csrportal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# The usual 2 × CPUs + 1: while one worker waits for PostgreSQL, another uses the CPU.
workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * _cpus() + 1)
worker_class = "sync"
# A request still running after this is killed and logged (the worker restarts); reports and
# spreadsheet imports are the slowest pages, well under it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# A worker is replaced after this many requests (plus up to 10 % at random, so they do not all
# restart at once): memory a library leaks never builds up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# The heartbeat file in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108 (gunicorn's own files)
# The proxies whose X-Forwarded-* headers gunicorn believes (nginx on the same machine).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "csrportal"
# gunicorn's control socket (for `gunicornc`) only where asked for: by default it would sit in
# $HOME/.gunicorn/, shared by every gunicorn of the user and read-only under systemd's
# ProtectSystem; signals (systemctl reload/stop) do what the portal needs.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket

# Logs: gunicorn's own messages on stderr. The access log is the portal's JSON line per request
# on stdout (ops.middleware); gunicorn's plain access line is off unless GUNICORN_ACCESS_LOG
# names a file or "-" (stdout).
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
capture_output = False

# Prometheus: with several workers each keeps its own figures; PROMETHEUS_MULTIPROC_DIR lets
# /metrics add them up. The folder is emptied when gunicorn starts, and a worker that exits has
# its live gauges removed.
PROMETHEUS_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")


def on_starting(server) -> None:
    if PROMETHEUS_DIR:
        shutil.rmtree(PROMETHEUS_DIR, ignore_errors=True)
        Path(PROMETHEUS_DIR).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker) -> None:
    if PROMETHEUS_DIR:
        multiprocess.mark_process_dead(worker.pid)
