"""Every user-facing string has an Indonesian translation, and the committed catalogues are
compiled from their sources (no gettext needed on a newcomer's machine)."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def test_every_indonesian_string_is_translated():
    po = catalogue("id")
    missing = [entry.msgid for entry in po if not entry.obsolete and not entry.translated()]
    fuzzy = [entry.msgid for entry in po if "fuzzy" in entry.flags]
    assert missing == []
    assert fuzzy == []
    assert len(po) > 300


@pytest.mark.parametrize("language", ["id", "en"])
def test_compiled_catalogue_matches_its_source(language):
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr or dict(entry.msgstr_plural)
        for entry in catalogue(language).translated_entries()
    }
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    built = {
        (entry.msgctxt, entry.msgid): entry.msgstr or dict(entry.msgstr_plural) for entry in compiled if entry.msgid
    }
    assert built == source, "run `make messages` to recompile the .mo files"


def test_django_uses_the_catalogues():
    with translation.override("id"):
        assert translation.gettext("Open needs") != "Open needs"
    with translation.override("en"):
        assert translation.gettext("Open needs") == "Open needs"
