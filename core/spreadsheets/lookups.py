"""Registries by their natural keys, never by database ids: subclasses of django-import-export's
``ForeignKeyWidget`` and ``ManyToManyWidget``.

The library's foreign key widget runs one query per cell (``get_queryset().get(...)``); ours
are *primed* by the resource before the first row with every value of their column, and then
answer from a dictionary: the facility and CSR field of 10,000 needs cost two queries instead of
20,000. A key may match several objects (two facilities of one name): the cell then says so
instead of picking one. The keys are compared as people write them (:func:`norm_key`).

Lookups of other apps' registries subclass :class:`LookupWidget` in their own app
(``regions.widgets.RegionWidget``, ``facilities.widgets.FacilityWidget``,
``partners.resources.CompanyWidget``): ``core`` imports no other app.
"""

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import widgets

from core.models import CsrField, SdgGoal
from core.spreadsheets.cells import FormulaCell, is_blank, is_clear_marker, norm_key, shown, text_of
from core.spreadsheets.widgets import CellWidget


class LookupWidget(CellWidget, widgets.ForeignKeyWidget):
    """A foreign key given by a natural key. :meth:`prime` loads every object the file names
    in one or two queries; without it (the library's way) each cell costs a query.

    Subclasses name the related ``model`` and the ``field`` that is exported (the library's
    rendering), and say how keys are loaded (:meth:`load`) and how an unknown key is reported.
    """

    text_column = True
    #: The related model and the field of it that the export writes (the library's arguments).
    model: type[models.Model] | None = None
    field = "pk"

    def __init__(self, *, required: bool = True):
        super().__init__(required=required, default=None, model=type(self).model, field=type(self).field)
        self.cache: dict[str, Any] | None = None

    def normalize(self, value: Any) -> str:
        return norm_key(text_of(value))

    def prime(self, values: Iterable[Any]) -> None:
        keys = set()
        for value in values:
            if is_blank(value) or isinstance(value, FormulaCell):
                continue
            try:
                keys.add(self.normalize(value))
            except ValueError:
                continue
        self.cache = self.load(keys)

    def load(self, keys: set[str]) -> dict[str, Any]:
        """Objects for these normalized keys, as ``{key: object or [objects]}``."""
        raise NotImplementedError  # abstract: every subclass defines it

    def fetch(self, key: str) -> Any:
        """One lookup in the database, when the cache was not primed."""
        found = self.load({key})
        return found.get(key)

    def find(self, key: str) -> Any:
        if self.cache is not None:
            return self.cache.get(key)
        return self.fetch(key)

    def parse(self, value, row):
        try:
            key = self.normalize(value)
        except ValueError:
            raise ValueError(self.unknown(value)) from None
        found = self.find(key)
        if isinstance(found, list):
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise ValueError(self.ambiguous(value))
            found = None
        if found is None:
            raise ValueError(self.unknown(value))
        return found

    def unknown(self, value: Any) -> str:
        raise NotImplementedError  # abstract: every subclass defines it

    def ambiguous(self, value: Any) -> str:
        return _("'%(value)s' cocok dengan lebih dari satu data.") % {"value": shown(value)}

    def format(self, value, native):
        return self.key_of(value)

    def key_of(self, obj: Any) -> str:
        """The natural key written for ``obj``: the library's rendering, its ``field``."""
        return widgets.ForeignKeyWidget.render(self, obj)


class CsrFieldWidget(LookupWidget):
    """A CSR field by code, Indonesian name or English name; exports the Indonesian name."""

    model = CsrField
    field = "name"

    def load(self, keys):
        found: dict[str, Any] = {}
        for csr_field in self.get_queryset(None, None):
            for key in {norm_key(csr_field.code), norm_key(csr_field.name), norm_key(csr_field.name_en)}:
                found[key] = csr_field
        return found

    def fetch(self, key):
        return (
            self.get_queryset(None, None)
            .filter(Q(code__iexact=key) | Q(name__iexact=key) | Q(name_en__iexact=key))
            .first()
        )

    def choices(self) -> str:
        return ", ".join(self.get_queryset(None, None).values_list("name", flat=True))

    def unknown(self, value):
        return _("bidang '%(value)s' tidak dikenal. Pilihan: %(choices)s.") % {
            "value": shown(value),
            "choices": self.choices(),
        }

    def describe(self):
        return _("Bidang CSR: %(choices)s (boleh juga kode atau nama bahasa Inggris).") % {"choices": self.choices()}


