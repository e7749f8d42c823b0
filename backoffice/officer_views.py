"""Officer accounts in the admin: the invitation screen on a company's page and the actions on
the officer list. Every change goes through ``partners.services``."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from backoffice.forms import OfficerInviteForm
from backoffice.scoping import scope_of
from partners import services
from partners.errors import PartnerError
from partners.models import Company


def _company_or_404(model_admin, request, object_id) -> Company:
    pk = model_admin.object_pk(object_id)
    return get_object_or_404(model_admin.get_queryset(request), pk=pk) if pk else _not_found()


def _not_found():
    raise Http404


def invite_officer_view(model_admin, request, object_id):
    if not request.user.has_perm("partners.add_officer") or scope_of(request).read_only:
        raise PermissionDenied
    company = _company_or_404(model_admin, request, object_id)
    if not model_admin.partnered(request, company):
        messages.error(
            request,
            gettext(
                "%(company)s works with other agencies. Record it as your agency's partner before you invite "
                "its officers."
            )
            % {"company": company},
        )
        return HttpResponseRedirect(reverse("admin:partners_company_change", args=[company.pk]))
    form = OfficerInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            officer = services.officer_invite(company=company, actor=request.user, **form.cleaned_data)
        except PartnerError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                gettext(
                    "%(email)s is invited as an officer of %(company)s: "
                    "an e-mail with a link to choose a password is on its way."
                )
                % {"email": officer.user.email, "company": company},
            )
            return HttpResponseRedirect(reverse("admin:partners_company_change", args=[company.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Invite an officer of %(company)s") % {"company": company},
        "opts": model_admin.model._meta,
        "original": company,
        "company": company,
        "form": form,
    }
    return TemplateResponse(request, "admin/partners/company/invite_officer.html", context)


def start_partnership_view(model_admin, request, object_id):
    """POST: the account's agency records that it works with the company (partners.services)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    company = _company_or_404(model_admin, request, object_id)
    try:
        services.partnership_start(company=company, actor=request.user)
    except PartnerError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            gettext("%(company)s is recorded as a partner of %(agency)s.")
            % {"company": company, "agency": scope_of(request).agency},
        )
    return HttpResponseRedirect(reverse("admin:partners_company_change", args=[company.pk]))


def run_officer_service(request, queryset, call, success_message: str) -> None:
    done = 0
    for officer in queryset.select_related("user", "company"):
        try:
            call(officer)
        except PartnerError as error:
            messages.error(request, error.message)
        else:
            done += 1
    if done:
        messages.success(request, success_message % {"n": done})


@admin.action(description=_("Deactivate the selected officers (they left the company)"), permissions=["change"])
def deactivate_officers(modeladmin, request, queryset):
    run_officer_service(
        request,
        queryset,
        lambda officer: services.officer_deactivate(officer=officer, actor=request.user),
        gettext("%(n)d officers deactivated: they can no longer log in."),
    )


@admin.action(description=_("Send a new set-password link to the selected officers"), permissions=["change"])
def resend_invitations(modeladmin, request, queryset):
    run_officer_service(
        request,
        queryset,
        lambda officer: services.officer_invite_resend(officer=officer, actor=request.user),
        gettext("%(n)d e-mails with a set-password link are on their way."),
    )
