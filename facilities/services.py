"""Writes coming from the public site."""

from django.db import transaction

from facilities.models import Need
from partners.models import InterestStatus, PartnerInterest


@transaction.atomic
def partner_interest_submit(
    *, need: Need | None, name: str, organisation: str, email: str, phone: str, message: str
) -> PartnerInterest:
    """Record a would-be partner's request; Dinsos staff find it in the admin as "new"."""
    return PartnerInterest.objects.create(
        need=need,
        name=name,
        organisation=organisation,
        email=email,
        phone=phone,
        message=message,
        status=InterestStatus.NEW,
    )
