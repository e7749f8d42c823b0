"""The Dinsos side of the matching workflow in the admin: pledges, with their delivery reports
and status history inline, and the work queue. Delivery reports and evidence have their own
admin, ``backoffice.admin.deliveries``.

Nothing here writes a pledge or a report directly: every button and action calls
``matching.services``, and a refused move comes back as a message, changing nothing.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from backoffice.actions import reason_action
from backoffice.admin.facility_accounts import describe_changes
from backoffice.admin.inlines import ReadOnlyInline
from backoffice.filters import search_words
from backoffice.overlap_views import overlap_action
from backoffice.scoping import AgencyScopedAdmin, scope_of
from core.formatting import format_rupiah
from matching import selectors, services
from matching.confirmation import override_problem
from matching.errors import PledgeError
from matching.forms import ReduceForm
from matching.models import DeliveryReport, Pledge, PledgeStatus, PledgeStatusChange
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
