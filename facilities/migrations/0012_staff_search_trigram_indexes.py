"""The staff's needs search (the admin's changelist) by index on PostgreSQL: trigram GIN indexes
on the needs' description and source, beside those of migration 0006 (titles, facility names),
so that a word found in a tenth of 100,000 needs is counted and listed from the indexes instead
of matching four columns of every need (``facilities.filters.need_text_match``). Nothing on
SQLite; not in the models' state, as in 0006."""

from django.db import migrations

from core.migration_operations import PostgresOnly

INDEXES = (
    ("need_description_trgm_idx", "facilities_need", "description"),
    ("need_source_trgm_idx", "facilities_need", "source"),
)


class Migration(migrations.Migration):
    dependencies = [
        ("facilities", "0011_facility_public_phone_and_address_choice"),
    ]

    operations = [
        PostgresOnly(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER({column}::text)) gin_trgm_ops)",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, table, column in INDEXES
    ]
