from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import RegionAreaFilter
from core.formatting import format_rupiah
from facilities.models import Facility, Need, NeedStatus


class NeedInline(admin.TabularInline):
    model = Need
    extra = 0
    fields = ["title", "field", "kind", "quantity", "unit", "unit_cost", "priority", "needed_by", "status", "is_public"]
    show_change_link = True
    ordering = ["priority", "needed_by"]


@admin.register(Facility)
class FacilityAdmin(SimpleHistoryAdmin):
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


class FacilityRegionFilter(RegionAreaFilter):
    region_path = "facility__region"


@admin.register(Need)
class NeedAdmin(SimpleHistoryAdmin):
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
    readonly_fields = ["quantity_pending", "quantity_covered", "quantity_delivered"]
    fieldsets = [
        (None, {"fields": ["facility", "title", "description", "field", "kind", "status", "is_public"]}),
        (_("Quantity and cost"), {"fields": ["quantity", "unit", "unit_cost", "beneficiaries"]}),
        (_("Urgency"), {"fields": ["priority", "needed_by"]}),
        (_("Source"), {"fields": ["source", "source_date"]}),
        (_("Coverage"), {"fields": ["quantity_pending", "quantity_covered", "quantity_delivered"]}),
    ]

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
