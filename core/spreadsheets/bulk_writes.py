"""How a :class:`~core.spreadsheets.resources.SpreadsheetResource` writes what it imported:
bulk writes by ``batch_size`` that still record history (django-simple-history's
``bulk_create_with_history`` / ``bulk_update_with_history``) with the importing user, an update
that writes only the imported columns, and a preview (a dry run) that writes nothing.
"""

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core import versioned_cache


class BulkWritesMixin:
    """The saving side of :class:`~core.spreadsheets.resources.SpreadsheetResource`, which
    provides ``import_columns``, ``model_field`` and the importing user and change reason."""

    def update_field_names(self) -> list[str]:
        """Model fields an update writes: the imported ones, and ``updated_at``. Never the
        counters or anything else the file does not carry."""
        names = []
        for f in self.import_columns():
            model_field = self.model_field(f)
            if model_field is not None and model_field.concrete and not model_field.many_to_many:
                names.append(model_field.name)
        if any(model_field.name == "updated_at" for model_field in self._meta.model._meta.concrete_fields):
            names.append("updated_at")
        return names

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk is not None and hasattr(instance, "updated_at"):
            instance.updated_at = timezone.now()  # bulk_update does not run auto_now
        instance._history_user = self._user
        instance._change_reason = self._change_reason

    def do_instance_save(self, instance, is_create):
        if is_create:
            instance.save(force_insert=True)
        else:
            instance.save(update_fields=self.update_field_names())

    def _has_history(self) -> bool:
        # django-simple-history marks the models it tracks.
        return hasattr(self._meta.model._meta, "simple_history_manager_attribute")

    # The preview (a dry run) writes nothing: every row has been checked in Python against the
    # rules the database enforces, so the library's insert-then-roll-back would only double the
    # cost. The confirmation writes in one transaction; any refusal there rolls everything back.

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if dry_run:
            self.create_instances.clear()
            return
        if self.create_instances:
            try:
                if self._has_history():
                    bulk_create_with_history(
                        self.create_instances,
                        self._meta.model,
                        batch_size=batch_size,
                        default_user=self._user,
                        default_change_reason=self._change_reason,
                    )
                else:
                    self._meta.model.objects.bulk_create(self.create_instances, batch_size=batch_size)
                versioned_cache.changed(self._meta.model)  # a bulk write sends no signal
            except Exception as error:
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.create_instances.clear()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if dry_run:
            self.update_instances.clear()
            return
        if self.update_instances:
            try:
                if self._has_history():
                    bulk_update_with_history(
                        self.update_instances,
                        self._meta.model,
                        fields=self.update_field_names(),
                        batch_size=batch_size,
                        default_user=self._user,
                        default_change_reason=self._change_reason,
                    )
                else:
                    self._meta.model.objects.bulk_update(
                        self.update_instances, self.update_field_names(), batch_size=batch_size
                    )
                versioned_cache.changed(self._meta.model)
            except Exception as error:
                self.handle_import_error(result, error, raise_errors)
            finally:
                self.update_instances.clear()

    def after_import(self, dataset, result, **kwargs):
        # ModelResource resets the table's id sequence after inserts, for imports that carry
        # ids. Ours never do, and on PostgreSQL a reset can race with concurrent inserts.
        pass
