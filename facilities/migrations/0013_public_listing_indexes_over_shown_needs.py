"""The public listing's four order indexes serve every status it shows, and the value order again.

* Each index led with ``status``, so that "open and fulfilled" (``?status=all``) sorted every
  public need for each page: 80-95 ms for a page ordered by value or by the date needed, at
  national scale. Without the column, and with public needs as their condition
  (``facilities.models.shown_need``, the condition of ``Need.objects.public()``), PostgreSQL
  walks one index in order for any status and skips the needs of the other.
* Migration 0007 added ``quantity_proposed`` back into the value order
  (``facilities.models.open_value``) but not into its index, which PostgreSQL then no longer
  used: every page of ``/needs/?sort=value`` sorted every open need (65 ms, spilled to disk).
  The model now builds the order and the index from the same function."""

import django.db.models.expressions
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0005_sdg_goals_and_targets'),
        ('facilities', '0012_staff_search_trigram_indexes'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='need',
            name='need_public_urgency_idx',
        ),
        migrations.RemoveIndex(
            model_name='need',
            name='need_public_newest_idx',
        ),
        migrations.RemoveIndex(
            model_name='need',
            name='need_public_needed_by_idx',
        ),
        migrations.RemoveIndex(
            model_name='need',
            name='need_public_value_idx',
        ),
        migrations.AddIndex(
            model_name='need',
            index=models.Index(models.F('priority'), models.F('needed_by'), models.OrderBy(models.F('created_at'), descending=True), models.OrderBy(models.F('id'), descending=True), condition=models.Q(('is_public', True), ('status__in', ['open', 'fulfilled'])), name='need_public_urgency_idx'),
        ),
        migrations.AddIndex(
            model_name='need',
            index=models.Index(models.OrderBy(models.F('created_at'), descending=True), models.OrderBy(models.F('id'), descending=True), condition=models.Q(('is_public', True), ('status__in', ['open', 'fulfilled'])), name='need_public_newest_idx'),
        ),
        migrations.AddIndex(
            model_name='need',
            index=models.Index(models.F('needed_by'), models.F('priority'), models.OrderBy(models.F('id'), descending=True), condition=models.Q(('is_public', True), ('status__in', ['open', 'fulfilled'])), name='need_public_needed_by_idx'),
        ),
        migrations.AddIndex(
            model_name='need',
            index=models.Index(models.OrderBy(django.db.models.expressions.CombinedExpression(django.db.models.expressions.CombinedExpression(django.db.models.expressions.CombinedExpression(django.db.models.expressions.CombinedExpression(models.F('quantity'), '-', models.F('quantity_pending')), '+', models.F('quantity_proposed')), '-', models.F('quantity_covered')), '*', models.F('unit_cost')), descending=True), models.F('priority'), models.OrderBy(models.F('id'), descending=True), condition=models.Q(('is_public', True), ('status__in', ['open', 'fulfilled'])), name='need_public_value_idx'),
        ),
    ]
