"""Every kind of work waiting for an agency is in its work queue and on its admin index (issue
24): offers, deliveries, realisation reports, programs, needs and need changes proposed by
facilities, acknowledgements awaited and proposals about to lapse, oldest first with their
age, in the staff's area only, read in a pinned number of queries whatever their number."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from facilities import proposals
from facilities.models import Need, NeedProposal
from matching import services
from matching.models import DeliveryReport, EvidenceKind, Pledge, PledgeStatus
from matching.work_queue import KINDS, work_queue_counts, work_queue_items
from programs.models import Program, ProgramStatus, Realisation
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    FacilityMemberFactory,
    NeedFactory,
    OfficerFactory,
    StaffFactory,
    agency,
    field,
    pledge_in_state,
    program_in_state,
    region,
)
from tests.portal.helpers import circular_sent_to, file_realisation, png, pulpis, registered_program

pytestmark = pytest.mark.django_db
S = PledgeStatus
QUEUE = "/admin/matching/pledge/queue/"
# The queue page, whatever the number of rows: the admin's own (the session, the user, whether it
# is an officer's, its permissions: 5), the seven counts, a query per kind (8), the deliveries'
# evidence and the reports' splits and evidence (3), the notifications (1), the overlap notes (1).
QUEUE_QUERIES = 25
# The index: the admin's own (5), the seven counts and the recent actions (1).
INDEX_QUERIES = 13


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def area():
    agency_ = pulpis()
    kahayan = region("62.11.01", "Kahayan Hilir")
    return {"agency": agency_, "facility": FacilityFactory(name="LKSA Harapan Kahayan", region=kahayan)}


@pytest.fixture
def staff(client, area):
    user = StaffFactory(agency=area["agency"], first_name="Yohanes")
    client.force_login(user)
    return user


def _ago(model, pk, field_name, days):
    model.objects.filter(pk=pk).update(**{field_name: timezone.now() - datetime.timedelta(days=days)})


def build_work(area, staff, *, ages=None):
    """One item of each kind in the area, each waiting ``ages[kind]`` days."""
    ages = ages or {}
    facility = area["facility"]
    need = NeedFactory(facility=facility, title="Kasur busa asrama", quantity=100)
    offer = pledge_in_state(S.OFFERED, need=need, quantity=5, staff=staff)
    delivered = pledge_in_state(S.APPROVED, need=need, quantity=5, staff=staff)
    officer = delivered.company.officers.first().user
    report = services.delivery_report_submit(
        pledge=delivered,
        actor=officer,
        delivered_on=timezone.localdate(),
        quantity=5,
        files=[(png(), EvidenceKind.PHOTO)],
    )
    lapsing = pledge_in_state(S.PROPOSED, need=need, quantity=5, staff=staff)
    Pledge.objects.filter(pk=lapsing.pk).update(respond_by=timezone.now() + datetime.timedelta(days=1))
    company = CompanyFactory()
    realisation = file_realisation(
        registered_program(company, title=f"Sekolah lapang {company.pk}"),
        OfficerFactory(company=company).user,
        timezone.localdate().year - 1,
        files=[(png("panen.png"), "photo")],
    )
    program = program_in_state(ProgramStatus.SUBMITTED, staff=staff, targets=("62.11.01",))
    member = FacilityMemberFactory(facility=facility)
    draft = proposals.need_propose(
        actor=member.user,
        facility_id=facility.pk,
        values={"title": "Lemari pakaian", "field": field("kesehatan"), "kind": "goods", "quantity": 4, "unit": "buah"},
    )
    change = proposals.need_change_propose(actor=member.user, need=need, changes={"quantity": 120})
    recipient = circular_sent_to(CompanyFactory(name=f"PT Belum Baca {company.pk}")).recipients.get()
    items = {
        "offers": (Pledge, offer.pk, "created_at"),
        "deliveries": (DeliveryReport, report.pk, "reported_at"),
        "lapsing": (Pledge, lapsing.pk, "created_at"),
        "realisations": (Realisation, realisation.pk, "submitted_at"),
        "programs": (Program, program.pk, "updated_at"),
        "new_needs": (Need, draft.pk, "created_at"),
        "need_changes": (NeedProposal, change.pk, "proposed_at"),
        "acknowledgements": (type(recipient), recipient.pk, "sent_at"),
    }
    for kind, days in ages.items():
        model, pk, field_name = items[kind]
        _ago(model, pk, field_name, days)
    return {kind: pk for kind, (_model, pk, _field) in items.items()}


def test_every_kind_of_work_is_in_the_queue_oldest_first_with_its_age(client, area, staff):
    ages = dict(zip(KINDS, [3, 15, 1, 9, 2, 4, 30, 0], strict=True))
    built = build_work(area, staff, ages=ages)
    response = client.get(QUEUE)
    items = response.context["items"]
    # Oldest first, whatever the kind: the acknowledgement awaited for 30 days, then the
    # realisation report waiting 15 days, ...
    assert [item.kind for item in items] == sorted(KINDS, key=lambda kind: -ages[kind])
    assert {item.kind: item.obj.pk for item in items} == built
    assert {item.kind: item.days for item in items} == ages
    page = response.content.decode()
    assert "8 items waiting, oldest first" in page
    assert "waiting 15 days" in page and "waiting 30 days" in page and "since today" in page
    # Each card links to where it is decided, the report with the queue to come back to.
    realisation_url = reverse("admin:programs_realisation_change", args=[built["realisations"]])
    assert f"{realisation_url}?next=" in page
    assert reverse("admin:programs_realisation_decide", args=[built["realisations"]]) in page
    assert reverse("admin:facilities_needproposal_change", args=[built["need_changes"]]) in page
    assert reverse("admin:facilities_need_change", args=[built["new_needs"]]) in page
    assert reverse("admin:circulars_circularrecipient_acknowledge", args=[built["acknowledgements"]]) in page
    assert "Kahayan Hilir — Rp 3.000.000" in page


def test_the_index_counts_every_kind_that_waits(client, area, staff):
    # dinsos.pulpis saw "0 … 0 … 0" while a realisation report had waited 15 days.
    build_work(area, staff, ages={"realisations": 15})
    index = client.get(reverse("admin:index")).content.decode()
    for label in KINDS.values():
        assert f"<strong>1</strong> {str(label).lower()}" in index
    assert "Work queue: 8 items waiting" in index
    assert "Open the work queue: 8 items waiting, oldest first" in index


def test_one_kind_at_a_time(client, area, staff):
    built = build_work(area, staff)
    response = client.get(QUEUE, {"kind": "realisations"})
    assert [(item.kind, item.obj.pk) for item in response.context["items"]] == [("realisations", built["realisations"])]
    assert "Show everything that waits" in response.content.decode()
    # An unknown kind shows everything.
    assert len(client.get(QUEUE, {"kind": "nonsense"}).context["items"]) == len(KINDS)


def test_another_agencys_work_is_neither_counted_nor_listed(client, area, staff):
    build_work(area, staff)
    jakarta = agency("31", "Dinas Sosial Provinsi DKI Jakarta")
    jakarta_staff = StaffFactory(agency=jakarta)
    pledge_in_state(S.OFFERED, staff=jakarta_staff)  # a facility in Pasar Rebo, Jakarta
    pledge_in_state(S.DELIVERED, staff=jakarta_staff)
    program_in_state(ProgramStatus.SUBMITTED, targets=("31.75.01",))
    counts = work_queue_counts(_scope(jakarta_staff))
    assert (counts.offers, counts.deliveries, counts.programs, counts.realisations) == (1, 1, 1, 0)
    assert counts.acknowledgements == 0
    kinds = [item.kind for item in client.get(QUEUE).context["items"]]
    assert sorted(kinds) == sorted(KINDS)  # one of each, none of Jakarta's


def _scope(user):
    from agencies.scope import staff_scope

    return staff_scope(user)


def test_a_viewer_sees_the_queue_without_any_button(client, area, staff):
    build_work(area, staff)
    viewer = StaffFactory(agency=area["agency"], agency__role="viewer")
    client.force_login(viewer)
    page = client.get(QUEUE).content.decode()
    assert "8 items waiting" in page
    assert 'name="checked"' not in page and "offers-form" not in page
    assert "Record an acknowledgement" not in page


def test_the_queue_and_the_index_keep_their_pinned_query_count_as_work_grows(
    client, area, staff, django_assert_num_queries
):
    build_work(area, staff)
    with django_assert_num_queries(QUEUE_QUERIES):
        assert client.get(QUEUE).status_code == 200
    with django_assert_num_queries(INDEX_QUERIES):
        assert client.get(reverse("admin:index")).status_code == 200
    for _ in range(3):
        build_work(area, staff)
    with django_assert_num_queries(QUEUE_QUERIES):
        response = client.get(QUEUE)
    assert len(response.context["items"]) == 4 * len(KINDS)
    with django_assert_num_queries(INDEX_QUERIES):
        client.get(reverse("admin:index"))


def test_the_selectors_read_each_kind_in_one_query(area, staff, django_assert_num_queries):
    build_work(area, staff)
    scope = _scope(staff)
    with django_assert_num_queries(7):
        counts = work_queue_counts(scope)
    assert counts.total == len(KINDS)
    with django_assert_num_queries(len(KINDS) + 3):
        items = work_queue_items(scope)
        # What the cards read is already there: evidence, splits, regions, companies.
        shown = []
        for item in items:
            if item.kind in ("deliveries", "realisations"):
                shown += [evidence.pk for evidence in item.obj.evidence.all()]
            if item.kind == "realisations":
                shown += [share.region.name for share in item.obj.shares.all()]
                shown.append(item.obj.program.company.name)
            if item.kind == "deliveries":
                shown += [item.obj.pledge.need.facility.name, item.obj.pledge.company.name]
                shown.append(getattr(item.obj, "receipt", None))
    assert "Kahayan Hilir" in shown
