"""Widgets that accept what people type, each a subclass of django-import-export's widget for
the same kind of value (``CharWidget``, ``IntegerWidget``, ``DecimalWidget``, ``DateWidget``,
``BooleanWidget``) with Indonesian parsing in ``clean`` and spreadsheet-friendly ``render``:

* rupiah as ``Rp 1.250.000``, ``1.250.000`` or ``1250000``; whole numbers with Indonesian or
  English thousands separators (the library's ``IntegerWidget`` reads ``1.250`` as 1, refuses
  ``1.250.000`` and, in Indonesian, reads ``1,5`` as 1);
* dates as ``31/12/2025`` or ``2025-12-31`` (parsed by the library's ``DateWidget`` with our
  formats), a real Excel date, or an Excel serial number that lost its date format;
* yes/no as ``Ya``/``Tidak`` and their usual variants, refusing anything else (the library
  reads every unknown value as ``False``);
* choices by code, Indonesian label or English label (the library has no choice widget).

``clean`` raises ValueError with an Indonesian message (no row or column: the report adds them);
``render`` gives native values for xlsx and text for CSV. The lookups of registries by natural
key are in :mod:`core.spreadsheets.lookups`.
"""

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import widgets
from openpyxl.utils.datetime import from_excel

from core.formatting import format_rupiah
from core.spreadsheets.cells import NO, SPACES, YES, is_blank, is_clear_marker, norm_key, shown, text_of
from core.spreadsheets.clerks import rupiah_text, scaled_rupiah
from core.spreadsheets.limits import format_count


class CellWidget(widgets.Widget):
    """What our widgets add to the library's: a required cell reports an empty value; an empty
    optional cell takes the default (the model's default, or None), and so does the clear marker
    ``-`` (in an update row a blank cell is not read at all: the stored value stays, see
    ``SpreadsheetResource.import_instance``); ``parse`` reads a cell that is not blank;
    ``render`` gives ``None`` for an empty xlsx cell; ``describe`` says what the
    cell accepts, for the template's hint sheet. It comes first among the bases, before the
    library's widget for the same kind of value."""

    number_format: str | None = None
    text_column = False

    def __init__(self, *, required: bool = False, default: Any = None, **kwargs):
        super().__init__(**kwargs)
        self.required = required
        self.default = default

    def clean(self, value, row=None, **kwargs):
        if is_blank(value) or is_clear_marker(value):
            if self.required:
                raise ValueError(_("wajib diisi."))
            return self.default
        return self.parse(value, row)

    def parse(self, value: Any, row: dict | None) -> Any:
        raise NotImplementedError  # abstract: every subclass defines it

    def render(self, value, obj=None, **kwargs):
        native = bool(kwargs.get("force_native_type"))
        if value is None:
            return None if native else ""
        return self.format(value, native)

    def format(self, value: Any, native: bool) -> Any:
        return value if native else text_of(value)

    def display(self, value: Any) -> str:
        """The value as the preview shows it to the clerk (rupiah grouped, dates as typed here)."""
        return "" if value is None else str(self.render(value))

    def describe(self) -> str:
        """What the cell accepts, for the hint sheet of the template."""
        return ""


class TextWidget(CellWidget, widgets.CharWidget):
    text_column = True

    def __init__(
        self, *, required: bool = False, max_length: int | None = None, lower: bool = False, default: str = ""
    ):
        super().__init__(required=required, default=default)
        self.max_length = max_length
        self.lower = lower

    def parse(self, value, row):
        text = text_of(value).replace("\r\n", "\n").replace("\r", "\n").strip()
        if "\x00" in text:
            raise ValueError(_("berisi karakter NUL yang tidak terlihat; ketik ulang isinya."))
        if self.lower:
            text = text.lower()
        if self.max_length is not None and len(text) > self.max_length:
            raise ValueError(
                _("terlalu panjang: paling banyak %(limit)s karakter (tertulis %(length)s).")
                % {"limit": self.max_length, "length": len(text)}
            )
        return text

    def format(self, value, native):
        return str(value)

    def describe(self):
        if self.max_length:
            return _("Teks, paling banyak %(limit)s karakter.") % {"limit": self.max_length}
        return _("Teks bebas.")


_WHOLE = re.compile(r"[+-]?\d+")
_GROUPED_DOT = re.compile(r"([+-]?\d{1,3}(?:\.\d{3})+)(?:,0+)?")
_GROUPED_COMMA = re.compile(r"([+-]?\d{1,3}(?:,\d{3})+)(?:\.0+)?")
_ZERO_DECIMALS = re.compile(r"([+-]?\d+)[.,]0+")


