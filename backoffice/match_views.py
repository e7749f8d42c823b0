"""The matching screen for one need, mounted on the need's admin (see facilities/admin.py)."""

from django.contrib import messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from matching import selectors, services
from matching.errors import PledgeError
from matching.forms import ProposeForm
from matching.models import Pledge


def need_match_view(model_admin, request, pk):
    if not request.user.has_perm("matching.propose_pledge"):
        raise PermissionDenied
    need = get_object_or_404(model_admin.get_queryset(request).select_related("facility__region", "field"), pk=pk)
    form = ProposeForm(request.POST or None, remaining=need.quantity_remaining)
    # The admin's autocomplete: the page holds the chosen company only, not an option for each
    # of thousands of companies (issue 23); the others come from the company admin's search.
    company = form.fields["company"]
    company.widget = AutocompleteSelect(
        Pledge._meta.get_field("company"), model_admin.admin_site, attrs={"style": "width: 30em"}
    )
    company.widget.choices = company.choices
    if request.method == "POST" and form.is_valid():
        try:
            pledge = services.pledge_propose(
                need=need,
                company=form.cleaned_data["company"],
                quantity=form.cleaned_data["quantity"],
                note=form.cleaned_data["note"],
                expected_delivery_date=form.cleaned_data["expected_delivery_date"],
                actor=request.user,
            )
        except PledgeError as error:
            form.add_error("quantity", error.message)
        else:
            messages.success(
                request,
                gettext("Proposed %(quantity)s %(unit)s to %(company)s; they have been notified.")
                % {"quantity": pledge.quantity, "unit": need.unit, "company": pledge.company},
            )
            return HttpResponseRedirect(reverse("admin:facilities_need_match", args=[need.pk]))
    suggestions = selectors.suggest_companies_for_need(need)
    if not form.is_bound and suggestions:
        form.initial = {"company": suggestions[0].obj.pk, "quantity": need.quantity_remaining}
    context = {
        **model_admin.admin_site.each_context(request),
        "title": gettext("Match partners"),
        "opts": model_admin.model._meta,
        "need": need,
        "form": form,
        "suggestions": suggestions,
        "pledges": list(need.pledges.select_related("company").order_by("-created_at")),
    }
    return TemplateResponse(request, "admin/matching/need_match.html", context)
