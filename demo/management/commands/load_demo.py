"""``manage.py load_demo``: the demo data set of core/demo_data.py, idempotently.

Every row is found by its natural key (slug, name, code, title within its facility or company)
and written only when a value differs, so a second run changes nothing: no new rows, no new
history entries, the same passwords.

Pledges are the exception to direct writes: they are made and moved only through
``matching.services``, by the demo accounts, exactly as a person would in the portal and the
admin. A pledge whose need, company and note already exist is left as it is, wherever the
workflow has taken it since. Realisation reports and the status history of programs are
written once, when missing, and then left to the workflow too; every report is checked
against ``programs.rules`` first, so the demo never holds a report the portal would refuse.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.db.models import Count
from django.utils import timezone

from agencies import services as agency_services
from agencies.models import Agency, StaffRole
from core.roles import ensure_staff_group
from demo import data as demo
from demo import near_duplicates
from demo.bast import load_bast
from demo.circulars import load_circulars
from demo.opendata import load_opendata
from demo.overlaps import load_overlaps
from demo.pdf import text_pdf
from demo.sdg import load_sdg
from facilities import services as need_services
from facilities.models import Facility, FacilityMember, Need
from matching import services as matching
from matching.errors import PledgeError
from matching.models import EvidenceKind, Pledge, PledgeOrigin, PledgeStatus
from partners.models import Company, CompanyStatus, Engagement, Officer, Partnership
from programs.models import (
    REGISTERED_STATES,
    Program,
    ProgramStatus,
    ProgramStatusChange,
    Realisation,
    RealisationShare,
    RealisationStatus,
)
from programs.resources import registering_agency
from programs.rules import ShareLine, count_problems, period_problems, share_problems
from regions.models import PovertyFigure, PovertySource, Region
from regions.services import regions_load

User = get_user_model()


def _sync(model: type[models.Model], lookup: dict, values: dict, create_only: dict | None = None) -> models.Model:
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


class Command(BaseCommand):
    help = (
        "Load the demo data: Dinsos DKI Jakarta's 23 panti with their needs, the Korean CSR partners and "
        "the meeting of 29 August 2024, Kabupaten Pulang Pisau with its Forum TSLP companies and poverty "
        "figures per kecamatan, programs, pledges in every state and the demo accounts. Idempotent."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            self._regions()
            self._agencies()
            facilities = self._facilities(demo.DKI_FACILITIES + demo.PULPIS_FACILITIES + near_duplicates.facilities())
            companies = self._companies(demo.JAKARTA_PARTNERS + demo.PULPIS_PARTNERS + near_duplicates.companies())
            self._engagements(companies)
            self._programs(companies)
            self._poverty_figures()
            self._accounts(companies)
            self._program_history()
            self._realisations()
            load_circulars()
            load_opendata()
            load_sdg()
            load_overlaps()
        self._pledges()
        load_bast()
        self._summary(facilities)

    # --- registries ---------------------------------------------------------------------------

    def _regions(self) -> None:
        if Region.objects.filter(code__in=["31", "62.11"]).count() < 2:
            self.stdout.write("Loading the regions of DKI Jakarta (31) and Kalimantan Tengah (62)…")
            regions_load(provinces=["31", "62"])

    def _agencies(self) -> None:
        for row in demo.AGENCIES:
            _sync(
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

    def _facilities(self, rows: tuple[demo.FacilityData, ...]) -> dict[str, Facility]:
        facilities = {}
        for row in rows:
            english = demo.FACILITY_ENGLISH.get(row.slug)
            facility = _sync(
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
                self._need(facility, need)
            facilities[row.slug] = facility
        return facilities

    def _need(self, facility: Facility, row: demo.NeedData) -> Need:
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

    def _companies(self, rows: tuple[demo.CompanyData, ...]) -> dict[str, Company]:
        companies = {}
        # The agency of each demo province: Jakarta's partners work with Dinsos DKI, the forum
        # members with Dinsos Pulang Pisau.
        agencies = {agency.region_id[:2]: agency for agency in Agency.objects.exclude(region__isnull=True)}
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
                },
            )
            if row.notes or row.forum_member_since:
                # Membership and notes are between the company and the agency of its region.
                _sync(
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
                    "agency_id": Agency.objects.get(slug=row.agency).pk,
                },
            )
            engagement.companies.set([companies[slug] for slug in row.companies])

    def _programs(self, companies: dict[str, Company]) -> None:
        for row in demo.PROGRAMS:
            targets = list(Region.objects.filter(code__in=row.target_regions))
            program = _sync(
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
        ensure_staff_group()
        agencies = {agency.slug: agency for agency in Agency.objects.all()}
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
            if row.agency:
                agency_services.staff_assign(
                    user=user,
                    agency=agencies[row.agency],
                    role=row.agency_role,
                    organisation=row.organisation,
                    region=Region.objects.get(code=row.region) if row.region else None,
                )
            if row.facility:
                # A facility account, as an invitation would open it (facilities.accounts), with
                # the demo password already chosen.
                _sync(
                    FacilityMember,
                    {"user": user},
                    {
                        "facility_id": Facility.objects.get(slug=row.facility).pk,
                        "role": row.facility_role,
                        "job_title": row.job_title,
                        "phone": row.phone,
                    },
                )
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

    # --- the Forum TSLP: who registered the programs, what they realised ------------------------

    def _deciding_staff(self) -> dict[int, User]:
        """The demo staff account of each agency (not its viewers), by agency id."""
        usernames = {
            row.agency: row.username for row in demo.ACCOUNTS if row.agency and row.agency_role == StaffRole.STAFF
        }
        return {
            agency.pk: User.objects.get(username=usernames[agency.slug])
            for agency in Agency.objects.filter(slug__in=usernames)
        }

    def _program_history(self) -> None:
        """Each demo program's way to its status, once: submitted (by the company's demo officer,
        or recorded by staff from the forum's form), registered by its agency's staff."""
        staff = self._deciding_staff()
        officers = {officer.company_id: officer.user for officer in Officer.objects.select_related("user")}
        programs = Program.objects.filter(
            title__in=[row.title for row in demo.PROGRAMS], status__in=REGISTERED_STATES
        ).exclude(changes__isnull=False)
        for program in programs:
            registrar = staff.get(program.agency_id)
            steps = [
                ("", ProgramStatus.SUBMITTED, officers.get(program.company_id, registrar), "Diajukan ke Forum TSLP."),
                (ProgramStatus.SUBMITTED, ProgramStatus.PLANNED, registrar, "Didaftarkan: sesuai data kemiskinan."),
            ]
            if program.status != ProgramStatus.PLANNED:
                steps.append((ProgramStatus.PLANNED, program.status, registrar, ""))
            ProgramStatusChange.objects.bulk_create(
                ProgramStatusChange(program=program, old_status=old, new_status=new, actor=actor, reason=reason)
                for old, new, actor, reason in steps
            )

    def _realisations(self) -> None:
        users = {user.username: user for user in User.objects.filter(username__in=[a.username for a in demo.ACCOUNTS])}
        zone = ZoneInfo(settings.TIME_ZONE)
        for row in demo.REALISATIONS:
            program = Program.objects.select_related("agency").get(company__slug=row.company, title=row.program)
            if Realisation.objects.filter(program=program, year=row.year, quarter=row.quarter).exists():
                continue  # the workflow owns it now
            regions = {region.code: region for region in Region.objects.filter(code__in=[s[0] for s in row.shares])}
            lines = [ShareLine(regions[code], amount, households) for code, amount, households in row.shares]
            problems = [
                *period_problems(program.agency, row.year, row.quarter),
                *share_problems(
                    amount=row.amount, shares=lines, targets=program.target_regions.all(), agency=program.agency
                ),
                *count_problems(
                    households=row.households,
                    persons=row.persons,
                    women=row.women,
                    children=row.children,
                    elderly=row.elderly,
                    disabled=row.disabled,
                ),
            ]
            if problems:
                raise CommandError(f"Demo report of {program.title!r} {row.year}: {' '.join(problems)}")
            report = Realisation.objects.create(
                program=program,
                year=row.year,
                quarter=row.quarter,
                amount=row.amount,
                households=row.households,
                persons=row.persons,
                women=row.women,
                children=row.children,
                elderly=row.elderly,
                disabled=row.disabled,
                activities=row.activities,
                status=row.status,
                reported_by=users[row.reported_by],
                submitted_at=datetime.datetime.combine(row.submitted_on, datetime.time(10), tzinfo=zone),
                verified_by=users.get(row.verified_by),
                verified_at=(
                    datetime.datetime.combine(row.verified_on, datetime.time(14), tzinfo=zone)
                    if row.verified_on
                    else None
                ),
                review_note=row.review_note,
            )
            RealisationShare.objects.bulk_create(
                RealisationShare(realisation=report, region=line.region, amount=line.amount, households=line.households)
                for line in lines
            )

    # --- pledges, through the workflow services ------------------------------------------------

    def _pledges(self) -> None:
        # Each agency's demo staff decide for the facilities of their own area.
        staff_by_province = {
            "31": User.objects.get(username="dinsos"),
            "62": User.objects.get(username="dinsos.pulpis"),
        }
        officers = {officer.company.slug: officer.user for officer in Officer.objects.select_related("company", "user")}
        for row in demo.PLEDGES:
            need = Need.objects.get(facility__slug=row.facility, title=row.need)
            company = Company.objects.get(slug=row.company)
            if Pledge.objects.filter(need=need, company=company, note=row.note).exists():
                continue
            try:
                # One savepoint per pledge: if someone has since covered the need in this
                # database, that pledge is skipped and the others still load.
                with transaction.atomic():
                    staff = staff_by_province[need.facility.region_id[:2]]
                    self._pledge(row, need, company, staff, officers.get(row.company))
            except PledgeError as error:
                self.stderr.write(f"Skipped the demo pledge of {company} for “{need}”: {error.message}")

    def _pledge(self, row: demo.PledgeData, need: Need, company: Company, staff, partner) -> None:
        S = PledgeStatus
        if partner is None and not (
            row.origin == PledgeOrigin.PROPOSAL and row.state in (S.PROPOSED, S.LAPSED, S.CANCELLED)
        ):
            raise CommandError(f"Demo pledge {row.note!r}: {company} has no demo officer to answer or deliver.")
        create = matching.pledge_offer if row.origin == PledgeOrigin.OFFER else matching.pledge_propose
        pledge = create(
            need=need,
            company=company,
            quantity=row.quantity,
            actor=partner if row.origin == PledgeOrigin.OFFER else staff,
            program=Program.objects.get(company=company, title=row.program) if row.program else None,
            note=row.note,
            expected_delivery_date=row.expected_delivery_date,
        )
        # Who answers a pledge: the partner answers Dinsos's proposals, Dinsos answers offers.
        answerer = partner if row.origin == PledgeOrigin.PROPOSAL else staff
        if row.state == S.LAPSED:
            matching.pledge_transition(pledge=pledge, to=S.LAPSED, actor=None, reason=row.reason)
        elif row.state == S.CANCELLED:
            canceller = staff if row.origin == PledgeOrigin.PROPOSAL else partner
            matching.pledge_transition(pledge=pledge, to=S.CANCELLED, actor=canceller, reason=row.reason)
        elif row.state in (S.DECLINED, S.REJECTED):
            matching.pledge_transition(pledge=pledge, to=row.state, actor=answerer, reason=row.reason)
        elif row.state not in (S.PROPOSED, S.OFFERED):
            agreed = S.ACCEPTED if row.origin == PledgeOrigin.PROPOSAL else S.APPROVED
            matching.pledge_transition(pledge=pledge, to=agreed, actor=answerer)
            if row.reduce_to:
                matching.pledge_reduce(pledge=pledge, quantity=row.reduce_to, actor=partner, reason=row.reduce_reason)
            for delivery in row.deliveries:
                self._deliver(pledge, delivery, staff, partner)
        pledge.refresh_from_db()
        if pledge.status != row.state:
            raise CommandError(f"Demo pledge {row.note!r} ended as {pledge.status}, not {row.state}.")

    def _deliver(self, pledge: Pledge, delivery: demo.DeliveryData, staff, partner) -> None:
        today = timezone.localdate()
        bast = SimpleUploadedFile(
            "BAST-demo.pdf",
            text_pdf(
                [
                    "BERITA ACARA SERAH TERIMA (BAST) - DOKUMEN DEMO",
                    f"Tanggal: {today:%d/%m/%Y}",
                    f"Penerima: {pledge.need.facility.name}",
                    f"Pemberi: {pledge.company.name}",
                    f"Kebutuhan: {pledge.need.title}",
                    f"Jumlah: {delivery.quantity} {pledge.need.unit}",
                    delivery.notes,
                ]
            ),
            content_type="application/pdf",
        )
        report = matching.delivery_report_submit(
            pledge=pledge,
            actor=partner,
            delivered_on=today,
            quantity=delivery.quantity,
            beneficiaries_reached=delivery.beneficiaries_reached,
            notes=delivery.notes,
            files=[(bast, EvidenceKind.BAST)],
        )
        if delivery.verified:
            matching.delivery_verify(report=report, actor=staff, note="Diterima lengkap sesuai BAST.")

    # --- report -------------------------------------------------------------------------------

    def _summary(self, facilities: dict[str, Facility]) -> None:
        jakarta = Facility.objects.filter(region__code__startswith="31.")
        lines = [
            ("Facilities in DKI Jakarta", jakarta.count()),
            ("Facilities in Pulang Pisau", Facility.objects.filter(region__code__startswith="62.11.").count()),
            ("Needs", Need.objects.filter(facility__in=facilities.values()).count()),
            ("Partners in Jakarta", Company.objects.filter(region__code__startswith="31").count()),
            ("Forum TSLP members", Partnership.objects.filter(forum_member=True).count()),
            ("Engagements", Engagement.objects.count()),
            ("Programs", Program.objects.count()),
            ("Realisation reports", Realisation.objects.count()),
            (
                "  verified in Pulang Pisau",
                Realisation.objects.filter(
                    status=RealisationStatus.VERIFIED, program__agency__region_id=demo.PULANG_PISAU
                ).count(),
            ),
            (
                "Poverty figures in Pulang Pisau",
                PovertyFigure.objects.filter(region__code__startswith="62.11.").count(),
            ),
            ("Demo accounts", User.objects.filter(username__in=[a.username for a in demo.ACCOUNTS]).count()),
            ("Pledges", Pledge.objects.count()),
        ]
        width = max(len(label) for label, _ in lines)
        for label, count in lines:
            self.stdout.write(f"{label:<{width}}  {count}")
        states = dict(Pledge.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        self.stdout.write("  " + ", ".join(f"{PledgeStatus(s).name.lower()} {states.get(s, 0)}" for s in PledgeStatus))
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