def parse_whole_number(text: str) -> int:
    """``1250000``, ``1.250.000``, ``1.250.000,00``, ``1,250,000`` and ``40,0`` are whole
    numbers; ``1,5`` and ``empat puluh`` are not (ValueError)."""
    compact = SPACES.sub("", text)
    if _WHOLE.fullmatch(compact):
        return int(compact)
    for pattern, separator in ((_GROUPED_DOT, "."), (_GROUPED_COMMA, ",")):
        match = pattern.fullmatch(compact)
        if match:
            return int(match.group(1).replace(separator, ""))
    match = _ZERO_DECIMALS.fullmatch(compact)
    if match:
        return int(match.group(1))
    raise ValueError(text)


class IntegerWidget(CellWidget, widgets.IntegerWidget):
    number_format = "0"

    def __init__(
        self,
        *,
        required: bool = False,
        default: int | None = None,
        min_value: int | None = 0,
        max_value: int | None = 2_147_483_647,
    ):
        super().__init__(required=required, default=default)
        self.min_value = min_value
        self.max_value = max_value

    def to_int(self, value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, int):
            return value
        if isinstance(value, float | Decimal):
            if value != value or value in (float("inf"), float("-inf")) or value != int(value):
                raise ValueError(value)
            return int(value)
        return parse_whole_number(str(value))

    def parse(self, value, row):
        try:
            number = self.to_int(value)
        except (ValueError, OverflowError):
            raise ValueError(self.not_a_number(value)) from None
        if self.min_value is not None and number < self.min_value:
            if self.min_value == 0:
                raise ValueError(_("tidak boleh negatif (tertulis %(value)s).") % {"value": number})
            raise ValueError(
                _("harus paling sedikit %(min)s (tertulis %(value)s).") % {"min": self.min_value, "value": number}
            )
        if self.max_value is not None and number > self.max_value:
            raise ValueError(
                _("terlalu besar: paling banyak %(max)s (tertulis %(value)s).")
                % {"max": format_count(self.max_value), "value": format_count(number)}
            )
        return number

    def not_a_number(self, value: Any) -> str:
        return _("harus berupa bilangan bulat, bukan '%(value)s'.") % {"value": shown(value)}

    def format(self, value, native):
        return int(value) if native else str(int(value))

    def describe(self):
        if self.min_value is not None and self.min_value > 0:
            return _("Bilangan bulat, paling sedikit %(min)s.") % {"min": self.min_value}
        return _("Bilangan bulat, tidak negatif.")


class RupiahWidget(IntegerWidget):
    """Whole rupiah: ``Rp 1.250.000``, ``Rp. 1.250.000,-``, ``1.250.000,00``, ``1250000``, a number
    cell, or with a word: ``48 jt``, ``Rp 70jt``, ``1,5 M`` (miliar), ``250 rb``
    (:mod:`core.spreadsheets.clerks`)."""

    number_format = '"Rp "#,##0'

    def __init__(self, *, required: bool = False, default: int | None = 0):
        super().__init__(required=required, default=default, min_value=0, max_value=9_000_000_000_000_000)

    def to_int(self, value):
        if isinstance(value, str):
            value = rupiah_text(value)
            scaled = scaled_rupiah(value)
            if scaled is not None:
                return scaled
        return super().to_int(value)

    def display(self, value):
        return "" if value is None else format_rupiah(value)

    def not_a_number(self, value):
        return _(
            "bukan nilai rupiah yang dikenali: '%(value)s'. Tulis seperti Rp 1.250.000, 1.250.000, 1250000, "
            "48 jt atau 1,5 M (tanpa sen)."
        ) % {"value": shown(value)}

    def describe(self):
        return _(
            "Rupiah tanpa sen: Rp 1.250.000, Rp. 1.250.000,-, 1.250.000,00 atau 1250000; juga 48 jt (juta), "
            "250 rb (ribu) dan 1,5 M (miliar, bukan million)."
        )


class DecimalWidget(CellWidget, widgets.DecimalWidget):
    number_format = "0.000000"

    def __init__(self, *, decimal_places: int, min_value: Decimal, max_value: Decimal):
        super().__init__(required=False, default=None)
        self.quantum = Decimal(1).scaleb(-decimal_places)
        self.min_value = min_value
        self.max_value = max_value

    def parse(self, value, row):
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            if isinstance(value, float | int):
                number = Decimal(str(value))
            else:
                text = SPACES.sub("", str(value))
                if "," in text and "." not in text:
                    text = text.replace(",", ".")  # Indonesian decimal comma
                number = Decimal(text)
            if not number.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise ValueError(_("harus berupa angka, bukan '%(value)s'.") % {"value": shown(value)}) from None
        number = number.quantize(self.quantum, rounding=ROUND_HALF_UP)
        if not self.min_value <= number <= self.max_value:
            raise ValueError(
                _("harus antara %(min)s dan %(max)s (tertulis %(value)s).")
                % {"min": self.min_value, "max": self.max_value, "value": number}
            )
        return number

    def format(self, value, native):
        return value if native else str(value)

    def describe(self):
        return _("Angka desimal antara %(min)s dan %(max)s (titik atau koma desimal).") % {
            "min": self.min_value,
            "max": self.max_value,
        }


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M:%S")
# The five date-only formats above as two patterns, read without trying the formats one by one
# (a strptime and its failure each, about 10 µs a cell): the same dates, ten times faster.
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)
_YEAR_FIRST = re.compile(r"(\d{4})([/-])(\d{1,2})\2(\d{1,2})", re.ASCII)
# Excel serial numbers of 1/1/1960 to 31/12/2100: a date cell that lost its date format.
EXCEL_SERIAL_RANGE = (21916, 73415)


