"""What an import would do (the preview) or did (the confirmation): counts, the problems of
every failing row with its row and column, and a few rows of each kind to show."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from import_export.results import RowResult


@dataclass
class Problem:
    """One reason a row (or the file) cannot be imported."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("Baris %(row)s, kolom '%(column)s': %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row is not None:
            return _("Baris %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return self.message


@dataclass
class RowPreview:
    row: int
    label: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    #: A new row's values, as the clerk should check them: [(column, value)].
    values: list[tuple[str, str]] = field(default_factory=list)
    #: What the checks of other apps say of a new row (core.spreadsheets.row_checks), e.g. that
    #: it looks like an existing record.
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportOutcome:
    """What an import would do (preview) or did (confirmation), for staff and for the record."""

    total: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    previews: dict[str, list[RowPreview]] = field(default_factory=dict)
    file_format: str = ""
    sheet_name: str = ""
    encoding: str = ""

    #: Confirmed with its failing rows skipped at the clerk's choice (``problems`` then report them).
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return self.skipped or (not self.problems and not self.failed)

    def failed_rows(self) -> frozenset[int]:
        """The sheet rows that fail (a problem of the whole file has none)."""
        return frozenset(problem.row for problem in self.problems if problem.row is not None)

    @property
    def skippable(self) -> bool:
        """Whether the clerk may import the good rows and skip the failing ones: every problem is
        a row's, and some row would be written (a file of only bad rows writes nothing)."""
        return (
            not self.skipped
            and bool(self.problems)
            and all(problem.row is not None for problem in self.problems)
            and self.new + self.updated > 0
        )

    def preview_rows(self, kind: str) -> list[RowPreview]:
        return self.previews.get(kind, [])

    @property
    def new_rows(self) -> list[RowPreview]:
        return self.preview_rows(RowResult.IMPORT_TYPE_NEW)

    @property
    def updated_rows(self) -> list[RowPreview]:
        return self.preview_rows(RowResult.IMPORT_TYPE_UPDATE)

    @property
    def unchanged_rows(self) -> list[RowPreview]:
        return self.preview_rows(RowResult.IMPORT_TYPE_SKIP)

    def problem_lines(self) -> list[str]:
        return [str(problem) for problem in self.problems]
