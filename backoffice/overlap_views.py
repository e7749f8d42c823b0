"""Overlap warnings in the admin (issue 26): the need form, and the actions that publish needs,
approve offers and register programs.

An action over rows of which some meet overlaps (``overlaps.selectors``) first shows a page
listing each row's overlaps and asks for a reason; rows with none go ahead at once. Going ahead
records the reason as an ``OverlapNote`` per overlapping row; without a reason the page comes
back with a form error and nothing changes.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import transaction
from django.template.response import TemplateResponse

from backoffice.actions import redirect_next, run_service, safe_next
from overlaps.forms import OverlapReasonForm
from overlaps.services import overlap_note_record


def overlap_action(
    modeladmin,
    request,
    queryset,
    *,
    title: str,
    action: str,
    overlaps_of,
    call,
    subject: str,
    success_message: str,
):
    """Run ``call(item)`` on each selected item; items for which ``overlaps_of(item)`` lists
    overlaps need a reason first (``subject`` names the note's field: need, pledge or program)."""
    items = list(queryset)
    found = {item.pk: overlaps_of(item) for item in items}
    if not any(found.values()):
        run_service(request, items, call, success_message)
        return redirect_next(request)
    form = OverlapReasonForm(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        reason = form.cleaned_data["overlap_reason"]

        def go_ahead(item):
            with transaction.atomic():
                done = call(item)
                if found[item.pk]:
                    overlap_note_record(
                        action=action, overlaps=found[item.pk], reason=reason, actor=request.user, **{subject: done}
                    )

        run_service(request, items, go_ahead, success_message)
        return redirect_next(request)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "rows": [(item, found[item.pk]) for item in items],
        "objects": items,
        "form": form,
        "action": request.POST.get("action"),
        "next": safe_next(request) or "",
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/overlaps/overlap_action.html", context)
