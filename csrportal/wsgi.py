import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csrportal.settings")
application = get_wsgi_application()

# Before the worker takes its first request: imports, templates, catalogues, connections.
from ops.warmup import warm_up_if_wanted  # noqa: E402 (after Django is set up)

warm_up_if_wanted()
