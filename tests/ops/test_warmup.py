"""ops.warmup: a new worker compiles every template and opens its connections before its first
request (csrportal.wsgi)."""

import logging

import pytest

from ops import warmup

pytestmark = pytest.mark.django_db


def test_every_template_of_the_portal_is_found_and_compiled(caplog):
    names = warmup.template_names()
    assert {"base.html", "404.html", "admin/base_site.html", "facilities/need_detail.html"} <= set(names)
    with caplog.at_level(logging.INFO, logger="ops.warmup"):
        warmup.warm_up()
    compiled = int(caplog.records[-1].getMessage().split(": ")[1].split()[0])
    own = [name for name in names if not name.startswith(("admin/", "registration/", "django_filters/"))]
    assert compiled >= len(own)


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
