"""Every changelist, change, history and delete view, action, import and export of the admin
shows and changes only rows in the staff account's area (agencies.scope).

``AgencyScopedAdmin`` goes first in a ModelAdmin's bases. ``area_path`` names the path from the
model to a region key (``"facility__region"``); ``None`` marks a registry all agencies share
(companies, officers). Foreign keys listed in ``scoped_choices`` offer, and accept, only rows of
the area, so a facility can never be moved out of it by a crafted POST. A viewer (read-only
role) can view and export, and change nothing. An object outside the area is answered like one
that does not exist.
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404

from agencies.scope import Scope, staff_scope
from core.downloads import MAX_ID


def scope_of(request) -> Scope:
    return staff_scope(request.user)


class AgencyScopedAdmin:
    area_path: str | None = None
    # foreign key name -> path from the related model to its region key
    scoped_choices: dict[str, str] = {}

    def area_q(self, request) -> Q:
        if self.area_path is None:
            return Q()
        return scope_of(request).q(self.area_path)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        condition = self.area_q(request)
        return queryset.filter(condition) if condition else queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        path = self.scoped_choices.get(db_field.name)
        if path is not None:
            kwargs["queryset"] = db_field.related_model._default_manager.filter(scope_of(request).q(path))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def import_area(self, request) -> str | None:
        """Spreadsheet rows outside the account's area are refused (core.spreadsheets); an
        account of no agency may import nowhere."""
        scope = scope_of(request)
        if not scope.any:
            return "-"
        return scope.area

    def summary_scope(self, request) -> Scope:
        return scope_of(request)

    # --- a viewer changes nothing -----------------------------------------------------------

    def _writable(self, request) -> bool:
        return not scope_of(request).read_only

    def has_add_permission(self, request, *args, **kwargs):
        return self._writable(request) and super().has_add_permission(request, *args, **kwargs)

    def has_change_permission(self, request, obj=None):
        return self._writable(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._writable(request) and super().has_delete_permission(request, obj)

    def has_import_permission(self, request):
        parent = getattr(super(), "has_import_permission", None)
        return self._writable(request) and (parent(request) if parent else False)

    def get_actions(self, request):
        if not self._writable(request):
            return {}
        return super().get_actions(request)

    # --- history (simple-history shows and reverts history by id alone) -----------------------

    def object_pk(self, object_id):
        """The primary key named by ``object_id`` of a URL, or None for a value no row can have
        (``abc``, ``1.5``, a number beyond 64 bits): such a URL is a 404, never a 500."""
        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
        except (ValueError, TypeError, ValidationError):
            return None
        if isinstance(pk, int) and not 0 < pk <= MAX_ID:
            return None
        return pk

    def _require_in_area(self, request, object_id) -> None:
        pk = self.object_pk(object_id)
        if pk is None or not self.get_queryset(request).filter(pk=pk).exists():
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._require_in_area(request, object_id)
        return super().history_view(request, object_id, extra_context=extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._require_in_area(request, object_id)
        if not str(version_id).isdigit() or int(version_id) > MAX_ID:
            raise Http404
        if request.method == "POST" and not self._writable(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context=extra_context)
