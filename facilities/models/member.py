"""Facility accounts: the head and staff of a panti or LKS, each tied to one facility."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.roles import is_officer
from facilities.models.facility import Facility


class MemberRole(models.TextChoices):
    HEAD = "head", _("Head of the facility")
    STAFF = "staff", _("Facility staff")


class FacilityMember(models.Model):
    """A facility account: the head or a staff member of a panti or LKS, tied to exactly one
    facility. Facility accounts use the facility portal (``/facility/``) and never the admin;
    they are opened only by invitation (``facilities.accounts.member_invite``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="facility_member"
    )
    facility = models.ForeignKey(Facility, verbose_name=_("facility"), on_delete=models.PROTECT, related_name="members")
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.STAFF)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["facility__name", "user__username"]
        verbose_name = _("facility account")
        verbose_name_plural = _("facility accounts")

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} ({self.facility})"

    def save(self, *args, **kwargs) -> None:
        # Not only in forms: no path (admin, shell, import) ties a facility to the wrong account.
        self.check_account()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.check_account()

    def check_account(self) -> None:
        """The account is the one its invitation opened: a staff, superuser or CSR officer
        account never becomes a facility's, and a member never moves to another account."""
        if self.user_id is None:
            return
        if not self._state.adding:
            linked = FacilityMember.objects.filter(pk=self.pk).values_list("user_id", flat=True).first()
            if linked is not None and linked != self.user_id:
                raise ValidationError(
                    {"user": _("A facility account stays with the account it was invited with.")},
                    code="member_moved",
                )
            return
        user = self.user
        if user.is_staff or user.is_superuser or is_officer(user):
            raise ValidationError(
                {"user": _("A Dinsos staff, superuser or CSR officer account cannot become a facility account.")},
                code="member_other_account",
            )
