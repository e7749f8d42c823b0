"""Backups that restore: rows and evidence files come back, byte for byte."""

import hashlib
import io
import os
import sqlite3
import subprocess
import sys
import tarfile

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from PIL import Image

from matching import services
from matching.models import Evidence, EvidenceKind, PledgeStatus
from notifications.models import OutgoingEmail
from ops.backup import BackupError, backup_create, backup_restore
from tests.factories import NeedFactory, pledge_in_state
from tests.ops.conftest import ROOT
from tests.ops.servers import database_url

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png_bytes(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def portal_with_evidence() -> list[Evidence]:
    """Needs, pledges in several states, e-mails, and two delivery reports with files."""
    need = NeedFactory(title="Kasur busa untuk asrama", quantity=100)
    for state in (PledgeStatus.OFFERED, PledgeStatus.PROPOSED, PledgeStatus.VERIFIED):
        pledge_in_state(state, need=need)
    for colour in ((200, 10, 10), (10, 200, 10)):
        pledge = pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=5)
        partner = pledge.company.officers.first().user
        services.delivery_report_submit(
            pledge=pledge,
            actor=partner,
            delivered_on=timezone.localdate(),
            quantity=5,
            files=[
                (SimpleUploadedFile("foto.png", png_bytes(colour), content_type="image/png"), EvidenceKind.PHOTO),
                (SimpleUploadedFile("bast.pdf", PDF, content_type="application/pdf"), EvidenceKind.BAST),
            ],
        )
    evidence = list(Evidence.objects.all())
    assert len(evidence) == 4
    assert OutgoingEmail.objects.exists()
    return evidence


def file_digests(root) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


# --- PostgreSQL -------------------------------------------------------------------------------


def pg_connect(name: str, **kwargs) -> psycopg.Connection:
    db = connection.settings_dict
    return psycopg.connect(
        dbname=name,
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        **kwargs,
    )


