"""The demo's registries: regions, agencies, facilities and their needs, companies and their
partnerships, engagements, programs and poverty figures, each row found by its natural key and
written only when a value differs (:func:`sync`), so that a second ``load_demo`` changes
nothing. Needs go through the need services, as staff would make them.
"""

from decimal import Decimal

from django.core.management.base import OutputWrapper
from django.db import models

from agencies.models import Agency
from demo import data as demo
from facilities import services as need_services
from facilities.models import Facility, Need
from partners.models import Company, CompanyStatus, Engagement, Partnership
from programs.models import Program
from programs.resources import registering_agency
from regions.models import PovertyFigure, PovertySource, Region
from regions.services import regions_load


def sync(model: type[models.Model], lookup: dict, values: dict, create_only: dict | None = None) -> models.Model:
    """Get the row by ``lookup``, create it with ``values`` (and ``create_only``), or update the
    values that differ.

    Unlike ``update_or_create``, an unchanged row is not saved: re-running the demo leaves
    ``updated_at`` and the simple-history tables alone. Foreign keys go in as ``<name>_id``.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values, **(create_only or {}))
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj


def load_regions(stdout: OutputWrapper) -> None:
    if Region.objects.filter(code__in=["31", "62.11"]).count() < 2:
        stdout.write("Loading the regions of DKI Jakarta (31) and Kalimantan Tengah (62)…")
        regions_load(provinces=["31", "62"])


def load_agencies() -> None:
    for row in demo.AGENCIES:
        sync(
            Agency,
            {"slug": row.slug},
            {
                "name": row.name,
                "short_name": row.short_name,
                "level": row.level,
                "region_id": row.region,
                "address": row.address,
                "email": row.email,
                "phone": row.phone,
                "website": row.website,
                "forum_name": row.forum_name,
                "forum_regulation": row.forum_regulation,
                "realisation_period": row.realisation_period,
                "realisation_due_days": row.realisation_due_days,
            },
        )


def load_facilities(rows: tuple[demo.FacilityData, ...]) -> dict[str, Facility]:
    facilities = {}
    for row in rows:
        english = demo.FACILITY_ENGLISH.get(row.slug)
        facility = sync(
            Facility,
            {"slug": row.slug},
            {
                **(
                    {
                        "latitude": Decimal(english.latitude),
                        "longitude": Decimal(english.longitude),
                        "background_en": english.background_en,
                        "intervention_programs_en": english.intervention_programs_en,
                    }
                    if english
                    else {}
                ),
                "name": row.name,
                "facility_type": row.facility_type,
                "operator": row.operator,
                "region_id": row.region,
                "address": row.address,
                "capacity": row.capacity,
                "residents": row.residents,
                "background": row.background,
                "intervention_programs": row.intervention_programs,
                "head_name": row.head_name,
                "contact_phone": row.contact_phone,
                # The demo's numbers are the panti's office lines: shown on their public pages.
                "phone": row.contact_phone,
                "contact_email": row.contact_email,
                "is_published": True,
            },
        )
        for need in row.needs:
            _need(facility, need)
        facilities[row.slug] = facility
    return facilities


def _need(facility: Facility, row: demo.NeedData) -> Need:
    title_en, description_en = demo.NEED_ENGLISH.get((facility.slug, row.title), ("", ""))
    values = {
        "title_en": title_en,
        "description_en": description_en,
        "description": row.description,
        "field_id": row.field,
        "kind": row.kind,
        "quantity": row.quantity,
        "unit": row.unit,
        "unit_cost": row.unit_cost,
        "priority": row.priority,
        "needed_by": row.needed_by,
        "beneficiaries": row.beneficiaries,
        "is_public": row.is_public,
        "source": row.source[0],
        "source_date": row.source[1],
    }
    # Through the need services, as staff would. The status is the demo's only on creation:
    # afterwards the workflow owns it (a need may have become fulfilled), so a re-run never
    # drags it back; an unchanged need is not saved again.
    need = Need.objects.filter(facility=facility, title=row.title).first()
    if need is None:
        return need_services.need_create(
            actor=None, publish=not row.draft, facility=facility, title=row.title, **values
        )
    changed = {name: value for name, value in values.items() if getattr(need, name) != value}
    if changed:
        need = need_services.need_update(need=need, actor=None, changes=changed)
    return need


def load_companies(rows: tuple[demo.CompanyData, ...]) -> dict[str, Company]:
    companies = {}
    # The agency of each demo province: Jakarta's partners work with Dinsos DKI, the forum
    # members with Dinsos Pulang Pisau.
    agencies = {agency.region_id[:2]: agency for agency in Agency.objects.exclude(region__isnull=True)}
    for row in rows:
        company = sync(
            Company,
            {"slug": row.slug},
            {
                "name": row.name,
                "kind": row.kind,
                "country": row.country,
                "business_scope": row.business_scope,
                "address": row.address,
                "region_id": row.region,
                "website": row.website,
                "email": row.email,
                "phone": row.phone,
                "csr_strategy": row.csr_strategy,
                "status": CompanyStatus.ACTIVE,
            },
        )
        if row.notes or row.forum_member_since:
            # Membership and notes are between the company and the agency of its region.
            sync(
                Partnership,
                {"agency": agencies[row.region[:2]], "company": company},
                {
                    "forum_member": row.forum_member_since is not None,
                    "forum_member_since": row.forum_member_since,
                    "notes": row.notes,
                },
            )
        company.focus_fields.set(row.focus_fields)
        company.preferred_regions.set(row.preferred_regions)
        companies[row.slug] = company
    return companies


def load_engagements(companies: dict[str, Company]) -> None:
    for row in demo.ENGAGEMENTS:
        engagement = sync(
            Engagement,
            {"date": row.date, "subject": row.subject},
            {
                "kind": row.kind,
                "location": row.location,
                "staff_present": row.staff_present,
                "others_present": row.others_present,
                "notes": row.notes,
                "follow_up": row.follow_up,
                "follow_up_due": row.follow_up_due,
                "agency_id": Agency.objects.get(slug=row.agency).pk,
            },
        )
        engagement.companies.set([companies[slug] for slug in row.companies])


def load_programs(companies: dict[str, Company]) -> None:
    for row in demo.PROGRAMS:
        targets = list(Region.objects.filter(code__in=row.target_regions))
        program = sync(
            Program,
            {"company": companies[row.company], "title": row.title},
            {
                "agency_id": getattr(registering_agency(targets), "pk", None),
                "form": row.form,
                "budget": row.budget,
                "start_date": row.start_date,
                "end_date": row.end_date,
                "target_beneficiaries": row.target_beneficiaries,
                "status": row.status,
                "description": row.description,
                "government_program": row.government_program,
            },
        )
        program.fields.set(row.fields)
        program.target_regions.set(row.target_regions)


def load_poverty_figures() -> None:
    for code, (households, individuals) in demo.PULPIS_POVERTY_FIGURES.items():
        sync(
            PovertyFigure,
            {"region_id": code, "year": demo.POVERTY_YEAR, "source": PovertySource.DTKS},
            {
                "poor_households": households,
                "poor_individuals": individuals,
                "source_date": demo.POVERTY_SOURCE_DATE,
                "notes": demo.POVERTY_NOTES,
            },
        )
