"""The overlaps of a year in a forum's area, for the Forum TSLP report (issue 26): what was done
despite an overlap (a need, an offer or approval, a program), counted by kind; the notes
themselves, with their reasons, for staff of the area. One query."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from overlaps.models import OverlapAction, OverlapNote
from overlaps.notes import notes_of_year

KIND_LABELS = {
    "need": OverlapNote._meta.get_field("need").verbose_name,
    "pledge": OverlapNote._meta.get_field("pledge").verbose_name,
    "program": OverlapNote._meta.get_field("program").verbose_name,
}


@dataclass
class ForumOverlaps:
    notes: list[OverlapNote] = field(default_factory=list)
    by_action: list[tuple[str, int]] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.notes)


def forum_overlaps(year: int, area_code: str) -> ForumOverlaps:
    """The notes of ``year`` in the area ``area_code`` ("" for every forum), the number of each
    action, and the number of overlaps of each kind they went ahead over (another need, another
    company's pledge, government coverage, another program)."""
    notes = notes_of_year(area_code, year)
    actions = Counter(note.action for note in notes)
    kinds = Counter(item.get("kind", "") for note in notes for item in note.overlaps)
    by_action = [(label, actions[value]) for value, label in OverlapAction.choices if actions[value]]
    return ForumOverlaps(notes, by_action, dict(kinds))
