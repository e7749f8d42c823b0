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
