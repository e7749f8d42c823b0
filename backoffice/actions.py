"""Admin actions that call a service for each selected row; a refusal becomes a message and
changes nothing."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse

from facilities.services import NeedError
from matching.errors import PledgeError
from matching.forms import ReasonForm

# The domain refusals the services raise; each carries a ``message`` for the user.
REFUSALS = (PledgeError, NeedError)


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
            return None
    else:
        form = ReasonForm()
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "objects": queryset,
        "form": form,
        "action": request.POST.get("action"),
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/matching/reason_form.html", context)
