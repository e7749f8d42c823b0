"""The BASTs of the demo's deliveries, in the three states of their public page: the wheelchairs
and the phone-repair tools only reported (Taruna Jaya 1's account still has to confirm them),
the washing machines confirmed by PSTW Budi Mulia 2 through its own demo account
(``panti.budimulia2``), the others verified by Dinsos. Deliveries recorded before BASTs existed get theirs in the order
they were reported. Everything goes through ``matching``'s services; loading twice changes nothing."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from demo.data import FACILITY_PASSWORD
from facilities.models import Facility, FacilityMember, MemberRole
from matching import receipts
from matching.bast import bast_allocate
from matching.models import DeliveryReceipt, DeliveryReport, DeliveryStatus, ReceiptCondition

CONFIRMING_FACILITY = "pstw-budi-mulia-2"
CONFIRMED_NEED = "Mesin cuci kapasitas besar"
ACCOUNT = "panti.budimulia2"


def _facility_account() -> FacilityMember | None:
    """The demo account of PSTW Budi Mulia 2, as an invitation would open it."""
    facility = Facility.objects.filter(slug=CONFIRMING_FACILITY).first()
    if facility is None:
        return None
    user, _ = get_user_model().objects.get_or_create(
        username=ACCOUNT,
        defaults={"first_name": "Rahmat", "last_name": "Hidayat", "email": "rahmat.hidayat@pstw-bm2.example.org"},
    )
    # Only when it differs: the hash is salted, so setting it each run would rewrite it.
    if not user.check_password(FACILITY_PASSWORD):
        user.set_password(FACILITY_PASSWORD)
        user.save(update_fields=["password"])
    member, _ = FacilityMember.objects.get_or_create(
        user=user, defaults={"facility": facility, "role": MemberRole.HEAD, "job_title": "Kepala Panti"}
    )
    return member


def load_bast() -> None:
    for report in (
        DeliveryReport.objects.filter(bast__isnull=True)
        .select_related("pledge__need__facility")
        .order_by("reported_at", "pk")
    ):
        with transaction.atomic():
            bast_allocate(report=report, issued_on=timezone.localdate(report.reported_at))
    report = (
        DeliveryReport.objects.filter(
            pledge__need__facility__slug=CONFIRMING_FACILITY,
            pledge__need__title=CONFIRMED_NEED,
            status=DeliveryStatus.SUBMITTED,
        )
        .order_by("pk")
        .first()
    )
    member = _facility_account()
    if report is None or member is None or DeliveryReceipt.objects.filter(report=report).exists():
        return
    receipts.delivery_receipt_confirm(
        report=report,
        actor=member.user,
        quantity_received=report.quantity,
        received_on=report.delivered_on,
        condition=ReceiptCondition.GOOD,
        note="Empat mesin cuci terpasang dan berfungsi; BAST ditandatangani kepala panti.",
    )
