"""CPU time spent by this process and by its PostgreSQL backend, for the benchmarks.

On a machine shared with other work the wall clock follows the load; the CPU a call costs,
in Django and in the database, does not, and is the figure to compare across runs.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager


def backend_cpu_seconds(connection) -> float | None:
    """CPU time used so far by this connection's PostgreSQL backend (a local server only)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def serial_database(connection):
    """PostgreSQL's parallel workers off, so that the backend does all of the database's work
    and its CPU time is the whole of it."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET max_parallel_workers_per_gather")


def cpu_ms(connection, call) -> tuple[float, float | None]:
    """CPU milliseconds of one ``call()``: this process, and the database backend (or None)."""
    backend_before, process_before = backend_cpu_seconds(connection), time.process_time()
    call()
    backend_after, process_after = backend_cpu_seconds(connection), time.process_time()
    database = None
    if backend_before is not None and backend_after is not None:
        database = (backend_after - backend_before) * 1000
    return (process_after - process_before) * 1000, database
