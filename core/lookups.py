"""A lookup Django does not ship: ``IN`` with the values as one array on PostgreSQL."""

from django.core.exceptions import EmptyResultSet
from django.db.models.lookups import In


class AnyOf(In):
    """``lhs IN (values)``, written on PostgreSQL as ``lhs = ANY(%s::type[])`` with the values as
    one array parameter; ``IN`` elsewhere (SQLite), and for a subquery.

    A region's thousand facility ids (``facilities.filters.FacilityRegionFilter``) as an ``IN``
    list were a thousand placeholders for Django to compile and psycopg to quote, and a thousand
    constants for PostgreSQL to parse: about 3.4 ms more per query than one array, for the same
    plan (PostgreSQL turns an ``IN`` list into this very comparison). docs/performance.md,
    eighth session.

    An expression: ``queryset.filter(AnyOf(F("facility_id"), ids))``, or inside ``Q(...)``.
    """

    def as_postgresql(self, compiler, connection):
        if not self.rhs_is_direct_value():
            return self.as_sql(compiler, connection)
        field = self.lhs.output_field
        values = [field.get_db_prep_value(value, connection, prepared=True) for value in self.rhs if value is not None]
        if not values:
            raise EmptyResultSet  # as IN does: the condition matches nothing
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::{field.cast_db_type(connection)}[])", (*lhs_params, values)
