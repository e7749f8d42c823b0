"""API tokens in the admin: staff issue one for their agency (the secret is shown once, on the
next page) and revoke it. Staff see and revoke only their own agency's tokens."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agencies.models import Agency
from agencies.scope import staff_scope
from opendata.models import ApiToken
from opendata.services import api_token_issue, api_token_revoke


def _agencies_q(request) -> Q:
    scope = staff_scope(request.user)
    if scope.everything:
        return Q()
    return Q(pk=scope.agency.pk) if scope.agency is not None and not scope.read_only else Q(pk__in=[])


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["agency", "name"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    form = ApiTokenForm
    list_display = ["name", "agency", "prefix", "created_at", "created_by", "last_used_at", "revoked_at"]
    list_filter = ["agency"]
    list_select_related = ["agency", "created_by"]
    readonly_fields = ["prefix", "created_at", "created_by", "last_used_at", "revoked_at", "revoked_by"]
    actions = ["revoke_tokens"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(agency__in=Agency.objects.filter(_agencies_q(request)))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agency":
            kwargs["queryset"] = Agency.objects.filter(_agencies_q(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        # A token's agency and name stay what they were issued with: revoke and issue another.
        return [*self.readonly_fields, "agency", "name"] if obj else self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False  # revoked, never deleted: the record of who could read stays

    def save_model(self, request, obj, form, change):
        if change:
            return
        token, secret = api_token_issue(agency=obj.agency, name=obj.name, actor=request.user)
        obj.pk = token.pk
        messages.warning(
            request,
            _("The secret of %(name)s, shown only now: %(secret)s (send it as: Authorization: Bearer <secret>)")
            % {"name": token.name, "secret": secret},
        )

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke_tokens(self, request, queryset):
        tokens = list(queryset)
        for token in tokens:
            api_token_revoke(token=token, actor=request.user)
        self.message_user(
            request, ngettext("%(n)d token revoked.", "%(n)d tokens revoked.", len(tokens)) % {"n": len(tokens)}
        )
