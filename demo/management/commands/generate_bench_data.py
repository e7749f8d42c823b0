"""Build a national-scale data set for benchmarks: facilities in districts all over Indonesia,
their needs, companies and pledges, in a few minutes with bulk inserts.

Load the regions first (``manage.py load_regions --all``). Counters stay consistent: every
need's ``quantity_pending``, ``quantity_covered`` and ``quantity_delivered`` are the sums of its
pledges in the matching states, as ``matching.services`` would have left them, and a need whose
verified deliveries reach its quantity is fulfilled. Bulk inserts write no history rows and no
status-change rows: this is benchmark data, never a record of real work.
"""

import datetime
import random
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from agencies.models import Agency, AgencyLevel
from core.models import CsrField
from facilities.models import Facility, FacilityType, Need, NeedKind, NeedStatus, Operator, Priority
from matching.models import COVERING_STATES, PENDING_STATES, Pledge, PledgeOrigin, PledgeStatus
from partners.models import Company, CompanyKind, CompanyStatus
from regions.models import Region, RegionLevel

SLUG_PREFIX = "bench-"
TYPE_PREFIX = {
    FacilityType.CHILDREN: "PSAA",
    FacilityType.YOUTH: "PSBR",
    FacilityType.ELDERLY: "PSTW",
    FacilityType.PSYCHOSOCIAL: "PSBL",
    FacilityType.VISUAL: "PSBN",
    FacilityType.INTELLECTUAL: "PSBG",
    FacilityType.PHYSICAL: "PSBD",
    FacilityType.HOMELESS: "PSBK",
    FacilityType.WOMEN: "PSKW",
    FacilityType.OTHER: "LKS",
}
NEED_ITEMS = [
    ("Kasur busa", NeedKind.GOODS, "buah", 1_250_000),
    ("Lemari pakaian", NeedKind.GOODS, "buah", 2_000_000),
    ("Paket sembako", NeedKind.GOODS, "paket", 350_000),
    ("Kursi roda", NeedKind.GOODS, "buah", 3_500_000),
    ("Pelatihan las", NeedKind.SERVICES, "peserta", 4_000_000),
    ("Pelatihan menjahit", NeedKind.SERVICES, "peserta", 2_500_000),
    ("Perbaikan atap asrama", NeedKind.WORKS, "m²", 450_000),
    ("Renovasi kamar mandi", NeedKind.WORKS, "unit", 15_000_000),
    ("Penempatan kerja lulusan", NeedKind.PLACEMENTS, "orang", 0),
    ("Relawan pendamping belajar", NeedKind.VOLUNTEERS, "orang", 0),
    ("Dana beasiswa sekolah", NeedKind.FUNDS, "siswa", 6_000_000),
]
UNDECIDED = [PledgeStatus.PROPOSED, PledgeStatus.OFFERED]
COVERING = [PledgeStatus.ACCEPTED, PledgeStatus.APPROVED, PledgeStatus.DELIVERED, PledgeStatus.VERIFIED]
CLOSED = [PledgeStatus.DECLINED, PledgeStatus.REJECTED, PledgeStatus.CANCELLED, PledgeStatus.LAPSED]
PLEDGE_STATES = UNDECIDED + COVERING + CLOSED
PLEDGE_WEIGHTS = [8, 8, 12, 12, 10, 25, 6, 6, 6, 7]
PROPOSAL_ONLY = {PledgeStatus.PROPOSED, PledgeStatus.ACCEPTED, PledgeStatus.DECLINED}
OFFER_ONLY = {PledgeStatus.OFFERED, PledgeStatus.APPROVED, PledgeStatus.REJECTED}


@contextmanager
def explicit_timestamps(*models):
    """Let bulk_create keep the ``created_at`` values we give, so "newest" means something."""
    fields = [model._meta.get_field("created_at") for model in models]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


