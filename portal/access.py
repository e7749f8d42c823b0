"""Who may use the partner portal, and the one way its views reach a pledge.

Every partner view is wrapped in ``officer_required`` and fetches company data only through
the helpers below, which filter by the officer's company. A pledge of another company is a
404, exactly like a pledge that does not exist, so ids reveal nothing.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from circulars.models import CircularRecipient
from circulars.selectors import company_circulars
from matching.models import DeliveryReport, Pledge
from partners.models import Officer
from portal import selectors
from programs import realisation_selectors
from programs.models import Program, Realisation

# Ids beyond a 64-bit integer cannot exist; refusing them early spares the database the question.
MAX_ID = 2**63 - 1


def officer_for_user(user) -> Officer | None:
    """The active user's officer record, with its company, in one query; None otherwise.

    The record is also cached on the user, so the workflow services that look up
    ``user.officer`` cost no further query."""
    if not user.is_authenticated or not user.is_active:
        return None
    officer = Officer.objects.select_related("company").filter(user_id=user.pk).first()
    if officer is not None:
        user.officer = officer
    return officer


def officer_required(view):
    """Anonymous visitors go to the login page; signed-in users who are not CSR officers (Dinsos
    staff, for instance) get a page that says where they belong, and nothing else."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        officer = officer_for_user(request.user)
        if officer is None:
            return render(request, "partners/not_an_officer.html", status=403)
        request.officer = officer
        return view(request, *args, **kwargs)

    return wrapper


def check_id(pk: int) -> int:
    if pk > MAX_ID:
        raise Http404
    return pk


def get_pledge_for_officer(officer: Officer, pk: int) -> Pledge:
    """One pledge of the officer's own company, with its need, facility and program; 404 for
    any other pledge."""
    return get_object_or_404(selectors.company_pledges(officer.company), pk=check_id(pk))


def get_delivery_for_officer(officer: Officer, pk: int) -> DeliveryReport:
    """One delivery report of the officer's own company; 404 for any other."""
    return get_object_or_404(
        DeliveryReport.objects.filter(pledge__company=officer.company).select_related("bast"), pk=check_id(pk)
    )


def get_program_for_officer(officer: Officer, pk: int) -> Program:
    """One program of the officer's own company; 404 for any other program."""
    return get_object_or_404(selectors.company_programs(officer.company), pk=check_id(pk))


def get_realisation_for_officer(officer: Officer, pk: int) -> Realisation:
    """One realisation report of the officer's own company's programs, with its program, split
    and evidence; 404 for any other report."""
    reports = Realisation.objects.filter(program__company_id=officer.company_id)
    return get_object_or_404(realisation_selectors.realisation_with_details(reports), pk=check_id(pk))


def get_circular_for_officer(officer: Officer, pk: int) -> CircularRecipient:
    """The document ``pk`` as sent to the officer's own company (its recipient row, with the
    document and its agency); 404 for a document not sent to it."""
    return get_object_or_404(company_circulars(officer.company), circular_id=check_id(pk))
