"""Who may read what is private, one question per kind of account: the answers behind every
private file download (``core.downloads``) and the screens that show such files.

* Staff: an active Dinsos account with the view permission whose area (``agencies.scope``)
  holds the thing: staff of another agency, a viewer narrowed to another kecamatan, or an
  account of no agency get nothing.
* Officers: an officer of the owning company.
* Facility accounts: an account of the facility concerned.
"""

from __future__ import annotations

from collections.abc import Iterable

from agencies.models import Agency
from agencies.scope import staff_scope
from core.roles import facility_id_of, is_dinsos, officer_company_id


def staff_may_read(user, permission: str, region_codes: Iterable[str | None]) -> bool:
    """Staff with ``permission`` whose area holds at least one of ``region_codes`` (the thing's
    region: a facility's, a program's targets or registering agency's)."""
    if not is_dinsos(user) or not user.has_perm(permission):
        return False
    scope = staff_scope(user)
    if scope.everything:
        return True
    return any(scope.covers(code) for code in region_codes if code)


def covers_agency(user, agency: Agency) -> bool:
    """Whether a staff account works for ``agency``: its own agency (a camat narrowed to a
    kecamatan included), or an agency whose region lies in its area (national staff and
    superusers: every agency)."""
    scope = staff_scope(user)
    if not scope.any:
        return False
    if scope.everything or (scope.agency is not None and scope.agency.pk == agency.pk):
        return True
    return bool(agency.region_id) and scope.covers(agency.region_id)


def officer_may_read(user, company_id: int | None) -> bool:
    """An officer of the company ``company_id``."""
    return company_id is not None and _active(user) and officer_company_id(user) == company_id


def facility_may_read(user, facility_id: int | None) -> bool:
    """An account of the facility ``facility_id``."""
    return facility_id is not None and _active(user) and facility_id_of(user) == facility_id


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active
