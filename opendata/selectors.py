"""What the open datasets read: only what the public pages already show.

Needs: the public needs (``Need.objects.public()``: public, open or fulfilled, at a published
facility). Facilities: the published ones. Programs: verified realisation reports of registered
programs, per kecamatan or village, never those registered with an agency hidden from the public
site (as the public Forum TSLP report). No contacts, officers or residents: counts only.
"""

from django.db.models import F, Prefetch, QuerySet

from facilities.models import Facility, Need
from programs.models import REGISTERED_STATES, Program, Realisation, RealisationShare, RealisationStatus
from regions.models import in_area


def needs(*, region: str = "") -> QuerySet[Need]:
    return Need.objects.public().filter(in_area(region, "facility__region")).order_by("pk")


def facilities(*, region: str = "") -> QuerySet[Facility]:
    return Facility.objects.published().filter(in_area(region, "region")).order_by("pk")


def realisation_shares(*, region: str = "", year: int | None = None) -> QuerySet[RealisationShare]:
    shares = (
        RealisationShare.objects.filter(
            realisation__status=RealisationStatus.VERIFIED,
            realisation__program__status__in=REGISTERED_STATES,
        )
        .exclude(realisation__program__agency__is_public=False)
        .filter(in_area(region, "region"))
    )
    if year is not None:
        shares = shares.filter(realisation__year=year)
    return shares.order_by(F("realisation__year"), F("realisation__quarter"), "realisation__program_id", "region_id")


def iati_programs() -> QuerySet[Program]:
    """Programs funded by an international donor (a donor IATI reference) that the public may see:
    registered, with an agency listed on the public site that has its IATI identifier; with their
    verified realisation reports, which become the activity's expenditure transactions."""
    verified = Prefetch(
        "realisations",
        queryset=Realisation.objects.filter(status=RealisationStatus.VERIFIED).order_by("year", "quarter"),
        to_attr="verified_realisations",
    )
    return (
        Program.objects.filter(status__in=REGISTERED_STATES, agency__is_public=True)
        .exclude(donor_iati_ref="")
        .exclude(agency__iati_identifier="")
        .select_related("agency", "company")
        .prefetch_related(verified, "target_regions")
        .order_by("pk")
    )


def agency_realisations(agency, *, year: int | None, offset: int, limit: int) -> list[dict]:
    """The realisation reports (submitted, verified and returned) of the programs ``agency``
    registered, newest period first, each with its rupiah and households per kecamatan or
    village: for the agency's own systems through a token, never the public. Two queries."""
    reports = Realisation.objects.filter(program__agency=agency)
    if year is not None:
        reports = reports.filter(year=year)
    shares = Prefetch(
        "shares", queryset=RealisationShare.objects.select_related("region").order_by("region_id"), to_attr="by_region"
    )
    page = (
        reports.select_related("program__company")
        .prefetch_related(shares)
        .order_by("-year", "-quarter", "program_id", "pk")[offset : offset + limit]
    )
    return [
        {
            "id": report.pk,
            "program_id": report.program_id,
            "program": report.program.title,
            "company": report.program.company.name,
            "year": report.year,
            "quarter": report.quarter,
            "status": report.status,
            "amount": report.amount,
            "households": report.households,
            "persons": report.persons,
            "submitted_at": report.submitted_at,
            "verified_at": report.verified_at,
            "regions": [
                {
                    "code": share.region_id,
                    "name": share.region.name,
                    "amount": share.amount,
                    "households": share.households,
                }
                for share in report.by_region
            ],
        }
        for report in page
    ]


def program_tags(program_ids: QuerySet) -> dict[int, tuple[list[int], list[str]]]:
    """Per program among ``program_ids`` (a query of ids): its SDG goal numbers and TJSL pillar
    codes, in order. One query (a program's goals times its pillars: a few rows each)."""
    rows = (
        Program.objects.filter(pk__in=program_ids)
        .values_list("pk", "sdg_goals", "tjsl_pillars__code")
        .order_by("pk", "sdg_goals", "tjsl_pillars__order")
    )
    tags: dict[int, tuple[list[int], list[str]]] = {}
    for pk, goal, pillar in rows:
        goals, pillars = tags.setdefault(pk, ([], []))
        if goal is not None and goal not in goals:
            goals.append(goal)
        if pillar is not None and pillar not in pillars:
            pillars.append(pillar)
    return tags
