"""What the open datasets read: only what the public pages already show.

Needs: the public needs (``Need.objects.public()``: public, open or fulfilled, at a published
facility). Facilities: the published ones. Programs: registered programs. Realisation: verified
realisation reports of registered programs, per kecamatan or village. Never programs registered
with an agency hidden from the public site (as the public Forum TSLP report). No contacts,
officers or residents: counts only. The agency API reads the agency's own realisation reports.
"""

import datetime

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from facilities.models import Facility, Need
from programs.models import REGISTERED_STATES, Program, Realisation, RealisationShare, RealisationStatus
from regions.models import in_area


def needs(*, region: str = "") -> QuerySet[Need]:
    return Need.objects.public().filter(in_area(region, "facility__region")).order_by("pk")


def facilities(*, region: str = "") -> QuerySet[Facility]:
    return Facility.objects.published().filter(in_area(region, "region")).order_by("pk")


def programs(*, region: str = "", year: int | None = None) -> QuerySet[Program]:
    """Registered programs (planned, running, completed) of agencies listed on the public site,
    with a target region in ``region`` (or, without targets, registered by an agency there),
    running at some time in ``year`` when given."""
    found = Program.objects.filter(status__in=REGISTERED_STATES).exclude(agency__is_public=False)
    if region:
        targets = Program.target_regions.through.objects.filter(program=OuterRef("pk"))
        found = found.filter(
            Exists(targets.filter(in_area(region, "region"))) | (~Exists(targets) & in_area(region, "agency__region"))
        )
    if year is not None:
        found = found.filter(start_date__lte=datetime.date(year, 12, 31)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1))
        )
    return found.order_by("pk")


def program_links(programs: QuerySet[Program]) -> dict[int, tuple[list[str], list[str]]]:
    """Per program: its field codes and target region codes, in order. One query."""
    rows = (
        Program.objects.filter(pk__in=programs.values("pk"))
        .values_list("pk", "fields", "target_regions")
        .order_by("pk", "fields", "target_regions")
    )
    links: dict[int, tuple[list[str], list[str]]] = {}
    for pk, field_code, region_code in rows:
        fields, targets = links.setdefault(pk, ([], []))
        if field_code and field_code not in fields:
            fields.append(field_code)
        if region_code and region_code not in targets:
            targets.append(region_code)
    return links


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
        .prefetch_related(verified, "target_regions", "sdg_goals", "sdg_targets")
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
