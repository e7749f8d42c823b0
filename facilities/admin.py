from django.contrib import admin
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import RegionAreaFilter
from core.formatting import format_rupiah
from core.spreadsheets.admin import SpreadsheetAdminMixin
from facilities.models import Facility, Need, NeedStatus
from facilities.resources import FacilityResource, NeedResource
from matching.admin_views import need_match_view
from matching.models import Pledge
from matching.summaries import PledgeSummary


class NeedInline(admin.TabularInline):
    model = Need
    extra = 0
    fields = ["title", "field", "kind", "quantity", "unit", "unit_cost", "priority", "needed_by", "status", "is_public"]
    show_change_link = True
    ordering = ["priority", "needed_by"]


@admin.register(Facility)
class FacilityAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [FacilityResource]
    summary_provider = PledgeSummary("need__facility")
    list_display = [
        "name",
        "facility_type",
        "operator",
        "region",
        "capacity",
        "residents",
        "open_needs",
        "is_published",
    ]
    list_filter = ["facility_type", "operator", "is_published", RegionAreaFilter]
    list_select_related = ["region"]
    search_fields = ["name", "slug", "region__name", "address"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region"]
    inlines = [NeedInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "facility_type", "operator", "is_published"]}),
        (_("Location"), {"fields": ["region", "address", "latitude", "longitude"]}),
        (_("Residents"), {"fields": ["capacity", "residents", "background", "intervention_programs"]}),
        (_("Contacts (never public)"), {"fields": ["head_name", "contact_phone", "contact_email"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(open_need_count=Count("needs", filter=Q(needs__status=NeedStatus.OPEN)))
        )

    @admin.display(description=_("open needs"), ordering="open_need_count")
    def open_needs(self, obj):
        return obj.open_need_count


class PledgeInline(admin.TabularInline):
    model = Pledge
    extra = 0
    can_delete = False
    fields = ["company", "quantity", "value", "origin", "status", "expected_delivery_date", "created_at"]
    readonly_fields = fields
    show_change_link = True
    verbose_name_plural = _("pledges (change them through the workflow actions)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("company")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FacilityRegionFilter(RegionAreaFilter):
    region_path = "facility__region"


@admin.register(Need)
class NeedAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [NeedResource]
    summary_provider = PledgeSummary("need")
    list_display = [
        "title",
        "facility",
        "field",
        "kind",
        "quantity_with_unit",
        "unit_cost_rp",
        "estimated_value_rp",
        "priority",
        "needed_by",
        "progress",
        "status",
        "is_public",
    ]
    list_filter = [
        "status",
        "priority",
        "field",
        "kind",
        "is_public",
        "facility__facility_type",
        FacilityRegionFilter,
    ]
    list_select_related = ["facility", "field"]
    search_fields = ["title", "description", "facility__name", "source"]
    autocomplete_fields = ["facility"]
    date_hierarchy = "created_at"
    inlines = [PledgeInline]
    readonly_fields = ["quantity_pending", "quantity_covered", "quantity_delivered", "match_link"]
    fieldsets = [
        (None, {"fields": ["facility", "title", "description", "field", "kind", "status", "is_public"]}),
        (_("Quantity and cost"), {"fields": ["quantity", "unit", "unit_cost", "beneficiaries"]}),
        (_("Urgency"), {"fields": ["priority", "needed_by"]}),
        (_("Source"), {"fields": ["source", "source_date"]}),
        (_("Coverage"), {"fields": ["quantity_pending", "quantity_covered", "quantity_delivered", "match_link"]}),
    ]

    def get_urls(self):
        return [
            path(
                "<int:pk>/match/",
                self.admin_site.admin_view(lambda request, pk: need_match_view(self, request, pk)),
                name="facilities_need_match",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("matching"))
    def match_link(self, obj):
        if obj.pk is None:
            return "-"
        return format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("admin:facilities_need_match", args=[obj.pk]),
            _("Find partners and propose a pledge"),
        )

    @admin.display(description=_("quantity"), ordering="quantity")
    def quantity_with_unit(self, obj):
        return f"{obj.quantity} {obj.unit}"

    @admin.display(description=_("unit cost"), ordering="unit_cost")
    def unit_cost_rp(self, obj):
        return format_rupiah(obj.unit_cost)

    @admin.display(description=_("estimated value"))
    def estimated_value_rp(self, obj):
        return format_rupiah(obj.estimated_value)

    @admin.display(description=_("covered / delivered"))
    def progress(self, obj):
        return f"{obj.quantity_covered} / {obj.quantity_delivered}"
