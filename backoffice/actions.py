"""Admin actions that call a service for each selected row; a refusal becomes a message and
changes nothing."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme

from facilities.services import NeedError
from matching.errors import PledgeError
from matching.forms import ReasonForm
from programs.errors import ProgramError
from programs.realisations import RealisationError

# The domain refusals the services raise; each carries a ``message`` for the user.
REFUSALS = (PledgeError, NeedError, ProgramError, RealisationError)


def safe_next(request) -> str | None:
    """The ``next`` page of the request (POST first, then GET), if it is a page of this site:
    how staff return to the work queue after acting from it."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def redirect_next(request) -> HttpResponseRedirect | None:
    """For an admin action: back to ``next`` when it is safe, else None (the changelist)."""
    target = safe_next(request)
    return HttpResponseRedirect(target) if target else None


def run_service(request, items, call, success_message) -> int:
    """Call a service for each item; each refusal becomes a message and changes nothing."""
    done = 0
    for item in items:
        try:
            call(item)
        except REFUSALS as error:
            messages.error(request, f"{item}: {error.message}")
        else:
            done += 1
    if done:
        messages.success(request, success_message % {"n": done})
    return done


def reason_action(modeladmin, request, queryset, *, title: str, call, success_message: str):
    """An admin action that first asks for a reason on an intermediate page."""
    if "apply" in request.POST:
        form = ReasonForm(request.POST)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            run_service(request, queryset, lambda item: call(item, reason), success_message)
            return redirect_next(request)
    else:
        form = ReasonForm()
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "objects": queryset,
        "form": form,
        "action": request.POST.get("action"),
        "next": safe_next(request) or "",
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/matching/reason_form.html", context)
