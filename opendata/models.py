import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def secret_hash(secret: str) -> str:
    """SHA-256 of a token's secret: the secret is 32 random bytes, so a fast hash is enough, and
    it lets a request find its token by an indexed lookup."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    """A key with which one agency's partner system reads that agency's data through the API.
    Staff issue it (the secret is shown once) and revoke it; only its hash is stored."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("Which system uses it, e.g. SIKS-NG Bappeda."))
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | models.Q(revoked_by__isnull=False),
                name="api_token_revoked_by_someone",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
