"""The open datasets: their columns (with HXL hashtags and a dictionary entry), their rows and
their Satu Data Indonesia metadata.

A dataset's rows are read as plain values over ``.iterator()``: one query however many rows, and
flat memory, so a file of any size streams. Region columns are Kemendagri codes and names of the
province (adm1), regency/city (adm2) and kecamatan (adm3).
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from opendata import figures, regions, selectors
from opendata.base import Column, Dataset, Links, iso, number, region_columns, tag_columns

# --- needs ------------------------------------------------------------------------------------

NEED_FIELDS = (
    "id",
    "title",
    "status",
    "facility__name",
    "facility__slug",
    "facility__facility_type",
    *regions.value_paths("facility__region"),
    "field_id",
    "field__name",
    "kind",
    "quantity",
    "unit",
    "quantity_covered",
    "quantity_delivered",
    "quantity_pending",
    "unit_cost",
    "priority",
    "needed_by",
    "beneficiaries",
)


def _need_row(values: dict[str, Any], links: Links, lookups: Any = None) -> dict[str, Any]:
    remaining = values["quantity"] - values["quantity_pending"] - values["quantity_covered"]
    return {
        "id": values["id"],
        "url": links.need(values["id"]),
        "title": values["title"],
        "status": values["status"],
        "facility": values["facility__name"],
        "facility_url": links.facility(values["facility__slug"]),
        "facility_type": values["facility__facility_type"],
        **regions.admin_levels(values, "facility__region"),
        "region_code": values["facility__region__code"],
        "sector_code": values["field_id"],
        "sector": values["field__name"],
        "kind": values["kind"],
        "quantity": values["quantity"],
        "unit": values["unit"],
        "quantity_covered": values["quantity_covered"],
        "quantity_delivered": values["quantity_delivered"],
        "quantity_remaining": remaining,
        "unit_cost": values["unit_cost"],
        "estimated_value": values["quantity"] * values["unit_cost"],
        "delivered_value": values["quantity_delivered"] * values["unit_cost"],
        "priority": values["priority"],
        "needed_by": iso(values["needed_by"]),
        "beneficiaries": values["beneficiaries"],
    }


NEEDS = Dataset(
    slug="needs",
    title=_("Needs of social-care facilities"),
    description=_(
        "The public needs of panti and LKS (open and fulfilled): what is needed, how much is covered "
        "by company pledges and how much was delivered, with estimated values in rupiah."
    ),
    frequency=_("Daily (live data)"),
    periodicity="R/P1D",
    keywords=("kebutuhan", "panti sosial", "LKS", "CSR"),
    queryset=selectors.needs,
    value_fields=NEED_FIELDS,
    row=_need_row,
    columns=[
        Column("id", "#meta+id", _("Identifier of the need"), "integer"),
        Column("url", "#meta+url", _("Page of the need")),
        Column("title", "#item+name", _("What is needed")),
        Column("status", "#status", _("open or fulfilled")),
        Column("facility", "#org+name", _("Facility (panti or LKS)")),
        Column("facility_url", "#org+url", _("Page of the facility")),
        Column("facility_type", "#org+type", _("Type of facility")),
        *region_columns(),
        Column("sector_code", "#sector+code", _("Field (bidang) code")),
        Column("sector", "#sector+name", _("Field (bidang)")),
        Column("kind", "#item+type", _("Kind: goods, services, works, placements, volunteers or money")),
        Column("quantity", "#indicator+num+needed", _("Quantity needed"), "integer"),
        Column("unit", "#indicator+unit", _("Unit of the quantity")),
        Column("quantity_covered", "#indicator+num+covered", _("Quantity covered by pledges"), "integer"),
        Column("quantity_delivered", "#indicator+num+delivered", _("Quantity delivered and verified"), "integer"),
        Column("quantity_remaining", "#indicator+num+remaining", _("Quantity still open to pledges"), "integer"),
        Column("unit_cost", "#value+idr+unit", _("Estimated unit cost (Rp)"), "integer"),
        Column("estimated_value", "#value+idr+needed", _("Estimated value of the whole need (Rp)"), "integer"),
        Column("delivered_value", "#value+idr+delivered", _("Estimated value delivered (Rp)"), "integer"),
        Column("priority", "#priority", _("Priority (1 is the most urgent)"), "integer"),
        Column("needed_by", "#date+needed", _("Needed by"), "date"),
        Column("beneficiaries", "#targeted+ind", _("Residents who benefit (a count)"), "integer"),
    ],
)


# --- facilities -------------------------------------------------------------------------------

FACILITY_FIELDS = (
    "id",
    "name",
    "slug",
    "facility_type",
    "operator",
    *regions.value_paths("region"),
    "capacity",
    "latitude",
    "longitude",
)


def _facility_row(values: dict[str, Any], links: Links, lookups: Any = None) -> dict[str, Any]:
    return {
        "id": values["id"],
        "url": links.facility(values["slug"]),
        "name": values["name"],
        "facility_type": values["facility_type"],
        "operator": values["operator"],
        **regions.admin_levels(values, "region"),
        "region_code": values["region__code"],
        "capacity": values["capacity"],
        "latitude": number(values["latitude"]),
        "longitude": number(values["longitude"]),
    }


FACILITIES = Dataset(
    slug="facilities",
    title=_("Social-care facilities"),
    description=_(
        "The published panti (run by Dinas Sosial) and community LKS: type, operator, region and capacity. "
        "No contacts and nothing about residents."
    ),
    frequency=_("Daily (live data)"),
    periodicity="R/P1D",
    keywords=("panti sosial", "LKS", "fasilitas"),
    queryset=selectors.facilities,
    value_fields=FACILITY_FIELDS,
    row=_facility_row,
    columns=[
        Column("id", "#meta+id", _("Identifier of the facility"), "integer"),
        Column("url", "#meta+url", _("Page of the facility")),
        Column("name", "#org+name", _("Facility (panti or LKS)")),
        Column("facility_type", "#org+type", _("Type of facility")),
        Column("operator", "#org+operator", _("Run by Dinas Sosial or by the community")),
        *region_columns(),
        Column("capacity", "#capacity+ind", _("Capacity (residents)"), "integer"),
        Column("latitude", "#geo+lat", _("Latitude"), "number"),
        Column("longitude", "#geo+lon", _("Longitude"), "number"),
    ],
)


# --- program realisation per kecamatan ------------------------------------------------------

REALISATION_FIELDS = (
    "realisation__year",
    "realisation__quarter",
    "realisation__program_id",
    "realisation__program__title",
    "realisation__program__form",
    "realisation__program__company__name",
    "realisation__program__agency__name",
    *regions.value_paths("region"),
    "amount",
    "households",
)


def _program_tags(lookups: dict[int, tuple[list, list]] | None, program_id: int) -> dict[str, list]:
    goals, pillars = (lookups or {}).get(program_id, ([], []))
    return {"sdg_goals": goals, "tjsl_pillars": pillars}


def _realisation_row(values: dict[str, Any], links: Links, lookups: Any = None) -> dict[str, Any]:
    return {
        "year": values["realisation__year"],
        "quarter": values["realisation__quarter"],
        "program_id": values["realisation__program_id"],
        "program": values["realisation__program__title"],
        "program_form": values["realisation__program__form"],
        "company": values["realisation__program__company__name"],
        "agency": values["realisation__program__agency__name"],
        **regions.admin_levels(values, "region"),
        "region_code": values["region__code"],
        "amount": values["amount"],
        "households": values["households"],
        **_program_tags(lookups, values["realisation__program_id"]),
    }


PROGRAM_REALISATION = Dataset(
    slug="program-realisation",
    title=_("Realisation of company CSR programs per kecamatan"),
    description=_(
        "Rupiah spent and households reached by companies' own CSR programs, per kecamatan or village and "
        "reporting period, from realisation reports verified by Dinas Sosial."
    ),
    frequency=_("Quarterly or yearly, as the agency asks its Forum TSLP members to report"),
    periodicity="R/P3M",
    keywords=("CSR", "TJSL", "TSLP", "realisasi", "kecamatan"),
    queryset=selectors.realisation_shares,
    value_fields=REALISATION_FIELDS,
    row=_realisation_row,
    lookups=lambda shares: selectors.program_tags(shares.values("realisation__program_id")),
    filters=("region", "year"),
    columns=[
        Column("year", "#date+year", _("Year reported on"), "integer"),
        Column("quarter", "#date+quarter", _("Quarter reported on (0: the whole year)"), "integer"),
        Column("program_id", "#activity+id", _("Identifier of the program"), "integer"),
        Column("program", "#activity+name", _("Program")),
        Column("program_form", "#activity+type", _("Form of the program (Perbup Pulang Pisau 24/2020)")),
        Column("company", "#org+name+impl", _("Company that runs the program")),
        Column("agency", "#org+name+registering", _("Agency that registered the program and verified the report")),
        *region_columns(),
        Column("amount", "#value+idr", _("Rupiah realised in the region"), "integer"),
        Column("households", "#reached+households", _("Households reached in the region (a count)"), "integer"),
        *tag_columns(),
    ],
)

# --- programs ---------------------------------------------------------------------------------

PROGRAM_FIELDS = (
    "id",
    "title",
    "form",
    "status",
    "company__name",
    "company__kind",
    "agency__name",
    "start_date",
    "end_date",
    "budget",
    "target_beneficiaries",
    "government_program",
)


def _program_row(values: dict[str, Any], links: Links, lookups: Any = None) -> dict[str, Any]:
    tags, links_of = lookups or ({}, {})
    fields, targets = links_of.get(values["id"], ([], []))
    return {
        "id": values["id"],
        "title": values["title"],
        "form": values["form"],
        "status": values["status"],
        "company": values["company__name"],
        "company_kind": values["company__kind"],
        "agency": values["agency__name"] or "",
        "start_date": iso(values["start_date"]),
        "end_date": iso(values["end_date"]),
        "budget": values["budget"],
        "target_beneficiaries": values["target_beneficiaries"],
        "government_program": values["government_program"],
        "sectors": fields,
        "target_regions": targets,
        **_program_tags(tags, values["id"]),
    }


PROGRAMS = Dataset(
    slug="programs",
    title=_("Company CSR programs"),
    description=_(
        "Companies' own CSR programs registered by Dinas Sosial: form, fields, budget, period, target regions "
        "(Kemendagri codes), the SDG (TPB) goals they serve and, for state-owned companies, their TJSL pillars."
    ),
    frequency=_("Daily (live data)"),
    periodicity="R/P1D",
    keywords=("CSR", "TJSL", "TSLP", "program", "SDG", "TPB"),
    queryset=selectors.programs,
    value_fields=PROGRAM_FIELDS,
    row=_program_row,
    lookups=lambda programs: (selectors.program_tags(programs.values("pk")), selectors.program_links(programs)),
    filters=("region", "year"),
    columns=[
        Column("id", "#activity+id", _("Identifier of the program"), "integer"),
        Column("title", "#activity+name", _("Program")),
        Column("form", "#activity+type", _("Form of the program (Perbup Pulang Pisau 24/2020)")),
        Column("status", "#status", _("planned, active or completed")),
        Column("company", "#org+name+impl", _("Company that runs the program")),
        Column("company_kind", "#org+type+impl", _("Kind of company (state_owned: BUMN/BUMD)")),
        Column("agency", "#org+name+registering", _("Agency that registered the program")),
        Column("start_date", "#date+start", _("Start date"), "date"),
        Column("end_date", "#date+end", _("End date (empty: open-ended)"), "date"),
        Column("budget", "#value+idr+budget", _("Budget (Rp)"), "integer"),
        Column("target_beneficiaries", "#targeted+ind", _("Target beneficiaries (a count)"), "integer"),
        Column("government_program", "#activity+gov", _("Government program supported")),
        Column("sectors", "#sector+code", _("Field (bidang) codes, separated by ;")),
        Column("target_regions", "#loc+code+targets", _("Kemendagri codes of the target regions, separated by ;")),
        *tag_columns(),
    ],
)

DATASETS = {
    dataset.slug: dataset
    for dataset in (
        NEEDS,
        FACILITIES,
        PROGRAMS,
        PROGRAM_REALISATION,
        figures.SDG_REALISATION,
        figures.REGIONAL_FIGURES,
    )
}
