"""The only way partner accounts and partner profiles change.

Dinsos staff invite and deactivate officers (from the admin); officers keep their company's
profile and their own contact details (from the partner portal). Every function is
keyword-only, takes the acting user as ``actor``, runs in one transaction and refuses what the
actor may not do with ``PartnerError``. Invitation e-mails are queued in the same transaction
and sent by the background worker after commit.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agencies.scope import staff_scope
from core.accounts import SET_PASSWORD_PLACEHOLDER, AccountTaken, account_open, in_both_languages, invitation_values
from core.roles import is_dinsos
from notifications.models import OutgoingEmail
from notifications.services import email_queue
from partners.errors import PartnerError
from partners.models import (
    Company,
    CompanyStatus,
    InterestStatus,
    Officer,
    OfficerRole,
    PartnerInterest,
    Partnership,
)
from partners.selectors import company_partnered

User = get_user_model()

# What a partner may change of its own company. Status, Forum TSLP membership, name, kind and
# Dinsos's internal notes stay with Dinsos.
PROFILE_FIELDS = ("business_scope", "csr_strategy", "address", "region", "website", "email", "phone", "nib", "npwp")
PROFILE_M2M_FIELDS = ("focus_fields", "preferred_regions")
CONTACT_USER_FIELDS = ("first_name", "last_name")
CONTACT_OFFICER_FIELDS = ("job_title", "phone")


# --- who is acting ---------------------------------------------------------------------------


def _require_staff(actor, permission: str) -> None:
    if not is_dinsos(actor):
        raise PartnerError(_("Only Dinsos staff can do this."))
    if not actor.has_perm(permission):
        raise PartnerError(_("Your account lacks the permission for this action."))


def _require_partnered(actor, company: Company) -> None:
    """Staff change a company's officers only where their agency works with it (partners.selectors)."""
    if not company_partnered(staff_scope(actor), company):
        raise PartnerError(
            _(
                "%(company)s works with other agencies. Record it as your agency's partner on its page "
                "before you change its officers."
            )
            % {"company": company.name}
        )


def _require_officer_of(actor, company_id: int) -> None:
    officer = getattr(actor, "officer", None) if actor is not None and actor.is_active else None
    if officer is None or officer.company_id != company_id:
        raise PartnerError(_("Only an officer of this company can change its profile."))


# --- invitations -----------------------------------------------------------------------------


def _invitation_text(officer: Officer, url: str) -> tuple[str, str]:
    """Subject and body, Indonesian first, then English for foreign partners."""
    values = {**invitation_values(officer.user, reverse("login")), "company": officer.company.name, "url": url}
    body = in_both_languages(
        lambda: (
            _(
                "Hello %(name)s,\n\n"
                "Dinas Sosial has opened an account for you on the CSR Portal, as a CSR officer of %(company)s. "
                "In the portal you see the needs of social-care facilities, pledge to them, answer proposals "
                "from Dinsos and report what your company delivered.\n\n"
                "Your username: %(username)s\n"
                "Choose your password with this link (it works once, for %(days)s days):\n%(url)s\n\n"
                "Afterwards, log in at %(login)s\n\n"
                "If you did not expect this e-mail, you can ignore it."
            )
            % values
        )
    )
    with translation.override("id"):
        subject = _("[CSR Portal] Your partner account for %(company)s") % values
    return subject[:250], body


def _queue_invitation(officer: Officer) -> OutgoingEmail:
    # The link itself is put in by the sender at send time, never stored (core.accounts).
    subject, body = _invitation_text(officer, SET_PASSWORD_PLACEHOLDER)
    return email_queue(to=officer.user.email, subject=subject, body=body, event="officer_invited", user=officer.user)


@transaction.atomic
def officer_invite(
    *,
    company: Company,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    actor,
    job_title: str = "",
    phone: str = "",
) -> Officer:
    """Open a partner account: a user without a password (it cannot log in yet) tied to the
    company, and an e-mail with a link to choose the password. The e-mail address is the
    username."""
    _require_staff(actor, "partners.add_officer")
    email = (email or "").strip().lower()
    if not email or "@" not in email:
        raise PartnerError(_("Please give the officer's e-mail address."))
    if role not in OfficerRole.values:
        raise PartnerError(_("Please choose a role."))
    company = Company.objects.select_for_update().get(pk=company.pk)
    _require_partnered(actor, company)
    if company.status == CompanyStatus.INACTIVE:
        raise PartnerError(_("This company is inactive: make it active again before inviting officers."))
    try:
        user = account_open(email=email, first_name=first_name, last_name=last_name)
    except AccountTaken as taken:
        raise PartnerError(taken.message) from taken
    officer = Officer(user=user, company=company, role=role, job_title=job_title[:120], phone=phone[:50])
    officer._history_user = actor
    officer._change_reason = "invited"
    officer.save()
    _queue_invitation(officer)
    return officer


