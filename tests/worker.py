"""Running the background worker inside a test."""

from unittest import mock

from django.core.management import call_command


def run_worker():
    """Run every waiting task, as `manage.py db_worker` would, then return. The worker closes
    its connection between tasks, as it should in production; here that connection holds the
    test's transaction, so keep it open."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