def pg_recreate(name: str, *, create: bool = True) -> None:
    """Drop (and create) the restore database: never the test database in use."""
    assert name != connection.settings_dict["NAME"]
    with pg_connect("postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            admin.execute(f'CREATE DATABASE "{name}"')


def pg_contents(name: str) -> dict[str, tuple]:
    """Every table's row count and a digest of all its rows, and every sequence's position."""
    with pg_connect(name) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            ).fetchall()
        ]
        contents = {}
        for table in tables:
            contents[table] = db.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: S608
            ).fetchone()
        for name_, value in db.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"):
            contents[f"sequence {name_}"] = (value,)
    return contents


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_postgresql_backup_restores_every_row_and_every_file(settings, tmp_path):
    # A database of the test's own beside the test database (test_csr_prod → test_csr_prod_restore).
    restore_database = f"{connection.settings_dict['NAME']}_restore"
    settings.MEDIA_ROOT = tmp_path / "media"
    evidence = portal_with_evidence()
    files_before = file_digests(settings.MEDIA_ROOT)
    assert sorted(files_before) == sorted(item.file.name for item in evidence)
    rows_before = pg_contents(connection.settings_dict["NAME"])
    assert rows_before["facilities_need"][0] == 1
    assert rows_before["matching_evidence"][0] == 4

    out = io.StringIO()
    call_command("backup", "--dest", str(tmp_path / "backups"), stdout=out)
    (archive,) = (tmp_path / "backups").glob("csrportal-*.tar")
    assert f"Backup written: {archive}" in out.getvalue()
    assert archive.stat().st_mode & 0o077 == 0  # personal data: the owner's only

    # The disaster: the database and the files are gone.
    pg_recreate(restore_database)
    for path in settings.MEDIA_ROOT.rglob("*"):
        if path.is_file():
            path.unlink()
    assert file_digests(settings.MEDIA_ROOT) == {}

    # As the operator would: manage.py restore, with the portal's variables for that database.
    result = subprocess.run(  # noqa: S603 (our manage.py)
        [sys.executable, "manage.py", "restore", str(archive), "--noinput"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "csrportal.settings",
            "DATABASE_URL": database_url(restore_database),
            "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Restored the postgresql database" in result.stdout
    assert f"and 4 file(s) under {settings.MEDIA_ROOT}" in result.stdout, result.stdout
    assert pg_contents(restore_database) == rows_before
    assert file_digests(settings.MEDIA_ROOT) == files_before

    # Restoring again over a database in use replaces it rather than adding to it.
    with pg_connect(restore_database, autocommit=True) as db:
        db.execute("DELETE FROM notifications_outgoingemail")
        db.execute("UPDATE facilities_need SET title = 'rusak'")
    target = {**connection.settings_dict, "NAME": restore_database}
    backup_restore(archive=archive, database=target, media_root=settings.MEDIA_ROOT)
    assert pg_contents(restore_database) == rows_before
    pg_recreate(restore_database, create=False)


# --- SQLite and either engine -----------------------------------------------------------------


def sqlite_rows(db) -> dict[str, list]:
    tables = [
        row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    ]
    return {table: sorted(map(repr, db.execute(f'SELECT * FROM "{table}"').fetchall())) for table in tables}  # noqa: S608


@pytest.mark.django_db(transaction=True)
def test_a_sqlite_backup_restores_every_row_and_every_file(settings, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite path; PostgreSQL has its own test")
    settings.MEDIA_ROOT = tmp_path / "media"
    portal_with_evidence()
    files_before = file_digests(settings.MEDIA_ROOT)
    archive = backup_create(dest_dir=tmp_path / "backups", media_root=settings.MEDIA_ROOT)
    connection.ensure_connection()
    rows_before = sqlite_rows(connection.connection)

    restored_file = tmp_path / "restored.sqlite3"
    restored_media = tmp_path / "restored-media"
    target = {**connection.settings_dict, "NAME": str(restored_file)}
    backup_restore(archive=archive, database=target, media_root=restored_media)

    # Read as Django reads it (its converters turn declared timestamps into datetimes).
    with sqlite3.connect(restored_file, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES) as restored:
        assert sqlite_rows(restored) == rows_before
    restored.close()
    assert file_digests(restored_media) == files_before
    assert len(files_before) == 4


@pytest.mark.django_db
def test_keep_leaves_only_the_newest_archives(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20250101-010101", "20250102-010101", "20250103-010101"):
        (folder / f"csrportal-{stamp}.tar").write_bytes(b"old")
    (folder / "notes.txt").write_text("not a backup")
    newest = backup_create(dest_dir=folder, media_root=settings.MEDIA_ROOT, keep=2)
    assert sorted(path.name for path in folder.iterdir()) == ["csrportal-20250103-010101.tar", newest.name, "notes.txt"]


@pytest.mark.django_db
def test_a_damaged_archive_is_refused_before_anything_is_changed(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    (settings.MEDIA_ROOT / "evidence.pdf").write_bytes(PDF)
    archive = backup_create(dest_dir=tmp_path / "backups", media_root=settings.MEDIA_ROOT)
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as copy:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "media/evidence.pdf":
                data = data.replace(b"Catalog", b"Katalog")
            copy.addfile(member, io.BytesIO(data))
    target_media = tmp_path / "untouched"
    target = {**connection.settings_dict, "NAME": str(tmp_path / "never-written.sqlite3")}
    with pytest.raises(BackupError, match=r"media/evidence\.pdf is damaged"):
        backup_restore(archive=damaged, database=target, media_root=target_media)
    assert not target_media.exists()
    assert not (tmp_path / "never-written.sqlite3").exists()


@pytest.mark.django_db
def test_restore_says_clearly_what_is_wrong_with_its_archive(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8 not a tar")
    with pytest.raises(CommandError, match="is not a readable archive"):
        call_command("restore", str(tmp_path / "photo.jpg"), "--noinput")
    with pytest.raises(CommandError, match="is not a file"):
        call_command("restore", str(tmp_path / "missing.tar"), "--noinput")
    with tarfile.open(tmp_path / "other.tar", "w") as tar:
        tar.addfile(tarfile.TarInfo("readme.txt"), io.BytesIO(b""))
    with pytest.raises(CommandError, match="not a portal backup"):
        call_command("restore", str(tmp_path / "other.tar"), "--noinput")
