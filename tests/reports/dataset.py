"""A small data set whose every rupiah and household count is worked out by hand below.

Everything is built through the matching services (offers, approvals, proposals, delivery
reports, verification, cancellation). Only ``created_at`` is moved afterwards: the services
stamp it with "now", and the reports count a pledge in the period in which it was made.

Regions and poverty figures (Kalimantan Tengah 62, Pulang Pisau 62.11; DKI Jakarta 31):

    62.11.01 Kahayan Hilir   2023 DTKS 1.000 · 2024 DTKS 800 · 2024 BPS 900 (DTKS wins) → 800 in 2024
    62.11.02 Maliku          2024 DTKS 400                                               → 400 from 2024
    62.11.03 Pandih Batu     no figures                                                  → unknown
    31.75.01 Pasar Rebo      no figures                                                  → unknown

Facilities and needs (F3 is unpublished; N4 is fulfilled by P6):

    N1 at F1 Kahayan Hilir  kesehatan   40 × Rp 1.000.000
    N2 at F2 Maliku         pendidikan  10 × Rp   500.000
    N3 at F3 Pandih Batu    kesehatan   20 × Rp   100.000
    N4 at F4 Pasar Rebo     pendidikan   5 × Rp 2.000.000

Pledges (companies A and B are Forum TSLP members, C is not); the last column is the delivery
reports: units, outcome, delivery date, beneficiaries reached:

    P1 A→N1 10 = 10.000.000 approved   made 2024-02-01 expected 2024-03-01  6 verified 2024-03-10 (late), 6 reached
    P2 B→N1 20 = 20.000.000 verified   made 2024-04-10 no expected date     20 verified 2024-05-02, 20 reached
    P3 A→N2  4 =  2.000.000 delivered  made 2024-07-01 expected 2024-07-31  4 submitted 2024-07-15 (on time)
    P4 B→N2  6 =  3.000.000 cancelled  made 2024-07-01                      not counted
    P5 A→N3  5 =    500.000 approved   made 2024-05-01 expected 2024-06-30  2 rejected 2024-07-01 (never counts)
    P6 B→N4  5 = 10.000.000 verified   made 2024-01-15 expected 2024-02-01  5 verified 2024-02-01 (on time), 5 reached
    P7 A→N3  3 =    300.000 offered    made 2024-08-01                      still waiting: not counted
    P8 C→N2  2 =  1.000.000 approved   made 2024-09-01 no expected date     nothing reported

Programs: A "Kasur sehat" donation/kesehatan Rp 50.000.000 2024; A a cancelled 2024 program;
B "Beasiswa" empowerment/pendidikan+kesehatan Rp 100.000.000 from 2023-06-01, open-ended;
B a program that ended on 2023-12-31; C a 2024 program (C is not a member).
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.utils import timezone

from facilities.models import Need
from matching import services
from matching.models import Pledge, PledgeStatus
from programs.models import ProgramForm, ProgramStatus
from regions.models import PovertySource
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    PovertyFigureFactory,
    ProgramFactory,
    field,
    officer_user,
    region,
    staff_user,
)

S = PledgeStatus
D = datetime.date


def backdate(pledge: Pledge, day: datetime.date) -> None:
    """The pledge was made on ``day`` (noon, local time)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    Pledge.objects.filter(pk=pledge.pk).update(created_at=moment)


def make_pledge(need, company, quantity, *, staff, made, expected=None, state=S.APPROVED, reports=(), proposal=False):
    """A pledge through the services: an offer approved by Dinsos (or a proposal accepted by the
    partner), then delivery reports ``(date, quantity, beneficiaries, outcome)`` with outcome
    "verified", "submitted" or "rejected"."""
    partner = company.officers.select_related("user").first().user
    if proposal:
        pledge = services.pledge_propose(
            need=need, company=company, quantity=quantity, actor=staff, expected_delivery_date=expected
        )
        if state != S.PROPOSED:
            services.pledge_transition(pledge=pledge, to=S.ACCEPTED, actor=partner)
    else:
        pledge = services.pledge_offer(
            need=need, company=company, quantity=quantity, actor=partner, expected_delivery_date=expected
        )
        if state == S.CANCELLED:
            services.pledge_transition(pledge=pledge, to=S.CANCELLED, actor=staff, reason="Batal")
        elif state != S.OFFERED:
            services.pledge_transition(pledge=pledge, to=S.APPROVED, actor=staff)
    for day, part, reached, outcome in reports:
        report = services.delivery_report_submit(
            pledge=pledge, actor=partner, delivered_on=day, quantity=part, beneficiaries_reached=reached
        )
        if outcome == "verified":
            services.delivery_verify(report=report, actor=staff)
        elif outcome == "rejected":
            services.delivery_reject(report=report, actor=staff, reason="BAST tidak ada")
    backdate(pledge, made)
    pledge.refresh_from_db()
    assert pledge.status == state, (pledge.status, state)
    return pledge


