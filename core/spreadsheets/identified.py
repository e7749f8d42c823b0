"""Rows matched by an official identifier (a company's NIB or NPWP, a facility's LKS
registration number) as well as by their natural key.

A row whose identifier is already registered updates that record, even when its name or
code is written differently, instead of creating a second record of the same organisation.
A row whose identifier names one record and whose natural key names another is refused: the
clerk decides which it is (or merges the two first).
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from core.spreadsheets.cells import is_blank, shown, text_of
from core.spreadsheets.widgets import TextWidget


class IdentifierWidget(TextWidget):
    """An official number, stored compact (``compact``); the check itself is the model's
    validator, so a wrong number is reported as the row's error on its column. A number
    typed as a number in Excel loses its leading zeros: ``min_digits`` puts them back."""

    def __init__(self, *, compact: Callable[[str], str], max_length: int, min_digits: int | None = None):
        super().__init__(max_length=max_length)
        self.compact = compact
        self.min_digits = min_digits

    def parse(self, value, row):
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        text = self.compact(super().parse(value, row))
        if numeric and self.min_digits and text.isdigit():
            text = text.zfill(self.min_digits)
        return text


class IdentifiedRowsMixin:
    """For a :class:`~core.spreadsheets.resources.SpreadsheetResource`: ``identifier_fields``
    names the resource fields (model fields of the same name) whose values identify a record.
    ``identified_queryset()`` gives the records to look in (with what the resource prefetches)."""

    identifier_fields: tuple[str, ...] = ()

    def identified_queryset(self):
        return self._meta.model.objects.all()

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        headers = list(dataset.headers or [])
        wanted: dict[str, set[str]] = {}
        for name in self.identifier_fields:
            f = self.fields[name]
            if f.column_name not in headers:
                continue
            for value in dataset[f.column_name]:
                if is_blank(value):
                    continue
                try:
                    number = f.widget.parse(value, None)
                except ValueError:
                    continue
                if number:
                    wanted.setdefault(name, set()).add(number)
        self._identified: dict[tuple[str, str], object] = {}
        self._identifier_claims: dict[tuple[str, str], tuple] = {}
        query = Q()
        for name, numbers in wanted.items():
            query |= Q(**{f"{name}__in": sorted(numbers)})
        if query:
            for instance in self.identified_queryset().filter(query):
                for name in self.identifier_fields:
                    number = getattr(instance, name)
                    if number:
                        self._identified[(name, number)] = instance

    def identifier_problems(self, instance) -> dict[str, str]:
        """Two rows of one file giving the same number to two different records (the database
        refuses it, and the row would otherwise fail only when written)."""
        claims = self.__dict__.setdefault("_identifier_claims", {})
        problems = {}
        for name in self.identifier_fields:
            number = getattr(instance, name)
            if not number:
                continue
            claimant = claims.setdefault((name, number), self.instance_key(instance))
            if claimant != self.instance_key(instance):
                problems[name] = _("%(column)s '%(number)s' dipakai lebih dari satu baris berkas ini.") % {
                    "column": self.fields[name].column_name,
                    "number": number,
                }
        return problems

    def identified_by(self, row) -> list[tuple[str, object]]:
        found = []
        for name in self.identifier_fields:
            f = self.fields[name]
            value = row.get(f.column_name)
            if is_blank(value):
                continue
            try:
                number = f.widget.parse(value, row)
            except ValueError:
                continue
            instance = getattr(self, "_identified", {}).get((name, number))
            if instance is not None:
                found.append((name, instance))
        return found

    def get_instance(self, instance_loader, row):
        by_key = super().get_instance(instance_loader, row)
        identified = self.identified_by(row)
        if not identified:
            return by_key
        name, instance = identified[0]
        for other_name, other in identified[1:]:
            if other.pk != instance.pk:
                raise ValidationError(
                    {
                        other_name: [
                            _("%(first)s menunjuk %(one)s, %(second)s menunjuk %(other)s: periksa nomornya.")
                            % {
                                "first": self.fields[name].column_name,
                                "one": self.row_label(instance),
                                "second": self.fields[other_name].column_name,
                                "other": self.row_label(other),
                            }
                        ]
                    }
                )
        if by_key is not None and by_key.pk != instance.pk:
            raise ValidationError(
                {
                    self.fields[name].attribute: [
                        _(
                            "%(column)s '%(number)s' sudah terdaftar untuk %(owner)s, sedangkan baris ini "
                            "menunjuk %(other)s. Perbaiki nomornya, atau gabungkan keduanya lebih dulu."
                        )
                        % {
                            "column": self.fields[name].column_name,
                            "number": shown(text_of(row.get(self.fields[name].column_name))),
                            "owner": self.row_label(instance),
                            "other": self.row_label(by_key),
                        }
                    ]
                }
            )
        return instance
