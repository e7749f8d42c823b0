"""Natural-key identity of imported rows, for every
:class:`~core.spreadsheets.resources.SpreadsheetResource`: :class:`NaturalKeyInstanceLoader` (a
library instance loader) finds every existing row the file names in a few queries, where the
library's ``ModelInstanceLoader`` runs one per row, and :class:`NaturalKeysMixin` gives a row's
key, a stored row's key, and the messages that name them.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from import_export.instance_loaders import ModelInstanceLoader

from core.spreadsheets.cells import norm_key, shown


class NaturalKeyInstanceLoader(ModelInstanceLoader):
    """Loads, in a few queries, every existing row the file names by its natural key, instead
    of one query per row (what the library's ModelInstanceLoader, its base, does)."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        keys = set()
        headers = dataset.headers or []
        for values in dataset:
            key = resource.row_key(dict(zip(headers, values, strict=False)))
            if key is not None:
                keys.add(key)
        self.index: dict[tuple, list[Any]] = {}
        if keys:
            for instance in resource.existing_instances(keys):
                self.index.setdefault(resource.instance_key(instance), []).append(instance)

    def get_instance(self, row):
        key = self.resource.row_key(row)
        if key is None:
            return None
        found = self.index.get(key, [])
        if len(found) > 1:
            raise ValidationError({self.resource.key_error_field(): [self.resource.ambiguous_message(row, len(found))]})
        return found[0] if found else None


class NaturalKeysMixin:
    """The natural key of a row and of a stored instance (``Meta.import_id_fields``), for
    :class:`~core.spreadsheets.resources.SpreadsheetResource`; subclasses define
    :meth:`existing_instances` and :meth:`instance_key`."""

    def row_key(self, row: dict) -> tuple | None:
        parts = []
        for name in self.get_import_id_fields():
            f = self.fields[name]
            if f.column_name not in row:
                return None
            try:
                value = f.clean(row)
            except (ValueError, ValidationError):
                return None
            if value in (None, ""):
                return None
            parts.append(self.key_part(value))
        return tuple(parts)

    @staticmethod
    def key_part(value: Any) -> Any:
        if isinstance(value, models.Model):
            return value.pk
        if isinstance(value, str):
            return norm_key(value)
        return value

    def existing_instances(self, keys: set[tuple]) -> Iterable[models.Model]:
        raise NotImplementedError  # abstract: every subclass defines it

    def instance_key(self, instance: models.Model) -> tuple:
        raise NotImplementedError  # abstract: every subclass defines it

    def key_error_field(self) -> str:
        return self.fields[self.get_import_id_fields()[-1]].attribute

    def describe_key(self, row: dict) -> str:
        parts = []
        for name in self.get_import_id_fields():
            f = self.fields[name]
            parts.append(f"{f.column_name} '{shown(row.get(f.column_name) or '')}'")
        return ", ".join(parts)

    def ambiguous_message(self, row: dict, count: int) -> str:
        return _(
            "ada %(count)s %(noun)s dengan %(key)s di basis data; bedakan lebih dulu lewat admin, lalu impor ulang."
        ) % {"count": count, "noun": self.row_noun, "key": self.describe_key(row)}
