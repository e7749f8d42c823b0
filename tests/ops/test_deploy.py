"""deploy/: the server script, gunicorn's config, the systemd units and the nginx site."""

import os
import re
import runpy
import shlex
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands, load_command_class

from portal.forms import MAX_PHOTOS
from tests.ops.conftest import ROOT, free_port, wait_until
from tests.ops.servers import database_url

DEPLOY = ROOT / "deploy"
SYSTEMD = DEPLOY / "systemd"
BIN = Path(sys.executable).parent


def unit(path: Path) -> dict[str, dict[str, str]]:
    """A systemd unit's sections; a key given several times (ExecStartPre) keeps every value,
    one a line."""
    sections: dict[str, dict[str, str]] = {}
    section = None
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        section[key] = f"{section[key]}\n{value}" if key in section else value
    return sections


def manage_arguments(exec_start: str) -> list[str]:
    words = shlex.split(exec_start)
    assert words[0] == "/srv/csrportal/.venv/bin/python" and words[1] == "manage.py", exec_start
    return words[2:]


def test_every_timer_starts_a_service_that_runs_a_real_command():
    timers = sorted(SYSTEMD.glob("*.timer"))
    names = {path.stem for path in timers}
    assert names == {
        "csrportal-lapse-pledges",
        "csrportal-delivery-reminders",
        "csrportal-prune-tasks",
        "csrportal-clearsessions",
        "csrportal-backup",
    }
    commands = get_commands()
    for timer in timers:
        assert unit(timer)["Timer"]["OnCalendar"]
        service = unit(timer.with_suffix(".service"))["Service"]
        assert service["Type"] == "oneshot"
        name, *arguments = manage_arguments(service["ExecStart"])
        assert name in commands, f"{timer.name}: no command {name}"
        # The arguments are ones the command accepts.
        load_command_class(commands[name], name).create_parser("manage.py", name).parse_args(arguments)


def test_the_web_unit_refuses_pending_migrations_and_runs_gunicorn_with_the_repository_config():
    service = unit(SYSTEMD / "csrportal-web.service")["Service"]
    pre = [manage_arguments(line) for line in service["ExecStartPre"].splitlines() if line.strip()]
    assert pre == [["migrate", "--check"], ["collectstatic", "--noinput", "--verbosity", "0"]]
    assert shlex.split(service["ExecStart"])[1:] == ["-c", "deploy/gunicorn.conf.py"]
    worker = unit(SYSTEMD / "csrportal-worker.service")["Service"]
    assert manage_arguments(worker["ExecStart"])[0] == "db_worker"


