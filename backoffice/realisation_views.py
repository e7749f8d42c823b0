"""Verify or return one realisation report from its own page or from the work queue, and what
staff see of a report while deciding: who reported it, its split over regions in words and its
evidence as thumbnails.

The decision is one POST-only view: it moves the report through ``programs.realisations``'
one transition function (``realisation_move``) and comes back with a message, to the ``next``
page when it is a page of this site (``backoffice.actions.safe_next``), else to the report.
Verifying asks once that staff have looked at the evidence shown beside the button.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from backoffice.actions import safe_next
from core.formatting import format_rupiah
from programs import realisations
from programs.models import RealisationEvidenceKind, RealisationStatus

THUMBNAIL = '<a href="{}" class="evidence-thumb"><img src="{}" alt="{}" width="96" height="72" loading="lazy"></a>'
DECISIONS = {RealisationStatus.VERIFIED, RealisationStatus.RETURNED}


def person(user) -> str:
    """An account by name, with its company or agency: ``Dewi Lestari (PT Sebangau Agro Mandiri)``.
    Reads the officer's company and the staff's agency selected with the account."""
    if user is None:
        return "-"
    name = user.get_full_name() or user.get_username()
    officer = getattr(user, "officer", None)
    if officer is not None:
        return f"{name} ({officer.company.name})"
    staff = getattr(user, "agency_staff", None)
    if staff is not None:
        return _("%(name)s (%(agency)s, recorded for the company)") % {"name": name, "agency": staff.agency.name}
    return name


def split_lines(report) -> list[str]:
    """The report's split in words, largest first: ``Kahayan Hilir — Rp 45.000.000 · 35 KK``.
    Reads the prefetched ``report.shares`` with their regions."""
    lines = []
    for share in sorted(report.shares.all(), key=lambda share: (-share.amount, share.region_id)):
        line = f"{share.region.name} — {format_rupiah(share.amount)}"
        if share.households:
            line += " · " + _("%(count)s households") % {"count": share.households}
        lines.append(line)
    return lines


def split_list(report) -> str:
    lines = split_lines(report)
    if not lines:
        return "-"
    return format_html(
        '<ul class="split-lines">{}</ul>', format_html_join("", "<li>{}</li>", ((line,) for line in lines))
    )


def realisation_evidence(report) -> str:
    """The report's photos as thumbnails and its document as a link, each served by the
    access-checked evidence view; reads the prefetched ``report.evidence``."""
    items = []
    photos = 0
    for item in report.evidence.all():
        url = reverse("programs:evidence_download", args=[item.pk])
        if item.kind == RealisationEvidenceKind.PHOTO:
            photos += 1
            items.append(format_html(THUMBNAIL, url, url, _("Photo %(n)s from the company") % {"n": photos}))
        else:
            items.append(
                format_html(
                    '<a href="{}" class="evidence-document">{}</a>', url, item.original_name or item.get_kind_display()
                )
            )
    if not items:
        return format_html('<span class="decision-warning">{}</span>', _("No evidence attached."))
    return format_html_join(" ", "{}", ((item,) for item in items))


def decide_view(model_admin, request, pk):
    """Verify (``to=verified``, once staff ticked that they looked at the evidence) or return
    (``to=returned``, with the reason the company reads) one report in the account's area."""
    if not model_admin.has_verify_permission(request):
        raise PermissionDenied
    report = get_object_or_404(model_admin.get_queryset(request), pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    to = request.POST.get("to")
    back = HttpResponseRedirect(safe_next(request) or reverse("admin:programs_realisation_change", args=[report.pk]))
    if to not in DECISIONS:
        messages.error(request, _("Choose to verify the report or to return it."))
        return back
    if to == RealisationStatus.VERIFIED and not request.POST.get("checked"):
        messages.error(request, _("Tick that you have looked at the evidence before verifying the report."))
        return back
    try:
        realisations.realisation_move(
            report=report.pk, to=to, actor=request.user, reason=request.POST.get("reason", "")
        )
    except realisations.RealisationError as error:
        messages.error(request, f"{report}: {error.message}")
        return back
    values = {"report": report, "company": report.program.company.name}
    if to == RealisationStatus.VERIFIED:
        messages.success(request, _("“%(report)s” of %(company)s is verified: it counts in the reports.") % values)
    else:
        messages.success(request, _("“%(report)s” is returned to %(company)s with your reason.") % values)
    return back
