"""Reads of a fixed shape, compiled to SQL once per process and run again with new values.

Building a queryset and compiling it costs the ORM about a millisecond for a public page's read
(a join, a subquery, an order), three times what PostgreSQL then takes to answer it. A read that
every request makes in the same shape, only for another facility or need (the needs of a facility
page, its partners), is described once as a queryset of ``values_list`` built from sample
values; its SQL is compiled on first use and run again with the request's values in place of the
samples. Rows come back exactly as the queryset gives them (named tuples, with the database's
converters applied, by the compiler that compiled them).

Why not a library: django-prepared-queries does this but was last released in 2019, for Django
1.x; the benchmark and the reason are in docs/decisions.md ("Reads compiled once").

Each sample must be a value that appears once, unchanged, among the compiled query's parameters
(a negative id no row has), or the statement refuses to compile. Values that shape the SQL
(a status compared with a constant, a LIMIT) belong to the statement, not to its parameters:
one statement per shape.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet
from django.db.models.query import NamedValuesListIterable
from django.db.models.utils import create_namedtuple_class


class Statement:
    """``build(**samples)`` compiled on first use; ``rows(**values)`` runs it with new values."""

    def __init__(self, build: Callable[..., QuerySet], **samples: Any):
        self._build = build
        self._samples = samples
        self._compiled: tuple | None = None

    def _compile(self) -> tuple:
        queryset = self._build(**self._samples)
        if queryset._iterable_class is not NamedValuesListIterable:
            raise TypeError("a Statement is built from values_list(..., named=True)")
        compiler = queryset.query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet as error:
            # Django drops a condition no row can meet (such as a sample beyond a column's range).
            raise ValueError("a sample makes the query match nothing: choose one the columns can hold") from error
        positions = {}
        for name, sample in self._samples.items():
            found = [index for index, param in enumerate(params) if type(param) is type(sample) and param == sample]
            if len(found) != 1:
                raise ValueError(f"the sample {name}={sample!r} appears {len(found)} times in the query's parameters")
            positions[name] = found[0]
        return queryset.db, compiler, sql, tuple(params), positions, create_namedtuple_class(*queryset._fields)

    def rows(self, **values: Any) -> list[tuple]:
        """The rows for ``values`` (one for each sample), as the queryset would give them."""
        if values.keys() != self._samples.keys():
            raise TypeError(f"a Statement takes {sorted(self._samples)}, not {sorted(values)}")
        # Compiled once: the SQL and the converters depend on the database's backend only, and
        # the compiler is read, never changed, by the rows it converts.
        if self._compiled is None:
            self._compiled = self._compile()
        using, compiler, sql, params, positions, row_class = self._compiled
        params = list(params)
        for name, value in values.items():
            params[positions[name]] = value
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        new = tuple.__new__
        return [new(row_class, row) for row in compiler.results_iter([fetched], tuple_expected=True)]


def instance(model: type[Model], row: tuple, *, prefix: str = "", db: str = DEFAULT_DB_ALIAS) -> Model:
    """The ``model`` instance that ``row`` (a statement's named row) holds in its columns named
    ``prefix`` + a field's attname (``facility__name`` for a facility's ``name``), as the ORM
    would load it with ``only()``: ``Model.from_db``, the fields not read deferred."""
    names = row._fields
    attnames = [field.attname for field in model._meta.concrete_fields if prefix + field.attname in names]
    return model.from_db(db, attnames, [getattr(row, prefix + attname) for attname in attnames])
