"""Units of a need as a small translated vocabulary.

Staff type units in Indonesian ("orang", "buah", "paket"). Indonesian readers see them as typed;
English readers see the English word for the ones this vocabulary knows, in the singular or
plural the quantity asks for, and any other unit as typed.
"""

from django.utils.translation import get_language, ngettext_lazy

# Typed unit (lower case) -> its English singular and plural (gettext, so the catalogues know them).
VOCABULARY = {
    "orang": ngettext_lazy("person", "people", "n"),
    "jiwa": ngettext_lazy("person", "people", "n"),
    "anak": ngettext_lazy("child", "children", "n"),
    "buah": ngettext_lazy("piece", "pieces", "n"),
    "biji": ngettext_lazy("piece", "pieces", "n"),
    "pcs": ngettext_lazy("piece", "pieces", "n"),
    "paket": ngettext_lazy("package", "packages", "n"),
    "unit": ngettext_lazy("unit", "units", "n"),
    "set": ngettext_lazy("set", "sets", "n"),
    "stel": ngettext_lazy("set", "sets", "n"),
    "pasang": ngettext_lazy("pair", "pairs", "n"),
    "lembar": ngettext_lazy("sheet", "sheets", "n"),
    "kg": ngettext_lazy("kg", "kg", "n"),
    "liter": ngettext_lazy("litre", "litres", "n"),
    "m²": ngettext_lazy("m²", "m²", "n"),
    "m2": ngettext_lazy("m²", "m²", "n"),
    "meter": ngettext_lazy("metre", "metres", "n"),
    "kali": ngettext_lazy("session", "sessions", "n"),
    "sesi": ngettext_lazy("session", "sessions", "n"),
    "bulan": ngettext_lazy("month", "months", "n"),
    "hari": ngettext_lazy("day", "days", "n"),
    "tahun": ngettext_lazy("year", "years", "n"),
    "kelas": ngettext_lazy("class", "classes", "n"),
    "kegiatan": ngettext_lazy("activity", "activities", "n"),
    "rupiah": ngettext_lazy("rupiah", "rupiah", "n"),
    "rp": ngettext_lazy("rupiah", "rupiah", "n"),
}


# How clerks and foreign partners also write the units above, in spreadsheets: each is stored as
# the Indonesian word (docs/decisions.md, "Imports that forgive"). Lower case, without a dot.
SYNONYMS = {
    "bh": "buah",
    "pc": "buah",
    "pcs": "buah",
    "piece": "buah",
    "pieces": "buah",
    "org": "orang",
    "person": "orang",
    "persons": "orang",
    "people": "orang",
    "pkt": "paket",
    "package": "paket",
    "packages": "paket",
    "units": "unit",
    "sets": "set",
    "psg": "pasang",
    "pair": "pasang",
    "pairs": "pasang",
    "lbr": "lembar",
    "sheet": "lembar",
    "sheets": "lembar",
    "l": "liter",
    "ltr": "liter",
    "litre": "liter",
    "litres": "liter",
    "m2": "m²",
    "session": "sesi",
    "sessions": "sesi",
    "bln": "bulan",
    "month": "bulan",
    "months": "bulan",
    "hr": "hari",
    "day": "hari",
    "days": "hari",
    "thn": "tahun",
    "year": "tahun",
    "years": "tahun",
}


def normalized_unit(text: str) -> str:
    """A typed unit as the portal stores it: a known synonym becomes its Indonesian word; any
    other unit stays as typed (trimmed)."""
    key = text.strip().lower().rstrip(".")
    return SYNONYMS.get(key, text.strip())


def unit_label(unit: str, quantity: int | None = None) -> str:
    """``unit`` as the reader should see it beside ``quantity`` (plural when not 1)."""
    if not (get_language() or "id").startswith("en"):
        return unit
    words = VOCABULARY.get(unit.strip().lower())
    if words is None:
        return unit
    return str(words % {"n": 1 if quantity == 1 else 2})
