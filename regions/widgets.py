"""The spreadsheet cell of a region: its Kemendagri code, and where a clerk may write it so, a
kecamatan's or village's name (``core.spreadsheets`` knows no app, so the lookup of regions
lives here, beside them)."""

import re
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from core.spreadsheets.cells import SPACES, FormulaCell, chunks, is_blank, shown
from core.spreadsheets.clerks import close_matches, or_list, region_name_key, without_region_prefix
from core.spreadsheets.lookups import LookupWidget
from regions.models import Region, RegionLevel

_REGION_CODE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")
# A code typed without its dots: 3172, 317203, 3172031001.
_UNDOTTED = re.compile(r"(\d{2})(\d{2})(\d{2})?(\d{4})?")
# "62.11.05 Kahayan Hilir", "62.11.05", "6211 05": a code, then perhaps its name.
_CODE_THEN_NAME = re.compile(r"(?P<code>\d[\d.,\s]*)(?P<name>[^\W\d_].*)?", re.DOTALL)
LEVEL_WORDS = {RegionLevel.DISTRICT: "kecamatan", RegionLevel.VILLAGE: "desa/kelurahan"}


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

    def __init__(self, *, required: bool = True, names: bool = False):
        super().__init__(required=required)
        #: Whether a kecamatan or village may be written by its name ("Maliku", "Kec. Jabiren
        #: Raya") or as "code name" ("62.11.05 Kahayan Hilir", the name checked against the code).
        self.names = names
        #: The importing account's area (a Kemendagri code; None: the whole country), where a
        #: name must be unique.
        self.area: str | None = None
        self.by_name: dict[str, list[Region]] | None = None

    def within(self, area: str | None) -> None:
        self.area = area or None

    @staticmethod
    def code_and_name(value) -> tuple[object | None, str]:
        """``62.11.05 Kahayan Hilir`` → (``62.11.05``, ``Kahayan Hilir``); ``Maliku`` → (None, ``Maliku``)."""
        if not isinstance(value, str):
            return value, ""
        match = _CODE_THEN_NAME.fullmatch(value.strip())
        if match is None:
            return None, value.strip()
        return match.group("code"), (match.group("name") or "").strip()

    def prime(self, values):
        if not self.names:
            super().prime(values)
            return
        codes, names = [], []
        for value in values:
            if is_blank(value) or isinstance(value, FormulaCell):
                continue
            code, name = self.code_and_name(value)
            if code is not None:
                codes.append(code)
            elif name:
                names.append(name)
        super().prime(codes)
        self.by_name = self.load_names(names)

    def load_names(self, names: list[str]) -> dict[str, list[Region]]:
        """Kecamatan and villages of the area by their name's key (the area's all, for the
        suggestions; without an area, those of the names written)."""
        if not names:
            return {}
        regions = Region.objects.filter(level__gte=RegionLevel.DISTRICT).only("code", "name", "level")
        if self.area:
            regions = regions.filter(code__startswith=f"{self.area}.")
        else:
            wanted = Q()
            for name in names:
                wanted |= Q(name__iexact=without_region_prefix(name))
            regions = regions.filter(wanted)
        found: dict[str, list[Region]] = {}
        for region in regions.order_by("code"):
            found.setdefault(region_name_key(region.name), []).append(region)
        return found

    def parse(self, value, row):
        if not self.names:
            return super().parse(value, row)
        code, name = self.code_and_name(value)
        if code is not None:
            region = super().parse(code, row)
            if name and region_name_key(name) != region_name_key(region.name):
                raise ValueError(
                    _("kode %(code)s adalah %(region)s, bukan '%(name)s'.")
                    % {"code": region.code, "region": region.name, "name": shown(name)}
                )
            return region
        return self.named(name)

    def named(self, name: str) -> Region:
        if self.by_name is None:
            self.by_name = self.load_names([name])
        key = region_name_key(name)
        found = self.by_name.get(key, [])
        if len(found) == 1:
            return found[0]
        where = self.area or _("seluruh Indonesia")
        if found:
            raise ValueError(
                _("ada %(count)s wilayah bernama '%(name)s' di %(area)s: %(candidates)s; tulis kodenya.")
                % {
                    "count": len(found),
                    "name": shown(name),
                    "area": where,
                    "candidates": or_list(self.label(region) for region in found),
                }
            )
        keys = close_matches(key, self.by_name)
        if keys:
            raise ValueError(
                _("tidak ada kecamatan atau desa bernama '%(name)s' di %(area)s — maksud Anda %(suggestions)s?")
                % {
                    "name": shown(name),
                    "area": where,
                    "suggestions": or_list(self.label(region) for key in keys for region in self.by_name[key]),
                }
            )
        raise ValueError(
            _("tidak ada kecamatan atau desa bernama '%(name)s' di %(area)s; tulis kode wilayahnya.")
            % {"name": shown(name), "area": where}
        )

    @staticmethod
    def label(region: Region) -> str:
        return f"{region.code} {region.name} ({LEVEL_WORDS.get(region.level, '')})".replace(" ()", "")

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
        if self.names:
            return _(
                "Kode wilayah Kemendagri (62.11.05), kode dan nama (62.11.05 Kahayan Hilir), atau nama kecamatan "
                "atau desa bila unik di wilayah dinas Anda (Maliku, Kec. Jabiren Raya, KAHAYAN HILIR)."
            )
        return _("Kode wilayah Kemendagri, mis. 31.75.01 (kecamatan) atau 62.11 (kabupaten).")
