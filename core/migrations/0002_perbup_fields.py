from django.db import migrations


def create_fields(apps, schema_editor):
    from core.models import csr_fields_ensure

    csr_fields_ensure(apps.get_model("core", "CsrField"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_fields, migrations.RunPython.noop)]
