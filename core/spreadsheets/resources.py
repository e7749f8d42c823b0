"""The base of every registry's resource, on django-import-export's ``ModelResource``.

What it adds to the library, for all-or-nothing imports of 20,000 rows in seconds:

* :class:`~core.spreadsheets.columns.Column` fields, with an Indonesian header, a hint for the
  template and refusal of formula cells;
* natural-key identity (:mod:`core.spreadsheets.natural_keys`): the existing rows the file
  names found in a few queries, where the library's ``ModelInstanceLoader`` runs one per row;
  a file naming the same row twice is refused;
* lookups primed once per file (:mod:`core.spreadsheets.lookups`);
* unchanged rows found by comparing the imported values with a snapshot of the row (no
  deep copy and diff of every row), and not rewritten, so no history rows for them;
* every row checked in Python against the rules the database enforces (``check_instance``),
  so the preview (a dry run) writes nothing at all instead of inserting and rolling back;
* bulk writes that still record history, and updates of the imported columns only
  (:mod:`core.spreadsheets.bulk_writes`): the coverage counters of a need are never touched.

This module holds :class:`SpreadsheetResource` itself: its columns, the import workflow, the
importing account's area, the preview's description of a row, and the export.
"""

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from import_export import fields as ie_fields
from import_export import resources

from core.spreadsheets.bulk_writes import BulkWritesMixin
from core.spreadsheets.cells import is_blank, shown
from core.spreadsheets.columns import Column
from core.spreadsheets.lookups import LookupWidget, ManyLookupWidget
from core.spreadsheets.natural_keys import NaturalKeyInstanceLoader, NaturalKeysMixin
from core.spreadsheets.reading import ColumnSpec


