"""Datasets of figures added up per region: program realisation by SDG (TPB) goal, and the
regional figures per kecamatan (poor households beside all CSR planned and realised, and the
needs of its facilities). The same figures and the same definitions as the public reports
(docs/decisions.md, "Reports"): the public summary's counting, never a person."""

from typing import Any

from django.db.models import Count, F, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from facilities.models import Need, NeedStatus
from opendata import regions, selectors
from opendata.base import Column, Dataset, Links, region_columns
from programs.models import RealisationStatus
from regions.models import Region, RegionLevel, in_area
from regions.selectors import DISTRICT_CODE_LENGTH, latest_figures
from reports.selectors.periods import Period
from reports.selectors.programs import shares_counted
from reports.selectors.regional import figures_by_district

# --- realisation by SDG goal ------------------------------------------------------------------

SDG_GOAL = "realisation__program__sdg_goals"
SDG_GROUP = ("realisation__year", *regions.value_paths("region"), f"{SDG_GOAL}__number", f"{SDG_GOAL}__title")


def sdg_realisation(*, region: str = "", year: int | None = None) -> QuerySet:
    """The public verified realisation shares (as the realisation dataset) summed per year,
    exact region and SDG goal; a program with several goals counts in each, one with none in a
    row without a goal."""
    return (
        selectors.realisation_shares(region=region, year=year)
        .order_by()
        .values(*SDG_GROUP)
        .annotate(
            amount_sum=Sum("amount"),
            households_sum=Sum("households"),
            programs=Count("realisation__program_id", distinct=True),
        )
        # The row without a goal last in each region, on every database.
        .order_by("realisation__year", "region_id", F(f"{SDG_GOAL}__number").asc(nulls_last=True))
    )


def _sdg_row(values: dict[str, Any], links: Links, lookups: Any = None) -> dict[str, Any]:
    return {
        "year": values["realisation__year"],
        **regions.admin_levels(values, "region"),
        "region_code": values["region__code"],
        "sdg_goal": values[f"{SDG_GOAL}__number"],
        "sdg_goal_name": values[f"{SDG_GOAL}__title"] or "",
        "programs": values["programs"],
        "amount": values["amount_sum"],
        "households": values["households_sum"],
    }


SDG_REALISATION = Dataset(
    slug="realisation-by-sdg",
    title=_("Realisation of company CSR programs by SDG (TPB) goal"),
    description=_(
        "Rupiah realised and households reached by companies' CSR programs per year, kecamatan or village and "
        "SDG (TPB) goal, from realisation reports verified by Dinas Sosial. A program serving several goals "
        "counts in each of them, so the goals of one region add up to more than its realisation; programs "
        "without a goal have an empty goal."
    ),
    frequency=_("Quarterly or yearly, as the agency asks its Forum TSLP members to report"),
    periodicity="R/P3M",
    keywords=("CSR", "TJSL", "SDG", "TPB", "realisasi", "kecamatan"),
    queryset=sdg_realisation,
    value_fields=(*SDG_GROUP, "amount_sum", "households_sum", "programs"),
    row=_sdg_row,
    filters=("region", "year"),
    columns=[
        Column("year", "#date+year", _("Year reported on"), "integer"),
        *region_columns(),
        Column("sdg_goal", "#sector+sdg+code", _("SDG (TPB) goal number, 1 to 17 (empty: no goal)"), "integer"),
        Column("sdg_goal_name", "#sector+sdg+name", _("SDG (TPB) goal")),
        Column("programs", "#activity+num", _("Programs that realised rupiah there for this goal"), "integer"),
        Column("amount", "#value+idr", _("Rupiah realised in the region"), "integer"),
        Column("households", "#reached+households", _("Households reached in the region (a count)"), "integer"),
    ],
)


# --- regional figures per kecamatan -----------------------------------------------------------


def _districts(region: str, year: int | None) -> list[tuple]:
    """Every kecamatan in the area with its regency and province and its own latest poverty
    figure of a year up to ``year``: one query."""
    latest = latest_figures(year)
    return list(
        Region.objects.filter(level=RegionLevel.DISTRICT)
        .filter(in_area(region, "code"))
        .annotate(
            poor_households=Subquery(latest.values("poor_households")[:1]),
            poor_individuals=Subquery(latest.values("poor_individuals")[:1]),
            poverty_year=Subquery(latest.values("year")[:1]),
        )
        .values_list(
            "code",
            "name",
            "parent__code",
            "parent__name",
            "parent__parent__code",
            "parent__parent__name",
            "poor_households",
            "poor_individuals",
            "poverty_year",
        )
        .order_by("code")
    )


