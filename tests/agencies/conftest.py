"""Two agencies with a little of everything each: DKI Jakarta (province 31) and Pulang Pisau
(regency 62.11), their staff, and a viewer of Pulang Pisau."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone, translation

from agencies.models import Agency, StaffRole
from circulars import services as circulars
from circulars.models import Circular
from facilities import proposals
from facilities.models import Facility, FacilityMember, Need, NeedProposal
from matching import receipts, services
from matching.models import DeliveryReport, PledgeStatus
from partners.models import Engagement, PartnerInterest
from programs.models import Program, ProgramStatus
from regions.models import PovertyFigure
from tests.factories import (
    CompanyFactory,
    EngagementFactory,
    FacilityFactory,
    FacilityMemberFactory,
    NeedFactory,
    PovertyFigureFactory,
    StaffFactory,
    agency,
    officer_user,
    pledge_in_state,
    program_in_state,
    region,
)
from tests.portal.helpers import pdf


@dataclass
class Side:
    agency: Agency
    staff: object
    facility: Facility
    need: Need
    offer: object
    report: DeliveryReport
    figure: PovertyFigure
    engagement: Engagement
    interest: PartnerInterest
    member: FacilityMember
    proposal: NeedProposal
    program: Program
    circular: Circular


def _side(code: str, district: str, name: str) -> Side:
    home = agency(code, name)
    staff = StaffFactory(agency=home)
    facility = FacilityFactory(region=region(district))
    need = NeedFactory(facility=facility, quantity=40)
    company = CompanyFactory()
    offer = pledge_in_state(PledgeStatus.OFFERED, need=need, company=company, quantity=5, staff=staff)
    approved = pledge_in_state(PledgeStatus.APPROVED, need=need, company=company, quantity=5, staff=staff)
    report = services.delivery_report_submit(
        pledge=approved, actor=officer_user(company), delivered_on=timezone.localdate(), quantity=5
    )
    member = FacilityMemberFactory(facility=facility)
    receipts.delivery_receipt_dispute(report=report, actor=member.user, reason="Belum sampai")
    proposal = proposals.need_change_propose(actor=member.user, need=need, changes={"quantity": 45})
    circular = circulars.circular_create(
        agency=home, title=f"Surat edaran {name}", issued_on=datetime.date(2026, 1, 5), file=pdf(), actor=staff
    )
    circulars.circular_send(circular=circular, companies=[company], actor=staff)
    return Side(
        agency=home,
        staff=staff,
        facility=facility,
        need=need,
        offer=offer,
        report=report,
        figure=PovertyFigureFactory(region=region(district)),
        engagement=EngagementFactory(agency=home, companies=[company]),
        interest=PartnerInterest.objects.create(
            need=need, name="Budi", organisation="PT X", email="b@x.id", message="Halo"
        ),
        member=member,
        proposal=proposal,
        # A program the company submitted to this agency, waiting for its answer.
        program=program_in_state(ProgramStatus.SUBMITTED, company=company, staff=staff, targets=(district,)),
        circular=circular,
    )


@pytest.fixture
def jakarta(db) -> Side:
    return _side("31", "31.74.01", "Dinas Sosial Provinsi DKI Jakarta")


@pytest.fixture
def pulpis(db) -> Side:
    return _side("62.11", "62.11.01", "Dinas Sosial Kabupaten Pulang Pisau")


@pytest.fixture
def viewer(pulpis):
    return StaffFactory(agency=pulpis.agency, agency__role=StaffRole.VIEWER)


@pytest.fixture
def english():
    """The services' refusals in English, the language of their msgids."""
    with translation.override("en"):
        yield
