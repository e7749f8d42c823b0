"""A snapshot of everything a facility-portal request could change."""

from facilities.models import FacilityMember, FacilityPhoto, NeedProposal
from matching.models import DeliveryReceipt
from tests.portal.helpers import snapshot as partner_snapshot


def snapshot() -> dict:
    return {
        **partner_snapshot(),
        "members": list(FacilityMember.objects.order_by("pk").values()),
        "proposals": list(NeedProposal.objects.order_by("pk").values()),
        "receipts": list(DeliveryReceipt.objects.order_by("pk").values()),
        "receipt_history": list(DeliveryReceipt.history.order_by("pk").values()),
        "photos": list(FacilityPhoto.objects.order_by("pk").values()),
    }
