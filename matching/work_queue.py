"""What waits for an agency's staff, and the receivers' confirmations of a company's deliveries.

The work queue holds every item waiting for the agency, in its staff's area
(``agencies.scope``): offers to approve, deliveries to verify, realisation reports to verify,
programs to register, needs and need changes proposed by facilities, acknowledgements of
circulated documents still awaited, and the agency's own proposals about to lapse. The admin
index and the queue show how many of each wait (``work_queue_counts``: one aggregate query per
kind); the queue lists them, oldest first, each with how long it has waited
(``work_queue_items``: one query per kind, plus the prefetched evidence and splits). Neither
grows with the number of rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.scope import Scope
from circulars.models import CircularRecipient
from circulars.selectors import circulars_in_scope
from facilities.models import Need, NeedProposal, NeedStatus, ProposalStatus
from matching.models import DeliveryReport, DeliveryStatus, Pledge, PledgeStatus, ReceiptOutcome
from matching.selectors import LAPSE_WARNING, pledges_with_context
from programs.models import Program, ProgramStatus, Realisation, RealisationShare, RealisationStatus
from programs.realisation_selectors import realisations_in_area
from programs.selectors import programs_in_area

# Rows of each kind listed at most; the counts say how many wait in all.
QUEUE_LIMIT = 50

# The kinds of work, in the order the counters show them, with their names.
KINDS: dict[str, str] = {
    "deliveries": _("Deliveries to verify"),
    "realisations": _("Realisation reports to verify"),
    "offers": _("Offers to approve"),
    "programs": _("Programs to register"),
    "new_needs": _("New needs proposed by facilities"),
    "need_changes": _("Need changes proposed by facilities"),
    "acknowledgements": _("Acknowledgements awaited"),
    "lapsing": _("Proposals about to lapse"),
}


@dataclass(frozen=True)
class WorkCounts:
    offers: int
    deliveries: int
    disputed: int
    unconfirmed_late: int
    lapsing: int
    realisations: int = 0
    programs: int = 0
    new_needs: int = 0
    need_changes: int = 0
    acknowledgements: int = 0

    @property
    def total(self) -> int:
        """Everything waiting (the disputed and late deliveries are among the deliveries)."""
        return sum(getattr(self, kind) for kind in KINDS)

    def by_kind(self) -> list[tuple[str, str, int]]:
        """``(kind, name, count)`` for each kind, in the counters' order."""
        return [(kind, label, getattr(self, kind)) for kind, label in KINDS.items()]


# --- the rows of each kind, in the area ---------------------------------------------------------


def offers_waiting(scope: Scope) -> QuerySet[Pledge]:
    return pledges_with_context().filter(scope.q("need__facility__region"), status=PledgeStatus.OFFERED)


def deliveries_waiting(scope: Scope) -> QuerySet[DeliveryReport]:
    return DeliveryReport.objects.filter(scope.q("pledge__need__facility__region"), status=DeliveryStatus.SUBMITTED)


def proposals_lapsing(scope: Scope, now: datetime.datetime) -> QuerySet[Pledge]:
    return pledges_with_context().filter(
        scope.q("need__facility__region"), status=PledgeStatus.PROPOSED, respond_by__lte=now + LAPSE_WARNING
    )


def realisations_waiting(scope: Scope) -> QuerySet[Realisation]:
    return Realisation.objects.filter(realisations_in_area(scope), status=RealisationStatus.SUBMITTED)


def programs_waiting(scope: Scope) -> QuerySet[Program]:
    return Program.objects.filter(programs_in_area(scope), status=ProgramStatus.SUBMITTED)


def need_changes_waiting(scope: Scope) -> QuerySet[NeedProposal]:
    return NeedProposal.objects.filter(scope.q("need__facility__region"), status=ProposalStatus.PENDING)


def new_needs_waiting(scope: Scope) -> QuerySet[Need]:
    """Drafts a facility's own account proposed (its history's first row is by a facility
    account): one EXISTS per row, no query per row."""
    history = Need.history.model.objects.filter(
        id=OuterRef("pk"), history_type="+", history_user__facility_member__isnull=False
    )
    return Need.objects.filter(scope.q("facility__region"), Exists(history), status=NeedStatus.DRAFT)


def acknowledgements_awaited(scope: Scope) -> QuerySet[CircularRecipient]:
    """Recipients of the area's circulated documents who have not acknowledged them: Dinsos
    follows them up, or records an acknowledgement received at a meeting or by letter."""
    return CircularRecipient.objects.filter(circulars_in_scope(scope, "circular__"), acknowledged_on__isnull=True)