class SpreadsheetResource(NaturalKeysMixin, BulkWritesMixin, resources.ModelResource):
    """Base of every registry's resource. Subclasses declare :class:`Column` fields, the
    natural key in ``Meta.import_id_fields``, and :meth:`existing_instances` /
    :meth:`instance_key` to find the rows the file names."""

    #: Title of the data sheet in exports and templates.
    sheet_title = "Data"
    #: What one row is, for messages ("kebutuhan").
    row_noun = "data"
    #: Load lookups and existing rows once per file (False gives the library's per-row queries).
    prefetch_lookups = True
    #: Required columns that may be replaced by another column: {field name: (column, ...)}.
    column_alternatives: dict[str, tuple[str, ...]] = {}

    class Meta:
        instance_loader_class = NaturalKeyInstanceLoader
        skip_unchanged = True
        report_skipped = True
        skip_diff = True
        clean_model_instances = True
        use_transactions = True
        store_instance = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._row_numbers: list[int] = []
        self._seen_keys: dict[tuple, int] = {}
        self._user = None
        self._change_reason = ""

    # -- columns ----------------------------------------------------------------------------

    def import_columns(self) -> list[Column]:
        """This instance's writable fields (their widgets hold this import's lookups)."""
        return [f for f in self.fields.values() if not f.readonly and f.attribute]

    @classmethod
    def template_columns(cls) -> list[Column]:
        """The columns of the downloadable template: what is imported, plus alternatives."""
        columns = [f for f in cls.fields.values() if not f.readonly and f.attribute]
        alternative_names = {name for names in cls.column_alternatives.values() for name in names}
        extra = [f for f in cls.fields.values() if f.readonly and f.column_name in alternative_names]
        return [f for f in cls.ordered_fields() if f in columns or f in extra]

    @classmethod
    def ordered_fields(cls) -> list[Column]:
        """Fields in the order of ``Meta.fields`` (the order of exports and templates)."""
        return [cls.fields[name] for name in cls().get_export_order() if name in cls.fields]

    @classmethod
    def column_spec(cls) -> ColumnSpec:
        columns = [f.column_name for f in cls.fields.values()]
        required = []
        for name, f in cls.fields.items():
            if f.readonly or not f.attribute:
                continue
            if name in cls.column_alternatives:
                required.append(cls.column_alternatives[name])
            elif getattr(f.widget, "required", False):
                required.append((f.column_name,))
        return ColumnSpec(columns=columns, required=required)

    def column_for(self, key: str) -> str | None:
        if key == NON_FIELD_ERRORS:
            return None
        for name, f in self.fields.items():
            if key in (name, f.attribute, f.column_name) or (f.attribute and key == f"{f.attribute}_id"):
                return f.column_name
        return None

    def sheet_row(self, number: int) -> int:
        if 0 < number <= len(self._row_numbers):
            return self._row_numbers[number - 1]
        return number + 1

    def model_field(self, f: ie_fields.Field) -> models.Field | None:
        try:
            return self._meta.model._meta.get_field(f.attribute)
        except Exception:
            return None

    # -- the import workflow ----------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self._area = kwargs.get("area")
        self._row_numbers = list(kwargs.get("row_numbers") or range(2, len(dataset) + 2))
        self._seen_keys = {}
        self._user = kwargs.get("user")
        file_name = kwargs.get("file_name") or ""
        self._change_reason = (_("Impor spreadsheet: %(name)s") % {"name": file_name})[:100]
        headers = list(dataset.headers or [])
        for name in self.get_import_id_fields():
            f = self.fields[name]
            if f.column_name not in headers and not f.required:
                # An optional part of the key, left out of the file (no "Triwulan" in a file of
                # yearly reports): its default.
                dataset.append_col([None] * len(dataset), header=f.column_name)
                headers.append(f.column_name)
        for columns in self.column_alternatives.values():
            for column in columns:
                if column not in headers:
                    dataset.append_col([None] * len(dataset), header=column)
                    headers.append(column)
        for f in self.fields.values():
            if hasattr(f.widget, "within"):
                f.widget.within(self._area)  # names of regions are unique inside the area
        if self.prefetch_lookups:
            for f in self.fields.values():
                if hasattr(f.widget, "prime") and f.column_name in headers:
                    f.widget.prime(dataset[f.column_name])

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        row_result.number = self.sheet_row(kwargs["row_number"])
        return row_result

    def before_import_row(self, row, **kwargs):
        key = self.row_key(row)
        if key is None:
            return
        number = self.sheet_row(kwargs["row_number"])
        first = self._seen_keys.setdefault(key, number)
        if first != number:
            raise ValidationError(
                {
                    self.key_error_field(): [
                        _("baris ini mengulang baris %(first)s (%(key)s). Setiap %(noun)s cukup satu baris.")
                        % {"first": first, "key": self.describe_key(row), "noun": self.row_noun}
                    ]
                }
            )

    def after_init_instance(self, instance, new, row, **kwargs):
        if not new:
            instance._import_snapshot = self.snapshot(instance)
            instance._stored_area_code = self.area_code(instance)

    def snapshot(self, instance) -> dict[str, Any]:
        values = {}
        for f in self.import_columns():
            model_field = self.model_field(f)
            if model_field is None:
                continue
            if model_field.many_to_many:
                values[f.attribute] = {obj.pk for obj in getattr(instance, f.attribute).all()}
            else:
                values[f.attribute] = getattr(instance, model_field.attname)
        return values

    def import_instance(self, instance, row, **kwargs):
        # As the library's, but many-to-many cells are checked here too (the library checks
        # them only while saving them, after the row is written), so that their problems are
        # reported with the row's others; save_m2m sets them once the row is saved.
        # A blank cell of an update row keeps the stored value (the marker "-" clears an optional one).
        errors = {}
        for f in self.import_columns():
            if f.column_name not in row or self.keeps_stored(f, instance, row):
                continue
            try:
                if isinstance(f.widget, ManyLookupWidget):
                    f.clean(row)
                else:
                    self.import_field(f, instance, row, **kwargs)
            except ValueError as error:
                # A problem of the column the clerk filled is reported in that column.
                errors[getattr(error, "column", None) or f.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def keeps_stored(self, f: Column, instance, row: dict) -> bool:
        """A blank cell in a row that updates a stored row: not read, so the stored value stays,
        in a required column too (a clerk changes one field without retyping the others). Only
        the clear marker ``-`` empties an optional value; in a required column it is refused."""
        return hasattr(instance, "_import_snapshot") and is_blank(row.get(f.column_name))

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_using_transactions(kwargs) and self._is_dry_run(kwargs):
            return
        for f in self.import_columns():
            if not isinstance(f.widget, ManyLookupWidget) or f.column_name not in row:
                continue
            if not self.keeps_stored(f, instance, row):
                getattr(instance, f.attribute).set(f.clean(row))

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not self._meta.skip_unchanged or import_validation_errors:
            return False
        if self.area_problem(instance):
            # A row that matches another agency's record is refused as outside the area, never
            # reported "unchanged": that would confirm the record and its values.
            return False
        if not self._meta.skip_diff:
            return super().skip_row(instance, original, row, import_validation_errors)
        snapshot = getattr(instance, "_import_snapshot", None)
        if snapshot is None:
            return False
        for f in self.import_columns():
            if f.column_name not in row or f.attribute not in snapshot or self.keeps_stored(f, instance, row):
                continue
            model_field = self.model_field(f)
            if model_field.many_to_many:
                current = {obj.pk for obj in f.clean(row)}
            else:
                current = getattr(instance, model_field.attname)
            if not _same(current, snapshot[f.attribute]):
                return False
        return True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if self._meta.clean_model_instances:
            # Lookups are already checked by their widgets; uniqueness and constraints are
            # checked in Python by check_instance (one query per row and constraint otherwise),
            # and the database still enforces them.
            exclude = set(errors)
            for f in self.fields.values():
                if isinstance(f.widget, LookupWidget | ManyLookupWidget) and f.attribute:
                    exclude.add(f.attribute)
            try:
                instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if not errors:
            for attribute, message in self.check_instance(instance).items():
                errors.setdefault(attribute, []).append(message)
        if not errors and (problem := self.area_problem(instance)):
            errors.setdefault(self.area_field, []).append(problem)
        if errors:
            raise ValidationError(errors)

    # -- the importing staff account's area ----------------------------------------------------

    #: The column whose value places a row in a region, and the dotted path from the instance to
    #: that region's code ("region_id", "facility.region_id"). None: rows of every area.
    area_field: str | None = None
    area_path: str = ""

    def area_code(self, instance) -> str | None:
        """The region code of ``instance`` at ``area_path`` (None without one)."""
        if self.area_field is None:
            return None
        code = instance
        for part in self.area_path.split("."):
            code = getattr(code, part, None)
        return code

    def area_problem(self, instance) -> str | None:
        """A row outside the importing account's area (``area`` given by the caller: a
        Kemendagri code, ``None`` for the whole country) is refused, and so is a row that would
        change a stored record outside it (moving it into the area included)."""
        area = getattr(self, "_area", None)
        if area is None or self.area_field is None:
            return None

        def inside(code: str | None) -> bool:
            return bool(code) and (code == area or code.startswith(f"{area}."))

        stored = getattr(instance, "_stored_area_code", None)
        code = stored if stored and not inside(stored) else self.area_code(instance)
        if inside(code):
            return None
        return _("wilayah %(code)s berada di luar wilayah dinas Anda (%(area)s).") % {
            "code": code or "-",
            "area": area,
        }

    def check_instance(self, instance) -> dict[str, str]:
        """The model's constraints, in Python and in Indonesian: {field: message}."""
        return {}

    # -- preview ----------------------------------------------------------------------------

    def row_label(self, instance) -> str:
        return str(instance)

    def describe_changes(self, instance) -> list[tuple[str, str, str]]:
        snapshot = getattr(instance, "_import_snapshot", None) or {}
        changes = []
        for f in self.import_columns():
            if f.attribute not in snapshot:
                continue
            model_field = self.model_field(f)
            if model_field.many_to_many:
                continue
            old, new = snapshot[f.attribute], getattr(instance, model_field.attname)
            if _same(old, new):
                continue
            if isinstance(model_field, models.ForeignKey):
                old_text, new_text = str(old or ""), str(new or "")  # both as codes
            else:
                old_text, new_text = self.display(f, old), self.display(f, new)
            changes.append((f.column_name, shown(old_text), shown(new_text)))
        return changes

    @staticmethod
    def display(f: Column, value: Any) -> str:
        if value is None:
            return ""
        if hasattr(f.widget, "display"):
            return f.widget.display(value)
        return str(f.widget.render(value))

    def describe_values(self, instance) -> list[tuple[str, str]]:
        """A new row's values that the row label does not already show (quantity, price,
        dates...), as the preview lists them for the clerk to check before confirming."""
        key_attributes = {self.fields[name].attribute for name in self.get_import_id_fields()}
        values = []
        for f in self.import_columns():
            model_field = self.model_field(f)
            if f.attribute in key_attributes or model_field is None or model_field.many_to_many:
                continue
            value = getattr(instance, f.attribute, None)
            if value in (None, ""):
                continue
            text = str(value) if isinstance(model_field, models.ForeignKey) else self.display(f, value)
            values.append((f.column_name, shown(text)))
        return values

    # -- export -----------------------------------------------------------------------------

    def filter_export(self, queryset, **kwargs):
        # What the columns show, in a fixed number of queries whatever the number of rows.
        related = [f.attribute for f in self.fields.values() if isinstance(f.widget, LookupWidget)]
        many = [f.attribute for f in self.fields.values() if isinstance(f.widget, ManyLookupWidget)]
        if related:
            queryset = queryset.select_related(*related)
        if many:
            queryset = queryset.prefetch_related(*many)
        return queryset

    def export(self, queryset=None, **kwargs):
        dataset = super().export(queryset=queryset, **kwargs)
        dataset.title = self.sheet_title
        export_fields = self.get_export_fields(kwargs.get("export_fields"))
        dataset.number_formats = [getattr(f.widget, "number_format", None) for f in export_fields]
        dataset.text_columns = [i for i, f in enumerate(export_fields) if getattr(f.widget, "text_column", False)]
        return dataset

    @classmethod
    def get_display_name(cls):
        return cls.sheet_title


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.replace("\r\n", "\n") == b.replace("\r\n", "\n")
    return a == b
