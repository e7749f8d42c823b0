from django.contrib import admin, messages
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies.models import Agency
from backoffice import officer_views as admin_views
from backoffice.admin.duplicates import DuplicateWarningMixin, merge_two
from backoffice.filters import RegionAreaFilter
from backoffice.scoping import AgencyScopedAdmin, scope_of
from core.identifiers import compact_npwp
from core.spreadsheets.admin import SpreadsheetAdminMixin
from matching.summaries import PledgeSummary
from matching.work_queue import company_receipt_share
from partners import services as partner_services
from partners.models import Company, Engagement, Officer, PartnerInterest, Partnership
from partners.resources import CompanyResource
from partners.selectors import company_partnered, partnered_q
from programs.models import Program, ProgramStatus
from programs.selectors import programs_in_area
from reports.selectors.discipline import company_discipline_text


class OfficerInline(admin.TabularInline):
    """The company's officers. New ones come only through "Invite an officer" (a new account);
    an existing account is never linked here."""

    model = Officer
    extra = 0
    fields = ["user", "role", "job_title", "phone"]
    readonly_fields = ["user"]

    def has_add_permission(self, request, obj=None):
        return False


class ProgramInline(admin.TabularInline):
    model = Program
    extra = 0
    fields = ["title", "form", "budget", "start_date", "end_date", "status"]
    # The status moves only through the registration workflow (programs.services).
    readonly_fields = ["status"]
    show_change_link = True

    def get_queryset(self, request):
        # Only the programs in the staff account's area, once the company has submitted them.
        queryset = super().get_queryset(request).filter(programs_in_area(scope_of(request)))
        return queryset.exclude(status=ProgramStatus.DRAFT)