def build() -> SimpleNamespace:
    staff = staff_user()
    kahayan = region("62.11.01", "Kahayan Hilir")
    maliku = region("62.11.02", "Maliku")
    pandih = region("62.11.03", "Pandih Batu")
    pasar_rebo = region("31.75.01", "Pasar Rebo")
    PovertyFigureFactory(region=kahayan, year=2023, poor_households=1000)
    PovertyFigureFactory(region=kahayan, year=2024, poor_households=800)
    PovertyFigureFactory(region=kahayan, year=2024, poor_households=900, source=PovertySource.BPS)
    PovertyFigureFactory(region=maliku, year=2024, poor_households=400)

    f1 = FacilityFactory(name="Panti Kahayan", region=kahayan)
    f2 = FacilityFactory(name="LKS Maliku", region=maliku)
    f3 = FacilityFactory(name="Panti Pandih", region=pandih, is_published=False)
    f4 = FacilityFactory(name="PSBR Taruna Jaya", region=pasar_rebo)
    health, education = field("kesehatan"), field("pendidikan")
    n1 = NeedFactory(facility=f1, field=health, quantity=40, unit_cost=1_000_000)
    n2 = NeedFactory(facility=f2, field=education, quantity=10, unit_cost=500_000)
    n3 = NeedFactory(facility=f3, field=health, quantity=20, unit_cost=100_000)
    n4 = NeedFactory(facility=f4, field=education, quantity=5, unit_cost=2_000_000)

    a = CompanyFactory(name="PT Alpha Sawit", slug="pt-alpha-sawit", forum_member=True)
    b = CompanyFactory(name="PT Beta Energi", slug="pt-beta-energi", forum_member=True)
    c = CompanyFactory(name="PT Gamma Niaga", slug="pt-gamma-niaga")
    for company in (a, b, c):
        officer_user(company)

    p1 = make_pledge(
        n1, a, 10, staff=staff, made=D(2024, 2, 1), expected=D(2024, 3, 1), reports=[(D(2024, 3, 10), 6, 6, "verified")]
    )
    p2 = make_pledge(
        n1,
        b,
        20,
        staff=staff,
        made=D(2024, 4, 10),
        state=S.VERIFIED,
        proposal=True,
        reports=[(D(2024, 5, 2), 20, 20, "verified")],
    )
    p3 = make_pledge(
        n2,
        a,
        4,
        staff=staff,
        made=D(2024, 7, 1),
        expected=D(2024, 7, 31),
        state=S.DELIVERED,
        reports=[(D(2024, 7, 15), 4, 4, "submitted")],
    )
    p4 = make_pledge(n2, b, 6, staff=staff, made=D(2024, 7, 1), state=S.CANCELLED)
    p5 = make_pledge(
        n3, a, 5, staff=staff, made=D(2024, 5, 1), expected=D(2024, 6, 30), reports=[(D(2024, 7, 1), 2, 2, "rejected")]
    )
    p6 = make_pledge(
        n4,
        b,
        5,
        staff=staff,
        made=D(2024, 1, 15),
        expected=D(2024, 2, 1),
        state=S.VERIFIED,
        reports=[(D(2024, 2, 1), 5, 5, "verified")],
    )
    p7 = make_pledge(n3, a, 3, staff=staff, made=D(2024, 8, 1), state=S.OFFERED)
    p8 = make_pledge(n2, c, 2, staff=staff, made=D(2024, 9, 1))

    ProgramFactory(
        company=a, title="Kasur sehat", form=ProgramForm.DONATION, budget=50_000_000, fields=[health],
        start_date=D(2024, 1, 1), end_date=D(2024, 12, 31),
    )  # fmt: skip
    ProgramFactory(
        company=a, title="Batal", status=ProgramStatus.CANCELLED, budget=70_000_000, start_date=D(2024, 3, 1)
    )
    ProgramFactory(
        company=b, title="Beasiswa", form=ProgramForm.EMPOWERMENT, budget=100_000_000, fields=[education, health],
        start_date=D(2023, 6, 1), end_date=None,
    )  # fmt: skip
    ProgramFactory(
        company=b, title="Lama", status=ProgramStatus.COMPLETED, budget=30_000_000,
        start_date=D(2023, 1, 1), end_date=D(2023, 12, 31),
    )  # fmt: skip
    ProgramFactory(company=c, title="Bukan anggota", budget=90_000_000, start_date=D(2024, 1, 1))

    for need in (n1, n2, n3, n4):
        need.refresh_from_db()
    assert Need.objects.get(pk=n4.pk).status == "fulfilled"
    return SimpleNamespace(**locals())
