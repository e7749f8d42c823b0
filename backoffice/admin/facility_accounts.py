"""Facility accounts and the needs changes facilities propose, in the admin.

Accounts are invited from the facility's page (backoffice.member_views) and never added or
linked here; a proposal is applied (through the need services) or declined with a reason.
"""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from backoffice import member_views
from backoffice.actions import reason_action, run_service
from backoffice.scoping import AgencyScopedAdmin
from facilities import proposals
from facilities.models import FacilityMember, Need, NeedProposal


def member_accounts(facility) -> str:
    """The facility's accounts as links, for its admin page (read-only: new ones come only
    through "Invite a facility account")."""
    if facility is None or facility.pk is None:
        return "-"
    members = FacilityMember.objects.filter(facility=facility).select_related("user")
    rows = [
        (
            reverse("admin:facilities_facilitymember_change", args=[member.pk]),
            member,
            member.get_role_display(),
            "" if member.user.is_active else gettext("deactivated"),
        )
        for member in members
    ]
    if not rows:
        return gettext("No account yet: invite one with the button above.")
    return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a> · {} {}</li>', rows))


def need_proposals(need) -> str:
    """The changes the facility proposed for this need, as links to where staff decide."""
    if need is None or need.pk is None:
        return "-"
    proposals_ = NeedProposal.objects.filter(need=need)
    rows = [
        (
            reverse("admin:facilities_needproposal_change", args=[proposal.pk]),
            date_format(timezone.localtime(proposal.proposed_at), "d/m/Y"),
            ", ".join(sorted(proposal.changes)),
            proposal.get_status_display(),
        )
        for proposal in proposals_
    ]
    if not rows:
        return "-"
    return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}: {}</a> ({})</li>', rows))


@admin.register(FacilityMember)
class FacilityMemberAdmin(AgencyScopedAdmin, SimpleHistoryAdmin):
    area_path = "facility__region"
    list_display = ["user", "full_name", "facility", "role", "job_title", "is_active"]
    list_filter = ["role", "user__is_active"]
    list_select_related = ["user", "facility"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email", "facility__name"]
    fields = ["user", "facility", "role", "job_title", "phone", "created_at"]
    readonly_fields = ["user", "facility", "created_at"]
    actions = [member_views.deactivate_members, member_views.resend_member_invitations]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        messages.info(
            request, _("Invite facility accounts from the facility's page: the invitation opens a new account.")
        )
        return redirect(reverse("admin:facilities_facility_changelist"))

    @admin.display(description=_("name"))
    def full_name(self, obj):
        return obj.user.get_full_name()

    @admin.display(description=_("active"), boolean=True, ordering="user__is_active")
    def is_active(self, obj):
        return obj.user.is_active


def describe_changes(proposal: NeedProposal) -> str:
    need = proposal.need
    labels = {field.name: field.verbose_name for field in Need._meta.fields}
    rows = []
    for name, value in sorted(proposal.changes.items()):
        current = getattr(need, "field_id" if name == "field" else name)
        rows.append((str(labels.get(name, name)).capitalize(), "" if current is None else current, value))
    return format_html_join("", "<li>{}: {} → {}</li>", rows)


@admin.register(NeedProposal)
class NeedProposalAdmin(AgencyScopedAdmin, admin.ModelAdmin):
    area_path = "need__facility__region"
    list_display = ["proposed_at", "need", "facility", "changed_fields", "status", "proposed_by", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["need__facility", "proposed_by", "decided_by"]
    search_fields = ["need__title", "need__facility__name", "note"]
    fields = [
        "need",
        "changes_list",
        "note",
        "status",
        "proposed_by",
        "proposed_at",
        "decided_by",
        "decided_at",
        "decision_note",
    ]
    readonly_fields = fields
    actions = ["apply_proposals", "decline_proposals"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Read-only pages; the actions below (which need "change") do the work.
        return obj is None and super().has_change_permission(request, obj)

    @admin.display(description=_("facility"), ordering="need__facility__name")
    def facility(self, obj):
        return obj.need.facility

    @admin.display(description=_("proposed changes"))
    def changed_fields(self, obj):
        return ", ".join(sorted(obj.changes))

    @admin.display(description=_("proposed changes"))
    def changes_list(self, obj):
        return format_html("<ul>{}</ul>", describe_changes(obj))

    @admin.action(description=_("Apply the selected proposals to their needs"), permissions=["change"])
    def apply_proposals(self, request, queryset):
        run_service(
            request,
            queryset.select_related("need__facility"),
            lambda proposal: proposals.need_proposal_apply(proposal=proposal, actor=request.user),
            gettext("%(n)d proposals applied."),
        )

    @admin.action(description=_("Decline the selected proposals…"), permissions=["change"])
    def decline_proposals(self, request, queryset):
        return reason_action(
            self,
            request,
            queryset,
            title=gettext("Decline proposals"),
            call=lambda proposal, reason: proposals.need_proposal_decline(
                proposal=proposal, actor=request.user, reason=reason
            ),
            success_message=gettext("%(n)d proposals declined."),
        )