class PartnershipInline(admin.StackedInline):
    """The company's membership of the agency's forum and the agency's notes: each agency sees
    and keeps its own row (national staff see every agency's)."""

    model = Partnership
    extra = 0
    fields = ["agency", "forum_member", "forum_member_since", "notes"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("agency")
        scope = scope_of(request)
        return queryset if scope.everything else queryset.filter(agency_id=getattr(scope.agency, "pk", None))

    def get_max_num(self, request, obj=None, **kwargs):
        return None if scope_of(request).everything else 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope = scope_of(request)
        if db_field.name == "agency" and not scope.everything:
            kwargs["queryset"] = Agency.objects.filter(pk=getattr(scope.agency, "pk", None))
            kwargs["initial"] = scope.agency
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _writable(self, request) -> bool:
        return not scope_of(request).read_only

    def has_add_permission(self, request, obj=None):
        return self._writable(request) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._writable(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Company)
class CompanyAdmin(DuplicateWarningMixin, AgencyScopedAdmin, SpreadsheetAdminMixin, SimpleHistoryAdmin):
    area_path = None  # one registry shared by every agency
    resource_classes = [CompanyResource]
    summary_provider = PledgeSummary("company")
    list_display = ["name", "kind", "country", "region", "status", "officer_count", "program_count"]
    list_filter = ["status", "kind", "focus_fields", "country", RegionAreaFilter]
    list_select_related = ["region"]
    search_fields = ["name", "business_scope", "country", "nib", "npwp"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region", "preferred_regions"]
    filter_horizontal = ["focus_fields"]
    inlines = [PartnershipInline, OfficerInline, ProgramInline]
    actions = [merge_two]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "country", "status"]}),
        (_("Official identity"), {"fields": ["nib", "npwp"]}),
        (_("Profile"), {"fields": ["business_scope", "csr_strategy", "focus_fields", "preferred_regions"]}),
        (_("Contact"), {"fields": ["address", "region", "website", "email", "phone"]}),
        (_("Reporting discipline"), {"fields": ["delivery_reporting", "receipt_confirmation"]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = scope_of(request)
        if scope.read_only and not scope.superuser:
            # Viewers (a camat, Bappeda) read the companies their agency works with, not every
            # company's contacts.
            queryset = queryset.filter(partnered_q(scope))
        return queryset.annotate(
            n_officers=Count("officers", distinct=True),
            n_programs=Count("programs", distinct=True),
        )

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # A NIB or NPWP typed as printed (01.300.066.6-091.000) finds the number stored compact.
        digits = compact_npwp(search_term.strip())
        if digits.isdigit() and digits != search_term.strip():
            queryset |= self.get_queryset(request).filter(Q(nib=digits) | Q(npwp=digits))
        return queryset, may_have_duplicates

    # --- the shared registry: changed only by agencies partnered with the company --------------

    def partnered(self, request, obj) -> bool:
        """Whether the account's agency works with ``obj`` (partners.selectors); once per request."""
        known = request.__dict__.setdefault("_partnered_companies", {})
        if obj.pk not in known:
            known[obj.pk] = company_partnered(scope_of(request), obj)
        return known[obj.pk]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.pk is None or self.partnered(request, obj))

    def get_inlines(self, request, obj):
        if obj is not None and obj.pk is not None and not self.partnered(request, obj):
            return [ProgramInline]
        return super().get_inlines(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        agency = scope_of(request).agency
        if not change and agency is not None:
            # The agency that registers a company works with it.
            partner_services.partnership_ensure(agency=agency, company=form.instance, actor=request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        company = self.get_object(request, object_id) if self.object_pk(object_id) else None
        if company is not None:
            scope = scope_of(request)
            partnered = self.partnered(request, company)
            extra_context["not_partnered"] = not partnered
            extra_context["may_start_partnership"] = not partnered and not scope.read_only and scope.agency is not None
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        invite = self.admin_site.admin_view(self.invite_officer_view)
        start = self.admin_site.admin_view(self.start_partnership_view)
        return [
            path("<path:object_id>/invite-officer/", invite, name="partners_company_invite_officer"),
            path("<path:object_id>/partner/", start, name="partners_company_start_partnership"),
            *super().get_urls(),
        ]

    def invite_officer_view(self, request, object_id):
        return admin_views.invite_officer_view(self, request, object_id)

    def start_partnership_view(self, request, object_id):
        return admin_views.start_partnership_view(self, request, object_id)

    readonly_fields = ["delivery_reporting", "receipt_confirmation"]

    @admin.display(description=_("deliveries confirmed by the receiving facility"))
    def receipt_confirmation(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        share = company_receipt_share(obj.pk)
        if not share.reported:
            return gettext("No delivery reported yet")
        return gettext(
            "%(confirmed)s of %(reported)s delivery reports confirmed (%(percent)s%%), %(disputed)s disputed"
        ) % {
            "confirmed": share.confirmed,
            "reported": share.reported,
            "percent": share.percent,
            "disputed": share.disputed,
        }

    @admin.display(description=_("delivery reports on time"))
    def delivery_reporting(self, obj):
        return company_discipline_text(obj) if obj and obj.pk else "-"

    @admin.display(description=_("officers"), ordering="n_officers")
    def officer_count(self, obj):
        return obj.n_officers

    @admin.display(description=_("programs"), ordering="n_programs")
    def program_count(self, obj):
        return obj.n_programs


@admin.register(Officer)
class OfficerAdmin(AgencyScopedAdmin, SimpleHistoryAdmin):
    area_path = None  # officers belong to companies, which every agency shares
    list_display = ["user", "full_name", "company", "role", "job_title", "is_active"]
    list_filter = ["role", "user__is_active", "company"]
    list_select_related = ["user", "company"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email", "company__name"]
    # An officer never moves to another company: a new company means a new invitation.
    readonly_fields = ["user", "company"]
    actions = [admin_views.deactivate_officers, admin_views.resend_invitations]

    def get_queryset(self, request):
        # Officers of the companies the account's agency works with (partners.selectors):
        # another agency's partners' people are neither shown nor changed.
        scope = scope_of(request)
        queryset = super().get_queryset(request)
        if scope.everything:
            return queryset
        return queryset.filter(company__in=Company.objects.filter(partnered_q(scope)).values("pk"))

    def has_add_permission(self, request):
        # Officers are invited from their company's page, which opens a new account for them.
        return False

    def add_view(self, request, form_url="", extra_context=None):
        messages.info(request, _("Invite officers from their company's page: the invitation opens a new account."))
        return redirect(reverse("admin:partners_company_changelist"))

    @admin.display(description=_("name"))
    def full_name(self, obj):
        return obj.user.get_full_name()

    @admin.display(description=_("active"), boolean=True, ordering="user__is_active")
    def is_active(self, obj):
        return obj.user.is_active


@admin.register(Engagement)
class EngagementAdmin(AgencyScopedAdmin, SimpleHistoryAdmin):
    area_path = "agency__region"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Staff record meetings of their own agency; national staff choose.
        scope = scope_of(request)
        if db_field.name == "agency" and not scope.everything:
            kwargs["queryset"] = Agency.objects.filter(pk=getattr(scope.agency, "pk", None))
            kwargs["initial"] = scope.agency
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
class PartnerInterestAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    """Requests from would-be partners, sent from the public need pages. Staff read them and
    record the follow-up; what the visitor wrote is never edited."""

    area_path = "need__facility__region"

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
