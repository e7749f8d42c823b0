"""The Dinsos side in the admin: matching screen, work queue, actions, evidence access."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from backoffice.admin.deliveries import DeliveryReportAdmin
from matching import services
from matching.models import DeliveryReport, DeliveryStatus, Evidence, EvidenceKind, Pledge, PledgeStatus
from tests.factories import (
    CompanyFactory,
    NeedFactory,
    ProgramFactory,
    field,
    officer_user,
    pledge_in_state,
    region,
    staff_user,
)

pytestmark = pytest.mark.django_db
S = PledgeStatus


@pytest.fixture
def staff(client):
    user = staff_user()
    client.force_login(user)
    return user


def test_matching_screen_shows_remaining_and_suggestions_with_reasons(client, staff):
    need = NeedFactory(quantity=40, field=field("pendidikan"))
    good = CompanyFactory(name="PT Cocok", focus_fields=[field("pendidikan")], preferred_regions=[region("31.75")])
    CompanyFactory(name="PT Lain", focus_fields=[field("kesehatan")])
    pledge_in_state(S.APPROVED, need=need, quantity=15, staff=staff)
    response = client.get(reverse("admin:facilities_need_match", args=[need.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["need"].quantity_remaining == 25
    suggestions = response.context["suggestions"]
    assert suggestions[0].obj == good
    assert "same field: Education" in suggestions[0].reason_text
    assert "region: Wilayah 31.75" in suggestions[0].reason_text
    assert "PT Lain" not in [s.obj.name for s in suggestions]


def test_matching_screen_proposes_through_the_service(client, staff):
    need = NeedFactory(quantity=40)
    company = CompanyFactory()
    officer_user(company)
    url = reverse("admin:facilities_need_match", args=[need.pk])
    response = client.post(url, {"company": company.pk, "quantity": 12, "note": "Mohon dukungan"})
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert (pledge.status, pledge.quantity, pledge.created_by) == (S.PROPOSED, 12, staff)
    need.refresh_from_db()
    assert need.quantity_pending == 12


def test_matching_screen_refuses_more_than_remains_and_changes_nothing(client, staff):
    need = NeedFactory(quantity=10)
    company = CompanyFactory()
    response = client.post(
        reverse("admin:facilities_need_match", args=[need.pk]), {"company": company.pk, "quantity": 11}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["quantity"]
    assert not Pledge.objects.exists()


def test_matching_screen_query_count_does_not_grow_with_companies(client, staff):
    need = NeedFactory(field=field("pendidikan"))
    url = reverse("admin:facilities_need_match", args=[need.pk])

    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(3):
        CompanyFactory(focus_fields=[field("pendidikan")])
    small = count_queries()
    for _ in range(30):
        company = CompanyFactory(focus_fields=[field("pendidikan")], preferred_regions=[region("31.75")])
        ProgramFactory(company=company)
    pledge_in_state(S.APPROVED, need=need, quantity=5, staff=staff)
    assert count_queries() == small


def test_work_queue_lists_what_waits_for_dinsos(client, staff):
    offer = pledge_in_state(S.OFFERED, staff=staff)
    delivered = pledge_in_state(S.DELIVERED, staff=staff)
    proposal = pledge_in_state(S.PROPOSED, staff=staff)
    Pledge.objects.filter(pk=proposal.pk).update(respond_by=proposal.respond_by - datetime.timedelta(days=12))
    pledge_in_state(S.APPROVED, staff=staff)
    response = client.get(reverse("admin:matching_pledge_queue"))
    assert response.status_code == 200
    items = response.context["items"]
    assert [item.obj.pk for item in items if item.kind == "offers"] == [offer.pk]
    assert [item.obj.pledge_id for item in items if item.kind == "deliveries"] == [delivered.pk]
    assert [item.obj.pk for item in items if item.kind == "lapsing"] == [proposal.pk]


def test_admin_index_links_the_work_queue(client, staff):
    response = client.get(reverse("admin:index"))
    assert reverse("admin:matching_pledge_queue") in response.content.decode()


def test_work_queue_query_count_is_constant(client, staff, django_assert_num_queries):
    def build():
        pledge_in_state(S.OFFERED, staff=staff)
        pledge_in_state(S.DELIVERED, staff=staff)
        pledge_in_state(S.PROPOSED, staff=staff)

    build()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse("admin:matching_pledge_queue"))
    for _ in range(5):
        build()
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("admin:matching_pledge_queue"))


def test_approve_action_approves_offers_and_reports_illegal_ones(client, staff):
    offer = pledge_in_state(S.OFFERED, staff=staff)
    approved = pledge_in_state(S.APPROVED, staff=staff)
    response = client.post(
        reverse("admin:matching_pledge_changelist"),
        {"action": "approve_offers", "_selected_action": [offer.pk, approved.pk]},
        follow=True,
    )
    offer.refresh_from_db()
    approved.refresh_from_db()
    assert offer.status == S.APPROVED
    assert approved.status == S.APPROVED
    texts = [str(m) for m in response.context["messages"]]
    assert any("1" in t for t in texts)
    assert len(texts) == 2  # one success, one refusal for the already approved pledge


def test_reject_action_asks_for_a_reason_first(client, staff):
    offer = pledge_in_state(S.OFFERED, staff=staff)
    url = reverse("admin:matching_pledge_changelist")
    response = client.post(url, {"action": "reject_offers", "_selected_action": [offer.pk]})
    assert response.status_code == 200
    assert "form" in response.context
    offer.refresh_from_db()
    assert offer.status == S.OFFERED
    client.post(url, {"action": "reject_offers", "_selected_action": [offer.pk], "apply": "1", "reason": "Duplikat"})
    offer.refresh_from_db()
    assert (offer.status, offer.status_reason) == (S.REJECTED, "Duplikat")


def test_verify_action_moves_the_need(client, staff):
    pledge = pledge_in_state(S.DELIVERED, quantity=10, staff=staff)
    report = pledge.deliveries.get()
    client.post(
        reverse("admin:matching_deliveryreport_changelist"),
        {"action": "verify_reports", "_selected_action": [report.pk], "apply": "1"},
    )
    report.refresh_from_db()
    pledge.need.refresh_from_db()
    assert report.status == DeliveryStatus.VERIFIED
    assert report.verified_by == staff
    assert pledge.need.quantity_delivered == 10


def test_reduce_view_reduces_through_the_service(client, staff):
    pledge = pledge_in_state(S.APPROVED, quantity=10, staff=staff)
    url = reverse("admin:matching_pledge_reduce", args=[pledge.pk])
    response = client.post(url, {"quantity": 20, "reason": "x"})
    assert response.context["form"].errors
    client.post(url, {"quantity": 6, "reason": "Anggaran dipotong"})
    pledge.refresh_from_db()
    assert pledge.quantity == 6


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:matching_pledge_changelist",
        "admin:matching_deliveryreport_changelist",
        "admin:facilities_need_changelist",
        "admin:matching_pledge_queue",
    ],
)
def test_changelists_keep_their_query_count_as_pledges_grow(client, staff, url_name, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pledge_in_state(S.DELIVERED, staff=staff)
    pledge_in_state(S.OFFERED, staff=staff)
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse(url_name)).status_code == 200
    for state in (S.DELIVERED, S.OFFERED, S.APPROVED, S.VERIFIED, S.PROPOSED) * 3:
        pledge_in_state(state, staff=staff)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse(url_name))


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue())


def test_evidence_downloads_only_for_staff_and_the_owning_company(client):
    staff = staff_user()
    pledge = pledge_in_state(S.APPROVED, staff=staff)
    owner = pledge.company.officers.first().user
    report = services.delivery_report_submit(
        pledge=pledge,
        actor=owner,
        delivered_on=timezone.localdate(),
        quantity=1,
        files=[(_png(), EvidenceKind.PHOTO)],
    )
    url = reverse("matching:evidence_download", args=[report.evidence.get().pk])
    assert client.get(url).status_code == 404  # anonymous
    client.force_login(officer_user(CompanyFactory()))
    assert client.get(url).status_code == 404  # another company
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]
    client.force_login(staff)
    assert client.get(url).status_code == 200
    assert client.get(reverse("matching:evidence_download", args=[9999])).status_code == 404


def test_the_delivery_reports_count_their_evidence_files_and_sort_by_them(client, staff):
    with_files = pledge_in_state(S.DELIVERED, staff=staff).deliveries.get()
    without = pledge_in_state(S.DELIVERED, staff=staff).deliveries.get()
    for name in ("bukti-1.jpg", "bast.pdf"):
        Evidence.objects.create(
            report=with_files,
            kind=EvidenceKind.PHOTO,
            file=f"evidence/{name}",
            content_type="image/jpeg",
            size=10,
            uploaded_by=with_files.reported_by,
        )
    column = DeliveryReportAdmin.list_display.index("evidence_count") + 1

    for order, expected in ((f"-{column}", [with_files, without]), (str(column), [without, with_files])):
        response = client.get(reverse("admin:matching_deliveryreport_changelist"), {"o": order})
        rows = list(response.context["cl"].result_list)

        assert rows == expected
        assert [row.n_evidence for row in rows] == [len(row.evidence.all()) for row in expected]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_the_delivery_reports_list_walks_its_index_in_the_staffs_order():
    pledge_in_state(S.DELIVERED)
    with connection.cursor() as cursor:
        # On a few rows a sort is cheapest: forbid it, so the plan shows whether the index
        # gives the order (migration matching/0005).
        cursor.execute("SET LOCAL enable_sort = off")

    plan = DeliveryReport.objects.all()[:100].explain()

    assert "delivery_report_order_idx" in plan
