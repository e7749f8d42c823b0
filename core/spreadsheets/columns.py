"""The column of a spreadsheet resource: :class:`Column`, a django-import-export field with an
Indonesian header, a hint and an example for the template, and refusal of formula cells.
"""

from django.utils.translation import gettext as _
from import_export import fields as ie_fields
from import_export import widgets

from core.spreadsheets.cells import FormulaCell, shown
from core.spreadsheets.widgets import TextWidget


class Column(ie_fields.Field):
    """A resource field with an Indonesian column header, a note for the template's hint sheet,
    and refusal of formula cells."""

    def __init__(
        self,
        attribute: str | None = None,
        column_name: str | None = None,
        widget: widgets.Widget | None = None,
        *,
        readonly: bool = False,
        help_text: str = "",
        example: str = "",
        dehydrate_method: str | None = None,
    ):
        super().__init__(
            attribute=attribute,
            column_name=column_name,
            widget=widget or TextWidget(),
            readonly=readonly,
            dehydrate_method=dehydrate_method,
        )
        self.help_text = help_text
        self.example = example

    def clean(self, row, **kwargs):
        value = row[self.column_name]
        if isinstance(value, FormulaCell):
            raise ValueError(
                _("sel berisi rumus Excel (%(formula)s); isi dengan nilainya saja, bukan rumus.")
                % {"formula": shown(value.formula, 40)}
            )
        return self.widget.clean(value, row=row, **kwargs)

    @property
    def required(self) -> bool:
        return bool(getattr(self.widget, "required", False))
