"""The spreadsheet cells of realisation reports: the quarter, the program (among the row's
company's), and the split of the rupiah over regions (``programs.realisation_resources``)."""

import re
from typing import Any

from django.utils.translation import gettext as _

from core.formatting import format_rupiah
from core.spreadsheets.cells import is_blank, norm_key, shown
from core.spreadsheets.columns import Column
from core.spreadsheets.lookups import LookupWidget
from core.spreadsheets.widgets import CellWidget, IntegerWidget, RupiahWidget
from programs.models import Program
from programs.rules import ShareLine
from regions.widgets import RegionWidget

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER = re.compile(r"^(?:q|tw|triwulan|kuartal|quarter)?\s*[-.]?\s*(?P<n>[0-4]|iv|iii|ii|i)$", re.IGNORECASE)
_YEARLY = frozenset({"setahun", "tahunan", "satu tahun", "tahun", "year", "yearly", "whole year"})


class QuarterWidget(CellWidget):
    """A report's quarter: ``2``, ``Q2``, ``TW II``, ``Triwulan 2``; empty, ``0`` or ``Setahun``
    for the whole year. Exports the number, empty for the whole year."""

    number_format = "0"

    def __init__(self):
        super().__init__(required=False, default=0)

    def parse(self, value, row):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = norm_key(str(value))
        if text in _YEARLY:
            return 0
        match = _QUARTER.match(text)
        if match is None:
            raise ValueError(
                _("triwulan '%(value)s' tidak dikenali; tulis 1 sampai 4 (Q2, TW II), atau kosongkan untuk setahun.")
                % {"value": shown(value)}
            )
        n = match.group("n").lower()
        return _ROMAN.get(n) or int(n)

    def render(self, value, obj=None, **kwargs):
        if not value:
            return None if kwargs.get("force_native_type") else ""
        return value if kwargs.get("force_native_type") else str(value)

    def describe(self):
        return _("Triwulan 1 sampai 4 (boleh Q2 atau TW II); kosong atau 0 berarti laporan setahun.")


class ProgramWidget(LookupWidget):
    """A program by its title, among the programs of the company in the row's company column.
    Programs number in the hundreds: all are loaded once."""

    model = Program
    field = "title"

    def __init__(self, *, company_column: Column):
        super().__init__(required=True)
        self.company_column = company_column
        self.by_company: dict[tuple[int, str], list[Program]] | None = None
        self.by_title: dict[str, list[Program]] = {}

    def prime(self, values):
        self.by_company, self.by_title = {}, {}
        programs = Program.objects.select_related("company", "agency").prefetch_related("target_regions")
        for program in programs:
            self.by_company.setdefault((program.company_id, norm_key(program.title)), []).append(program)
            self.by_title.setdefault(norm_key(program.title), []).append(program)

    def load(self, keys):
        return {}

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            raise ValueError(_("wajib diisi."))
        try:
            company = self.company_column.clean(row or {})
        except ValueError:
            company = None
        if company is None:
            raise ValueError(company_first())
        if self.by_company is None:
            self.prime([])
        key = norm_key(str(value))
        found = self.by_company.get((company.pk, key), [])
        if len(found) == 1:
            return found[0]
        if found:
            raise ValueError(self.ambiguous(value))
        others = [program.company.name for program in self.by_title.get(key, []) if program.company_id != company.pk]
        if others:
            raise ValueError(
                _(
                    "program '%(title)s' bukan program %(company)s (terdaftar atas nama %(others)s). Laporan hanya "
                    "dapat dicatat untuk program perusahaan itu sendiri."
                )
                % {"title": shown(value), "company": company.name, "others": ", ".join(sorted(set(others)))}
            )
        raise ValueError(
            _("%(company)s tidak punya program berjudul '%(title)s'. Impor atau daftarkan programnya lebih dulu.")
            % {"company": company.name, "title": shown(value)}
        )

    def unknown(self, value):
        return _("program '%(value)s' tidak terdaftar.") % {"value": shown(value)}

    def key_of(self, obj):
        return obj.title

    def describe(self):
        return _("Judul program perusahaan itu, seperti terdaftar di portal.")


def company_first() -> str:
    """The program cannot be looked for until the company cell is right (reported there)."""
    return _("periksa kolom 'Perusahaan' lebih dulu.")


_SHARE = re.compile(
    r"^(?P<place>[^:]+?)\s*:\s*(?P<amount>[^()]+?)\s*(?:\(\s*(?P<households>[^()]*?)\s*KK\s*\))?$",
    re.IGNORECASE,
)


class SplitWidget(CellWidget):
    """The split of a report's rupiah over regions: ``62.11.05 Kahayan Hilir: Rp 100.000.000;
    62.11.01: 50.000.000 (120 KK); Maliku: 48 jt``: a kecamatan or village by its code, its code
    and name (checked against each other) or its name alone when unique in the importing
    account's area. Gives a list of :class:`~programs.rules.ShareLine`."""

    text_column = True
    SEPARATOR = re.compile(r"[;\n\r]+")

    def __init__(self):
        super().__init__(required=False, default=None)
        self.regions = RegionWidget(names=True)
        self.rupiah = RupiahWidget()
        self.counts = IntegerWidget()

    def within(self, area: str | None) -> None:
        self.regions.within(area)

    def parts(self, value: Any) -> list[str]:
        return [part.strip() for part in self.SEPARATOR.split(str(value)) if part.strip()]

    def prime(self, values):
        places = []
        for value in values:
            if is_blank(value):
                continue
            for part in self.parts(value):
                match = _SHARE.match(part)
                if match:
                    places.append(match.group("place"))
        self.regions.prime(places)

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return []
        return self.parse(value, row)

    def parse(self, value, row):
        lines, problems = [], []
        for part in self.parts(value):
            match = _SHARE.match(part)
            if match is None:
                problems.append(
                    _("'%(part)s' tidak dapat dibaca; tulis kode atau nama kecamatan/desa, titik dua, lalu rupiahnya.")
                    % {"part": shown(part)}
                )
                continue
            try:
                region = self.regions.parse(match.group("place"), row)
                amount = self.rupiah.parse(match.group("amount"), row)
                households = match.group("households")
                households = self.counts.parse(households, row) if households else 0
            except ValueError as error:
                problems.append(str(error))
                continue
            lines.append(ShareLine(region=region, amount=amount, households=households))
        if problems:
            raise ValueError(" ".join(problems))
        return lines

    @staticmethod
    def text(lines) -> str:
        parts = []
        for line in lines:
            part = f"{line.region.code} {line.region.name}: {format_rupiah(line.amount)}"
            if line.households:
                part += f" ({line.households} KK)"
            parts.append(part)
        return "; ".join(parts)

    def describe(self):
        return _(
            "Rupiah per kecamatan atau desa, dipisah titik koma: kode wilayah, kode dan nama, atau nama saja bila "
            "unik di wilayah dinas Anda; titik dua, rupiah, dan bila ada jumlah KK dalam kurung. Contoh: 62.11.05 "
            "Kahayan Hilir: Rp 100.000.000; 62.11.01: 50.000.000 (120 KK); Maliku: 48 jt. Jumlahnya harus sama "
            "dengan Realisasi (Rp)."
        )
