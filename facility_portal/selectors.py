"""Reads of the facility portal, always of one facility."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from facilities.models import FacilityPhoto, Need, NeedProposal, NeedStatus, ProposalStatus
from matching.models import DeliveryReport, DeliveryStatus, Evidence


def facility_needs(facility_id: int) -> QuerySet[Need]:
    """Every need of the facility but the cancelled ones, drafts included (its own proposals)."""
    return (
        Need.objects.filter(facility_id=facility_id)
        .exclude(status=NeedStatus.CANCELLED)
        .select_related("facility", "field")
        .order_by("status", "priority", "needed_by", "-created_at", "-id")
    )


def pending_proposals(facility_id: int) -> QuerySet[NeedProposal]:
    return NeedProposal.objects.filter(need__facility_id=facility_id, status=ProposalStatus.PENDING).select_related(
        "need"
    )


def facility_deliveries(facility_id: int) -> QuerySet[DeliveryReport]:
    """What companies reported delivering to the facility, with its own answer and the
    company's photos, in a fixed number of queries."""
    return (
        DeliveryReport.objects.filter(pledge__need__facility_id=facility_id)
        .select_related("pledge__need__facility", "pledge__company", "receipt", "bast")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "id")))
        .order_by("-reported_at", "-id")
    )


def deliveries_to_answer(facility_id: int) -> QuerySet[DeliveryReport]:
    """Reports awaiting Dinsos that the facility has not answered yet."""
    return facility_deliveries(facility_id).filter(status=DeliveryStatus.SUBMITTED, receipt__isnull=True)


def facility_photos(facility_id: int) -> QuerySet[FacilityPhoto]:
    return FacilityPhoto.objects.filter(facility_id=facility_id).order_by("order", "-pk")
