"""ops.warmup: a new worker compiles every template and opens its connections before its first
request (csrportal.wsgi)."""

import logging
import os
import subprocess
import sys

import pytest

from core.forms import PUBLIC_FORM_RENDERER
from ops import warmup

pytestmark = pytest.mark.django_db


def test_every_template_of_the_portal_is_found_and_compiled(caplog):
    names = warmup.template_names()
    assert {"base.html", "404.html", "admin/base_site.html", "facilities/need_detail.html"} <= set(names)
    with caplog.at_level(logging.INFO, logger="ops.warmup"):
        warmup.warm_up()
    compiled = int(caplog.records[-1].getMessage().split(": ")[1].split()[0])
    own = [name for name in names if not name.startswith(("admin/", "registration/", "django_filters/"))]
    # and the public forms' widget templates, which their Jinja2 renderer compiles on first use
    widgets = warmup.template_names(PUBLIC_FORM_RENDERER.engine)
    assert {"django/forms/widgets/select.html", "django/forms/widgets/input.html"} <= set(widgets)
    assert compiled >= len(own) + len(widgets)


def test_it_is_skipped_where_asked(settings, caplog):
    settings.WARM_UP_WORKERS = False
    with caplog.at_level(logging.INFO, logger="ops.warmup"):
        warmup.warm_up_if_wanted()
    assert not caplog.records


def test_a_failure_is_logged_and_the_worker_still_starts(settings, monkeypatch, caplog):
    settings.WARM_UP_WORKERS = True
    monkeypatch.setattr(warmup, "template_names", lambda: 1 / 0)
    with caplog.at_level(logging.ERROR, logger="ops.warmup"):
        warmup.warm_up_if_wanted()
    assert "worker warm-up failed" in caplog.text


def test_a_warmed_worker_leaves_what_it_loaded_out_of_later_garbage_collections(tmp_path):
    # In a process of its own, as a gunicorn worker loads csrportal.wsgi: freezing the test
    # runner's own objects would change the other tests.
    script = (
        "import gc, django; django.setup(); "
        "from ops import warmup; warmup.warm_up_if_wanted(); "
        "print(gc.get_freeze_count(), len(gc.get_objects()))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "csrportal.settings",
        "WARM_UP_WORKERS": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    done = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True, timeout=120
    )
    frozen, tracked = map(int, done.stdout.split()[-2:])
    assert frozen > 50_000  # the modules, templates and catalogues
    assert tracked < frozen / 10  # what later collections still walk