@transaction.atomic
def officer_invite_resend(*, officer: Officer, actor) -> OutgoingEmail:
    """A new set-password link, for an officer whose invitation expired or who lost it."""
    _require_staff(actor, "partners.change_officer")
    officer = Officer.objects.select_related("user", "company").get(pk=officer.pk)
    _require_partnered(actor, officer.company)
    if not officer.user.is_active:
        raise PartnerError(_("%(officer)s is deactivated.") % {"officer": officer})
    if not officer.user.email:
        raise PartnerError(_("%(officer)s has no e-mail address.") % {"officer": officer})
    return _queue_invitation(officer)


@transaction.atomic
def officer_deactivate(*, officer: Officer, actor) -> Officer:
    """An officer who left the company: the account can no longer log in (open sessions end at
    the next request), and nothing of what it did is removed."""
    _require_staff(actor, "partners.change_officer")
    officer = Officer.objects.select_related("user", "company").get(pk=officer.pk)
    _require_partnered(actor, officer.company)
    user = User.objects.select_for_update().get(pk=officer.user_id)
    if not user.is_active:
        raise PartnerError(_("%(officer)s is already deactivated.") % {"officer": officer})
    user.is_active = False
    user.save(update_fields=["is_active"])
    officer.user = user
    # A history row of the officer records who deactivated the account, and when.
    officer._history_user = actor
    officer._change_reason = "deactivated"
    officer.save()
    return officer


# --- partnerships ----------------------------------------------------------------------------


def partnership_ensure(*, agency, company: Company, actor=None) -> Partnership:
    """The agency's partnership row with the company, made if there is none: when the agency
    registers the company or one of its programs. The row's history records ``actor``."""
    partnership = Partnership.objects.filter(agency=agency, company=company).first()
    if partnership is None:
        partnership = Partnership(agency=agency, company=company)
        partnership._history_user = actor
        partnership.save()
    return partnership


@transaction.atomic
def partnership_start(*, company: Company, actor) -> Partnership:
    """Staff record that their agency works with a company of the shared registry (registered
    by another agency): from then on they keep its profile and officers too. Viewers cannot."""
    _require_staff(actor, "partners.change_company")
    scope = staff_scope(actor)
    if scope.agency is None or scope.read_only:
        raise PartnerError(_("Only staff of an agency can record a partnership."))
    return partnership_ensure(agency=scope.agency, company=company, actor=actor)


# --- the partner's own profile ---------------------------------------------------------------


@transaction.atomic
def company_profile_update(*, company: Company, data: dict, actor) -> Company:
    """Change the fields of the company's profile that a partner may edit; any other key in
    ``data`` is a programming error."""
    unknown = set(data) - set(PROFILE_FIELDS) - set(PROFILE_M2M_FIELDS)
    if unknown:
        raise ValueError(f"not editable by a partner: {', '.join(sorted(unknown))}")
    _require_officer_of(actor, company.pk)
    locked = Company.objects.select_for_update().get(pk=company.pk)
    changed = []
    for name in PROFILE_FIELDS:
        if name in data and getattr(locked, name) != data[name]:
            setattr(locked, name, data[name])
            changed.append(name)
    if changed:
        locked._history_user = actor
        locked.save(update_fields=[*changed, "updated_at"])
    for name in PROFILE_M2M_FIELDS:
        if name in data:
            getattr(locked, name).set(data[name])
    return locked


@transaction.atomic
def officer_contact_update(*, officer: Officer, data: dict, actor) -> Officer:
    """An officer changes their own name, job title and phone. The e-mail address, which is also
    the login and where password links go, changes only through Dinsos."""
    unknown = set(data) - set(CONTACT_USER_FIELDS) - set(CONTACT_OFFICER_FIELDS)
    if unknown:
        raise ValueError(f"not editable by an officer: {', '.join(sorted(unknown))}")
    if actor is None or not actor.is_active or actor.pk != officer.user_id:
        raise PartnerError(_("Officers change only their own contact details."))
    officer = Officer.objects.select_for_update().select_related("user").get(pk=officer.pk)
    user = officer.user
    user_changed = [name for name in CONTACT_USER_FIELDS if name in data and getattr(user, name) != data[name]]
    for name in user_changed:
        setattr(user, name, data[name])
    if user_changed:
        user.save(update_fields=user_changed)
    officer_changed = [name for name in CONTACT_OFFICER_FIELDS if name in data and getattr(officer, name) != data[name]]
    for name in officer_changed:
        setattr(officer, name, data[name])
    if officer_changed:
        officer._history_user = actor
        officer.save(update_fields=officer_changed)
    return officer


@transaction.atomic
def partner_interest_submit(
    *, need: Model | None, name: str, organisation: str, email: str, phone: str, message: str
) -> PartnerInterest:
    """Record a would-be partner's request from the public site; Dinsos staff find it in the
    admin as "new"."""
    return PartnerInterest.objects.create(
        need=need,
        name=name,
        organisation=organisation,
        email=email,
        phone=phone,
        message=message,
        status=InterestStatus.NEW,
    )
