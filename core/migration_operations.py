"""Migration operations shared by the apps' migrations."""

from django.db import migrations


class PostgresOnly(migrations.RunSQL):
    """RunSQL on PostgreSQL, nothing elsewhere (SQLite, the embedded default): for indexes
    Django cannot express portably, such as trigram indexes on an expression."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
