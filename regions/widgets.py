"""The spreadsheet cell of a region: its Kemendagri code (``core.spreadsheets`` knows no app, so
the lookup of regions lives here, beside them)."""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from core.spreadsheets.cells import SPACES, chunks, shown
from core.spreadsheets.lookups import LookupWidget
from regions.models import Region

_REGION_CODE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")
# A code typed without its dots: 3172, 317203, 3172031001.
_UNDOTTED = re.compile(r"(\d{2})(\d{2})(\d{2})?(\d{4})?")


def dotted(code: str) -> str:
    """``317203`` → ``31.72.03``, ``3172031001`` → ``31.72.03.1001``; anything else unchanged."""
    match = _UNDOTTED.fullmatch(code)
    if match is None or (match.group(4) and not match.group(3)):
        return code
    return ".".join(part for part in match.groups() if part)


class RegionWidget(LookupWidget):
    """A Kemendagri region code: ``31``, ``31.75``, ``31.75.01``, ``31.75.01.1001``, with or
    without its dots (``317501``). Excel may have turned ``62.10`` into the number 62.1: numbers
    get two decimals back."""

    model = Region
    field = "code"

    def normalize(self, value):
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, int):
            return dotted(str(value))
        if isinstance(value, float | Decimal):
            return dotted(str(int(value))) if value == int(value) else f"{value:.2f}"
        return dotted(SPACES.sub("", str(value)).replace(",", "."))

    def load(self, keys):
        codes = [key for key in keys if _REGION_CODE.fullmatch(key)]
        found = {}
        for batch in chunks(codes):
            for region in self.get_queryset(None, None).filter(code__in=batch).only("code", "name", "level"):
                found[region.code] = region
        return found

    def unknown(self, value):
        return _("kode wilayah %(value)s tidak dikenal.") % {"value": shown(value)}

    def describe(self):
        return _("Kode wilayah Kemendagri, mis. 31.75.01 (kecamatan) atau 62.11 (kabupaten).")
