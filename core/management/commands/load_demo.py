"""``manage.py load_demo``: the demo data set of core/demo_data.py, idempotently.

Every row is found by its natural key (slug, name, code, title within its facility or company)
and written only when a value differs, so a second run changes nothing: no new rows, no new
history entries, the same passwords.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import models, transaction

from core import demo_data as demo
from core.roles import ensure_staff_group
from facilities.models import Facility, Need, NeedStatus
from partners.models import Company, CompanyStatus, Engagement, Officer
from programs.models import Program
from regions.models import PovertyFigure, PovertySource, Region
from regions.services import regions_load

User = get_user_model()


def _sync(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Get the row by ``lookup``, create it with ``values``, or update the values that differ.

    Unlike ``update_or_create``, an unchanged row is not saved: re-running the demo leaves
    ``updated_at`` and the simple-history tables alone. Foreign keys go in as ``<name>_id``.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj


class Command(BaseCommand):
    help = (
        "Load the demo data: Dinsos DKI Jakarta's 23 panti with their needs, the Korean CSR partners and "
        "the meeting of 29 August 2024, Kabupaten Pulang Pisau with its Forum TSLP companies and poverty "
        "figures per kecamatan, programs, pledges in every state and the demo accounts. Idempotent."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            self._regions()
            facilities = self._facilities(demo.DKI_FACILITIES + demo.PULPIS_FACILITIES)
            companies = self._companies(demo.JAKARTA_PARTNERS + demo.PULPIS_PARTNERS)
            self._engagements(companies)
            self._programs(companies)
            self._poverty_figures()
            self._accounts(companies)
        self._summary(facilities)

    # --- registries ---------------------------------------------------------------------------

    def _regions(self) -> None:
        if Region.objects.filter(code__in=["31", "62.11"]).count() < 2:
            self.stdout.write("Loading the regions of DKI Jakarta (31) and Kalimantan Tengah (62)…")
            regions_load(provinces=["31", "62"])

    def _facilities(self, rows: tuple[demo.FacilityData, ...]) -> dict[str, Facility]:
        facilities = {}
        for row in rows:
            facility = _sync(
                Facility,
                {"slug": row.slug},
                {
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
                    "contact_email": row.contact_email,
                    "is_published": True,
                },
            )
            for need in row.needs:
                self._need(facility, need)
            facilities[row.slug] = facility
        return facilities

    def _need(self, facility: Facility, row: demo.NeedData) -> Need:
        values = {
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
        existing = Need.objects.filter(facility=facility, title=row.title).first()
        # The status is the demo's only on creation: afterwards the pledge workflow owns it
        # (a need may have become fulfilled), so a re-run never drags it back.
        if existing is None:
            values["status"] = NeedStatus.DRAFT if row.draft else NeedStatus.OPEN
        return _sync(Need, {"facility": facility, "title": row.title}, values)

    def _companies(self, rows: tuple[demo.CompanyData, ...]) -> dict[str, Company]:
        companies = {}
        for row in rows:
            company = _sync(
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
                    "forum_member": row.forum_member_since is not None,
                    "forum_member_since": row.forum_member_since,
                    "notes": row.notes,
                },
            )
            company.focus_fields.set(row.focus_fields)
            company.preferred_regions.set(row.preferred_regions)
            companies[row.slug] = company
        return companies

    def _engagements(self, companies: dict[str, Company]) -> None:
        for row in demo.ENGAGEMENTS:
            engagement = _sync(
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
                },
            )
            engagement.companies.set([companies[slug] for slug in row.companies])

    def _programs(self, companies: dict[str, Company]) -> None:
        for row in demo.PROGRAMS:
            program = _sync(
                Program,
                {"company": companies[row.company], "title": row.title},
                {
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

    def _poverty_figures(self) -> None:
        for code, (households, individuals) in demo.PULPIS_POVERTY_FIGURES.items():
            _sync(
                PovertyFigure,
                {"region_id": code, "year": demo.POVERTY_YEAR, "source": PovertySource.DTKS},
                {
                    "poor_households": households,
                    "poor_individuals": individuals,
                    "source_date": demo.POVERTY_SOURCE_DATE,
                    "notes": demo.POVERTY_NOTES,
                },
            )

    # --- accounts -----------------------------------------------------------------------------

    def _accounts(self, companies: dict[str, Company]) -> None:
        staff_group = ensure_staff_group()
        for row in demo.ACCOUNTS:
            user = _sync(
                User,
                {"username": row.username},
                {
                    "first_name": row.first_name,
                    "last_name": row.last_name,
                    "email": row.email,
                    "is_active": True,
                    "is_staff": row.is_staff,
                    "is_superuser": row.is_superuser,
                },
            )
            # Only when it differs: the hash is salted, so setting it each run would rewrite it.
            if not user.check_password(row.password):
                user.set_password(row.password)
                user.save(update_fields=["password"])
            if row.staff_group:
                user.groups.add(staff_group)
            if row.company:
                _sync(
                    Officer,
                    {"user": user},
                    {
                        "company_id": companies[row.company].pk,
                        "role": row.role,
                        "job_title": row.job_title,
                        "phone": row.phone,
                    },
                )

    # --- report -------------------------------------------------------------------------------

    def _summary(self, facilities: dict[str, Facility]) -> None:
        jakarta = Facility.objects.filter(region__code__startswith="31.")
        lines = [
            ("Facilities in DKI Jakarta", jakarta.count()),
            ("Facilities in Pulang Pisau", Facility.objects.filter(region__code__startswith="62.11.").count()),
            ("Needs", Need.objects.filter(facility__in=facilities.values()).count()),
            ("Partners in Jakarta", Company.objects.filter(region__code__startswith="31").count()),
            ("Forum TSLP members", Company.objects.filter(forum_member=True).count()),
            ("Engagements", Engagement.objects.count()),
            ("Programs", Program.objects.count()),
            (
                "Poverty figures in Pulang Pisau",
                PovertyFigure.objects.filter(region__code__startswith="62.11.").count(),
            ),
            ("Demo accounts", User.objects.filter(username__in=[a.username for a in demo.ACCOUNTS]).count()),
        ]
        width = max(len(label) for label, _ in lines)
        for label, count in lines:
            self.stdout.write(f"{label:<{width}}  {count}")
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
