"""Companies' CSR programs in the admin, and their registration by the agency.

Staff register a submitted program, ask for changes (with a comment for the company) or
decline it through the actions below; each calls ``programs.services``, and a refused move
comes back as a message, changing nothing. A program's status never changes by editing the form.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from backoffice.actions import reason_action
from backoffice.admin.inlines import ReadOnlyInline
from backoffice.admin.regions import with_region_labels
from backoffice.overlap_views import overlap_action
from backoffice.scoping import AgencyScopedAdmin, scope_of
from core.fields import RupiahField
from core.formatting import format_rupiah
from core.spreadsheets.admin import SpreadsheetAdminMixin
from overlaps.models import OverlapAction
from overlaps.selectors import overlaps_of_program
from programs import services
from programs.models import Program, ProgramStatus, ProgramStatusChange
from programs.resources import ProgramResource
from programs.rules import target_problems
from programs.sdg import sdg_problems
from programs.selectors import programs_in_area

S = ProgramStatus


class ProgramStatusChangeInline(ReadOnlyInline):
    model = ProgramStatusChange
    fields = ["at", "old_status", "new_status", "actor", "reason"]
    readonly_fields = fields
    verbose_name_plural = _("status history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ProgramAdminForm(forms.ModelForm):
    """Staff's targets stay in their agency's area (staff of national agencies: anywhere)."""

    class Meta:
        model = Program
        fields = [
            "company",
            "title",
            "title_en",
            "form",
            "fields",
            "sdg_goals",
            "sdg_targets",
            "tjsl_pillars",
            "budget",
            "start_date",
            "end_date",
            "target_regions",
            "target_beneficiaries",
            "government_program",
            "description",
            "description_en",
            "donor_iati_ref",
        ]
        field_classes = {"budget": RupiahField}
        widgets = {"sdg_goals": forms.CheckboxSelectMultiple, "tjsl_pillars": forms.CheckboxSelectMultiple}

    def clean(self):
        data = super().clean()
        problems = sdg_problems(
            company=data.get("company"),
            goals=data.get("sdg_goals") or [],
            targets=data.get("sdg_targets") or [],
            pillars=data.get("tjsl_pillars") or [],
        )
        for name, problem in problems.items():
            self.add_error(name, problem)
        scope = getattr(self, "scope", None)
        targets = data.get("target_regions")
        if scope is not None and scope.area and targets:
            outside = [region for region in targets if not scope.covers(region.code)]
            if outside:
                for problem in target_problems(scope.agency, outside):
                    self.add_error("target_regions", problem)
        return data


@admin.register(Program)
class ProgramAdmin(AgencyScopedAdmin, SpreadsheetAdminMixin, SimpleHistoryAdmin):
    def area_q(self, request):
        return programs_in_area(scope_of(request))

    form = ProgramAdminForm
    resource_classes = [ProgramResource]
    list_display = ["title", "company", "form", "budget_rp", "start_date", "end_date", "agency", "status"]
    list_filter = ["status", "form", "fields", "sdg_goals", "agency", "company"]
    list_select_related = ["company", "agency"]
    search_fields = ["title", "description", "company__name", "government_program"]
    autocomplete_fields = ["company", "target_regions"]
    filter_horizontal = ["fields", "sdg_targets"]
    date_hierarchy = "start_date"
    readonly_fields = ["status", "status_reason", "agency"]
    inlines = [ProgramStatusChangeInline]
    actions = ["register_programs", "request_changes", "decline_programs", "cancel_programs"]

    def get_queryset(self, request):
        # A draft is the company's own until it is submitted.
        return super().get_queryset(request).exclude(status=S.DRAFT)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.scope = scope_of(request)
        return form

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return with_region_labels(formfield) if db_field.name == "target_regions" else formfield

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.program_staff_saved(program=form.instance, actor=request.user, created=not change)

    @admin.display(description=_("budget"), ordering="budget")
    def budget_rp(self, obj):
        return format_rupiah(obj.budget)

    @admin.action(description=_("Register the selected programs"), permissions=["change"])
    def register_programs(self, request, queryset):
        # Another program or government coverage in the same kecamatan and field (issue 26).
        return overlap_action(
            self,
            request,
            queryset.select_related("company"),
            title=gettext("Register programs"),
            action=OverlapAction.PROGRAM_REGISTERED,
            overlaps_of=lambda program: overlaps_of_program(program) if program.status == S.SUBMITTED else [],
            call=lambda program: services.program_register(program=program, actor=request.user),
            subject="program",
            success_message=gettext("%(n)d programs registered."),
        )

    @admin.action(description=_("Ask for changes to the selected programs…"), permissions=["change"])
    def request_changes(self, request, queryset):
        return reason_action(
            self,
            request,
            queryset,
            title=gettext("Ask the companies for changes"),
            call=lambda program, reason: services.program_move(
                program=program, to=S.CHANGES_REQUESTED, actor=request.user, reason=reason
            ),
            success_message=gettext("%(n)d programs returned to their companies for changes."),
        )

    @admin.action(description=_("Decline the selected programs…"), permissions=["change"])
    def decline_programs(self, request, queryset):
        return reason_action(
            self,
            request,
            queryset,
            title=gettext("Decline programs"),
            call=lambda program, reason: services.program_move(
                program=program, to=S.DECLINED, actor=request.user, reason=reason
            ),
            success_message=gettext("%(n)d programs declined."),
        )

    @admin.action(description=_("Cancel the selected programs…"), permissions=["change"])
    def cancel_programs(self, request, queryset):
        return reason_action(
            self,
            request,
            queryset,
            title=gettext("Cancel programs"),
            call=lambda program, reason: services.program_move(
                program=program, to=S.CANCELLED, actor=request.user, reason=reason
            ),
            success_message=gettext("%(n)d programs cancelled."),
        )