class Command(BaseCommand):
    help = (
        "Build benchmark data: by default 10,000 facilities, 100,000 needs, 5,000 companies and "
        "200,000 pledges across all districts. Run `load_regions --all` first. Use --scale to shrink."
    )

    def add_arguments(self, parser):
        parser.add_argument("--facilities", type=int, default=10_000)
        parser.add_argument("--needs", type=int, default=100_000)
        parser.add_argument("--companies", type=int, default=5_000)
        parser.add_argument("--pledges", type=int, default=200_000)
        parser.add_argument("--scale", type=float, default=1.0, help="Multiply every count, e.g. 0.01.")
        parser.add_argument("--seed", type=int, default=5)
        parser.add_argument("--batch-size", type=int, default=5_000)

    def handle(self, *args, **options):
        scale = options["scale"]
        if scale <= 0:
            raise CommandError("--scale must be above zero.")
        counts = {name: max(1, int(options[name] * scale)) for name in ("facilities", "needs", "companies")}
        counts["pledges"] = int(options["pledges"] * scale)
        self.batch_size = options["batch_size"]
        self.random = random.Random(options["seed"])
        self.now = timezone.now()

        districts = list(Region.objects.filter(level=RegionLevel.DISTRICT).values_list("code", flat=True))
        if not districts:
            raise CommandError("No districts found: run `manage.py load_regions --all` first.")
        if Facility.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            raise CommandError("Benchmark data is already present (facilities with slugs 'bench-…').")
        fields = list(CsrField.objects.values_list("code", flat=True))

        with transaction.atomic(), explicit_timestamps(Facility, Need, Pledge, Company):
            facility_ids = self.make_facilities(counts["facilities"], districts)
            company_ids = self.make_companies(counts["companies"])
            # Needs and pledges are drawn in memory first, so each need is inserted once with the
            # counters and status that its pledges give it.
            needs = self.draw_needs(counts["needs"], facility_ids, fields)
            pledges = self.draw_pledges(counts["pledges"], needs, company_ids)
            self.settle_needs(needs)
            Need.objects.bulk_create(needs, batch_size=self.batch_size)
            self.stdout.write(f"{len(needs)} needs")
            made = self.insert_pledges(pledges)
            agencies = self.make_agencies()
        self.stdout.write(f"{agencies} agencies")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(facility_ids)} facilities, {len(needs)} needs, {len(company_ids)} companies, "
                f"{made} pledges created in {len(districts)} districts."
            )
        )

    def make_agencies(self) -> int:
        """A Dinas Sosial for every province, one for every fifth regency/city, and a national
        agency: many agencies on one portal, as a province or the ministry would host them."""
        taken = set(Agency.objects.values_list("region_id", flat=True))
        agencies = (
            [
                Agency(
                    name="Bench Kementerian Sosial",
                    short_name="Bench Kemensos",
                    slug=f"{SLUG_PREFIX}kemensos",
                    level=AgencyLevel.NATIONAL,
                )
            ]
            if not Agency.objects.filter(slug=f"{SLUG_PREFIX}kemensos").exists()
            else []
        )
        provinces = Region.objects.filter(level=RegionLevel.PROVINCE).values_list("code", "name")
        regencies = Region.objects.filter(level=RegionLevel.REGENCY).order_by("code").values_list("code", "name")
        for level, rows in ((AgencyLevel.PROVINCE, provinces), (AgencyLevel.REGENCY, list(regencies)[::5])):
            for code, name in rows:
                if code in taken:
                    continue
                agencies.append(
                    Agency(
                        name=f"Bench Dinas Sosial {name} ({code})",
                        short_name=f"Bench Dinsos {code}",
                        slug=f"{SLUG_PREFIX}dinsos-{code.replace('.', '-')}",
                        level=level,
                        region_id=code,
                    )
                )
        Agency.objects.bulk_create(agencies, batch_size=self.batch_size)
        return len(agencies)

    def when(self, max_days: int) -> datetime.datetime:
        return self.now - datetime.timedelta(
            days=self.random.randint(0, max_days), minutes=self.random.randint(0, 1439)
        )

    def make_facilities(self, count: int, districts: list[str]) -> list[int]:
        rng = self.random
        types = list(FacilityType)
        rows = []
        for index in range(count):
            facility_type = rng.choice(types)
            capacity = rng.randint(20, 250)
            rows.append(
                Facility(
                    name=f"{TYPE_PREFIX[facility_type]} Bench {index + 1:05d}",
                    slug=f"{SLUG_PREFIX}{index + 1:05d}",
                    facility_type=facility_type,
                    operator=Operator.DINSOS if rng.random() < 0.3 else Operator.COMMUNITY,
                    region_id=rng.choice(districts),
                    capacity=capacity,
                    residents=rng.randint(0, capacity),
                    background="Panti sosial untuk data uji kinerja.",
                    intervention_programs="Rehabilitasi sosial, pendidikan, pelatihan vokasional.",
                    head_name=f"Kepala {index + 1}",
                    contact_phone="021-0000000",
                    is_published=rng.random() < 0.95,
                    created_at=self.when(1500),
                )
            )
        created = Facility.objects.bulk_create(rows, batch_size=self.batch_size)
        self.stdout.write(f"{len(created)} facilities")
        return [facility.pk for facility in created]

    def make_companies(self, count: int) -> list[int]:
        rng = self.random
        kinds = list(CompanyKind)
        rows = [
            Company(
                name=f"PT Bench Mitra {index + 1:05d}",
                slug=f"{SLUG_PREFIX}mitra-{index + 1:05d}",
                kind=rng.choice(kinds),
                status=CompanyStatus.ACTIVE if rng.random() < 0.85 else CompanyStatus.PROSPECT,
                created_at=self.when(1500),
            )
            for index in range(count)
        ]
        created = Company.objects.bulk_create(rows, batch_size=self.batch_size)
        self.stdout.write(f"{len(created)} companies")
        return [company.pk for company in created]

    def draw_needs(self, count: int, facility_ids: list[int], fields: list[str]) -> list[Need]:
        rng = self.random
        today = self.now.date()
        priorities = list(Priority)
        rows = []
        for _index in range(count):
            title, kind, unit, unit_cost = rng.choice(NEED_ITEMS)
            roll = rng.random()
            status = NeedStatus.DRAFT if roll < 0.04 else NeedStatus.CANCELLED if roll < 0.07 else NeedStatus.OPEN
            rows.append(
                Need(
                    facility_id=rng.choice(facility_ids),
                    title=title,
                    description="Kebutuhan hasil asesmen data uji.",
                    field_id=rng.choice(fields),
                    kind=kind,
                    quantity=rng.randint(1, 200),
                    unit=unit,
                    unit_cost=int(unit_cost * rng.uniform(0.7, 1.3)),
                    priority=rng.choices(priorities, weights=[1, 3, 5, 2])[0],
                    needed_by=today + datetime.timedelta(days=rng.randint(-60, 365)) if rng.random() < 0.85 else None,
                    beneficiaries=rng.randint(1, 200),
                    status=status,
                    is_public=rng.random() < 0.92,
                    created_at=self.when(730),
                )
            )
        return rows

    def draw_pledges(self, count: int, needs: list[Need], company_ids: list[int]) -> list[tuple]:
        """Pledges on open needs, each within what its need has left, moving the need's counters."""
        rng = self.random
        pledgeable = [need for need in needs if need.status == NeedStatus.OPEN]
        drawn: list[tuple] = []
        # About one open need in eight was covered by one partner and delivered in full.
        completed = pledgeable[: min(len(pledgeable) // 8, count // 4)]
        for need in completed:
            need.quantity_covered = need.quantity_delivered = need.quantity
            origin = rng.choice([PledgeOrigin.OFFER, PledgeOrigin.PROPOSAL])
            company_id = rng.choice(company_ids)
            drawn.append(
                (
                    need,
                    company_id,
                    need.quantity,
                    origin,
                    PledgeStatus.VERIFIED,
                    need.quantity,
                    need.quantity,
                    self.when(365),
                )
            )
        pledgeable = pledgeable[len(completed) :]
        attempts = 0
        while pledgeable and len(drawn) < count and attempts < count * 5:
            attempts += 1
            need = rng.choice(pledgeable)
            status = rng.choices(PLEDGE_STATES, weights=PLEDGE_WEIGHTS)[0]
            remaining = need.quantity - need.quantity_pending - need.quantity_covered
            if status in CLOSED:
                # Closed pledges hold nothing; they once held at most what was left then.
                quantity = rng.randint(1, need.quantity)
            elif remaining <= 0:
                continue
            else:
                quantity = rng.randint(1, max(1, min(remaining, need.quantity // 2 or 1)))
            reported, verified = self.delivery_for(status, quantity)
            if status in PENDING_STATES:
                need.quantity_pending += quantity
                if status == PledgeStatus.PROPOSED:
                    need.quantity_proposed += quantity
            elif status in COVERING_STATES:
                need.quantity_covered += quantity
                need.quantity_delivered += verified
            origin = (
                PledgeOrigin.PROPOSAL
                if status in PROPOSAL_ONLY
                else PledgeOrigin.OFFER
                if status in OFFER_ONLY
                else rng.choice([PledgeOrigin.OFFER, PledgeOrigin.PROPOSAL])
            )
            drawn.append((need, rng.choice(company_ids), quantity, origin, status, reported, verified, self.when(365)))
        return drawn

    def insert_pledges(self, drawn: list[tuple]) -> int:
        """Insert in batches, building the model objects of one batch at a time."""
        respond_by = self.now + datetime.timedelta(days=14)
        for start in range(0, len(drawn), self.batch_size):
            Pledge.objects.bulk_create(
                [
                    Pledge(
                        need_id=need.pk,
                        company_id=company_id,
                        quantity=quantity,
                        value=quantity * need.unit_cost,
                        origin=origin,
                        status=status,
                        note="Catatan internal data uji.",
                        respond_by=respond_by if status in PENDING_STATES else None,
                        quantity_reported=reported,
                        quantity_verified=verified,
                        created_at=created_at,
                    )
                    for need, company_id, quantity, origin, status, reported, verified, created_at in drawn[
                        start : start + self.batch_size
                    ]
                ]
            )
        self.stdout.write(f"{len(drawn)} pledges")
        return len(drawn)

    def delivery_for(self, status: str, quantity: int) -> tuple[int, int]:
        """Reported and verified quantities a pledge in this state can have."""
        rng = self.random
        if status == PledgeStatus.VERIFIED:
            return quantity, quantity
        if status == PledgeStatus.DELIVERED:
            # Everything reported; Dinsos has verified part of it so far.
            return quantity, rng.randint(0, quantity - 1)
        if status in (PledgeStatus.ACCEPTED, PledgeStatus.APPROVED):
            reported = rng.randint(0, quantity - 1) if rng.random() < 0.3 else 0
            return reported, rng.randint(0, reported)
        return 0, 0

    def settle_needs(self, needs: list[Need]) -> None:
        """A need whose verified deliveries reach its quantity is fulfilled, as the services do."""
        for need in needs:
            if need.status == NeedStatus.OPEN and need.quantity_delivered >= need.quantity:
                need.status = NeedStatus.FULFILLED
