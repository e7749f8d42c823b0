from django.contrib import admin
from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import RegionAreaFilter
from core.spreadsheets.admin import SpreadsheetAdminMixin
from matching.summaries import PledgeSummary
from partners import admin_views
from partners.models import Company, Engagement, Officer, PartnerInterest
from partners.resources import CompanyResource
from programs.models import Program


class OfficerInline(admin.TabularInline):
    model = Officer
    extra = 0
    fields = ["user", "role", "job_title", "phone"]
    raw_id_fields = ["user"]


class ProgramInline(admin.TabularInline):
    model = Program
    extra = 0
    fields = ["title", "form", "budget", "start_date", "end_date", "status"]
    show_change_link = True


@admin.register(Company)
class CompanyAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [CompanyResource]
    summary_provider = PledgeSummary("company")
    list_display = ["name", "kind", "country", "region", "status", "forum_member", "officer_count", "program_count"]
    list_filter = ["status", "kind", "forum_member", "focus_fields", "country", RegionAreaFilter]
    list_select_related = ["region"]
    search_fields = ["name", "business_scope", "country"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region", "preferred_regions"]
    filter_horizontal = ["focus_fields"]
    inlines = [OfficerInline, ProgramInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "country", "status"]}),
        (_("Profile"), {"fields": ["business_scope", "csr_strategy", "focus_fields", "preferred_regions"]}),
        (_("Contact"), {"fields": ["address", "region", "website", "email", "phone"]}),
        (_("Forum TSLP"), {"fields": ["forum_member", "forum_member_since"]}),
        (_("Reporting discipline"), {"fields": ["delivery_reporting"]}),
        (_("Internal"), {"fields": ["notes"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_officers=Count("officers", distinct=True),
                n_programs=Count("programs", distinct=True),
            )
        )

    def get_urls(self):
        invite = self.admin_site.admin_view(self.invite_officer_view)
        return [
            path("<path:object_id>/invite-officer/", invite, name="partners_company_invite_officer"),
            *super().get_urls(),
        ]

    def invite_officer_view(self, request, object_id):
        return admin_views.invite_officer_view(self, request, object_id)

    readonly_fields = ["delivery_reporting"]

    @admin.display(description=_("delivery reports on time"))
    def delivery_reporting(self, obj):
        from reports.selectors import company_discipline_text

        return company_discipline_text(obj) if obj and obj.pk else "-"

    @admin.display(description=_("officers"), ordering="n_officers")
    def officer_count(self, obj):
        return obj.n_officers

    @admin.display(description=_("programs"), ordering="n_programs")
    def program_count(self, obj):
        return obj.n_programs


@admin.register(Officer)
class OfficerAdmin(SimpleHistoryAdmin):
    list_display = ["user", "full_name", "company", "role", "job_title", "is_active"]
    list_filter = ["role", "user__is_active", "company"]
    list_select_related = ["user", "company"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email", "company__name"]
    autocomplete_fields = ["company"]
    raw_id_fields = ["user"]
    actions = [admin_views.deactivate_officers, admin_views.resend_invitations]

    @admin.display(description=_("name"))
    def full_name(self, obj):
        return obj.user.get_full_name()

    @admin.display(description=_("active"), boolean=True, ordering="user__is_active")
    def is_active(self, obj):
        return obj.user.is_active


@admin.register(Engagement)
class EngagementAdmin(SimpleHistoryAdmin):
    list_display = ["date", "subject", "kind", "location", "company_count", "follow_up_due"]
    list_filter = ["kind", "companies"]
    search_fields = ["subject", "notes", "follow_up", "companies__name"]
    date_hierarchy = "date"
    filter_horizontal = ["companies"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_companies=Count("companies", distinct=True))

    @admin.display(description=_("partners"), ordering="n_companies")
    def company_count(self, obj):
        return obj.n_companies


@admin.register(PartnerInterest)
class PartnerInterestAdmin(admin.ModelAdmin):
    """Requests from would-be partners, sent from the public need pages. Staff read them and
    record the follow-up; what the visitor wrote is never edited."""

    list_display = ["created_at", "organisation", "name", "email", "need", "status", "handled_by"]
    list_filter = ["status"]
    list_select_related = ["need", "handled_by"]
    search_fields = ["organisation", "name", "email", "message", "need__title"]
    date_hierarchy = "created_at"
    readonly_fields = ["name", "organisation", "email", "phone", "need", "message", "created_at", "handled_by"]
    fields = ["created_at", "name", "organisation", "email", "phone", "need", "message", "status", "handled_by"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)
