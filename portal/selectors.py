"""Reads of the partner portal. Every one of them starts from the officer's company (or the
user), never from all rows; each returns its rows with their joins already applied, so a page
costs the same number of queries however many pledges or needs there are."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from facilities import selectors as facility_selectors
from facilities.models import Need
from matching.models import (
    DELIVERABLE_STATES,
    LIVE_STATES,
    PENDING_STATES,
    DeliveryReport,
    DeliveryStatus,
    Pledge,
    PledgeStatus,
    PledgeStatusChange,
)
from matching.selectors import LAPSE_WARNING
from notifications.models import Notification
from partners.models import Company, Officer, Partnership
from portal.labels import OFFICER_STATUS_CHOICES
from programs.models import Program, ProgramStatus, ProgramStatusChange, Realisation, RealisationStatus

DASHBOARD_ROWS = 10


def company_pledges(company: Company) -> QuerySet[Pledge]:
    """The company's pledges with what a row or the detail page shows."""
    return Pledge.objects.for_company(company).select_related(
        "need__facility__region", "need__field", "program", "company"
    )


def proposals_to_answer(company: Company, *, limit: int = DASHBOARD_ROWS) -> list[Pledge]:
    """Dinsos proposals waiting for this company's answer, the first to lapse first."""
    return list(
        company_pledges(company)
        .filter(status=PledgeStatus.PROPOSED)
        .order_by(F("respond_by").asc(nulls_last=True), "pk")[:limit]
    )


def programs_to_change(company: Company, *, limit: int = DASHBOARD_ROWS) -> list[Program]:
    """The company's programs the agency sent back asking for changes, the longest waiting first."""
    return list(
        Program.objects.filter(company=company, status=ProgramStatus.CHANGES_REQUESTED)
        .select_related("agency")
        .order_by("updated_at", "pk")[:limit]
    )


def realisations_to_correct(company: Company, *, limit: int = DASHBOARD_ROWS) -> list[Realisation]:
    """The company's realisation reports the agency returned for correction, oldest first."""
    return list(
        Realisation.objects.filter(program__company=company, status=RealisationStatus.RETURNED)
        .select_related("program")
        .order_by("submitted_at", "pk")[:limit]
    )


def deliveries_to_report(company: Company, *, limit: int = DASHBOARD_ROWS) -> list[Pledge]:
    """Accepted or approved pledges with quantity not yet reported delivered, the first
    expected first."""
    return list(
        company_pledges(company)
        .filter(status__in=DELIVERABLE_STATES, quantity__gt=F("quantity_reported"))
        .order_by(F("expected_delivery_date").asc(nulls_last=True), "pk")[:limit]
    )


def offers_awaiting_dinsos(company: Company, *, limit: int = DASHBOARD_ROWS) -> list[Pledge]:
    """The company's offers that Dinsos has not answered yet."""
    return list(
        company_pledges(company)
        .filter(status=PledgeStatus.OFFERED)
        .order_by(F("respond_by").asc(nulls_last=True), "pk")[:limit]
    )


def reports_awaiting_verification(company: Company, *, limit: int = DASHBOARD_ROWS) -> list[DeliveryReport]:
    return list(
        DeliveryReport.objects.filter(pledge__company=company, status=DeliveryStatus.SUBMITTED)
        .select_related("pledge__need__facility")
        .order_by("reported_at", "pk")[:limit]
    )


