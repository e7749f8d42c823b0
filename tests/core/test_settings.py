"""Production settings: `check --deploy` is clean, and nothing starts without a secret."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", *OUR_VARIABLES))}
    env.update(env_extra)
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


# Variables of the portal's that the surrounding environment must not lend to these runs.
OUR_VARIABLES = ("DATABASE_", "EMAIL_", "REDIS_", "SENTRY_", "SITE_URL", "METRICS_", "PROMETHEUS_", "GUNICORN_")

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "csrportal.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k" * 20 + "-production-secret-with-enough-entropy-9f8e7d6c5b4a",
    "DJANGO_ALLOWED_HOSTS": "csr.dinsos.example.go.id",
    "SITE_URL": "https://csr.dinsos.example.go.id",
}
# Everything README's "Production" section sets, on top.
FULL_PRODUCTION = {
    **PRODUCTION,
    "DATABASE_URL": "postgres://csrportal:secret@127.0.0.1:5432/csrportal",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "DJANGO_BEHIND_PROXY": "1",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://csr.dinsos.example.go.id",
    "DJANGO_ADMINS": "Tim TI Dinsos <ti@dinsos.example.go.id>, ops@dinsos.example.go.id",
    "EMAIL_HOST": "smtp.example.go.id",
    "EMAIL_PORT": "587",
    "EMAIL_USE_TLS": "1",
    "SENTRY_DSN": "https://public@sentry.example.org/1",
}

SHOW = (
    "import json; from django.conf import settings as s; import sentry_sdk; "
    "db = s.DATABASES['default']; "
    "print(json.dumps({'email': s.EMAIL_BACKEND, 'cache': s.CACHES['default'], 'admins': s.ADMINS, "
    "'conn_max_age': db['CONN_MAX_AGE'], 'health_checks': db['CONN_HEALTH_CHECKS'], "
    "'sentry': sentry_sdk.get_client().is_active(), 'metrics_ips': s.METRICS_ALLOWED_IPS}))"
)


def production_settings(**extra) -> dict:
    result = run_manage("shell", "-c", SHOW, env_extra={**PRODUCTION, **extra})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_reports_nothing_with_production_variables():
    # One worker process: a cache of its own is the shared one (ops.W003 otherwise).
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_extra={**PRODUCTION, "GUNICORN_WORKERS": "1"}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION, "DJANGO_SECRET_KEY": ""}
    result = run_manage("check", env_extra=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_check_deploy_reports_nothing_with_every_production_variable():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_extra=FULL_PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_e_mail_over_smtp_unless_told_otherwise():
    assert production_settings()["email"] == "django.core.mail.backends.smtp.EmailBackend"


def test_check_deploy_warns_about_an_e_mail_backend_that_delivers_nothing():
    env = {**PRODUCTION, "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_extra=env)
    assert result.returncode != 0
    assert "ops.W001" in result.stderr + result.stdout


def test_check_deploy_warns_when_links_in_e_mails_would_lead_to_localhost():
    env = {**PRODUCTION, "SITE_URL": "http://127.0.0.1:8000"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_extra=env)
    assert result.returncode != 0
    assert "ops.W002" in result.stderr + result.stdout


def test_check_deploy_warns_when_several_workers_would_count_limits_apart():
    """Issue 22: two workers without REDIS_URL let 20 help requests through from one address,
    not 10."""
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION)
    assert result.returncode != 0
    assert "ops.W003" in result.stderr + result.stdout
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_extra={**PRODUCTION, "GUNICORN_WORKERS": "4"}
    )
    assert "ops.W003" in result.stderr + result.stdout


def test_production_keeps_postgresql_connections_for_a_minute_and_checks_them():
    shown = production_settings(DATABASE_URL="postgres://csrportal@127.0.0.1:5432/csrportal")
    assert (shown["conn_max_age"], shown["health_checks"]) == (60, True)
    shown = production_settings(DATABASE_URL="postgres://csrportal@127.0.0.1:5432/csrportal", DATABASE_CONN_MAX_AGE="0")
    assert shown["conn_max_age"] == 0


def test_redis_url_switches_to_the_shared_redis_cache():
    assert production_settings()["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    cache = production_settings(REDIS_URL="redis://10.0.0.5:6379/2")["cache"]
    assert cache["BACKEND"] == "ops.cache.RedisCache"
    assert cache["LOCATION"] == "redis://10.0.0.5:6379/2"


def test_admins_and_sentry_come_from_the_environment():
    shown = production_settings()
    assert (shown["admins"], shown["sentry"]) == ([], False)
    shown = production_settings(
        DJANGO_ADMINS="Tim TI <ti@dinsos.example.go.id>,ops@dinsos.example.go.id",
        SENTRY_DSN="https://public@sentry.example.org/1",
    )
    assert shown["admins"] == [["Tim TI", "ti@dinsos.example.go.id"], ["ops@dinsos.example.go.id"] * 2]
    assert shown["sentry"] is True


def test_a_malformed_admin_address_stops_the_start_with_a_clear_message():
    result = run_manage("check", env_extra={**PRODUCTION, "DJANGO_ADMINS": "Tim TI"})
    assert result.returncode != 0
    assert "DJANGO_ADMINS: 'Tim TI' is not an e-mail address" in result.stderr


def test_metrics_are_open_to_the_local_machine_by_default():
    assert production_settings()["metrics_ips"] == ["127.0.0.1", "::1"]