def _needs_per_district(region: str) -> dict[str, dict[str, int]]:
    """Public needs open and fulfilled today per kecamatan code: one query."""
    district = Substr("facility__region_id", 1, DISTRICT_CODE_LENGTH)
    rows = (
        Need.objects.public()
        .filter(in_area(region, "facility__region"))
        .annotate(district=district)
        .values("district")
        .annotate(
            open=Count("pk", filter=Q(status=NeedStatus.OPEN)),
            fulfilled=Count("pk", filter=Q(status=NeedStatus.FULFILLED)),
        )
        .values_list("district", "open", "fulfilled")
        .order_by()
    )
    return {code: {"open": open_, "fulfilled": fulfilled} for code, open_, fulfilled in rows}


def _households_reached(period: Period, region: str) -> dict[str, int]:
    """Households reached by verified program realisations per kecamatan code: one query."""
    rows = (
        shares_counted(period, region)
        .filter(realisation__status=RealisationStatus.VERIFIED)
        .annotate(district=Substr("region_id", 1, DISTRICT_CODE_LENGTH))
        .values("district")
        .annotate(total=Sum("households"))
        .values_list("district", "total")
        .order_by()
    )
    return {code: total or 0 for code, total in rows}


def regional_records(links: Links, *, region: str = "", year: int | None = None) -> list[dict[str, Any]]:
    """One record per kecamatan in the area: nine queries, however many kecamatan (the six of
    the public report's figures, and one each for the kecamatan, the needs and the households
    reached)."""
    period = Period(year)
    figures = figures_by_district(period, region, public=True)
    needs = _needs_per_district(region)
    reached = _households_reached(period, region)
    records = []
    for row in _districts(region, year):
        code, name, adm2_code, adm2_name, adm1_code, adm1_name, households, individuals, poverty_year = row
        values = figures.get(code)
        planned = values.csr_planned if values else 0
        realised = values.csr_realised if values else 0
        need_counts = needs.get(code, {})
        records.append(
            {
                "adm1_code": adm1_code,
                "adm1_name": adm1_name,
                "adm2_code": adm2_code,
                "adm2_name": adm2_name,
                "adm3_code": code,
                "adm3_name": name,
                "year": year,
                "poor_households": households,
                "poor_individuals": individuals,
                "poverty_year": poverty_year,
                "csr_planned": planned,
                "csr_realised": realised,
                "realised_per_household": round(realised / households) if households else None,
                "households_reached": reached.get(code, 0),
                "needs_open": need_counts.get("open", 0),
                "needs_fulfilled": need_counts.get("fulfilled", 0),
                "needs_open_value": values.open_value if values else 0,
            }
        )
    return records


REGIONAL_FIGURES = Dataset(
    slug="regional-figures",
    title=_("Regional figures per kecamatan"),
    description=_(
        "Per kecamatan: poor households and poor individuals (the latest DTSEN, DTKS or BPS figure the portal "
        "holds), all CSR planned and realised (pledges and deliveries to facility needs, and programs' budgets "
        "and verified realisations, as the public report counts them), households reached by programs, and the "
        "public needs of its facilities open and fulfilled today. All years, or one with ?year=."
    ),
    frequency=_("Daily (live data)"),
    periodicity="R/P1D",
    keywords=("kemiskinan", "rumah tangga miskin", "CSR", "kecamatan", "TPB"),
    records=regional_records,
    filters=("region", "year"),
    columns=[
        *[column for column in region_columns() if column.name != "region_code"],
        Column("year", "#date+year", _("Year of the CSR figures (empty: all years)"), "integer"),
        Column("poor_households", "#population+households+poor", _("Poor households (the latest figure)"), "integer"),
        Column("poor_individuals", "#population+ind+poor", _("Poor individuals (the latest figure)"), "integer"),
        Column("poverty_year", "#date+year+poverty", _("Year of the poverty figure"), "integer"),
        Column("csr_planned", "#value+idr+planned", _("All CSR planned (Rp): pledges, programs' budgets"), "integer"),
        Column(
            "csr_realised",
            "#value+idr+realised",
            _("All CSR realised (Rp): verified deliveries and verified program realisations"),
            "integer",
        ),
        Column(
            "realised_per_household",
            "#value+idr+per_household",
            _("CSR realised per poor household (Rp)"),
            "integer",
        ),
        Column("households_reached", "#reached+households", _("Households reached by verified programs"), "integer"),
        Column("needs_open", "#indicator+num+needs+open", _("Public needs open today"), "integer"),
        Column("needs_fulfilled", "#indicator+num+needs+fulfilled", _("Public needs fulfilled"), "integer"),
        Column("needs_open_value", "#value+idr+needed", _("Estimated value still open (Rp)"), "integer"),
    ],
)
