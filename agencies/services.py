"""The only way agency staff accounts are opened and changed.

An agency administrator manages the accounts of their own agency; superusers manage all.
Nobody here can make an account a superuser, move it to another agency, or give a role above
what the actor may give; CSR officers' accounts can never become staff accounts. Every function
is keyword-only with ``actor``, runs in one transaction and refuses with ``AgencyError``.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agencies.models import Agency, AgencyStaff, StaffRole
from agencies.scope import staff_scope
from core.accounts import AccountTaken, account_open, in_both_languages, invitation_values
from core.roles import DINSOS_STAFF_GROUP, DINSOS_VIEWER_GROUP, ensure_staff_group
from notifications.models import OutgoingEmail
from notifications.services import email_queue

User = get_user_model()


class AgencyError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _require_manager(actor, agency: Agency) -> None:
    scope = staff_scope(actor)
    if scope.superuser:
        return
    if not scope.manages_staff or scope.agency is None or scope.agency.pk != agency.pk:
        raise AgencyError(_("Only an administrator of %(agency)s can manage its staff accounts.") % {"agency": agency})


def _check_region(agency: Agency, region) -> None:
    if region is None or not agency.region_id:
        return
    if not (region.pk == agency.region_id or region.pk.startswith(f"{agency.region_id}.")):
        raise AgencyError(_("The narrower area must lie inside %(agency)s's area.") % {"agency": agency})


def _sync_groups(user, role: str) -> None:
    ensure_staff_group()
    staff, viewers = Group.objects.get(name=DINSOS_STAFF_GROUP), Group.objects.get(name=DINSOS_VIEWER_GROUP)
    user.groups.remove(staff, viewers)
    user.groups.add(viewers if role == StaffRole.VIEWER else staff)


def _invitation(membership: AgencyStaff) -> OutgoingEmail:
    user, agency = membership.user, membership.agency
    values = {**invitation_values(user, reverse("admin:login")), "agency": agency.name}
    body = in_both_languages(
        lambda: (
            _(
                "Hello %(name)s,\n\n"
                "%(agency)s has opened a staff account for you on the CSR Portal (%(role)s).\n\n"
                "Your username: %(username)s\n"
                "Choose your password with this link (it works once, for %(days)s days):\n%(url)s\n\n"
                "Afterwards, log in at %(login)s\n\n"
                "If you did not expect this e-mail, you can ignore it."
            )
            % {**values, "role": StaffRole(membership.role).label}
        )
    )
    with translation.override("id"):
        subject = _("[CSR Portal] Your staff account at %(agency)s") % values
    return email_queue(to=user.email, subject=subject, body=body, event="staff_invited", user=user)


@transaction.atomic
def staff_invite(
    *,
    agency: Agency,
    email: str,
    first_name: str,
    last_name: str = "",
    role: str,
    actor,
    region=None,
    organisation: str = "",
    username: str = "",
) -> AgencyStaff:
    """Open a staff account of ``agency``: a new user without a password and an e-mail with a
    link to choose it. Existing accounts are never taken over."""
    _require_manager(actor, agency)
    if role not in StaffRole.values:
        raise AgencyError(_("Please choose a role."))
    _check_region(agency, region)
    email = (email or "").strip().lower()
    if "@" not in email:
        raise AgencyError(_("Please give the e-mail address of the account."))
    try:
        user = account_open(email=email, first_name=first_name, last_name=last_name, is_staff=True, username=username)
    except AccountTaken as taken:
        raise AgencyError(taken.message) from taken
    membership = AgencyStaff(user=user, agency=agency, role=role, region=region, organisation=organisation[:200])
    membership._history_user = actor
    membership.save()
    _sync_groups(user, role)
    _invitation(membership)
    return membership


@transaction.atomic
def staff_update(*, membership: AgencyStaff, actor, role: str, region=None, organisation: str = "") -> AgencyStaff:
    """Change the role or narrower area of an account of the actor's agency. The agency itself
    never changes here."""
    membership = AgencyStaff.objects.select_for_update().select_related("agency", "user").get(pk=membership.pk)
    _require_manager(actor, membership.agency)
    if membership.user.is_superuser and not staff_scope(actor).superuser:
        raise AgencyError(_("Only a superuser can change a superuser's account."))
    if role not in StaffRole.values:
        raise AgencyError(_("Please choose a role."))
    _check_region(membership.agency, region)
    membership.role, membership.region, membership.organisation = role, region, organisation[:200]
    membership._history_user = actor
    membership.save()
    _sync_groups(membership.user, role)
    return membership


@transaction.atomic
def staff_deactivate(*, membership: AgencyStaff, actor) -> AgencyStaff:
    """The person left: the account can no longer log in; what it did stays recorded."""
    membership = AgencyStaff.objects.select_related("agency", "user").get(pk=membership.pk)
    _require_manager(actor, membership.agency)
    if membership.user_id == getattr(actor, "pk", None):
        raise AgencyError(_("You cannot deactivate your own account."))
    if membership.user.is_superuser and not staff_scope(actor).superuser:
        raise AgencyError(_("Only a superuser can change a superuser's account."))
    User.objects.filter(pk=membership.user_id).update(is_active=False)
    membership.user.is_active = False
    return membership


def staff_assign(*, user, agency: Agency, role: str, actor=None, region=None, organisation: str = "") -> AgencyStaff:
    """Tie an existing staff account to an agency (the demo loader, ``manage.py`` for the first
    accounts of a new agency). For system use: ``actor`` None or a superuser."""
    if actor is not None and not staff_scope(actor).superuser:
        raise AgencyError(_("Only a superuser can assign an existing account to an agency."))
    if hasattr(user, "officer"):
        raise AgencyError(_("A CSR officer's account cannot become a staff account."))
    _check_region(agency, region)
    values = {"agency": agency, "role": role, "region": region, "organisation": organisation}
    membership = AgencyStaff.objects.filter(user=user).first() or AgencyStaff(user=user)
    if membership.pk is None or any(getattr(membership, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(membership, name, value)
        membership.save()
    if not user.is_staff:
        User.objects.filter(pk=user.pk).update(is_staff=True)
    _sync_groups(user, role)
    return membership
