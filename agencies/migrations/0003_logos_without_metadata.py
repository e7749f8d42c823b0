"""Logos uploaded before logos were cleaned kept their EXIF data (GPS included) and were served
publicly: store each again, re-encoded from its pixels (core.images), under the same name."""

import io

import filetype
from django.db import migrations

from core.images import FORMATS, reencode_without_metadata


def clean_logos(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    for agency in Agency.objects.exclude(logo=""):
        storage = agency.logo.storage
        try:
            with storage.open(agency.logo.name, "rb") as handle:
                data = handle.read()
        except OSError:
            continue  # a missing file: nothing is served either
        kind = filetype.guess(data)
        if kind is None or kind.mime not in FORMATS:
            continue
        try:
            cleaned = reencode_without_metadata(io.BytesIO(data), kind.mime)
        except (OSError, ValueError, SyntaxError):
            continue  # not a readable image: the page shows it as before
        with storage.open(agency.logo.name, "wb") as handle:
            handle.write(cleaned)


class Migration(migrations.Migration):
    dependencies = [("agencies", "0002_realisations")]

    operations = [migrations.RunPython(clean_logos, migrations.RunPython.noop)]