class DateWidget(CellWidget, widgets.DateWidget):
    number_format = "DD/MM/YYYY"

    def __init__(self, *, required: bool = False):
        super().__init__(required=required, default=None)
        self.formats = DATE_FORMATS  # the library's parsing, with the formats people type here

    def parse(self, value, row):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            if EXCEL_SERIAL_RANGE[0] <= value <= EXCEL_SERIAL_RANGE[1]:
                return from_excel(value).date()
            raise ValueError(self.unknown(value))
        text = " ".join(str(value).split())
        try:
            if day_first := _DAY_FIRST.fullmatch(text):
                return date(int(day_first[4]), int(day_first[3]), int(day_first[1]))
            if year_first := _YEAR_FIRST.fullmatch(text):
                return date(int(year_first[1]), int(year_first[3]), int(year_first[4]))
            return widgets.DateWidget.clean(self, text)
        except ValueError:
            raise ValueError(self.unknown(value)) from None

    def unknown(self, value):
        return _("tanggal '%(value)s' tidak dikenali; tulis seperti 31/12/2025 atau 2025-12-31.") % {
            "value": shown(value)
        }

    def format(self, value, native):
        return value if native else value.isoformat()

    def display(self, value):
        return "" if value is None else value.strftime("%d/%m/%Y")

    def describe(self):
        return _("Tanggal: 31/12/2025 atau 2025-12-31 (atau sel bertipe tanggal).")


class YesNoWidget(CellWidget, widgets.BooleanWidget):
    TRUE = frozenset({"ya", "y", "yes", "true", "benar", "1", "x", "v", "✓", "iya"})
    FALSE = frozenset({"tidak", "t", "no", "n", "false", "salah", "0", "bukan"})

    def __init__(self, *, default: bool):
        super().__init__(required=False, default=default)

    def parse(self, value, row):
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        text = norm_key(str(value))
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("isi dengan Ya atau Tidak, bukan '%(value)s'.") % {"value": shown(value)})

    def format(self, value, native):
        return YES if value else NO

    def describe(self):
        return _("Ya atau Tidak. Kosong berarti %(default)s.") % {"default": YES if self.default else NO}


class ChoiceWidget(CellWidget):
    """A choice by its code, its Indonesian label, its English label, its label in any active
    translation, or one of the extra aliases staff use (``PSBR``). Exports the Indonesian label."""

    def __init__(
        self,
        choices: type[models.Choices],
        labels_id: dict[Any, str],
        *,
        aliases: dict[str, Any] | None = None,
        required: bool = False,
        default: Any = None,
    ):
        super().__init__(required=required, default=default)
        missing = set(choices.values) - set(labels_id)
        if missing:
            raise ImproperlyConfigured(f"Indonesian labels missing for {choices.__name__}: {sorted(missing)}")
        self.choices = choices
        self.labels_id = labels_id
        self.aliases = aliases or {}
        self._lookup: dict[str, Any] | None = None

    def lookup_table(self) -> dict[str, Any]:
        if self._lookup is None:
            table: dict[str, Any] = {}

            def add(key: Any, code: Any) -> None:
                normalized = norm_key(str(key))
                if table.get(normalized, code) != code:
                    raise ImproperlyConfigured(f"{self.choices.__name__}: '{key}' names two choices")
                table[normalized] = code

            for code, label in self.choices.choices:
                add(code, code)
                add(self.labels_id[code], code)
                with translation.override("en"):
                    add(str(label), code)
            for alias, code in self.aliases.items():
                add(alias, code)
            # Labels of the translation catalogues come last and never displace the above: a
            # catalogue update cannot make a cell ambiguous.
            for code, label in self.choices.choices:
                for language, _name in settings.LANGUAGES:
                    with translation.override(language):
                        table.setdefault(norm_key(str(label)), code)
            self._lookup = table
        return self._lookup

    def parse(self, value, row):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        code = self.lookup_table().get(norm_key(str(value)))
        if code is None:
            raise ValueError(
                _("'%(value)s' bukan pilihan yang dikenal. Pilihan: %(choices)s.")
                % {"value": shown(value), "choices": self.choice_list()}
            )
        return code

    def choice_list(self) -> str:
        return ", ".join(self.labels_id[code] for code in self.choices.values)

    def format(self, value, native):
        return self.labels_id.get(value, str(value))

    def describe(self):
        return _("Salah satu: %(choices)s (boleh juga kode atau label bahasa Inggris).") % {
            "choices": self.choice_list()
        }
