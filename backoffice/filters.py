"""List filters shared by the changelists."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from regions.models import Region, in_area


class RegionAreaFilter(admin.SimpleListFilter):
    """Filter a changelist by regency/city, offering only the regencies that hold rows.

    A plain ``list_filter = ["region"]`` would list all 90,000 regions; this offers the
    handful in use, in two queries whatever the table size. Subclasses set ``region_path``.
    """

    title = _("regency/city")
    parameter_name = "area"
    region_path = "region"

    def lookups(self, request, model_admin):
        codes = (
            model_admin.get_queryset(request)
            .exclude(**{f"{self.region_path}__isnull": True})
            .values_list(f"{self.region_path}_id", flat=True)
            .distinct()
        )
        regency_codes = {code[:5] for code in codes if len(code) >= 5}
        province_codes = {code[:2] for code in codes}
        regions = Region.objects.filter(code__in=regency_codes | province_codes).order_by("code")
        return [(r.code, f"{r.code} {r.name}") for r in regions]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        return queryset.filter(in_area(value, self.region_path))