class ManyLookupWidget(CellWidget, widgets.ManyToManyWidget):
    """Several registry entries in one cell, separated by ``;`` or line breaks. The library's
    resource sees a ``ManyToManyWidget`` (it leaves the column out of the row's own fields and
    sets the relation once the row is saved); exports are the library's rendering, the inner
    lookup's keys joined by ``"; "``."""

    text_column = True
    SEPARATOR = re.compile(r"[;\n\r]+")

    def __init__(self, inner: LookupWidget, *, required: bool = False):
        super().__init__(required=required, default=None, model=inner.model, separator="; ", field=inner.field)
        self.inner = inner

    def clean(self, value, row=None, **kwargs):
        if is_blank(value) or is_clear_marker(value):
            if self.required:
                raise ValueError(_("wajib diisi."))
            return []
        return self.parse(value, row)

    def within(self, area: str | None) -> None:
        if hasattr(self.inner, "within"):
            self.inner.within(area)

    def parts(self, value: Any) -> list[str]:
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return [self.inner.normalize(value)]  # one code Excel turned into a number
        return [part.strip() for part in self.SEPARATOR.split(str(value)) if part.strip()]

    def prime(self, values):
        parts = []
        for value in values:
            if not is_blank(value) and not isinstance(value, FormulaCell):
                parts.extend(self.parts(value))
        self.inner.prime(parts)

    def parse(self, value, row):
        objects, problems = [], []
        for part in self.parts(value):
            try:
                obj = self.inner.parse(part, row)
            except ValueError as error:
                problems.append(str(error))
                continue
            if obj not in objects:
                objects.append(obj)
        if problems:
            raise ValueError(" ".join(problems))
        if self.required and not objects:
            raise ValueError(_("wajib diisi."))
        return objects

    def render(self, value, obj=None, **kwargs):
        return widgets.ManyToManyWidget.render(self, value)

    def describe(self):
        return _("Beberapa nilai dipisah titik koma (;). %(each)s") % {"each": self.inner.describe()}


class SdgGoalWidget(LookupWidget):
    """An SDG (TPB) goal by its number, 1 to 17 ("4", "SDG 4", "TPB 4"); exports the number."""

    model = SdgGoal
    field = "number"
    NUMBER = re.compile(r"^(?:sdg|tpb)?\s*(\d{1,2})(?:\.0+)?$", re.IGNORECASE)

    def normalize(self, value):
        match = self.NUMBER.match(text_of(value).strip())
        if match is None:
            raise ValueError(value)
        return str(int(match.group(1)))

    def load(self, keys):
        return {str(goal.number): goal for goal in self.get_queryset(None, None)}

    def fetch(self, key):
        return self.get_queryset(None, None).filter(number=int(key)).first()

    def unknown(self, value):
        return _("tujuan SDG '%(value)s' tidak dikenal: tulis nomor tujuan 1 sampai 17.") % {"value": shown(value)}

    def describe(self):
        return _("Nomor tujuan SDG (TPB), 1 sampai 17.")


class SdgGoalsWidget(ManyLookupWidget):
    """Several SDG goals in one cell by number, separated by commas or semicolons ("1, 4");
    exported the same way."""

    SEPARATOR = re.compile(r"[,;\n\r]+")

    def __init__(self, *, required: bool = False):
        super().__init__(SdgGoalWidget(required=False), required=required)
        self.separator = ", "

    def describe(self):
        return _("Nomor tujuan SDG (TPB), 1 sampai 17, dipisah koma, misalnya 1, 4.")
