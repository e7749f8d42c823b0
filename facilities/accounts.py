"""The only way facility accounts open and close.

Dinsos staff invite the head or staff of a panti or LKS from the facility's admin page, as they
invite CSR officers (partners.services): a new account without a password (it cannot log in
yet), tied to the facility, and an e-mail through the outbox with a link to choose the
password (the link is made at send time, never stored: core.accounts). An address that already
has an account is refused, whoever holds it: a staff, superuser or officer account never
becomes a facility's. Staff act only for facilities in their agency's area.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agencies.scope import staff_scope
from core.accounts import AccountTaken, account_open, in_both_languages, invitation_values
from core.roles import is_dinsos
from facilities.models import Facility, FacilityMember, MemberRole
from facilities.services import NeedError
from notifications.models import OutgoingEmail
from notifications.services import email_queue

User = get_user_model()


def _require_staff(actor, permission: str, facility: Facility) -> None:
    if not is_dinsos(actor):
        raise NeedError(_("Only Dinsos staff can do this."))
    if not actor.has_perm(permission):
        raise NeedError(_("Your account lacks the permission for this action."))
    scope = staff_scope(actor)
    if scope.read_only or not scope.covers(facility.region_id):
        raise NeedError(_("This facility belongs to another agency's area."))


def _invitation_text(member: FacilityMember) -> tuple[str, str]:
    values = {**invitation_values(member.user, reverse("login")), "facility": member.facility.name}
    body = in_both_languages(
        lambda: (
            _(
                "Hello %(name)s,\n\n"
                "Dinas Sosial has opened an account for you on the CSR Portal, for %(facility)s. "
                "There you see your facility's needs and how far partners have covered them, propose "
                "new needs or changes to Dinsos, and confirm (or dispute) what companies report they "
                "delivered to you.\n\n"
                "Your username: %(username)s\n"
                "Choose your password with this link (it works once, for %(days)s days):\n%(url)s\n\n"
                "Afterwards, log in at %(login)s\n\n"
                "If you did not expect this e-mail, you can ignore it."
            )
            % values
        )
    )
    with translation.override("id"):
        subject = _("[CSR Portal] Your facility account for %(facility)s") % values
    return subject[:250], body


def _queue_invitation(member: FacilityMember) -> OutgoingEmail:
    subject, body = _invitation_text(member)
    return email_queue(
        to=member.user.email, subject=subject, body=body, event="facility_member_invited", user=member.user
    )


@transaction.atomic
def member_invite(
    *,
    facility: Facility,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    actor,
    job_title: str = "",
    phone: str = "",
) -> FacilityMember:
    """Open a facility account; the e-mail address is the username."""
    facility = Facility.objects.select_for_update().get(pk=facility.pk)
    _require_staff(actor, "facilities.add_facilitymember", facility)
    email = (email or "").strip().lower()
    if not email or "@" not in email:
        raise NeedError(_("Please give the e-mail address of the facility's account."))
    if role not in MemberRole.values:
        raise NeedError(_("Please choose a role."))
    try:
        user = account_open(email=email, first_name=first_name, last_name=last_name)
    except AccountTaken as taken:
        raise NeedError(taken.message) from taken
    member = FacilityMember(
        user=user, facility=facility, role=role, job_title=(job_title or "")[:120], phone=(phone or "")[:50]
    )
    member._history_user = actor
    member._change_reason = "invited"
    member.save()
    _queue_invitation(member)
    return member


@transaction.atomic
def member_invite_resend(*, member: FacilityMember, actor) -> OutgoingEmail:
    """A new set-password link, for an account whose invitation expired or was lost."""
    member = FacilityMember.objects.select_related("user", "facility").get(pk=member.pk)
    _require_staff(actor, "facilities.change_facilitymember", member.facility)
    if not member.user.is_active:
        raise NeedError(_("%(member)s is deactivated.") % {"member": member})
    return _queue_invitation(member)


@transaction.atomic
def member_deactivate(*, member: FacilityMember, actor) -> FacilityMember:
    """Someone who left the facility: the account can no longer log in; what it did stays."""
    member = FacilityMember.objects.select_related("user", "facility").get(pk=member.pk)
    _require_staff(actor, "facilities.change_facilitymember", member.facility)
    user = User.objects.select_for_update().get(pk=member.user_id)
    if not user.is_active:
        raise NeedError(_("%(member)s is already deactivated.") % {"member": member})
    user.is_active = False
    user.save(update_fields=["is_active"])
    member.user = user
    member._history_user = actor
    member._change_reason = "deactivated"
    member.save()
    return member
