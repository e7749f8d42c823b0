"""Text search by index on PostgreSQL: trigram GIN indexes on what the public search matches.

The listing's search is ``icontains``, which Django writes ``UPPER(col::text) LIKE UPPER(%s)``
on PostgreSQL; indexes on that same expression with ``gin_trgm_ops`` (pg_trgm) answer it and
give the planner statistics of the expression, so it no longer misestimates the matches.
SQLite keeps its plain match: the operations do nothing there. The indexes are not in the
models' state (Django cannot express an operator class on an expression portably), so
``makemigrations`` leaves them alone.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from core.migration_operations import PostgresOnly

INDEXES = (
    ("need_title_trgm_idx", "facilities_need", "title"),
    ("facility_name_trgm_idx", "facilities_facility", "name"),
)


class Migration(migrations.Migration):
    dependencies = [
        ("facilities", "0005_facility_accounts"),
    ]

    operations = [
        TrigramExtension(),  # does nothing on other databases
        *(
            PostgresOnly(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER({column}::text)) gin_trgm_ops)",
                f"DROP INDEX IF EXISTS {name}",
            )
            for name, table, column in INDEXES
        ),
    ]
