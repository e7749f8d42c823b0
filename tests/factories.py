"""Factories for tests. Workflow states are built by calling the services, so test data is
always a state the application itself could reach."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from agencies.models import Agency, AgencyLevel, AgencyStaff, StaffRole
from core.models import CsrField
from core.roles import DINSOS_STAFF_GROUP, DINSOS_VIEWER_GROUP
from facilities.models import Facility, FacilityMember, FacilityType, MemberRole, Need, NeedKind, NeedStatus, Priority
from partners.models import Company, CompanyStatus, Engagement, Officer, OfficerRole, Partnership
from programs.models import Program, ProgramForm, ProgramStatus, Realisation, RealisationShare, RealisationStatus
from regions.models import PovertyFigure, PovertySource, Region, RegionLevel

User = get_user_model()


def region(code: str, name: str | None = None) -> Region:
    """A region and its parents, with real-looking codes (``31``, ``31.75``, ``31.75.01``)."""
    parent = None
    parts = code.split(".")
    for depth in range(1, len(parts) + 1):
        sub = ".".join(parts[:depth])
        parent, _ = Region.objects.get_or_create(
            code=sub,
            defaults={
                "name": name if (name and sub == code) else f"Wilayah {sub}",
                "level": RegionLevel(depth),
                "parent": parent,
            },
        )
    return parent


def field(code: str = "pendidikan") -> CsrField:
    return CsrField.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Test"
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def national_agency() -> Agency:
    agency, _ = Agency.objects.get_or_create(
        slug="kemensos",
        defaults={"name": "Kementerian Sosial", "short_name": "Kemensos", "level": AgencyLevel.NATIONAL},
    )
    return agency


def agency(code: str, name: str | None = None, **kwargs) -> Agency:
    """The Dinas Sosial of a province (``31``) or regency (``62.11``), with its region."""
    place = region(code)
    level = AgencyLevel.PROVINCE if "." not in code else AgencyLevel.REGENCY
    found, _ = Agency.objects.get_or_create(
        slug=f"dinsos-{code.replace('.', '-')}",
        defaults={
            "name": name or f"Dinas Sosial {place.name}",
            "short_name": f"Dinsos {code}",
            "level": level,
            "region": place,
            **kwargs,
        },
    )
    return found


class StaffFactory(UserFactory):
    """A Dinsos staff account. Unless ``agency`` (and ``role``) is given, it works for a national
    agency and so sees the whole country, as every staff account did before agencies."""

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True

    @factory.post_generation
    def agency(obj, create, extracted, **kwargs):
        if create:
            role = kwargs.get("role", StaffRole.STAFF)
            obj.groups.add(
                Group.objects.get(name=DINSOS_VIEWER_GROUP if role == StaffRole.VIEWER else DINSOS_STAFF_GROUP)
            )
            AgencyStaff.objects.create(user=obj, agency=extracted or national_agency(), role=role)


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    name = factory.Sequence(lambda n: f"Panti Sosial {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    facility_type = FacilityType.YOUTH
    region = factory.LazyFunction(lambda: region("31.75.01", "Pasar Rebo"))
    capacity = 100
    residents = 80
    head_name = "Kepala Panti"
    contact_phone = "021-0000000"
    is_published = True


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    facility = factory.SubFactory(FacilityFactory)
    title = factory.Sequence(lambda n: f"Kasur busa {n}")
    field = factory.LazyFunction(lambda: field("kesehatan"))
    kind = NeedKind.GOODS
    quantity = 40
    unit = "buah"
    unit_cost = 1_250_000
    priority = Priority.NORMAL
    needed_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    beneficiaries = 40
    status = NeedStatus.OPEN
    is_public = True


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"PT Mitra Sejahtera {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    status = CompanyStatus.ACTIVE
    country = "Indonesia"

    @factory.post_generation
    def focus_fields(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.focus_fields.set(extracted)

    @factory.post_generation
    def preferred_regions(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.preferred_regions.set(extracted)

    @factory.post_generation
    def forum_member(obj, create, extracted, **kwargs):
        """``forum_member=True``: a member of an agency's forum (Pulang Pisau's unless
        ``forum_member__agency`` is given), ``forum_member__since`` the date."""
        if create and extracted:
            Partnership.objects.create(
                agency=kwargs.get("agency") or agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau"),
                company=obj,
                forum_member=True,
                forum_member_since=kwargs.get("since"),
            )


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    user = factory.SubFactory(UserFactory)
    company = factory.SubFactory(CompanyFactory)
    role = OfficerRole.COORDINATOR


class FacilityMemberFactory(factory.django.DjangoModelFactory):
    """A facility account (as the invitation makes it, but with a password to log in)."""

    class Meta:
        model = FacilityMember

    user = factory.SubFactory(UserFactory)
    facility = factory.SubFactory(FacilityFactory)
    role = MemberRole.HEAD


def member_user(facility=None, **kwargs):
    return FacilityMemberFactory(facility=facility or FacilityFactory(), **kwargs).user


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        skip_postgeneration_save = True

    company = factory.SubFactory(CompanyFactory)
    title = factory.Sequence(lambda n: f"Program CSR {n}")
    form = ProgramForm.DONATION
    budget = 500_000_000
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    status = ProgramStatus.ACTIVE

    @factory.post_generation
    def fields(obj, create, extracted, **kwargs):
        if create:
            obj.fields.set(extracted or [field("pendidikan")])


def realisation(program, year: int, quarter: int = 0, *, shares: dict[str, int], status=None, **kwargs):
    """A realisation report of ``program`` written straight to the database (tests of the reports
    build figures this way; the services' own tests go through ``programs.services``). ``shares``
    maps region codes to rupiah; the total is their sum."""
    values = {
        "program": program,
        "year": year,
        "quarter": quarter,
        "amount": sum(shares.values()),
        "activities": "Kegiatan",
        "status": status or RealisationStatus.VERIFIED,
        "reported_by": kwargs.pop("reported_by", None) or UserFactory(),
        "submitted_at": kwargs.pop("submitted_at", None) or datetime.datetime(year, 12, 31, tzinfo=datetime.UTC),
        **kwargs,
    }
    report = Realisation.objects.create(**values)
    RealisationShare.objects.bulk_create(
        RealisationShare(realisation=report, region=region(code), amount=amount) for code, amount in shares.items()
    )
    return report


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement
        skip_postgeneration_save = True

    date = datetime.date(2024, 8, 29)
    subject = factory.Sequence(lambda n: f"Pertemuan CSR {n}")

    @factory.post_generation
    def companies(obj, create, extracted, **kwargs):
        if create:
            obj.companies.set(extracted or [CompanyFactory()])


class PovertyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PovertyFigure

    region = factory.LazyFunction(lambda: region("62.11.01", "Kahayan Hilir"))
    year = 2024
    poor_households = 1200
    poor_individuals = 4300
    source = PovertySource.DTKS
    source_date = datetime.date(2024, 12, 31)


# --- pledges, built through the workflow services ---------------------------------------------


def staff_user(**kwargs):
    return StaffFactory(**kwargs)


def officer_user(company=None, **kwargs):
    officer = OfficerFactory(company=company or CompanyFactory(), **kwargs)
    return officer.user


def _actors(company, staff):
    from partners.models import Officer

    officer = Officer.objects.filter(company=company, user__is_active=True).select_related("user").first()
    partner = officer.user if officer else officer_user(company)
    return partner, staff or staff_user()


def pledge_in_state(state: str, *, need=None, company=None, quantity: int = 10, staff=None, origin=None):
    """A pledge in ``state``, reached through the same services the portal uses."""

    from matching import services
    from matching.models import PledgeOrigin, PledgeStatus

    need = need or NeedFactory()
    company = company or CompanyFactory()
    partner, staff = _actors(company, staff)
    if origin is None:
        origin = (
            PledgeOrigin.PROPOSAL
            if state in (PledgeStatus.PROPOSED, PledgeStatus.ACCEPTED, PledgeStatus.DECLINED)
            else PledgeOrigin.OFFER
        )
    if origin == PledgeOrigin.PROPOSAL:
        pledge = services.pledge_propose(need=need, company=company, quantity=quantity, actor=staff)
        if state == PledgeStatus.PROPOSED:
            return pledge
        answer = PledgeStatus.DECLINED if state == PledgeStatus.DECLINED else PledgeStatus.ACCEPTED
        if state in (PledgeStatus.CANCELLED, PledgeStatus.LAPSED):
            answer = None
    else:
        pledge = services.pledge_offer(need=need, company=company, quantity=quantity, actor=partner)
        if state == PledgeStatus.OFFERED:
            return pledge
        answer = PledgeStatus.REJECTED if state == PledgeStatus.REJECTED else PledgeStatus.APPROVED
        if state in (PledgeStatus.CANCELLED, PledgeStatus.LAPSED):
            answer = None
    if state == PledgeStatus.CANCELLED:
        return services.pledge_transition(pledge=pledge, to=state, actor=staff, reason="Tidak jadi")
    if state == PledgeStatus.LAPSED:
        return services.pledge_transition(pledge=pledge, to=state, actor=None, reason="")
    actor = partner if answer in (PledgeStatus.ACCEPTED, PledgeStatus.DECLINED) else staff
    reason = "Tidak sesuai" if answer in (PledgeStatus.REJECTED, PledgeStatus.DECLINED) else ""
    pledge = services.pledge_transition(pledge=pledge, to=answer, actor=actor, reason=reason)
    if state in (PledgeStatus.ACCEPTED, PledgeStatus.APPROVED, PledgeStatus.DECLINED, PledgeStatus.REJECTED):
        return pledge
    report = services.delivery_report_submit(
        pledge=pledge, actor=partner, delivered_on=timezone.localdate(), quantity=pledge.quantity
    )
    if state == PledgeStatus.DELIVERED:
        return report.pledge
    services.delivery_verify(report=report, actor=staff)
    pledge.refresh_from_db()
    return pledge


# --- programs, built through the registration services ----------------------------------------


def program_data(*targets: str, **overrides) -> dict:
    """What an officer's program form gives the services: targets are region codes."""
    data = {
        "title": "Pelatihan usaha tani",
        "form": ProgramForm.EMPOWERMENT,
        "fields": [field("ekonomi-kerakyatan")],
        "budget": 250_000_000,
        "start_date": timezone.localdate() - datetime.timedelta(days=10),
        "end_date": timezone.localdate() + datetime.timedelta(days=300),
        "target_regions": [region(code) for code in (targets or ("62.11.01",))],
        "target_beneficiaries": 120,
        "government_program": "PKH",
    }
    data.update(overrides)
    return data


def program_in_state(state: str, *, company=None, officer=None, staff=None, targets=("62.11.01",), **overrides):
    """A company's program in ``state``, reached through the same services the portal and the
    admin use. Its agency is the one of its targets (Pulang Pisau's unless told otherwise)."""
    from programs import services

    S = ProgramStatus
    company = company or (officer.officer.company if officer else CompanyFactory())
    officer = officer or officer_user(company)
    home = services.agency_for_targets([region(code) for code in targets])
    if home is None:
        home = agency(".".join(targets[0].split(".")[:2]))
    staff = staff or StaffFactory(agency=home)
    program = services.program_create(
        company=company, actor=officer, data=program_data(*targets, **overrides), submit=state != S.DRAFT
    )
    if state in (S.DRAFT, S.SUBMITTED):
        return program
    if state in (S.CHANGES_REQUESTED, S.DECLINED):
        return services.program_move(program=program, to=state, actor=staff, reason="Lengkapi data sasaran")
    if state == S.CANCELLED:
        return services.program_move(program=program, to=state, actor=officer, reason="Dibatalkan")
    services.program_move(program=program, to=S.ACTIVE if state != S.PLANNED else S.PLANNED, actor=staff)
    if state == S.COMPLETED:
        services.program_move(program=program, to=S.COMPLETED, actor=officer)
    program.refresh_from_db()
    return program
