"""Pagination that never counts a huge table.

A listing of 100,000 needs does not need to know that there are 81,237 of them to show page 1:
counting stops at ``cap``, so the count costs the same however large the table grows, and the
page says "more than 1.000" instead. Narrower filters, or the open-data files, reach the rest.
"""

from django.core.paginator import Paginator
from django.db.models import F
from django.utils.functional import cached_property

from core.lookups import AnyOf


def capped_count(queryset, cap: int) -> int:
    """How many rows ``queryset`` has, counting no further than ``cap + 1``:
    SELECT COUNT(*) FROM (SELECT id ... LIMIT cap + 1). The order does not change a count, and
    the columns and annotations the page selects are not read for it."""
    return queryset.order_by().values("pk")[: cap + 1].count()


def matches_by_id(queryset, listed, ordering, cap: int) -> tuple:
    """``queryset``'s matches read by id first, up to ``cap + 1`` of them, for filters whose
    matches lie scattered along the order's index (a word within a province): returns what to page
    and how many matched (``found`` of ``CappedPaginator``), in as many queries as counting and
    paging.

    When at most ``cap`` match, the page is read from ``listed`` (the rows as the listing shows
    them) among those ids, in ``ordering``: PostgreSQL fetches the matches by their key and sorts
    them, where it walked the order's index and dropped thousands of rows of other provinces.
    Else ``queryset`` itself is paged: so many match that the walk finds a page at once. Reading
    the ids costs what counting them costs where the database reads the rows to filter them (a
    text match); where an index alone counts them (a region, a field), or where the matches lie
    close together along an index (a word alone, a word within a field), counting and walking stay
    cheaper (docs/performance.md, eighth session).
    """
    ids = list(queryset.order_by().values_list("pk", flat=True)[: cap + 1])
    if len(ids) > cap:
        return queryset, len(ids)
    return listed.filter(AnyOf(F("pk"), ids)).order_by(*ordering), len(ids)


class CappedPaginator(Paginator):
    """``found``, when given, is ``capped_count`` computed before (kept in a cache, or counted
    on a queryset without the page's annotations)."""

    def __init__(self, object_list, per_page, *, cap: int, found: int | None = None, **kwargs):
        self.cap = cap
        self.capped = False
        self.found = found
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def count(self) -> int:
        found = self.found if self.found is not None else capped_count(self.object_list, self.cap)
        self.capped = found > self.cap
        return min(found, self.cap)


def rows_of_page(queryset, ids: list) -> list:
    """The rows of ``queryset`` whose ids are ``ids`` (a page counted and sliced over ids alone,
    e.g. ``queryset.values_list("pk", flat=True)``), in that order, with everything the queryset
    selects and annotates. A listing ranked over every row then joins and annotates only the
    rows it shows."""
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def query_without(querydict, *names: str) -> str:
    """The query string without the named parameters and without empty values, for page links."""
    kept = querydict.copy()
    for name in names:
        kept.pop(name, None)
    for key in list(kept.keys()):
        values = [value for value in kept.getlist(key) if value]
        if values:
            kept.setlist(key, values)
        else:
            del kept[key]
    return kept.urlencode()
