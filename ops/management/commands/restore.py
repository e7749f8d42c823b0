"""``manage.py restore ARCHIVE``: put a backup of ``manage.py backup`` back (ops.backup)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from ops.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Replace the database with the one in a backup archive and write its evidence files back "
        "under MEDIA_ROOT. Stop the web server and the worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a csrportal-*.tar written by manage.py backup")
        parser.add_argument("--database", default="default", help="the database alias (default: default)")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="do not ask for confirmation"
        )

    def handle(self, *args, archive, database, interactive, **options):
        target = connections[database].settings_dict
        if interactive:
            answer = input(
                f"This replaces every row of the database {target['NAME']!r} and writes files under "
                f"{settings.MEDIA_ROOT}. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        connections[database].close()
        try:
            manifest = backup_restore(archive=Path(archive), database=target, media_root=Path(settings.MEDIA_ROOT))
        except (BackupError, OSError) as error:
            raise CommandError(f"Restore failed: {error}") from error
        self.stdout.write(
            f"Restored the {manifest['database']['vendor']} database of {manifest['created_at']} "
            f"and {len(manifest['media'])} file(s) under {settings.MEDIA_ROOT}."
        )
