"""The Dinsos side of the matching workflow in the admin.

Nothing here writes a pledge or a report directly: every button and action calls
``matching.services``, and a refused move comes back as a message, changing nothing.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from backoffice import delivery_views
from backoffice.actions import reason_action, redirect_next, run_service, safe_next
from backoffice.admin.facility_accounts import describe_changes
from backoffice.admin.inlines import ReadOnlyInline
from backoffice.delivery_views import evidence_thumbnails, receipt_summary
from backoffice.filters import search_words
from backoffice.forms import OverrideReasonForm
from backoffice.overlap_views import overlap_action
from backoffice.realisation_views import person
from backoffice.scoping import AgencyScopedAdmin, scope_of
from core.formatting import format_rupiah
from matching import selectors, services
from matching.confirmation import override_problem
from matching.errors import PledgeError
from matching.forms import ReduceForm
from matching.models import DeliveryReport, Evidence, Pledge, PledgeStatus, PledgeStatusChange
from matching.work_queue import KINDS, QUEUE_LIMIT, work_queue_counts, work_queue_items
from notifications.models import Notification
from overlaps.models import OverlapAction
from overlaps.notes import QUEUE_DAYS, notes_for_queue
from overlaps.selectors import pledge_overlaps
from programs.realisations import VERIFY_PERMISSION as VERIFY_REALISATION


class StatusChangeInline(ReadOnlyInline):
    model = PledgeStatusChange
    fields = ["at", "old_status", "new_status", "quantity", "actor", "reason"]
    readonly_fields = fields
    verbose_name_plural = _("status history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


def evidence_links(report) -> str:
    return format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        (
            (reverse("matching:evidence_download", args=[item.pk]), f"{item.get_kind_display()}: {item}")
            for item in report.evidence.all()
        ),
    )


class DeliveryInline(ReadOnlyInline):
    model = DeliveryReport
    fields = ["delivered_on", "quantity", "value_rp", "beneficiaries_reached", "status", "evidence", "verified_by"]
    readonly_fields = fields
    verbose_name_plural = _("delivery reports")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("verified_by").prefetch_related("evidence")

    @admin.display(description=_("value"))
    def value_rp(self, obj):
        return format_rupiah(obj.value)

    @admin.display(description=_("evidence"))
    def evidence(self, obj):
        return evidence_links(obj)


@admin.register(Pledge)
class PledgeAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    area_path = "need__facility__region"
    list_display = [
        "id",
        "need",
        "facility",
        "company",
        "quantity_with_unit",
        "value_rp",
        "origin",
        "status",
        "respond_by",
        "expected_delivery_date",
        "created_at",
    ]
    # "created_at" as a date filter only, not also as ``date_hierarchy``: the hierarchy's year
    # links cost a SELECT DISTINCT over every pledge on each page (as for needs, issue 23).
    list_filter = ["status", "origin", "need__field", "created_at"]
    list_select_related = ["need__facility", "company"]
    search_fields = ["need__title", "need__facility__name", "company__name", "note"]
    # The count of all pledges beside a filtered count is one more scan at national scale.
    show_full_result_count = False

    inlines = [DeliveryInline, StatusChangeInline]
    actions = ["approve_offers", "reject_offers", "cancel_pledges"]
    readonly_fields = [
        "need",
        "company",
        "program",
        "quantity",
        "value_rp",
        "origin",
        "status",
        "note",
        "expected_delivery_date",
        "respond_by",
        "quantity_reported",
        "quantity_verified",
        "status_reason",
        "created_by",
        "created_at",
        "workflow_links",
    ]
    fields = readonly_fields

    def get_search_results(self, request, queryset, search_term):
        """Every word (or "quoted phrase") in one of ``search_fields``, as Django's search
        finds them, with the needs and companies looked up first (``pledge_text_match``)."""
        return search_words(queryset, search_term, selectors.pledge_text_match), False

    def has_add_permission(self, request):
        # Proposals start from a need's matching screen; offers come from partners.
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("queue/", self.admin_site.admin_view(self.queue_view), name="matching_pledge_queue"),
            path("<int:pk>/reduce/", self.admin_site.admin_view(self.reduce_view), name="matching_pledge_reduce"),
            *super().get_urls(),
        ]

    @admin.display(description=_("facility"), ordering="need__facility__name")
    def facility(self, obj):
        return obj.need.facility

    @admin.display(description=_("quantity"), ordering="quantity")
    def quantity_with_unit(self, obj):
        return f"{obj.quantity} {obj.need.unit}"

    @admin.display(description=_("value"), ordering="value")
    def value_rp(self, obj):
        return format_rupiah(obj.value)

    @admin.display(description=_("workflow"))
    def workflow_links(self, obj):
        if obj.is_live:
            return format_html(
                '<a class="button" href="{}">{}</a>',
                reverse("admin:matching_pledge_reduce", args=[obj.pk]),
                gettext("Reduce the quantity"),
            )
        return "-"

    def has_decide_permission(self, request):
        return request.user.has_perm("matching.decide_pledge")

    def has_cancel_permission(self, request):
        return request.user.has_perm("matching.cancel_pledge")

    @admin.action(description=_("Approve the selected offers"), permissions=["decide"])
    def approve_offers(self, request, queryset):
        # Another company's live pledge on the same need is an overlap (issue 26): shown first.
        return overlap_action(
            self,
            request,
            queryset.select_related("need__facility", "company"),
            title=gettext("Approve offers"),
            action=OverlapAction.PLEDGE_APPROVED,
            overlaps_of=lambda pledge: (
                pledge_overlaps(need=pledge.need, company_id=pledge.company_id, exclude_pledge_id=pledge.pk)
                if pledge.status == PledgeStatus.OFFERED
                else []
            ),
            call=lambda pledge: services.pledge_transition(pledge=pledge, to=PledgeStatus.APPROVED, actor=request.user),
            subject="pledge",
            success_message=gettext("%(n)d offers approved."),
        )

    @admin.action(description=_("Reject the selected offers…"), permissions=["decide"])
    def reject_offers(self, request, queryset):
        return reason_action(
            self,
            request,
            queryset,
            title=gettext("Reject offers"),
            call=lambda pledge, reason: services.pledge_transition(
                pledge=pledge, to=PledgeStatus.REJECTED, actor=request.user, reason=reason
            ),
            success_message=gettext("%(n)d offers rejected."),
        )

    @admin.action(description=_("Cancel the selected pledges…"), permissions=["cancel"])
    def cancel_pledges(self, request, queryset):
        return reason_action(
            self,
            request,
            queryset,
            title=gettext("Cancel pledges"),
            call=lambda pledge, reason: services.pledge_transition(
                pledge=pledge, to=PledgeStatus.CANCELLED, actor=request.user, reason=reason
            ),
            success_message=gettext("%(n)d pledges cancelled."),
        )

    def reduce_view(self, request, pk):
        if not self.has_cancel_permission(request):
            raise PermissionDenied
        pledge = get_object_or_404(selectors.pledges_with_context().filter(self.area_q(request)), pk=pk)
        form = ReduceForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.pledge_reduce(
                    pledge=pledge,
                    quantity=form.cleaned_data["quantity"],
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except PledgeError as error:
                form.add_error("quantity", error.message)
            else:
                messages.success(request, gettext("The pledge was reduced."))
                return HttpResponseRedirect(reverse("admin:matching_pledge_change", args=[pledge.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Reduce pledge #%(id)s") % {"id": pledge.pk},
            "pledge": pledge,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/matching/pledge_reduce.html", context)

    def queue_view(self, request):
        """Everything that waits for the agency in the account's area, oldest first, each with its
        age and, where it can be decided here, its buttons; ``?kind=`` shows one kind."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        scope = scope_of(request)
        kind = request.GET.get("kind")
        kind = kind if kind in KINDS else None
        items = work_queue_items(scope, kind=kind)
        for item in items:
            if item.kind == "deliveries":
                item.obj.override_problem = override_problem(item.obj)
            elif item.kind == "need_changes":
                item.obj.described = describe_changes(item.obj)
        writable = not scope.read_only
        counts = work_queue_counts(scope)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Work queue"),
            "opts": self.model._meta,
            "counts": counts,
            "items": items,
            "kind": kind,
            "kind_name": KINDS.get(kind, ""),
            "more": {name: count - QUEUE_LIMIT for name, _label, count in counts.by_kind() if count > QUEUE_LIMIT},
            "queue_url": request.get_full_path(),
            "can_decide": writable and request.user.has_perm("matching.decide_pledge"),
            "can_verify": writable and request.user.has_perm("matching.verify_delivery"),
            "can_verify_reports": writable and request.user.has_perm(VERIFY_REALISATION),
            "can_record": writable and request.user.has_perm("circulars.change_circularrecipient"),
            "has_offers": any(item.kind == "offers" for item in items),
            # Composed here: matching (the queue) sits below overlaps (issue 26).
            "overlap_notes": notes_for_queue(scope),
            "overlap_days": QUEUE_DAYS,
            "notifications": list(
                Notification.objects.filter(recipient=request.user).select_related(
                    "pledge__company", "pledge__need__facility", "need__facility", "program__company", "program__agency"
                )[:20]
            ),
        }
        return TemplateResponse(request, "admin/matching/queue.html", context)


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