def gunicorn_config(**env) -> dict:
    saved = dict(os.environ)
    os.environ.pop("GUNICORN_WORKERS", None)
    os.environ.update(env)
    try:
        return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_gunicorn_takes_its_workers_from_the_cpus_and_its_address_from_the_environment():
    config = gunicorn_config()
    assert config["workers"] == 2 * len(os.sched_getaffinity(0)) + 1
    assert config["bind"] == ["127.0.0.1:8000"]
    config = gunicorn_config(GUNICORN_WORKERS="3", GUNICORN_BIND="0.0.0.0:9000", GUNICORN_TIMEOUT="90")
    assert (config["workers"], config["bind"], config["timeout"]) == (3, ["0.0.0.0:9000"], 90)
    result = subprocess.run(  # noqa: S603 (our gunicorn and config)
        [str(BIN / "gunicorn"), "--check-config", "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "csrportal.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_nginx_passes_the_headers_the_settings_expect_and_bodies_the_portal_accepts():
    site = (DEPLOY / "nginx" / "csrportal.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site
    assert "proxy_set_header Host $host;" in site
    limit = re.search(r"client_max_body_size (\d+)m;", site)
    allowed = int(limit.group(1)) * 1024 * 1024
    # A delivery report: MAX_PHOTOS photos and a BAST, each up to EVIDENCE_MAX_BYTES.
    assert allowed >= (MAX_PHOTOS + 1) * settings.EVIDENCE_MAX_BYTES
    assert allowed >= settings.IMPORT_MAX_BYTES


def serve(env: dict, log: Path) -> subprocess.Popen:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_", "PROMETHEUS_"))}
    environment.update(DJANGO_SETTINGS_MODULE="csrportal.settings", BIN=str(BIN), **env)
    with log.open("w") as output:
        return subprocess.Popen(  # noqa: S603 (our own script)
            [str(DEPLOY / "serve.sh")],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def test_serve_refuses_a_database_with_unapplied_migrations(tmp_path):
    log = tmp_path / "serve.log"
    process = serve({"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}, log)
    assert process.wait(timeout=120) == 1
    output = log.read_text()
    assert "the database is not ready: it has unapplied migrations" in output
    assert "manage.py migrate" in output
    assert "Nothing was started" in output


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "serve-test-secret-key-with-enough-entropy-0123456789abcdefghij",
    "DJANGO_ALLOWED_HOSTS": "csr.dinsos.example.go.id,127.0.0.1",
    "DJANGO_BEHIND_PROXY": "1",
    "SITE_URL": "https://csr.dinsos.example.go.id",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


def through_proxy(port: int, path: str) -> tuple[int, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        headers={"Host": "csr.dinsos.example.go.id", "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, response.read().decode()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def direct(port: int, path: str) -> int:
    """A request to gunicorn itself, as a check on the machine makes it: no proxy headers."""
    opener = urllib.request.build_opener(NoRedirects)
    try:
        with opener.open(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_serve_runs_gunicorn_and_the_worker_with_debug_off_and_stops_both(tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    process = serve(
        {
            **PRODUCTION,
            "DATABASE_URL": database_url(),
            "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "2",
        },
        log,
    )
    try:

        def up() -> bool:
            assert process.poll() is None, log.read_text()
            try:
                return through_proxy(port, "/healthz")[0] == 200
            except OSError:
                return False

        wait_until(up, f"make serve on port {port} (log: {log})", seconds=180)
        status, home = through_proxy(port, "/")
        assert status == 200
        # collectstatic ran: the page links the hashed names of the manifest.
        assert re.search(r'href="/static/css/[\w.-]+\.[0-9a-f]{12}\.css"', home), home[:1500]
        assert (tmp_path / "static" / "staticfiles.json").exists()
        assert "manage.py db_worker" in session_commands(process.pid), "no db_worker beside gunicorn"
        # On the machine itself, health and metrics answer plain HTTP; every other page redirects.
        assert direct(port, "/healthz") == 200
        assert direct(port, "/metrics") == 200
        assert direct(port, "/needs/") == 301
    finally:
        # As `kill` or systemd would: SIGTERM to the script alone, which stops both of its own.
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=60)
    assert returncode == 143, log.read_text()
    wait_until(lambda: not session_commands(process.pid), "gunicorn and the worker to stop", seconds=60)


def session_commands(session: int) -> str:
    """The command lines of the processes left in the script's session (it starts its own)."""
    found = subprocess.run(["pgrep", "-a", "-s", str(session)], capture_output=True, text=True, check=False)  # noqa: S603, S607
    return found.stdout.strip()


def test_the_example_variables_pass_check_deploy(tmp_path):
    """deploy/env.example, with its secret filled in, is a configuration `check --deploy` accepts,
    read the way deploy/manage.sh reads it (as sh variables)."""
    example = (DEPLOY / "env.example").read_text()
    assert "\nDJANGO_SECRET_KEY=\n" in example
    env_file = tmp_path / "env"
    env_file.write_text(
        example.replace(
            "\nDJANGO_SECRET_KEY=\n", "\nDJANGO_SECRET_KEY=example-secret-with-enough-entropy-0123456789abcdefghij\n"
        )
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_", "EMAIL_", "SENTRY_"))}
    environment.update(ENV_FILE=str(env_file), BIN=str(BIN), DJANGO_SETTINGS_MODULE="csrportal.settings")
    result = subprocess.run(  # noqa: S603 (our own script)
        [str(DEPLOY / "manage.sh"), "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
