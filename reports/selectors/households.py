"""Poor households of a region: the latest figure of a year up to the period's year; a region
without its own figure sums those of its children, marked partial when some are missing, and
stays unknown (never zero) when none has one. The figures themselves are read by
``regions.selectors.own_figures``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count

from regions.models import Region, RegionLevel, in_area

COMPLETE, PARTIAL, UNKNOWN = "complete", "partial", "unknown"


@dataclass(frozen=True)
class Households:
    """Poor households of a region: a number with how complete it is, or unknown."""

    value: int | None = None
    status: str = UNKNOWN
    first_year: int | None = None
    last_year: int | None = None
    known_parts: int = 0
    parts: int = 0

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def complete(self) -> bool:
        return self.status == COMPLETE

    @property
    def partial(self) -> bool:
        return self.status == PARTIAL

    @property
    def years(self) -> str:
        if self.first_year is None:
            return ""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"

    def per(self, rupiah: int) -> int | None:
        """Rupiah per poor household; None unless the household count is complete and above zero
        (a partial count would overstate it)."""
        if not self.complete or not self.value:
            return None
        return round(rupiah / self.value)


UNKNOWN_HOUSEHOLDS = Households()


def children_counts(scope_code: str) -> dict[str, int]:
    """How many regencies each province has, and districts each regency: one query."""
    rows = (
        Region.objects.filter(level__in=[RegionLevel.REGENCY, RegionLevel.DISTRICT])
        .filter(in_area(scope_code, "code"))
        .values("parent_id")
        .annotate(n=Count("pk"))
        .values_list("parent_id", "n")
        .order_by()
    )
    return dict(rows)


class HouseholdTree:
    """Effective poor households of any region in scope, rolled up from the own figures."""

    def __init__(self, figures: dict, children_counts: dict[str, int]):
        self.figures = figures
        self.children_counts = children_counts
        self.cache: dict[str, Households] = {}
        # Which codes below each region have figures, one level down at a time.
        self.children_with_data: dict[str, set[str]] = defaultdict(set)
        for code in figures:
            parts = code.split(".")
            for depth in range(1, len(parts)):
                self.children_with_data[".".join(parts[:depth])].add(".".join(parts[: depth + 1]))

    def of(self, code: str) -> Households:
        if code not in self.cache:
            self.cache[code] = self._compute(code)
        return self.cache[code]

    def _compute(self, code: str) -> Households:
        own = self.figures.get(code)
        if own is not None:
            return Households(own[2], COMPLETE, own[3], own[3], 1, 1)
        if code.count(".") >= 2:  # districts: villages are never summed
            return UNKNOWN_HOUSEHOLDS
        parts = [self.of(child) for child in sorted(self.children_with_data.get(code, ()))]
        return self.combine(parts, self.children_counts.get(code, 0))

    @staticmethod
    def combine(parts: list[Households], expected: int) -> Households:
        known = [part for part in parts if part.known]
        if not known:
            return UNKNOWN_HOUSEHOLDS
        complete = len(known) == expected and all(part.complete for part in known)
        return Households(
            sum(part.value for part in known),
            COMPLETE if complete else PARTIAL,
            min(part.first_year for part in known),
            max(part.last_year for part in known),
            len(known),
            expected,
        )
