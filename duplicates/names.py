"""How two names are compared: both are normalised (case, punctuation, legal forms and the
generic words of facility names dropped) and compared with ``difflib.SequenceMatcher`` from the
standard library (docs/decisions.md, "Duplicates")."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from core.titles import similar_titles

#: Words that say what kind of organisation it is, not which one: "PT Bank X" and "Bank X Tbk"
#: are one company, "Panti Asuhan Budi Mulia" and "PSAA Budi Mulya" one facility.
GENERIC_WORDS = frozenset(
    (
        # legal forms
        "pt",
        "cv",
        "tbk",
        "persero",
        "perseroda",
        "perum",
        "ud",
        "fa",
        "koperasi",
        "yayasan",
        "perkumpulan",
        # facility kinds
        "lembaga",
        "panti",
        "sosial",
        "asuhan",
        "werdha",
        "wreda",
        "jompo",
        "rehabilitasi",
        "upt",
        "uptd",
        "lks",
        "lksa",
        "lkslu",
        "psaa",
        "psbr",
        "pstw",
        "psbl",
        "psbn",
        "psbg",
        "psbd",
        "psbk",
        "psbi",
        "pskw",
    )
)

#: Two names at least this similar (0–1) are offered as possible duplicates.
NAME_THRESHOLD = 0.85

_NON_WORD = re.compile(r"[^\w\s]+")


def normalise(name: str) -> str:
    """``"PT. Bank X (Persero) Tbk."`` → ``"bank x"``. A name made only of generic words keeps
    them, so that "Yayasan" is not compared as an empty string."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    words = _NON_WORD.sub(" ", text.lower()).split()
    specific = [word for word in words if word not in GENERIC_WORDS]
    return " ".join(specific or words)


def plain(text: str) -> str:
    """Case and punctuation only (need titles: "Kasur" is not a generic word)."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


_NUMBER = re.compile(r"\d+")


def name_similarity(first: str, second: str) -> float:
    """``similarity`` of two normalised names, but 0 when both carry numbers and these differ:
    "PSBR Taruna Jaya 1" and "PSBR Taruna Jaya 2" are two facilities."""
    numbers = set(_NUMBER.findall(first)), set(_NUMBER.findall(second))
    if all(numbers) and numbers[0] != numbers[1]:
        return 0.0
    return similarity(first, second)


def similarity(first: str, second: str) -> float:
    """0–1, 1 for equal normalised strings; the cheap upper bounds go first."""
    if not first or not second:
        return 0.0
    if first == second:
        return 1.0
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < NAME_THRESHOLD or matcher.quick_ratio() < NAME_THRESHOLD:
        return 0.0
    return matcher.ratio()


def blocking_keys(normalised: str) -> set[str]:
    """Keys under which a normalised name is filed so that only names sharing one are compared:
    its words of three letters or more, and its first four letters without spaces ("sinarmas"
    and "sinar mas" share "sina"). Two names similar enough to be offered share one of them."""
    words = {word for word in normalised.split() if len(word) >= 3}
    return words | {normalised.replace(" ", "")[:4]}


def title_score(first: str, second: str) -> float:
    """0 unless two need titles name the same thing (``core.titles.similar_titles``, the overlap
    warning's rule too); else how alike their texts are (0–1), which orders the list."""
    if not similar_titles(first, second):
        return 0.0
    return SequenceMatcher(None, plain(first), plain(second), autojunk=False).ratio()
