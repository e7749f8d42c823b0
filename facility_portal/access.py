"""Who may use the facility portal, and the one way its views reach a need or a delivery.

Every facility view is wrapped in ``facility_member_required`` and fetches data only through
the getters below, which filter by the member's own facility. Another facility's need or
delivery is a 404, exactly like one that does not exist, so ids reveal nothing.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from facilities.models import FacilityMember, Need
from facility_portal import selectors
from matching.models import DeliveryReport

# Ids beyond a 64-bit integer cannot exist; refusing them early spares the database the question.
MAX_ID = 2**63 - 1


def member_for_user(user) -> FacilityMember | None:
    """The active user's facility account, with its facility, in one query; None otherwise.
    Cached on the user, so the services that read ``user.facility_member`` ask nothing more."""
    if not user.is_authenticated or not user.is_active:
        return None
    member = FacilityMember.objects.select_related("facility").filter(user_id=user.pk).first()
    if member is not None:
        user.facility_member = member
    return member


def facility_member_required(view):
    """Anonymous visitors go to the login page; signed-in users without a facility account
    (staff, officers) get a page that says where they belong, and nothing else."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        member = member_for_user(request.user)
        if member is None:
            return render(request, "facility_portal/not_a_member.html", status=403)
        request.member = member
        return view(request, *args, **kwargs)

    return wrapper


def check_id(pk: int) -> int:
    if pk > MAX_ID:
        raise Http404
    return pk


def get_need_for_member(member: FacilityMember, pk: int) -> Need:
    """One need of the member's own facility; 404 for any other."""
    return get_object_or_404(selectors.facility_needs(member.facility_id), pk=check_id(pk))


def get_delivery_for_member(member: FacilityMember, pk: int) -> DeliveryReport:
    """One delivery report on a need of the member's own facility; 404 for any other."""
    return get_object_or_404(selectors.facility_deliveries(member.facility_id), pk=check_id(pk))
