"""What a staff account may see and change: the one answer used by the admin, the reports
dashboard, the imports and the workflow's notices.

``staff_scope(user)`` is read once per request (one query, cached on the user object) and gives
a ``Scope``: the area the account works in (``None`` for the whole country), its agency and
role. ``scope.q(path)`` is the condition "the region at ``path`` lies in my area", built with
``regions.models.in_area``, so scoping a changelist adds a WHERE clause, never a query per row.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q
from django.db.models.functions import Length

from agencies.models import Agency, AgencyLevel, AgencyStaff, StaffRole
from regions.models import in_area

_CACHE_ATTRIBUTE = "_staff_scope"


@dataclass(frozen=True)
class Scope:
    agency: Agency | None
    role: str | None
    #: Kemendagri code of the area; None for the whole country.
    area: str | None
    #: False for an account that belongs to no agency: it sees nothing.
    any: bool = True
    superuser: bool = False

    @property
    def everything(self) -> bool:
        return self.any and self.area is None

    @property
    def read_only(self) -> bool:
        return not self.superuser and self.role not in (StaffRole.ADMIN, StaffRole.STAFF)

    @property
    def manages_staff(self) -> bool:
        return self.superuser or (self.role == StaffRole.ADMIN and self.agency is not None)

    def q(self, path: str) -> Q:
        """Rows whose region at ``path`` lies in the area."""
        if not self.any:
            return Q(pk__in=[])
        if self.area is None:
            return Q()
        return in_area(self.area, path)

    def covers(self, code: str | None) -> bool:
        """Whether the region ``code`` lies in the area."""
        if not self.any:
            return False
        if self.area is None:
            return True
        return bool(code) and (code == self.area or code.startswith(f"{self.area}."))

    @property
    def label(self) -> str:
        if self.agency is not None:
            return self.agency.name
        return ""


NOTHING = Scope(agency=None, role=None, area=None, any=False)


def staff_scope(user: AbstractBaseUser | None) -> Scope:
    """The scope of a signed-in staff account (see the module docstring)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    try:
        # Loaded with the user by agencies.backends; a query only for a user loaded otherwise.
        membership = user.agency_staff
    except AgencyStaff.DoesNotExist:
        membership = None
    if user.is_superuser:
        scope = Scope(agency=membership.agency if membership else None, role=StaffRole.ADMIN, area=None, superuser=True)
    elif membership is None:
        scope = NOTHING
    else:
        agency = membership.agency
        area = membership.region_id or (None if agency.level == AgencyLevel.NATIONAL else agency.region_id)
        scope = Scope(agency=agency, role=membership.role, area=area)
    setattr(user, _CACHE_ATTRIBUTE, scope)
    return scope


def ancestor_codes(code: str) -> list[str]:
    """``31.75.01`` → ``["31", "31.75", "31.75.01"]``."""
    parts = code.split(".")
    return [".".join(parts[: index + 1]) for index in range(len(parts))]


def agency_for_region(code: str | None) -> Agency | None:
    """The agency that decides for a place: the most local agency whose area holds it."""
    if not code:
        return None
    return Agency.objects.filter(region_id__in=ancestor_codes(code)).order_by(Length("region_id").desc(), "pk").first()


def deciding_staff(agency: Agency | None):
    """The accounts that receive the workflow notices of a place: the administrators and staff
    of its agency (viewers follow, they do not decide); where no agency covers the place, those
    of the national agencies, who see everything."""
    users = get_user_model().objects.filter(
        is_active=True, is_staff=True, agency_staff__role__in=[StaffRole.ADMIN, StaffRole.STAFF]
    )
    if agency is None:
        return users.filter(agency_staff__agency__level=AgencyLevel.NATIONAL)
    return users.filter(agency_staff__agency=agency)
