"""Facility accounts in the admin: the invitation screen on a facility's page and the actions on
the list of facility accounts. Every change goes through ``facilities.accounts``."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from backoffice.actions import run_service
from backoffice.forms import MemberInviteForm
from facilities import accounts
from facilities.services import NeedError


def invite_member_view(model_admin, request, object_id):
    """``model_admin`` is the facility admin: its queryset is the staff account's area, so a
    facility of another agency is a 404 here."""
    if not request.user.has_perm("facilities.add_facilitymember") or not model_admin.has_change_permission(request):
        raise PermissionDenied
    facility = get_object_or_404(model_admin.get_queryset(request), pk=object_id)
    form = MemberInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = accounts.member_invite(facility=facility, actor=request.user, **form.cleaned_data)
        except NeedError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                gettext(
                    "%(email)s is invited as an account of %(facility)s: "
                    "an e-mail with a link to choose a password is on its way."
                )
                % {"email": member.user.email, "facility": facility},
            )
            return HttpResponseRedirect(reverse("admin:facilities_facility_change", args=[facility.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Invite an account of %(facility)s") % {"facility": facility},
        "opts": model_admin.model._meta,
        "original": facility,
        "facility": facility,
        "form": form,
    }
    return TemplateResponse(request, "admin/facilities/facility/invite_member.html", context)


@admin.action(
    description=_("Deactivate the selected facility accounts (they left the facility)"), permissions=["change"]
)
def deactivate_members(modeladmin, request, queryset):
    run_service(
        request,
        queryset.select_related("user", "facility"),
        lambda member: accounts.member_deactivate(member=member, actor=request.user),
        gettext("%(n)d facility accounts deactivated: they can no longer log in."),
    )


@admin.action(description=_("Send a new set-password link to the selected facility accounts"), permissions=["change"])
def resend_member_invitations(modeladmin, request, queryset):
    run_service(
        request,
        queryset.select_related("user", "facility"),
        lambda member: accounts.member_invite_resend(member=member, actor=request.user),
        gettext("%(n)d e-mails with a set-password link are on their way."),
    )
