"""Portal server processes for the tests: gunicorn with the repository's own config, on a free
port of 127.0.0.1, against the test's database."""

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.db import connection

from tests.ops.conftest import ROOT, free_port, wait_until

GUNICORN = Path(sys.executable).parent / "gunicorn"


def database_url(name: str | None = None) -> str:
    """The test database (committed rows only: the tests using it are transactional), or
    another database ``name`` on the same server."""
    db = connection.settings_dict
    credentials = urllib.parse.quote(db["USER"] or "postgres")
    if db.get("PASSWORD"):
        credentials += ":" + urllib.parse.quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name or db['NAME']}"


class Server:
    def __init__(self, log_dir: Path, **env: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_", "PROMETHEUS_"))}
        environment.update(
            DJANGO_SETTINGS_MODULE="csrportal.settings",
            DJANGO_DEBUG="1",  # no collectstatic or TLS needed for these tests
            DATABASE_URL=database_url(),
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            GUNICORN_WORKERS="1",
            GUNICORN_LOG_LEVEL="warning",
        )
        environment.update(env)
        self.log = log_dir / f"server-{self.port}.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our gunicorn and config)
                [str(GUNICORN), "-c", "deploy/gunicorn.conf.py"],
                cwd=ROOT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.last_path = ""
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        wait_until(self.answers, f"gunicorn on port {self.port} (log: {self.log})", seconds=60)

    def answers(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited: {self.log.read_text()}")
        try:
            self.get("/healthz")
        except urllib.error.HTTPError:
            return True  # it answers, if not with 200
        except OSError:
            return False
        return True

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Accept-Language": "id"})  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as response:
                self.last_path = urllib.parse.urlsplit(response.url).path
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            self.last_path = urllib.parse.urlsplit(error.url).path
            return error.code, error.read().decode()

    def get(self, path: str) -> tuple[int, str]:
        return self.request(path)

    def post_form(self, path: str, data: dict) -> tuple[int, str]:
        """GET the form for its CSRF token, then POST it with ``data``."""
        _, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no CSRF token on {path}"
        return self.request(path, {"csrfmiddlewaretoken": token.group(1), **data})

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
