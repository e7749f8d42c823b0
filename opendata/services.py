"""Issuing and revoking API tokens: the only way they change."""

import secrets

from django.db import transaction
from django.utils import timezone

from agencies.models import Agency
from opendata.models import ApiToken, secret_hash


@transaction.atomic
def api_token_issue(*, agency: Agency, name: str, actor) -> tuple[ApiToken, str]:
    """A new token and its secret, which is never stored and so can be shown only now."""
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        agency=agency, name=name.strip(), prefix=secret[:8], secret_hash=secret_hash(secret), created_by=actor
    )
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor) -> ApiToken:
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is None:
        locked.revoked_at, locked.revoked_by = timezone.now(), actor
        locked.save(update_fields=["revoked_at", "revoked_by"])
    return locked


def api_token_for_secret(secret: str) -> ApiToken | None:
    """The live token with this secret, its use recorded; None for a wrong or revoked one."""
    token = ApiToken.objects.select_related("agency").filter(secret_hash=secret_hash(secret), revoked_at=None).first()
    if token is not None:
        token.last_used_at = timezone.now()
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=token.last_used_at)
    return token
