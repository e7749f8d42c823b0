"""Which companies an agency works with: the rule behind who may change a company of the
shared registry (docs/decisions.md, "The shared company registry").

A company is shared: every agency's staff find it, and the public sees it. Its profile, its
officers and their invitations are changed only by a superuser, staff of a national agency, or
staff of an agency **partnered** with the company:

* the agency keeps a partnership row with it (``Partnership``: a forum member, a company the
  agency registered or whose program it registered, or one it recorded as its partner), or
* the company has a pledge on a need of a facility in the agency's area.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from agencies.models import Agency
from agencies.scope import Scope
from partners.models import Company, Partnership
from regions.models import in_area


def partnered_q(scope: Scope) -> Q:
    """The companies the account's agency is partnered with (every company for national staff
    and superusers, none for an account of no agency): two conditions, no query per row."""
    if scope.everything:
        return Q()
    if not scope.any or scope.agency is None:
        return Q(pk__in=[])
    return agency_partnered_q(scope.agency)


def agency_partnered_q(agency: Agency) -> Q:
    """The companies ``agency`` is partnered with (every company for a national agency)."""
    if not agency.area_code:
        return Q()
    partnerships = Partnership.objects.filter(company=OuterRef("pk"), agency=agency)
    # ``pledges`` is the reverse relation of matching.Pledge (a layer above): named in the query,
    # never imported.
    pledged = Company.objects.filter(in_area(agency.area_code, "pledges__need__facility__region"))
    return Q(Exists(partnerships)) | Q(pk__in=pledged.values("pk"))


def company_partnered(scope: Scope, company: Company | int) -> bool:
    pk = company if isinstance(company, int) else company.pk
    return scope.everything or Company.objects.filter(partnered_q(scope), pk=pk).exists()
