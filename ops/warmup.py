"""What a new worker process does before it takes its first request (csrportal.wsgi).

A worker is replaced after ``max_requests`` (deploy/gunicorn.conf.py) and on every deploy; its
first visitors paid 200 to 390 ms of CPU for work done once per process: importing the views
behind the URLconf, the URL names of each language, compiling templates (the pages' and the
public forms' widget templates, ``core.forms.PUBLIC_FORM_RENDERER``), loading the translation
catalogues, opening the database and cache connections. gunicorn loads the WSGI application
before the worker accepts any request, so doing that work here costs no visitor anything. Every
template either engine can find is compiled (no list of pages to keep in step); one that fails
to compile is left to fail where it is used, as before.

Then what is loaded is frozen (``gc.freeze``, as Python's documentation of the ``gc`` module
describes): the modules, compiled templates and catalogues, some 220,000 objects, live as long as
the worker and are no longer walked by the garbage collector's full collections, each of which
cost one visitor in a hundred about 150 ms of CPU (docs/performance.md).

``WARM_UP_WORKERS`` (default: on unless DEBUG) turns it off; ``runserver`` reloads would
otherwise pay it on every change.
"""

from __future__ import annotations

import gc
import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template import TemplateSyntaxError, engines
from django.template.backends.base import BaseEngine
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from jinja2 import TemplateError

from core.forms import PUBLIC_FORM_RENDERER

logger = logging.getLogger(__name__)


def template_names(engine: BaseEngine | None = None) -> list[str]:
    """Every HTML template ``engine`` (by default the pages' Django engine) can find, by the name
    it is looked up by."""
    names = set()
    for directory in (engine or engines["django"]).template_dirs:
        root = Path(directory)
        names.update(path.relative_to(root).as_posix() for path in root.rglob("*.html"))
    return sorted(names)


def warm_up() -> None:
    started = time.process_time()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reverse("admin:index")  # imports every URLconf and the views; URL names of the language
            translation.gettext("Needs")  # loads the catalogues of the language
    compiled = 0
    for name in template_names():
        try:
            get_template(name)
        except (TemplateSyntaxError, LookupError, ImportError):
            logger.debug("warm-up: template %s not compiled", name)
        else:
            compiled += 1
    for name in template_names(PUBLIC_FORM_RENDERER.engine):
        try:
            PUBLIC_FORM_RENDERER.get_template(name)
        except (TemplateError, LookupError, ImportError):
            logger.debug("warm-up: form template %s not compiled", name)
        else:
            compiled += 1
    connection.ensure_connection()
    cache.get("warm-up")  # opens the cache's connection (Redis in production)
    logger.info(
        "worker warmed up: %s templates compiled, %.0f ms of CPU", compiled, (time.process_time() - started) * 1000
    )


def warm_up_if_wanted() -> None:
    if not getattr(settings, "WARM_UP_WORKERS", not settings.DEBUG):
        return
    try:
        warm_up()
    except Exception:  # a worker that could not warm up still serves, as before
        logger.exception("worker warm-up failed")
        return
    freeze_what_is_loaded()


def freeze_what_is_loaded() -> None:
    """Leave the objects loaded so far out of every later garbage collection: the garbage of the
    warm-up first collected, the rest moved to the permanent generation (``gc.freeze``)."""
    gc.collect()
    gc.freeze()
