"""Realisation reports in the admin: the agency's staff read what a company reported (nothing
of it is editable), open the evidence, and verify a report or return it with a reason. Both
actions call ``programs.realisations``; a refusal comes back as a message, changing nothing.

A report belongs to the area of its registering agency and of the regions its rupiah was spent
in: staff see the reports of their area, viewers read them and act on none.
"""

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies.scope import Scope
from backoffice.actions import reason_action, redirect_next, run_service
from backoffice.admin.inlines import ReadOnlyInline
from backoffice.scoping import AgencyScopedAdmin, scope_of
from core.formatting import format_rupiah
from core.spreadsheets.admin import SpreadsheetAdminMixin
from programs import realisations
from programs.models import Realisation, RealisationEvidence, RealisationShare
from programs.realisation_resources import RealisationResource


def realisations_in_area(scope: Scope) -> Q:
    """The registering agency's region in the area, or one of the report's regions: a WHERE
    clause and one EXISTS, never a query per row."""
    if scope.everything:
        return Q()
    shares = RealisationShare.objects.filter(scope.q("region"), realisation=OuterRef("pk"))
    return scope.q("program__agency__region") | Q(Exists(shares))


class ShareInline(ReadOnlyInline):
    model = RealisationShare
    fields = ["region", "amount_rp", "households"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("region")

    @admin.display(description=_("rupiah realised"))
    def amount_rp(self, obj):
        return format_rupiah(obj.amount)


class EvidenceInline(ReadOnlyInline):
    model = RealisationEvidence
    # The file itself is never a field: it has no URL; the link goes through the access check.
    fields = ["kind", "original_name", "content_type", "size", "uploaded_at", "download"]
    readonly_fields = fields

    @admin.display(description=_("file"))
    def download(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("programs:evidence_download", args=[obj.pk]), gettext("Download")
        )


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
    inlines = [ShareInline, EvidenceInline]
    actions = ["verify_reports", "return_reports"]
    readonly_fields = [
        "program",
        "company",
        "period",
        "amount_rp",
        "households",
        "persons",
        "women",
        "children",
        "elderly",
        "disabled",
        "activities",
        "status",
        "reported_by",
        "reported_at",
        "submitted_at",
        "verified_by",
        "verified_at",
        "review_note",
    ]
    fields = readonly_fields

    def area_q(self, request):
        return realisations_in_area(scope_of(request))

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("program__company", "program__agency")

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

    @admin.action(description=_("Verify the selected realisation reports"), permissions=["verify"])
    def verify_reports(self, request, queryset):
        run_service(
            request,
            queryset,
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
