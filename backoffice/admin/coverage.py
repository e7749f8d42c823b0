"""What the government already covers (issue 26): staff record APBD and bansos programs per
facility or kecamatan in their own area, and see only those of their area. Every save goes
through ``coverage.services``; a refusal is a form error and changes nothing."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin.regions import with_region_labels
from backoffice.filters import RegionAreaFilter
from backoffice.scoping import AgencyScopedAdmin
from core.fields import RupiahField
from core.formatting import format_rupiah
from core.spreadsheets.admin import SpreadsheetAdminMixin
from coverage import services
from coverage.models import GovernmentCoverage
from coverage.resources import GovernmentCoverageResource


class GovernmentCoverageForm(forms.ModelForm):
    """Checked against the coverage services' rules (area, kecamatan, amount) before saving."""

    class Meta:
        model = GovernmentCoverage
        fields = list(services.EDITABLE_FIELDS)
        field_classes = {"amount": RupiahField}

    actor = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "region" in self.fields:  # a viewer's form has no fields
            self.fields["region"].required = False

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        record = GovernmentCoverage(pk=self.instance.pk, created_by=self.instance.created_by)
        for name in services.EDITABLE_FIELDS:
            if name in data:
                setattr(record, name, data[name])
        permission = "coverage.change_governmentcoverage" if self.instance.pk else "coverage.add_governmentcoverage"
        try:
            services.check(record, self.actor, permission)
        except services.CoverageError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return data


@admin.register(GovernmentCoverage)
class GovernmentCoverageAdmin(AgencyScopedAdmin, SpreadsheetAdminMixin, SimpleHistoryAdmin):
    area_path = "region"
    resource_classes = [GovernmentCoverageResource]
    scoped_choices = {"region": "pk", "facility": "region"}
    form = GovernmentCoverageForm
    list_display = [
        "program_name",
        "source",
        "region",
        "facility",
        "field",
        "period",
        "kind",
        "amount_rp",
        "households",
    ]
    list_filter = ["source", "field", "kind", RegionAreaFilter]
    list_select_related = ["region", "facility", "field"]
    search_fields = ["program_name", "region__name", "region__code", "facility__name", "note"]
    autocomplete_fields = ["region", "facility"]
    date_hierarchy = "start_date"
    readonly_fields = ["created_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["source", "program_name", "field", "kind"]}),
        (_("Where"), {"fields": ["region", "facility"]}),
        (_("Period"), {"fields": ["start_date", "end_date"]}),
        (_("How much"), {"fields": ["amount", "households", "note"]}),
        (_("Record"), {"fields": ["created_by", "created_at"]}),
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.actor = request.user
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return with_region_labels(formfield) if db_field.name == "region" else formfield

    def save_model(self, request, obj, form, change):
        values = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS if name in form.cleaned_data}
        if change:
            saved = services.coverage_update(record=obj, actor=request.user, changes=values)
        else:
            saved = services.coverage_create(actor=request.user, **values)
        obj.pk = saved.pk
        obj.refresh_from_db()

    @admin.display(description=_("period"), ordering="start_date")
    def period(self, obj):
        return obj.period_label

    @admin.display(description=_("amount"), ordering="amount")
    def amount_rp(self, obj):
        return format_rupiah(obj.amount) if obj.amount else "-"
