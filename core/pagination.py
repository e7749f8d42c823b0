"""Pagination that never counts a huge table.

A listing of 100,000 needs does not need to know that there are 81,237 of them to show page 1:
counting stops at ``cap``, so the count costs the same however large the table grows, and the
page says "more than 1.000" instead. Narrower filters, or the open-data files, reach the rest.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int, **kwargs):
        self.cap = cap
        self.capped = False
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def count(self) -> int:
        # SELECT COUNT(*) FROM (SELECT ... LIMIT cap + 1): the order does not change a count.
        found = self.object_list.order_by()[: self.cap + 1].count()
        self.capped = found > self.cap
        return min(found, self.cap)


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
