"""Agencies and their staff accounts in the admin.

Superusers register agencies. An agency administrator edits its own agency's public profile
and manages its own staff accounts (open, change the role, deactivate) through
``agencies.services``; nobody else sees these pages. Django's own user admin stays with
superusers: no staff account can make itself or anyone a superuser or move to another agency.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies import services
from agencies.models import Agency, AgencyStaff
from backoffice.scoping import AgencyScopedAdmin, scope_of
from core import evidence
from regions.models import Region

PROFILE_FIELDS = ["logo", "address", "email", "phone", "website", "forum_name", "forum_regulation", "is_public"]


class AgencyAdminForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = [
            "name",
            "short_name",
            "slug",
            "level",
            "region",
            *PROFILE_FIELDS,
            "iati_identifier",
        ]

    def clean_logo(self):
        """A new logo is checked by its content and stored re-encoded, without EXIF or GPS: it is
        served publicly (core.evidence, as delivery photos)."""
        logo = self.cleaned_data.get("logo")
        if not isinstance(logo, UploadedFile):
            return logo
        try:
            content_type = evidence.check_upload(logo, photo=True)
        except evidence.EvidenceFileError as error:
            raise forms.ValidationError(error.message) from error
        return evidence.stored_content(logo, content_type)


@admin.register(Agency)
class AgencyAdmin(AgencyScopedAdmin, SimpleHistoryAdmin):
    form = AgencyAdminForm
    list_display = ["name", "short_name", "level", "region", "forum_name", "is_public"]
    list_filter = ["level", "is_public"]
    list_select_related = ["region"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}
    autocomplete_fields = ["region"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "level", "region", "is_public"]}),
        (_("Public profile"), {"fields": ["logo", "address", "email", "phone", "website"]}),
        (_("Forum"), {"fields": ["forum_name", "forum_regulation"]}),
        (_("Open data"), {"fields": ["iati_identifier"]}),
    ]

    def area_q(self, request):
        scope = scope_of(request)
        return Q() if scope.superuser else Q(pk=getattr(scope.agency, "pk", None))

    def has_module_permission(self, request):
        return scope_of(request).agency is not None or request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        scope = scope_of(request)
        if scope.superuser:
            return True
        return scope.manages_staff and (obj is None or obj.pk == scope.agency.pk)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return []
        # An agency administrator keeps its public profile; what the agency is stays fixed.
        return ["name", "short_name", "slug", "level", "region"]

    def get_prepopulated_fields(self, request, obj=None):
        # The slug follows the short name only where both can be typed (a superuser's form).
        return self.prepopulated_fields if request.user.is_superuser else {}


class StaffInviteForm(forms.ModelForm):
    email = forms.EmailField(label=_("E-mail address"), help_text=_("The invitation goes here."))
    username = forms.CharField(
        label=_("Username"), max_length=150, required=False, help_text=_("Empty: the e-mail address.")
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    class Meta:
        model = AgencyStaff
        fields = ["agency", "role", "region", "organisation"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email

    def clean(self):
        cleaned = super().clean()
        agency, region = cleaned.get("agency"), cleaned.get("region")
        if agency and region and agency.region_id and not region.pk.startswith(agency.region_id):
            self.add_error("region", _("The narrower area must lie inside the agency's area."))
        return cleaned


class StaffChangeForm(forms.ModelForm):
    class Meta:
        model = AgencyStaff
        fields = ["role", "region", "organisation"]


@admin.register(AgencyStaff)
class AgencyStaffAdmin(AgencyScopedAdmin, SimpleHistoryAdmin):
    list_display = ["user", "full_name", "agency", "role", "organisation", "region", "is_active"]
    list_filter = ["role", "agency"]
    list_select_related = ["user", "agency", "region"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email", "organisation"]
    autocomplete_fields = ["region"]
    actions = ["deactivate_accounts"]

    # --- who may see and change what ------------------------------------------------------------

    def area_q(self, request):
        scope = scope_of(request)
        return Q() if scope.superuser else Q(agency_id=getattr(scope.agency, "pk", None))

    def _manages(self, request) -> bool:
        return scope_of(request).manages_staff

    def has_module_permission(self, request):
        return self._manages(request)

    def has_view_permission(self, request, obj=None):
        return self._manages(request)

    def has_add_permission(self, request):
        return self._manages(request)

    def has_change_permission(self, request, obj=None):
        return self._manages(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = StaffChangeForm if obj is not None else StaffInviteForm
        form = super().get_form(request, obj, change=change, **kwargs)
        scope = scope_of(request)
        if obj is None and "agency" in form.base_fields and not scope.superuser:
            field = form.base_fields["agency"]
            field.queryset = Agency.objects.filter(pk=scope.agency.pk)
            field.initial = scope.agency.pk
        return form

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["agency", "email", "username", "first_name", "last_name", "role", "region", "organisation"]
        return ["role", "region", "organisation"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope = scope_of(request)
        if db_field.name == "region" and scope.area:
            kwargs["queryset"] = Region.objects.within(scope.area)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- every change through agencies.services ---------------------------------------------------

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            saved = services.staff_update(
                membership=obj,
                actor=request.user,
                role=data["role"],
                region=data.get("region"),
                organisation=data.get("organisation", ""),
            )
        else:
            saved = services.staff_invite(
                agency=data["agency"],
                email=data["email"],
                username=data.get("username", ""),
                first_name=data["first_name"],
                last_name=data.get("last_name", ""),
                role=data["role"],
                region=data.get("region"),
                organisation=data.get("organisation", ""),
                actor=request.user,
            )
        obj.pk, obj.user = saved.pk, saved.user

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.AgencyError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(request.get_full_path())

    @admin.action(description=_("Deactivate the selected accounts"))
    def deactivate_accounts(self, request, queryset):
        if not self._manages(request):
            raise PermissionDenied
        done = 0
        for membership in queryset.select_related("user", "agency"):
            try:
                services.staff_deactivate(membership=membership, actor=request.user)
            except services.AgencyError as error:
                messages.error(request, f"{membership}: {error.message}")
            else:
                done += 1
        if done:
            messages.success(request, gettext("%(n)s accounts deactivated.") % {"n": done})
        return HttpResponseRedirect(reverse("admin:agencies_agencystaff_changelist"))

    @admin.display(description=_("name"))
    def full_name(self, obj):
        return obj.user.get_full_name()

    @admin.display(description=_("active"), boolean=True)
    def is_active(self, obj):
        return obj.user.is_active
