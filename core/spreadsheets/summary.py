"""A summary a changelist offers as a download beside its export: tables of figures for the
objects listed (as filtered), as an xlsx with a sheet per table or one CSV.

The admin mixin knows only this shape. What is summed lives with the data it sums: an app sets
``summary_provider`` on its ModelAdmin to a :class:`SummaryProvider` of its own (the rupiah of
pledges: ``matching.summaries.PledgeSummary``), so ``core`` imports no other app.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.spreadsheets.writing import Sheet, write_csv


@dataclass
class SummaryTable:
    """One table: its title (the sheet's name), its headers and rows (the first column names
    the row, totals included). Number formats are those of the xlsx cells, column by column."""

    title: str
    headers: list[str]
    rows: list[list]
    number_formats: Sequence[str | None] = field(default_factory=tuple)

    def as_sheet(self) -> Sheet:
        return Sheet(title=self.title, headers=self.headers, rows=self.rows, number_formats=self.number_formats)


def summary_csv(tables: list[SummaryTable]) -> str:
    """The tables one below the other in one CSV: a column with the table's title, one with the
    row's name, then the values. The tables of one summary share their value columns."""
    values = tables[0].headers[1:] if tables else []
    headers = [_("Kelompok"), _("Nama"), *values]
    return write_csv(headers, [[table.title, *row] for table in tables for row in table.rows])


class SummaryProvider:
    """What a changelist's summary holds. Subclasses give the download's name and labels and
    compute the tables for the primary keys of the listed objects."""

    #: Start of the downloaded file's name, before the listed model's name and the date.
    file_stem = "ringkasan"
    #: Labels of the two buttons on the changelist.
    xlsx_label = ""
    csv_label = ""

    def tables(self, listed: QuerySet, within=None) -> list[SummaryTable]:
        """The tables for ``listed``, a ``values("pk")`` queryset of the changelist's objects.
        ``within``: the reading account's scope (an object with ``q(path)``, agencies.scope), so
        that figures of a shared registry (companies) count only what lies in its area; None
        for the whole country."""
        raise NotImplementedError  # abstract: every subclass defines it
