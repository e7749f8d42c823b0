"""Backups that restore: the database and the evidence files in one archive.

An archive ``csrportal-YYYYMMDD-HHMMSS.tar`` holds

- ``manifest.json``: when, which database engine, and the SHA-256 of every file inside;
- ``database.pgdump`` (``pg_dump -Fc``) or ``database.sqlite3`` (SQLite's online backup API, a
  consistent copy while the portal runs);
- ``media/…``: every file under MEDIA_ROOT (evidence photos and BASTs).

Restoring checks every checksum before it touches anything, then replaces the database
(``pg_restore --clean`` in one transaction, or SQLite's backup API into the database file) and
writes the files back under MEDIA_ROOT. The archive holds personal data (officers' addresses,
photos of deliveries): it is written readable by its owner only.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.db import connections

ARCHIVE_PREFIX = "csrportal-"
ARCHIVE_SUFFIX = ".tar"
MANIFEST = "manifest.json"
FORMAT = 1
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, for the operator."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _vendor(database: dict[str, Any]) -> str:
    engine = database["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise BackupError(f"backups know PostgreSQL and SQLite, not {engine}")


def _pg_environment(database: dict[str, Any]) -> dict[str, str]:
    """libpq's own variables: the password never shows on a command line."""
    env = dict(os.environ)
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
        "PGSSLMODE": (database.get("OPTIONS") or {}).get("sslmode"),
    }
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def _run(command: list[str], database: dict[str, Any], what: str) -> None:
    executable = shutil.which(command[0])
    if executable is None:
        raise BackupError(f"{command[0]} not found: install the PostgreSQL client (apt-get install postgresql-client)")
    result = subprocess.run(  # noqa: S603 (pg_dump/pg_restore, arguments of our own)
        [executable, *command[1:]], env=_pg_environment(database), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip() or result.returncode}")


def _dump_database(alias: str, target: Path) -> str:
    connection = connections[alias]
    vendor = _vendor(connection.settings_dict)
    if vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target)], connection.settings_dict, "pg_dump")
    else:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
    return vendor


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.exists():
        return []
    return sorted(path for path in media_root.rglob("*") if path.is_file() and not path.is_symlink())


def backup_create(*, dest_dir: Path, media_root: Path, alias: str = "default", keep: int | None = None) -> Path:
    """Write a new archive into ``dest_dir`` and return its path; with ``keep``, remove all but
    the newest ``keep`` archives there afterwards."""
    if keep is not None and keep < 1:
        raise BackupError("--keep must be at least 1")
    dest_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%d-%H%M%S")
    archive = dest_dir / f"{ARCHIVE_PREFIX}{stamp}{ARCHIVE_SUFFIX}"
    if archive.exists():
        raise BackupError(f"{archive} already exists; wait a second and try again")
    partial = archive.with_name(archive.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="csrportal-backup-") as work:
        vendor = connections[alias].vendor
        dump = Path(work) / DUMP_NAMES.get(vendor, "database")
        vendor = _dump_database(alias, dump)
        files = _media_files(media_root)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
            "database": {"vendor": vendor, "file": dump.name, "sha256": _sha256(dump)},
            "media": {path.relative_to(media_root).as_posix(): _sha256(path) for path in files},
        }
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle, tarfile.open(fileobj=handle, mode="w") as tar:
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.datetime.now(tz=datetime.UTC).timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=dump.name)
            for path in files:
                tar.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
    partial.rename(archive)  # a half-written archive never looks like a backup
    if keep is not None:
        for old in sorted(dest_dir.glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}"))[:-keep]:
            old.unlink()
    return archive


def _read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, AttributeError, json.JSONDecodeError) as error:
        raise BackupError(f"not a portal backup (no readable {MANIFEST})") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"backup format {manifest.get('format')!r} is not the one this portal reads ({FORMAT})")
    return manifest


def _verify(tar: tarfile.TarFile, manifest: dict[str, Any]) -> None:
    """Every file the manifest names is in the archive with its checksum, and nothing else is."""
    expected = {manifest["database"]["file"]: manifest["database"]["sha256"]}
    expected.update({f"media/{name}": digest for name, digest in manifest["media"].items()})
    seen = set()
    for member in tar.getmembers():
        if member.name == MANIFEST:
            continue
        if member.name not in expected or not member.isfile():
            raise BackupError(f"unexpected entry in the archive: {member.name}")
        digest = hashlib.sha256()
        handle = tar.extractfile(member)
        for block in iter(lambda handle=handle: handle.read(1 << 20), b""):
            digest.update(block)
        if digest.hexdigest() != expected[member.name]:
            raise BackupError(f"{member.name} is damaged (checksum differs from the manifest)")
        seen.add(member.name)
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"the archive lacks {len(missing)} file(s) of its manifest, e.g. {missing[0]}")


def backup_restore(*, archive: Path, database: dict[str, Any], media_root: Path) -> dict[str, Any]:
    """Replace the database described by ``database`` (a Django DATABASES entry) and write the
    evidence files back under ``media_root``. Returns the archive's manifest."""
    if not archive.is_file():
        raise BackupError(f"{archive} is not a file")
    try:
        tar = tarfile.open(archive, mode="r")  # noqa: SIM115 (closed by the with below)
    except tarfile.TarError as error:
        raise BackupError(f"{archive} is not a readable archive: {error}") from error
    with tar, tempfile.TemporaryDirectory(prefix="csrportal-restore-") as work:
        manifest = _read_manifest(tar)
        _verify(tar, manifest)
        vendor = manifest["database"]["vendor"]
        if vendor != _vendor(database):
            raise BackupError(
                f"this backup is of a {vendor} database; the portal is configured for {_vendor(database)}"
            )
        tar.extract(manifest["database"]["file"], path=work, filter="data")
        dump = Path(work) / manifest["database"]["file"]
        if vendor == "postgresql":
            _run(
                [
                    "pg_restore",
                    *("--clean", "--if-exists", "--no-owner", "--no-privileges"),
                    *("--single-transaction", "--exit-on-error", "--dbname", database["NAME"]),
                    str(dump),
                ],
                database,
                "pg_restore",
            )
        else:
            with sqlite3.connect(dump) as source, sqlite3.connect(database["NAME"]) as target:
                source.backup(target)
            source.close()
            target.close()
        media_root.mkdir(parents=True, exist_ok=True)
        media = [member for member in tar.getmembers() if member.name.startswith("media/")]
        for member in media:
            member.name = member.name.removeprefix("media/")
        tar.extractall(path=media_root, members=media, filter="data")
    return manifest
