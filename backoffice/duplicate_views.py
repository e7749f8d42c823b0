"""The duplicates pages of the admin: the area's possible duplicates, one pair with "same" or
"different", and the merge of two facilities or two companies. Every write goes through
``duplicates.services``; records are fetched through the ModelAdmin of their kind, so a
facility or need of another agency's area is a 404 here."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from backoffice.scoping import scope_of
from duplicates import selectors, services
from duplicates.forms import DecisionForm, MergeForm
from duplicates.merging import refusals, related_counts
from duplicates.models import Decision, DuplicateDecision, DuplicateKind

LIST_PERMISSION = "duplicates.view_duplicatedecision"


def _require_list(request) -> None:
    if not request.user.has_perm(LIST_PERMISSION):
        raise PermissionDenied


def _pair(admin_site, request, kind: str, first_id: int, second_id: int):
    """The two records, through their ModelAdmin (the staff account's area)."""
    model = selectors.MODELS.get(kind)
    if model is None or first_id == second_id:
        raise Http404
    model_admin = admin_site.get_model_admin(model)
    queryset = model_admin.get_queryset(request)
    first = get_object_or_404(queryset, pk=first_id)
    second = get_object_or_404(queryset, pk=second_id)
    return model, first, second


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def pair_url(kind: str, first, second) -> str:
    first_id, second_id = selectors.ordered(first.pk, second.pk)
    return reverse("admin:duplicates_pair", args=[kind, first_id, second_id])


def possible_view(admin_site, request):
    _require_list(request)
    scope = scope_of(request)
    pairs = selectors.area_pairs(scope)
    rows = [{"pair": pair, "url": pair_url(pair.kind, pair.first, pair.second)} for pair in pairs]
    context = {
        **admin_site.each_context(request),
        "title": gettext("Possible duplicates"),
        "rows": rows,
        "area": scope.label,
    }
    return TemplateResponse(request, "admin/duplicates/possible.html", context)


def _facts(record) -> list[tuple[str, object]]:
    kind = selectors.kind_of(record)
    facts: list[tuple[str, object]] = []
    if kind == DuplicateKind.FACILITY:
        facts += [
            (gettext("Region"), record.region.full_label if record.region_id else "-"),
            (gettext("LKS registration number"), record.lks_registration_number or "-"),
            (gettext("Address"), record.address or "-"),
            (gettext("Head of facility"), record.head_name or "-"),
        ]
    elif kind == DuplicateKind.COMPANY:
        facts += [
            (gettext("NIB"), record.nib or "-"),
            (gettext("NPWP"), record.npwp or "-"),
            (gettext("Region"), record.region.full_label if record.region_id else "-"),
            (gettext("Website"), record.website or "-"),
        ]
    else:
        facts += [
            (gettext("Facility"), record.facility.name),
            (gettext("Field"), record.field),
            (gettext("Quantity"), f"{record.quantity} {record.unit}"),
            (gettext("Status"), record.get_status_display()),
        ]
    facts.append((gettext("Registered"), record.created_at))
    return facts


def _rows(record) -> list[tuple[str, int]]:
    """Related rows per table, by the table's name, without the historical ones."""
    named = []
    for label, count in sorted(related_counts(record).items()):
        opts = apps.get_model(label)._meta
        if count and not opts.auto_created and not opts.model_name.startswith("historical"):
            named.append((str(opts.verbose_name_plural), count))
    return named


def pair_view(admin_site, request, kind: str, first_id: int, second_id: int):
    _require_list(request)
    model, first, second = _pair(admin_site, request, kind, first_id, second_id)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision = request.POST.get("decision")
        if decision not in Decision.values:
            raise Http404
        services.decision_record(
            first=first, second=second, decision=decision, actor=request.user, note=form.cleaned_data["note"]
        )
        if decision == Decision.DIFFERENT:
            messages.success(
                request,
                gettext("Recorded: %(first)s and %(second)s are different; the pair is not offered again.")
                % {"first": first, "second": second},
            )
        else:
            messages.success(
                request,
                gettext("Recorded: %(first)s and %(second)s are the same.")
                % {
                    "first": first,
                    "second": second,
                },
            )
        return HttpResponseRedirect(reverse("admin:duplicates_possible"))
    reason = next(
        (c.reason for c in selectors.candidates_for(first, limit=50) if c.record.pk == second.pk),
        "",
    )
    decided = DuplicateDecision.objects.filter(
        kind=kind, first_id=min(first.pk, second.pk), second_id=max(first.pk, second.pk)
    ).first()
    context = {
        **admin_site.each_context(request),
        "title": gettext("Possible duplicates: %(first)s and %(second)s") % {"first": first, "second": second},
        "kind": kind,
        "records": [
            {"record": record, "url": change_url(record), "facts": _facts(record), "rows": _rows(record)}
            for record in (first, second)
        ],
        "reason": reason,
        "decided": decided,
        "form": form,
        "mergeable": kind in services.MERGEABLE,
        "merge_url": reverse("admin:duplicates_merge", args=[kind, first.pk, second.pk]),
        "opts": model._meta,
    }
    return TemplateResponse(request, "admin/duplicates/pair.html", context)


def merge_view(admin_site, request, kind: str, first_id: int, second_id: int):
    if kind not in services.MERGEABLE:
        raise Http404
    model, first, second = _pair(admin_site, request, kind, first_id, second_id)
    if not admin_site.get_model_admin(model).has_change_permission(request) or scope_of(request).read_only:
        raise PermissionDenied
    records = [first, second]
    problems = refusals(kind, first, second, request.user)
    form = MergeForm(request.POST or None, records=records, initial={"kept": first.pk})
    if request.method == "POST" and not problems and form.is_valid():
        kept = first if form.cleaned_data["kept"] == first.pk else second
        removed = second if kept is first else first
        try:
            record = services.records_merge(
                kept=kept, removed=removed, reason=form.cleaned_data["reason"], actor=request.user
            )
        except services.MergeRefused as refused:
            problems = refused.reasons
        else:
            moved = sum(record.moved.values())
            messages.success(
                request,
                gettext("%(removed)s is merged into %(kept)s: %(moved)s rows moved.")
                % {"removed": record.removed_label, "kept": record.kept_label, "moved": moved},
            )
            return HttpResponseRedirect(change_url(kept))
    context = {
        **admin_site.each_context(request),
        "title": gettext("Merge %(first)s and %(second)s") % {"first": first, "second": second},
        "records": [
            {"record": record, "url": change_url(record), "facts": _facts(record), "rows": _rows(record)}
            for record in records
        ],
        "problems": problems,
        "form": form,
        "opts": model._meta,
        "pair_url": pair_url(kind, first, second),
    }
    return TemplateResponse(request, "admin/duplicates/merge.html", context)
