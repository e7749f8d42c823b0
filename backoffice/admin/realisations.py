"""Realisation reports in the admin: the agency's staff read what a company reported (nothing
of it is editable), see the split in words and the evidence as thumbnails, and verify a report
or return it with a reason from its own page, from the work queue, or several at once through
the actions, which first show each report's evidence. Every decision calls
``programs.realisations``; a refusal comes back as a message, changing nothing.

A report belongs to the area of its registering agency and of the regions its rupiah was spent
in: staff see the reports of their area, viewers read them and act on none.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from backoffice import realisation_views
from backoffice.actions import reason_action, redirect_next, run_service, safe_next
from backoffice.realisation_views import person, realisation_evidence, split_list
from backoffice.scoping import AgencyScopedAdmin, scope_of
from core.formatting import format_rupiah
from core.spreadsheets.admin import SpreadsheetAdminMixin
from programs import realisations
from programs.models import Realisation, RealisationShare, RealisationStatus
from programs.realisation_resources import RealisationResource
from programs.realisation_selectors import realisations_in_area

REPORT_FIELDS = [
    "program",
    "company",
    "period",
    "amount_rp",
    "split",
    "households",
    "persons",
    "women",
    "children",
    "elderly",
    "disabled",
    "activities",
]
STATUS_FIELDS = ["status", "reporter", "reported_at", "submitted_at", "verifier", "verified_at", "review_note"]


@admin.register(Realisation)
class RealisationAdmin(AgencyScopedAdmin, SpreadsheetAdminMixin, SimpleHistoryAdmin):
    # Forum secretariats collect members' reports in Excel: imported with the row-by-row preview
    # and the rules of programs.rules (programs.realisation_resources).
    resource_classes = [RealisationResource]
    list_display = ["program", "company", "period", "amount_rp", "status", "submitted_at"]
    list_filter = ["status", "year", "program__agency"]
    list_select_related = ["program__company", "program__agency"]
    search_fields = ["program__title", "program__company__name"]
    date_hierarchy = "submitted_at"
    actions = ["verify_reports", "return_reports"]
    readonly_fields = [*STATUS_FIELDS, *REPORT_FIELDS, "evidence"]
    fieldsets = [
        (_("Status"), {"fields": STATUS_FIELDS}),
        (_("What the company reported"), {"fields": REPORT_FIELDS}),
        (_("Evidence"), {"fields": ["evidence"]}),
    ]

    def area_q(self, request):
        return realisations_in_area(scope_of(request))

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("program__company", "program__agency")

    def get_object(self, request, object_id, from_field=None):
        """The report with what its page shows, read in a fixed number of queries (once per
        request: the page asks twice)."""
        cached = getattr(request, "_realisation_shown", None)
        if cached is not None and str(cached.pk) == str(unquote(object_id)):
            return cached
        queryset = (
            self.get_queryset(request)
            .select_related(
                "reported_by__officer__company",
                "reported_by__agency_staff__agency",
                "verified_by__agency_staff__agency",
            )
            .prefetch_related(
                Prefetch("shares", queryset=RealisationShare.objects.select_related("region")),
                "evidence",
            )
        )
        try:
            report = queryset.get(pk=unquote(object_id))
        except (Realisation.DoesNotExist, ValueError, TypeError):
            return None
        request._realisation_shown = report
        return report

    def get_urls(self):
        decide = self.admin_site.admin_view(lambda request, pk: realisation_views.decide_view(self, request, pk))
        return [path("<int:pk>/decide/", decide, name="programs_realisation_decide"), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The report's page, with verify and return buttons below its evidence while it waits."""
        report = self.get_object(request, object_id)
        moves = realisations.moves_for(report, request.user) if report is not None else frozenset()
        extra = {
            "can_verify": RealisationStatus.VERIFIED in moves,
            "can_return": RealisationStatus.RETURNED in moves,
            "next": safe_next(request) or "",
        }
        return super().change_view(request, object_id, form_url, extra_context={**extra, **(extra_context or {})})

    def has_add_permission(self, request):
        return False  # a company files its reports in the partner portal

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_verify_permission(self, request):
        return request.user.has_perm(realisations.VERIFY_PERMISSION) and not scope_of(request).read_only

    @admin.display(description=_("company"), ordering="program__company__name")
    def company(self, obj):
        return obj.program.company

    @admin.display(description=_("period"), ordering="year")
    def period(self, obj):
        return obj.period_label

    @admin.display(description=_("rupiah realised"), ordering="amount")
    def amount_rp(self, obj):
        return format_rupiah(obj.amount)

    @admin.display(description=_("realised per kecamatan or village"))
    def split(self, obj):
        return split_list(obj)

    @admin.display(description=_("photos and documents"))
    def evidence(self, obj):
        return realisation_evidence(obj)

    @admin.display(description=_("reported by"))
    def reporter(self, obj):
        return person(obj.reported_by)

    @admin.display(description=_("verified or returned by"))
    def verifier(self, obj):
        return person(obj.verified_by) if obj.verified_by_id else "-"

    @admin.action(description=_("Verify the selected realisation reports…"), permissions=["verify"])
    def verify_reports(self, request, queryset):
        """Shows each report's split and evidence first, and verifies them once confirmed."""
        reports = list(
            queryset.select_related("program__company").prefetch_related(
                Prefetch("shares", queryset=RealisationShare.objects.select_related("region")), "evidence"
            )
        )
        if "apply" not in request.POST:
            items = [
                {
                    "report": report,
                    "url_name": "admin:programs_realisation_change",
                    "title": f"{report} · {report.program.company.name}",
                    "details": f"{format_rupiah(report.amount)} · {report.get_status_display()}",
                    "split": split_list(report),
                    "evidence": realisation_evidence(report),
                }
                for report in reports
            ]
            return TemplateResponse(
                request,
                "admin/verify_confirm.html",
                {
                    **self.admin_site.each_context(request),
                    "title": gettext("Verify realisation reports"),
                    "items": items,
                    "objects": reports,
                    "action": "verify_reports",
                    "next": safe_next(request) or "",
                    "opts": self.model._meta,
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        run_service(
            request,
            reports,
            lambda report: realisations.realisation_verify(report=report, actor=request.user),
            gettext("%(n)d realisation reports verified."),
        )
        return redirect_next(request)

    @admin.action(description=_("Return the selected realisation reports with a reason…"), permissions=["verify"])
    def return_reports(self, request, queryset):
        return reason_action(
            self,
            request,
            queryset,
            title=gettext("Return realisation reports"),
            call=lambda report, reason: realisations.realisation_return(
                report=report, actor=request.user, reason=reason
            ),
            success_message=gettext("%(n)d realisation reports returned to their companies."),
        )
