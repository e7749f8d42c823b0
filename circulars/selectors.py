"""Reads of circulated documents that more than one place needs: the admin, the partner portal
and the file download."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from agencies.models import Agency, AgencyStaff
from agencies.scope import Scope
from circulars.models import Circular, CircularRecipient
from partners.models import Company, Partnership
from partners.selectors import agency_partnered_q


def circulars_in_scope(scope: Scope, prefix: str = "") -> Q:
    """Documents of the agencies a staff account works for: its own agency's (a camat's
    narrower area included) and those of agencies whose region lies in its area. ``prefix``
    is the path to the document (``"circular__"`` for recipients)."""
    if not scope.any:
        return Q(pk__in=[])
    if scope.everything:
        return Q()
    condition = scope.q(f"{prefix}agency__region")
    if scope.agency is not None:
        condition |= Q(**{f"{prefix}agency": scope.agency})
    return condition


def with_acknowledgement_counts(queryset: QuerySet[Circular]) -> QuerySet[Circular]:
    """Each document with ``n_recipients`` and ``n_acknowledged``, in the same query."""
    return queryset.annotate(
        n_recipients=Count("recipients", distinct=True),
        n_acknowledged=Count("recipients", filter=Q(recipients__acknowledged_on__isnull=False), distinct=True),
    )


def circular_recipients(circular: Circular) -> QuerySet[CircularRecipient]:
    """Who received the document: those who have not acknowledged first, then by name."""
    return (
        circular.recipients.select_related("company", "user", "acknowledged_by", "recorded_by")
        .annotate(pending=Q(acknowledged_on__isnull=True))
        .order_by("-pending", F("company__name").asc(nulls_last=True), "user__username")
    )


def company_circulars(company: Company) -> QuerySet[CircularRecipient]:
    """The documents sent to a company (one row each, with its acknowledgement), newest first."""
    return (
        CircularRecipient.objects.filter(company=company)
        .select_related("circular__agency", "acknowledged_by")
        .order_by("-sent_at", "-pk")
    )


def unacknowledged_count(company: Company) -> int:
    return CircularRecipient.objects.filter(company=company, acknowledged_on__isnull=True).count()


def companies_to_offer(agency: Agency) -> QuerySet[Company]:
    """The companies the agency works with (partners.selectors: its forum members, its other
    partners, those with a pledge in its area), forum members first, each marked ``is_partner``
    and ``is_forum_member``. Another agency's companies are never offered."""
    partnerships = Partnership.objects.filter(agency=agency, company=OuterRef("pk"))
    return (
        Company.objects.filter(agency_partnered_q(agency))
        .annotate(
            is_partner=Exists(partnerships),
            is_forum_member=Exists(partnerships.filter(forum_member=True)),
        )
        .order_by("-is_forum_member", "-is_partner", "name")
    )


def forum_members(agency: Agency) -> QuerySet[Company]:
    return Company.objects.filter(partnerships__agency=agency, partnerships__forum_member=True)


def agency_accounts(agency: Agency):
    """The active accounts of an agency that a document can be sent to (a camat, a coordinating
    office), with their staff record."""
    return (
        AgencyStaff.objects.filter(agency=agency, user__is_active=True)
        .select_related("user", "region")
        .order_by("role", "user__username")
    )


def user_may_read(user, circular: Circular, *, staff_covers: bool) -> bool:
    """Whether ``user`` may open the document's file: staff of its agency's area
    (``staff_covers``), an account it was sent to, or an officer of a company it was sent to."""
    if staff_covers:
        return True
    officer = getattr(user, "officer", None)
    condition = Q(user_id=user.pk)
    if officer is not None:
        condition |= Q(company_id=officer.company_id)
    return circular.recipients.filter(condition).exists()
