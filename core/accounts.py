"""Set-password links, shared by the officer invitation and the e-mail sender.

The link is a secret that lets whoever holds it take over the account, so it is never stored:
an e-mail that carries one is saved with ``SET_PASSWORD_PLACEHOLDER`` in its body (what staff
see in the admin), and the sender puts a fresh link in at the moment it sends.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

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
