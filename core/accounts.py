"""Set-password links, shared by the officer invitation and the e-mail sender.

The link is a secret that lets whoever holds it take over the account, so it is never stored:
an e-mail that carries one is saved with ``SET_PASSWORD_PLACEHOLDER`` in its body (what staff
see in the admin), and the sender puts a fresh link in at the moment it sends.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

SET_PASSWORD_PLACEHOLDER = "[set-password link, added when the e-mail is sent]"  # noqa: S105 (not a secret)


def set_password_url(user) -> str:
    """An absolute link to choose a password: Django's password-reset link, valid for
    PASSWORD_RESET_TIMEOUT and dead as soon as the password is set."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.SITE_URL}{path}"


class AccountTaken(Exception):
    """An account with this username or e-mail address exists: invitations never take one over."""

    def __init__(self, email: str):
        self.message = _("An account with the e-mail address %(email)s already exists.") % {"email": email}
        super().__init__(self.message)


def account_open(*, email: str, first_name: str, last_name: str, is_staff: bool = False, username: str = ""):
    """A new, active account without a usable password (it cannot log in until its owner chooses
    one through the set-password link), for the officer, facility and staff invitations alike.
    ``username`` defaults to the e-mail address. Raises ``AccountTaken`` for an existing
    username or address, also when two invitations race (the unique username decides)."""
    User = get_user_model()
    username = (username or email).strip()
    if User.objects.filter(Q(email__iexact=email) | Q(username__iexact=username)).exists():
        raise AccountTaken(email if username == email else username)
    user = User(
        username=username,
        email=email,
        first_name=(first_name or "").strip()[:150],
        last_name=(last_name or "").strip()[:150],
        is_active=True,
        is_staff=is_staff,
        is_superuser=False,
    )
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:
        raise AccountTaken(email) from exc
    return user


def invitation_values(user, login_path: str) -> dict:
    """What every invitation says of the account: name, username, the set-password link (put in
    at send time, see SET_PASSWORD_PLACEHOLDER), where to log in, how long the link works."""
    return {
        "name": user.get_full_name() or user.username,
        "username": user.username,
        "url": SET_PASSWORD_PLACEHOLDER,
        "login": f"{settings.SITE_URL}{login_path}",
        "days": max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1),
    }


def in_both_languages(render: Callable[[], str]) -> str:
    """``render()`` in Indonesian, then in English for foreign readers (once only while both
    read the same)."""
    parts: list[str] = []
    for language in ("id", "en"):
        with translation.override(language):
            text = render()
        if text not in parts:
            parts.append(text)
    return "\n\n---\n\n".join(parts)
