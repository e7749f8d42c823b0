from django.db import migrations


def create_fields(apps, schema_editor):
    from core.models import PERBUP_FIELDS

    CsrField = apps.get_model("core", "CsrField")
    for order, (code, name, name_en) in enumerate(PERBUP_FIELDS, start=1):
        CsrField.objects.update_or_create(code=code, defaults={"name": name, "name_en": name_en, "order": order})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_fields, migrations.RunPython.noop)]
