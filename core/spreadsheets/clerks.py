"""How forum secretariats and Dinsos clerks write values, read in one place for every resource
(issue 25): rupiah as they type it, names of companies with or without their legal form,
names of kecamatan and villages with or without "Kec."/"Desa", and every registered name that is
equally close to a name that matches none.

Nothing here queries the database: the widgets (``core.spreadsheets.widgets`` and
``lookups``, the registries' own widgets) load what they compare against once per file.
"""

import difflib
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core.spreadsheets.cells import SPACES, loose_key

# ---------------------------------------------------------------------------------------------
# Rupiah.

_RUPIAH_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
# "48.000.000,-", "48.000.000.-", "48.000.000-": the dash that closes an amount on a receipt.
_CLOSING_DASH = re.compile(r"(?<=\d)\s*[.,]?\s*-+$")
# The words for thousands, millions, milliards (Indonesian "miliar": 10^9) and trillions.
MULTIPLIERS = {
    "rb": 1_000,
    "ribu": 1_000,
    "jt": 1_000_000,
    "juta": 1_000_000,
    "m": 1_000_000_000,
    "miliar": 1_000_000_000,
    "milyar": 1_000_000_000,
    "triliun": 1_000_000_000_000,
}
_SCALED = re.compile(r"(?P<number>\d+(?:[.,]\d+)*)\s*(?P<word>[a-z]+)\.?", re.IGNORECASE)


def rupiah_text(text: str) -> str:
    """``Rp. 48.000.000,-`` → ``48.000.000``: the number as written, without the currency and the
    closing dash."""
    text = _RUPIAH_PREFIX.sub("", text.strip())
    return _CLOSING_DASH.sub("", text).strip()


def scaled_rupiah(text: str) -> int | None:
    """``48 jt`` → 48.000.000, ``1,5 M`` → 1.500.000.000, ``250rb`` → 250.000; None when ``text``
    has no multiplier word. In the number, a dot before exactly three digits groups thousands
    (``1.500 jt`` is 1.500 juta) and a comma, or a dot before other than three digits, is the
    decimal point (``1,5 M``, ``2.5 jt``). ValueError for an unknown word or a result with sen."""
    match = _SCALED.fullmatch(SPACES.sub(" ", text).strip())
    if match is None:
        return None
    multiplier = MULTIPLIERS.get(match.group("word").casefold())
    if multiplier is None:
        raise ValueError(text)
    number = match.group("number")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        number = number.replace(".", "")
    elif number.count(",") + number.count(".") > 1:
        raise ValueError(text)
    try:
        value = Decimal(number.replace(",", ".")) * multiplier
    except InvalidOperation:
        raise ValueError(text) from None
    if value != value.to_integral_value():
        raise ValueError(text)
    return int(value)


# ---------------------------------------------------------------------------------------------
# Names of companies: the legal form may be left out or moved.

#: Legal forms clerks leave out or write elsewhere in a company's name ("Sebangau Agro Mandiri,
#: PT" or "Sebangau Agro Mandiri" for "PT Sebangau Agro Mandiri").
LEGAL_FORMS = frozenset({"pt", "cv", "tbk", "persero", "perum", "perseroan", "terbatas", "ud", "fa", "firma"})
_WORD = re.compile(r"[^\W_]+")


def without_legal_form(name: str) -> str:
    """The loose key of a company name without its legal form: ``PT Sebangau Agro Mandiri Tbk``,
    ``Sebangau Agro Mandiri, PT`` and ``sebangau agro mandiri`` are all ``sebangauagromandiri``."""
    words = [word for word in _WORD.findall(name.casefold()) if word not in LEGAL_FORMS]
    return "".join(words) or loose_key(name)


# ---------------------------------------------------------------------------------------------
# Names of regions: "Kec. Jabiren Raya", "Kecamatan Kahayan Hilir", "KAHAYAN HILIR", "Desa Mintin".

_REGION_PREFIX = re.compile(
    r"^(?:kecamatan|kec|kel|kelurahan|desa|ds|kabupaten|kab|kota)\b\.?\s*",
    re.IGNORECASE,
)


def without_region_prefix(name: str) -> str:
    """``Kec. Jabiren Raya`` → ``Jabiren Raya``."""
    return " ".join(_REGION_PREFIX.sub("", name.strip()).split())


def region_name_key(name: str) -> str:
    """How a kecamatan or village name is compared: without "Kec."/"Kecamatan"/"Desa"/"Kel.",
    case, spaces and punctuation."""
    return loose_key(without_region_prefix(name))


# ---------------------------------------------------------------------------------------------
# Suggestions.

#: How alike a key must be to a registered one to be offered as "maksud Anda ...?" (difflib's ratio).
CLOSE_MATCH_CUTOFF = 0.8


def close_matches(key: str, candidates: Iterable[str], cutoff: float = CLOSE_MATCH_CUTOFF) -> list[str]:
    """Every candidate as close to ``key`` as the closest one (difflib's ratio, at least
    ``cutoff``), in their order: "PSBD Budi Bhakti" gets both "… 1" and "… 2"."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(key)
    scored = []
    for candidate in candidates:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            ratio = round(matcher.ratio(), 9)
            if ratio >= cutoff:
                scored.append((ratio, candidate))
    if not scored:
        return []
    best = max(ratio for ratio, _candidate in scored)
    return [candidate for ratio, candidate in scored if ratio == best]


def or_list(names: Iterable[str]) -> str:
    """``['A', 'B', 'C']`` → ``'A', 'B' atau 'C'`` for a message."""
    quoted = [f"'{name}'" for name in dict.fromkeys(names)]
    if len(quoted) <= 1:
        return "".join(quoted)
    return _("%(names)s atau %(last)s") % {"names": ", ".join(quoted[:-1]), "last": quoted[-1]}
