import time

from django.db import connection


def server_timing(get_response):
    """Report the server's own time (wall and CPU) and the number of queries of each request in its headers."""

    def middleware(request):
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        started, cpu_started = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(count):
            response = get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        cpu_ms = (time.process_time() - cpu_started) * 1000
        # The worker's own CPU time beside its wall time: on a shared machine the wall time
        # includes waiting for a core, the CPU time does not (nor the database's).
        response["Server-Timing"] = f"app;dur={elapsed_ms:.2f}, cpu;dur={cpu_ms:.2f}"
        response["X-Queries"] = str(queries)
        return response

    return middleware
