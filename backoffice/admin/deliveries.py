"""The Dinsos side of delivery reports in the admin: each report with its evidence, its BAST and
the facility's answer, verified or returned through ``matching.services`` (a refused move comes
back as a message, changing nothing); and the evidence files, downloaded only through the
access-checked view. The pledges and the work queue are in ``backoffice.admin.matching``.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from backoffice import delivery_views
from backoffice.actions import reason_action, redirect_next, run_service, safe_next
from backoffice.delivery_views import evidence_thumbnails, receipt_summary
from backoffice.forms import OverrideReasonForm
from backoffice.realisation_views import person
from backoffice.scoping import AgencyScopedAdmin, scope_of
from core.formatting import format_rupiah
from matching import selectors, services
from matching.confirmation import override_problem
from matching.models import DeliveryReport, Evidence


@admin.register(DeliveryReport)
class DeliveryReportAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    area_path = "pledge__need__facility__region"
    list_display = [
        "id",
        "pledge_link",
        "company",
        "delivered_on",
        "quantity",
        "value_rp",
        "beneficiaries_reached",
        "evidence_count",
        "bast_state",
        "facility_answer",
        "status",
        "reported_at",
        "verified_by",
    ]
    list_filter = ["status", "receipt__outcome", "delivered_on"]
    list_select_related = ["pledge__need", "pledge__company", "verified_by", "receipt", "bast"]
    search_fields = ["pledge__need__title", "pledge__company__name", "notes"]
    actions = ["verify_reports", "reject_reports"]
    readonly_fields = [
        "pledge",
        "delivered_on",
        "quantity",
        "value_rp",
        "beneficiaries_reached",
        "notes",
        "status",
        "reporter",
        "reported_at",
        "verified_by",
        "verified_at",
        "review_note",
        "override_reason",
        "evidence_files",
        "bast_state",
        "facility_receipt",
    ]
    fields = readonly_fields

    @admin.display(description=_("BAST"))
    def bast_state(self, obj):
        bast = getattr(obj, "bast", None)
        if bast is None:
            return "-"
        scan = gettext("signed scan received") if obj.has_signed_bast else gettext("signed scan not yet returned")
        return format_html(
            '<a href="{}">{}</a> · {}', reverse("matching:bast_download", args=[obj.pk]), bast.number, scan
        )

    def get_queryset(self, request):
        # With the changelist's own: a queryset already selecting related rows keeps only its own.
        reports = (
            super().get_queryset(request).select_related(*self.list_select_related, "reported_by__officer__company")
        )
        return selectors.with_evidence_count(reports).prefetch_related("evidence")

    @admin.display(description=_("reported by"))
    def reporter(self, obj):
        return person(obj.reported_by)

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(lambda request, pk: view(self, request, pk))

        return [
            path("<int:pk>/verify/", wrap(delivery_views.verify_view), name="matching_deliveryreport_verify"),
            path("<int:pk>/reject/", wrap(delivery_views.reject_view), name="matching_deliveryreport_reject"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The report's page, with verify and return buttons below it while it waits."""
        report = self.get_object(request, unquote(object_id))
        extra = {
            "override_problem": override_problem(report) if report is not None else None,
            "can_verify": self.has_verify_permission(request) and not scope_of(request).read_only,
            "next": request.GET.get("next", ""),
        }
        return super().change_view(request, object_id, form_url, extra_context={**extra, **(extra_context or {})})

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_verify_permission(self, request):
        return request.user.has_perm("matching.verify_delivery")

    @admin.display(description=_("pledge"))
    def pledge_link(self, obj):
        return format_html(
            '<a href="{}">#{} {}</a>',
            reverse("admin:matching_pledge_change", args=[obj.pledge_id]),
            obj.pledge_id,
            obj.pledge.need.title,
        )

    @admin.display(description=_("company"), ordering="pledge__company__name")
    def company(self, obj):
        return obj.pledge.company

    @admin.display(description=_("value"), ordering="value")
    def value_rp(self, obj):
        return format_rupiah(obj.value)

    @admin.display(description=_("evidence files"), ordering="n_evidence")
    def evidence_count(self, obj):
        return obj.n_evidence

    @admin.display(description=_("evidence"))
    def evidence_files(self, obj):
        return evidence_thumbnails(obj) or "-"

    @admin.display(description=_("the facility's answer"))
    def facility_receipt(self, obj):
        return receipt_summary(obj)

    @admin.display(description=_("facility"), ordering="receipt__outcome")
    def facility_answer(self, obj):
        receipt = getattr(obj, "receipt", None)
        return receipt.get_outcome_display() if receipt is not None else "–"

    @admin.action(description=_("Verify the selected deliveries…"), permissions=["verify"])
    def verify_reports(self, request, queryset):
        """Shows each delivery's evidence and the facility's answer first, and verifies them once
        confirmed; those the facility disputed, or has not confirmed in time, need a reason."""
        reports = list(
            queryset.select_related("receipt", "pledge__need__facility", "pledge__company").prefetch_related("evidence")
        )
        problems = {report.pk: problem for report in reports if (problem := override_problem(report))}
        form = OverrideReasonForm(request.POST if "apply" in request.POST else None)
        if not form.is_bound:
            items = [
                {
                    "report": report,
                    "url_name": "admin:matching_deliveryreport_change",
                    "title": f"{report.pledge.need.title} · {report.pledge.company.name}",
                    "details": f"{report.quantity} {report.pledge.need.unit} · {format_rupiah(report.value)} · "
                    f"{report.pledge.need.facility.name}",
                    "evidence": evidence_thumbnails(report) or gettext("No evidence attached."),
                    "receipt": receipt_summary(report),
                    "problem": problems.get(report.pk, ""),
                }
                for report in reports
            ]
            return TemplateResponse(
                request,
                "admin/verify_confirm.html",
                {
                    **self.admin_site.each_context(request),
                    "title": gettext("Verify deliveries"),
                    "items": items,
                    "objects": reports,
                    "form": form if problems else None,
                    "action": "verify_reports",
                    "next": safe_next(request) or "",
                    "opts": self.model._meta,
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        reason = form.cleaned_data["override_reason"] if form.is_valid() else ""
        run_service(
            request,
            reports,
            lambda report: services.delivery_verify(report=report, actor=request.user, override_reason=reason),
            gettext("%(n)d deliveries verified."),
        )
        return redirect_next(request)

    @admin.action(description=_("Reject the selected delivery reports…"), permissions=["verify"])
    def reject_reports(self, request, queryset):
        return reason_action(
            self,
            request,
            queryset,
            title=gettext("Reject delivery reports"),
            call=lambda report, reason: services.delivery_reject(report=report, actor=request.user, reason=reason),
            success_message=gettext("%(n)d delivery reports rejected."),
        )


@admin.register(Evidence)
class EvidenceAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    area_path = "report__pledge__need__facility__region"
    list_display = ["id", "report", "kind", "content_type", "size", "uploaded_at", "download"]
    list_filter = ["kind", "content_type"]
    list_select_related = ["report__pledge__need"]
    # The file itself is never shown as a field: it has no URL (no MEDIA_URL), so the admin's
    # file display would fail; the download link goes through the access-checked view.
    fields = ["report", "kind", "content_type", "size", "original_name", "uploaded_by", "uploaded_at", "download"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("matching:evidence_download", args=[obj.pk]), gettext("Download")
        )