def work_queue_counts(scope: Scope, *, now: datetime.datetime | None = None) -> WorkCounts:
    """How many of each kind wait in the area (of the deliveries, how many the facility disputed
    or did not confirm in time): seven aggregate queries, whatever the number of rows."""
    now = now or timezone.now()
    pledges = Pledge.objects.filter(scope.q("need__facility__region")).aggregate(
        offers=Count("pk", filter=Q(status=PledgeStatus.OFFERED)),
        lapsing=Count("pk", filter=Q(status=PledgeStatus.PROPOSED, respond_by__lte=now + LAPSE_WARNING)),
    )
    late = now - datetime.timedelta(days=settings.RECEIPT_CONFIRM_DAYS)
    deliveries = deliveries_waiting(scope).aggregate(
        waiting=Count("pk"),
        disputed=Count("pk", filter=Q(receipt__outcome=ReceiptOutcome.DISPUTED)),
        unconfirmed_late=Count("pk", filter=Q(receipt__isnull=True, reported_at__lt=late)),
    )
    return WorkCounts(
        offers=pledges["offers"],
        deliveries=deliveries["waiting"],
        disputed=deliveries["disputed"],
        unconfirmed_late=deliveries["unconfirmed_late"],
        lapsing=pledges["lapsing"],
        realisations=realisations_waiting(scope).count(),
        programs=programs_waiting(scope).count(),
        new_needs=new_needs_waiting(scope).count(),
        need_changes=need_changes_waiting(scope).count(),
        acknowledgements=acknowledgements_awaited(scope).count(),
    )


# --- the queue's rows, oldest first ------------------------------------------------------------


@dataclass(frozen=True)
class WorkItem:
    """One thing waiting: its kind (a key of ``KINDS``), the object, and since when it waits."""

    kind: str
    obj: object
    since: datetime.datetime
    days: int

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])


def _rows(scope: Scope, now: datetime.datetime, limit: int) -> dict[str, tuple[list, str]]:
    """Each kind's oldest rows (at most ``limit``) with what its card shows, and the name of the
    attribute that says since when it waits."""
    deliveries = (
        deliveries_waiting(scope)
        .select_related("pledge__need__facility", "pledge__company", "reported_by", "receipt", "bast")
        .prefetch_related("evidence")
        .order_by("reported_at", "pk")
    )
    realisations = (
        realisations_waiting(scope)
        .select_related("program__company", "program__agency", "reported_by__officer__company")
        .prefetch_related(
            Prefetch("shares", queryset=RealisationShare.objects.select_related("region").order_by("-amount", "pk")),
            "evidence",
        )
        .order_by("submitted_at", "pk")
    )
    return {
        "deliveries": (deliveries, "reported_at"),
        "realisations": (realisations, "submitted_at"),
        "offers": (offers_waiting(scope).order_by("created_at", "pk"), "created_at"),
        "programs": (
            programs_waiting(scope).select_related("company", "agency").order_by("updated_at", "pk"),
            "updated_at",
        ),
        "new_needs": (new_needs_waiting(scope).select_related("facility").order_by("created_at", "pk"), "created_at"),
        "need_changes": (
            need_changes_waiting(scope).select_related("need__facility", "proposed_by").order_by("proposed_at", "pk"),
            "proposed_at",
        ),
        "acknowledgements": (
            acknowledgements_awaited(scope).select_related("circular", "company", "user").order_by("sent_at", "pk"),
            "sent_at",
        ),
        "lapsing": (proposals_lapsing(scope, now).order_by("respond_by", "pk"), "created_at"),
    }


def work_queue_items(
    scope: Scope, *, kind: str | None = None, now: datetime.datetime | None = None, limit: int = QUEUE_LIMIT
) -> list[WorkItem]:
    """The oldest waiting rows of every kind (or of ``kind`` alone), merged oldest first: one
    query per kind, and two for the deliveries' evidence and the reports' splits and evidence."""
    now = now or timezone.now()
    items = []
    for name, (queryset, since_attribute) in _rows(scope, now, limit).items():
        if kind is not None and name != kind:
            continue
        for obj in queryset[:limit]:
            since = getattr(obj, since_attribute)
            items.append(WorkItem(name, obj, since, max((now - since).days, 0)))
    items.sort(key=lambda item: (item.since, item.kind))
    return items


# --- the receivers' confirmations of a company's deliveries -------------------------------------


@dataclass(frozen=True)
class ReceiptShare:
    reported: int  # delivery reports not rejected
    confirmed: int  # of which the receiving facility confirmed
    disputed: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.confirmed / self.reported) if self.reported else None


def company_receipt_share(company_id: int) -> ReceiptShare:
    """The share of a company's delivery reports (rejected ones aside) that the receiving
    facility confirmed: one query."""
    row = (
        DeliveryReport.objects.filter(pledge__company_id=company_id)
        .exclude(status=DeliveryStatus.REJECTED)
        .aggregate(
            reported=Count("pk"),
            confirmed=Count("pk", filter=Q(receipt__outcome=ReceiptOutcome.CONFIRMED)),
            disputed=Count("pk", filter=Q(receipt__outcome=ReceiptOutcome.DISPUTED)),
        )
    )
    return ReceiptShare(**row)