def lapses_soon(pledge: Pledge, *, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return bool(pledge.status in PENDING_STATES and pledge.respond_by and pledge.respond_by <= now + LAPSE_WARNING)


@dataclass
class StatusTotal:
    status: str
    label: str
    count: int
    quantity: int
    value: int


@dataclass
class PledgeTotals:
    rows: list[StatusTotal]
    committed_value: int
    verified_value: int
    count: int


def pledge_totals(company: Company) -> PledgeTotals:
    """Number, quantity and rupiah value of the company's pledges in each status: one query."""
    grouped = {
        row["status"]: row
        for row in Pledge.objects.for_company(company)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"), quantity=Sum("quantity"), value=Sum("value"))
    }
    rows = [
        StatusTotal(status, label, grouped[status]["n"], grouped[status]["quantity"], grouped[status]["value"])
        for status, label in OFFICER_STATUS_CHOICES
        if status in grouped
    ]
    committed = {PledgeStatus.ACCEPTED, PledgeStatus.APPROVED, PledgeStatus.DELIVERED, PledgeStatus.VERIFIED}
    return PledgeTotals(
        rows=rows,
        committed_value=sum(row.value for row in rows if row.status in committed),
        verified_value=sum(row.value for row in rows if row.status == PledgeStatus.VERIFIED),
        count=sum(row.count for row in rows),
    )


def recent_notifications(user, *, limit: int = DASHBOARD_ROWS) -> list[Notification]:
    """The user's latest notices, with what their text needs."""
    return list(
        Notification.objects.filter(recipient=user).select_related(
            "pledge__company", "pledge__need__facility", "program__company", "program__agency"
        )[:limit]
    )


def unread_notification_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def needs_for_partner(company: Company) -> QuerySet[Need]:
    """Open public needs with something left to pledge, with what this company already holds
    on each (offers and proposals waiting for an answer, accepted and approved pledges)."""
    ours = (
        Pledge.objects.filter(need=OuterRef("pk"), company=company, status__in=LIVE_STATES)
        .order_by()
        .values("need")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return (
        facility_selectors.public_needs()
        .open()
        .filter(quantity__gt=F("quantity_pending") + F("quantity_covered"))
        .annotate(our_quantity=Coalesce(Subquery(ours), Value(0)))
    )


def need_for_pledge(pk: int) -> Need | None:
    """One open public need, as the pledge form shows it; None if it is not open to pledges."""
    return (
        facility_selectors.public_needs()
        .open()
        .defer(None)
        .defer(*(name for name in facility_selectors.NEED_CARD_DEFERRED if name.startswith("facility__")))
        .filter(pk=pk)
        .first()
    )


def live_pledges_on_need(company: Company, need: Need) -> list[Pledge]:
    return list(
        Pledge.objects.for_company(company)
        .filter(need=need, status__in=LIVE_STATES)
        .only("id", "quantity", "status", "created_at")
        .order_by("-created_at", "-pk")
    )


def active_programs(company: Company) -> QuerySet[Program]:
    return Program.objects.filter(company=company, status=ProgramStatus.ACTIVE).order_by("title", "pk")


def pledge_history(pledge: Pledge) -> list[PledgeStatusChange]:
    return list(pledge.changes.select_related("actor").order_by("at", "pk"))


def pledge_deliveries(pledge: Pledge) -> list[DeliveryReport]:
    return list(pledge.deliveries.select_related("reported_by", "bast").prefetch_related("evidence").order_by("-pk"))


def company_contacts(company: Company) -> list[Officer]:
    """The company's active officers, coordinators first."""
    return list(
        company.officers.filter(user__is_active=True)
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name", "pk")
    )


def company_forums(company: Company) -> QuerySet[Partnership]:
    """The agencies' forums the company belongs to (never the agencies' internal notes)."""
    return (
        Partnership.objects.filter(company=company, forum_member=True)
        .select_related("agency")
        .only("forum_member_since", "agency__name", "agency__forum_name")
        .order_by("agency__name")
    )


def unread_ids_for_pledge(user, pledge: Pledge) -> list[int]:
    return list(
        Notification.objects.filter(recipient=user, pledge=pledge, read_at__isnull=True).values_list("pk", flat=True)
    )


# --- the company's CSR programs --------------------------------------------------------------


def company_programs(company: Company) -> QuerySet[Program]:
    """The company's programs with what a row or the detail page shows (fields prefetched)."""
    return (
        Program.objects.filter(company=company)
        .select_related("agency", "company")
        .prefetch_related("fields")
        .order_by("-created_at", "-pk")
    )


def program_history(program: Program) -> list[ProgramStatusChange]:
    return list(program.changes.select_related("actor").order_by("at", "pk"))


# The agency's answers to a submitted program; their reason is its comment to the company.
_AGENCY_ANSWERS = (ProgramStatus.CHANGES_REQUESTED, ProgramStatus.DECLINED, ProgramStatus.PLANNED, ProgramStatus.ACTIVE)


def agency_comment(history: list[ProgramStatusChange]) -> ProgramStatusChange | None:
    """The agency's last comment on the program, from its history."""
    answers = [
        change
        for change in history
        if change.old_status == ProgramStatus.SUBMITTED and change.new_status in _AGENCY_ANSWERS and change.reason
    ]
    return answers[-1] if answers else None


def unread_ids_for_program(user, program: Program) -> list[int]:
    return list(
        Notification.objects.filter(recipient=user, program=program, read_at__isnull=True).values_list("pk", flat=True)
    )
