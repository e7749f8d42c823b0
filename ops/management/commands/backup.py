"""``manage.py backup``: the database and MEDIA_ROOT in one archive (ops.backup)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and the evidence files (MEDIA_ROOT) into one archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dest", default=None, help="folder for the archives (default: BACKUP_DIR, else ./backups)"
        )
        parser.add_argument("--keep", type=int, default=None, help="keep only the newest N archives in the folder")
        parser.add_argument("--database", default="default", help="the database alias (default: default)")

    def handle(self, *args, dest, keep, database, **options):
        folder = Path(dest or settings.BACKUP_DIR)
        try:
            archive = backup_create(dest_dir=folder, media_root=Path(settings.MEDIA_ROOT), alias=database, keep=keep)
        except (BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        self.stdout.write(f"Backup written: {archive} ({archive.stat().st_size:,} bytes)")
