"""Pledging from the portal, answering proposals, withdrawing, and reporting deliveries with
evidence. Every refusal is a form error or a message, and writes nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from facilities.models import Need
from matching.models import DeliveryReport, Evidence, EvidenceKind, Pledge, PledgeStatus
from partners.models import CompanyStatus
from programs.models import ProgramStatus
from tests.factories import ProgramFactory, pledge_in_state
from tests.portal.helpers import PDF_BYTES, pdf, png, snapshot

pytestmark = pytest.mark.django_db


def _pledge_url(need):
    return reverse("partner:pledge_create", args=[need.pk])


# --- offering --------------------------------------------------------------------------------


def test_pledging_part_of_a_need_creates_an_offer_through_the_workflow(officer_client, officer, need):
    response = officer_client.post(_pledge_url(need), {"quantity": "25", "note": "Merek Inoac"})
    pledge = Pledge.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("partner:pledge_detail", args=[pledge.pk])
    assert (pledge.company, pledge.quantity, pledge.status, pledge.created_by) == (
        officer.company,
        25,
        PledgeStatus.OFFERED,
        officer.user,
    )
    assert pledge.value == 25 * need.unit_cost  # the estimate, as the form promised
    assert pledge.changes.get().new_status == PledgeStatus.OFFERED
    need.refresh_from_db()
    assert (need.quantity_pending, need.quantity_remaining) == (25, 15)


def test_pledge_form_states_what_remains(officer_client, need):
    pledge_in_state(PledgeStatus.APPROVED, need=need, quantity=30)
    page = officer_client.get(_pledge_url(need)).content.decode()
    assert "At most 10 pieces remain to be covered." in page
    assert 'max="10"' in page


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        ("41", "Only 40 pieces remain to be covered."),
        ("0", "Pledge at least 1 piece."),
        ("-3", "Pledge at least 1 piece."),
        ("2.5", "Enter a whole number."),
        ("", "This field is required."),
        ("sepuluh", "Enter a whole number."),
        ("99999999999999999999999", "Only 40 pieces remain to be covered."),
    ],
    ids=["above-remaining", "zero", "negative", "fraction", "empty", "words", "huge"],
)
def test_bad_quantity_is_a_form_error_and_creates_nothing(officer_client, need, quantity, message):
    before = snapshot()
    response = officer_client.post(_pledge_url(need), {"quantity": quantity})
    assert response.status_code == 400
    assert message in response.context["form"].errors["quantity"]
    assert snapshot() == before


def test_quantity_taken_meanwhile_by_another_partner_is_a_form_error(officer_client, need):
    # The page was loaded when 40 remained; another company pledged 35 before this POST.
    officer_client.get(_pledge_url(need))
    pledge_in_state(PledgeStatus.OFFERED, need=need, quantity=35)
    before = snapshot()
    response = officer_client.post(_pledge_url(need), {"quantity": "10"})
    assert response.status_code == 400
    assert snapshot() == before


def test_value_program_date_and_note_reach_the_pledge(officer_client, officer, need):
    program = ProgramFactory(company=officer.company, title="Hyundai Peduli Panti")
    due = timezone.localdate() + datetime.timedelta(days=20)
    officer_client.post(
        _pledge_url(need),
        {"quantity": "5", "value": "5000000", "program": program.pk, "expected_delivery_date": due, "note": "x"},
    )
    pledge = Pledge.objects.get()
    assert (pledge.value, pledge.program, pledge.expected_delivery_date, pledge.note) == (5_000_000, program, due, "x")


@pytest.mark.parametrize(
    "program_of",
    ["another-company", "inactive-program"],
)
def test_only_the_companys_own_active_programs_are_offered(officer_client, officer, need, program_of):
    if program_of == "another-company":
        program = ProgramFactory()
    else:
        program = ProgramFactory(company=officer.company, status=ProgramStatus.COMPLETED)
    assert program.title not in officer_client.get(_pledge_url(need)).content.decode()
    before = snapshot()
    response = officer_client.post(_pledge_url(need), {"quantity": "5", "program": program.pk})
    assert response.status_code == 400
    assert "program" in response.context["form"].errors
    assert snapshot() == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("value", "-1"),
        ("value", str(10**16)),
        ("expected_delivery_date", "2001-01-01"),
        ("expected_delivery_date", "31/02/2030"),
        ("note", "x" * 2001),
    ],
    ids=["negative-value", "absurd-value", "past-date", "impossible-date", "long-note"],
)
def test_bad_optional_fields_are_form_errors(officer_client, need, field, value):
    before = snapshot()
    response = officer_client.post(_pledge_url(need), {"quantity": "5", field: value})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert snapshot() == before


def test_an_inactive_company_cannot_pledge(officer_client, officer, need):
    officer.company.status = CompanyStatus.INACTIVE
    officer.company.save()
    page = officer_client.get(_pledge_url(need)).content.decode()
    assert "cannot pledge" in page
    before = snapshot()
    response = officer_client.post(_pledge_url(need), {"quantity": "5"})
    assert response.status_code == 400
    assert "This partner is inactive." in response.context["form"].non_field_errors()
    assert snapshot() == before


def test_a_fully_pledged_need_says_so_instead_of_a_form(officer_client, need):
    pledge_in_state(PledgeStatus.OFFERED, need=need, quantity=40)
    page = officer_client.get(_pledge_url(need)).content.decode()
    assert "Everything of this need is already pledged." in page
    assert 'name="quantity"' not in page


# --- answering and withdrawing ---------------------------------------------------------------


def test_officer_accepts_a_proposal(officer_client, officer, need):
    pledge = pledge_in_state(PledgeStatus.PROPOSED, company=officer.company, need=need, quantity=10)
    response = officer_client.post(reverse("partner:pledge_accept", args=[pledge.pk]), follow=True)
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.ACCEPTED
    assert pledge.changes.last().actor == officer.user
    assert "You accepted the proposal" in response.content.decode()
    need.refresh_from_db()
    assert (need.quantity_pending, need.quantity_covered) == (0, 10)


def test_officer_declines_a_proposal_with_a_reason(officer_client, officer, need):
    pledge = pledge_in_state(PledgeStatus.PROPOSED, company=officer.company, need=need, quantity=10)
    officer_client.post(reverse("partner:pledge_decline", args=[pledge.pk]), {"reason": "Anggaran 2025 habis"})
    pledge.refresh_from_db()
    assert (pledge.status, pledge.status_reason) == (PledgeStatus.DECLINED, "Anggaran 2025 habis")


def test_answering_twice_is_a_message_and_changes_nothing(officer_client, officer, need):
    pledge = pledge_in_state(PledgeStatus.ACCEPTED, company=officer.company, need=need, quantity=10)
    before = snapshot()
    response = officer_client.post(reverse("partner:pledge_decline", args=[pledge.pk]))
    assert response["Location"] == reverse("partner:pledge_detail", args=[pledge.pk])
    assert snapshot() == before
    assert "cannot become" in officer_client.get(response["Location"]).content.decode()


def test_withdrawing_needs_a_reason_and_frees_the_quantity(officer_client, officer, need):
    pledge = pledge_in_state(PledgeStatus.OFFERED, company=officer.company, need=need, quantity=10)
    before = snapshot()
    refused = officer_client.post(reverse("partner:pledge_withdraw", args=[pledge.pk]), {"reason": "  "})
    assert refused.status_code == 400
    assert snapshot() == before
    officer_client.post(reverse("partner:pledge_withdraw", args=[pledge.pk]), {"reason": "Salah jumlah"})
    pledge.refresh_from_db()
    need.refresh_from_db()
    assert (pledge.status, need.quantity_remaining) == (PledgeStatus.CANCELLED, 40)


def test_detail_page_offers_only_the_moves_the_state_allows(officer_client, officer, need):
    proposed = pledge_in_state(PledgeStatus.PROPOSED, company=officer.company, need=need, quantity=5)
    verified = pledge_in_state(PledgeStatus.VERIFIED, company=officer.company, quantity=5)
    proposed_page = officer_client.get(reverse("partner:pledge_detail", args=[proposed.pk])).content.decode()
    assert "Accept the proposal" in proposed_page and "Report a delivery" not in proposed_page
    verified_page = officer_client.get(reverse("partner:pledge_detail", args=[verified.pk])).content.decode()
    for action in ("Accept the proposal", "Report a delivery", "Withdraw this pledge"):
        assert action not in verified_page
    assert "History" in verified_page and "Delivery verified" in verified_page
    # A proposal is declined, never withdrawn; an offer can be withdrawn.
    assert "Withdraw this pledge" not in proposed_page
    offered = pledge_in_state(PledgeStatus.OFFERED, company=officer.company, need=need, quantity=5)
    offered_page = officer_client.get(reverse("partner:pledge_detail", args=[offered.pk])).content.decode()
    assert "Withdraw this pledge" in offered_page


def test_a_proposal_or_a_delivered_pledge_cannot_be_withdrawn(officer_client, officer, need):
    proposed = pledge_in_state(PledgeStatus.PROPOSED, company=officer.company, need=need, quantity=5)
    delivered = pledge_in_state(PledgeStatus.DELIVERED, company=officer.company, quantity=5)
    before = snapshot()
    for pledge in (proposed, delivered):
        response = officer_client.post(reverse("partner:pledge_withdraw", args=[pledge.pk]), {"reason": "x"})
        assert response["Location"] == reverse("partner:pledge_detail", args=[pledge.pk])
    assert snapshot() == before


def test_opening_a_pledge_reads_its_notifications(officer_client, officer, need):
    pledge = pledge_in_state(PledgeStatus.PROPOSED, company=officer.company, need=need, quantity=5)
    assert officer.user.notifications.filter(pledge=pledge, read_at__isnull=True).exists()
    officer_client.get(reverse("partner:pledge_detail", args=[pledge.pk]))
    assert not officer.user.notifications.filter(pledge=pledge, read_at__isnull=True).exists()


# --- reporting deliveries --------------------------------------------------------------------


@pytest.fixture
def approved(officer, need):
    return pledge_in_state(PledgeStatus.APPROVED, company=officer.company, need=need, quantity=20)


def _report(client, pledge, **data):
    payload = {"delivered_on": timezone.localdate().isoformat(), "quantity": "20", **data}
    return client.post(reverse("partner:delivery_report", args=[pledge.pk]), payload)


def test_report_with_photos_and_bast_stores_the_evidence(officer_client, officer, approved):
    response = _report(officer_client, approved, photos=[png("a.png"), png("b.png")], bast=pdf(), value="", notes="ok")
    assert response.status_code == 302
    report = DeliveryReport.objects.get()
    assert (report.quantity, report.reported_by, report.value) == (20, officer.user, approved.value)
    assert sorted(report.evidence.values_list("kind", flat=True)) == ["bast", "photo", "photo"]
    approved.refresh_from_db()
    assert approved.status == PledgeStatus.DELIVERED
    page = officer_client.get(reverse("partner:pledge_detail", args=[approved.pk])).content.decode()
    for item in report.evidence.all():
        assert reverse("matching:evidence_download", args=[item.pk]) in page


def test_partial_report_leaves_the_rest_to_report(officer_client, approved):
    _report(officer_client, approved, quantity="8", photos=[png()])
    approved.refresh_from_db()
    assert (approved.status, approved.quantity_outstanding) == (PledgeStatus.APPROVED, 12)
    page = officer_client.get(reverse("partner:delivery_report", args=[approved.pk])).content.decode()
    assert "12 pieces of this pledge remain to be reported." in page
    assert 'enctype="multipart/form-data"' in page


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"photos": []}, "__all__"),
        ({"quantity": "21", "photos": "png"}, "quantity"),
        ({"quantity": "0", "photos": "png"}, "quantity"),
        ({"delivered_on": "2999-01-01", "photos": "png"}, "delivered_on"),
        ({"photos": "exe"}, "photos"),
        ({"photos": "empty"}, "photos"),
        ({"bast": "png-as-pdf"}, "bast"),
        ({"bast": "truncated-pdf"}, "bast"),
        ({"photos": "eleven"}, "photos"),
        ({"beneficiaries_reached": "-5", "photos": "png"}, "beneficiaries_reached"),
    ],
    ids=[
        "no-evidence",
        "above-pledge",
        "zero",
        "future-date",
        "renamed-executable",
        "empty-file",
        "photo-as-bast",
        "broken-pdf",
        "too-many-photos",
        "negative-beneficiaries",
    ],
)
def test_bad_report_is_a_form_error_and_stores_nothing(officer_client, approved, data, field):
    files = {
        "png": [png()],
        "exe": [SimpleUploadedFile("foto.jpg", b"MZ\x90\x00" + b"\x00" * 200)],
        "empty": [SimpleUploadedFile("kosong.png", b"")],
        "png-as-pdf": SimpleUploadedFile("bast.pdf", png().read()),
        "truncated-pdf": SimpleUploadedFile("bast.pdf", PDF_BYTES[:-7]),
        "eleven": [png(f"{n}.png") for n in range(11)],
    }
    payload = {key: files.get(value, value) if isinstance(value, str) else value for key, value in data.items()}
    before = snapshot()
    response = _report(officer_client, approved, **payload)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert snapshot() == before
    assert not Evidence.objects.exists()


def test_nothing_to_report_redirects_to_the_pledge(officer_client, officer, need):
    offered = pledge_in_state(PledgeStatus.OFFERED, company=officer.company, need=need, quantity=5)
    before = snapshot()
    response = _report(officer_client, offered, quantity="5", photos=[png()])
    assert response["Location"] == reverse("partner:pledge_detail", args=[offered.pk])
    assert snapshot() == before


def test_the_need_progress_moves_only_when_dinsos_verifies(officer_client, officer, approved):
    from matching import services
    from tests.factories import staff_user

    _report(officer_client, approved, photos=[png()])
    need = Need.objects.get(pk=approved.need_id)
    assert need.quantity_delivered == 0
    services.delivery_verify(report=DeliveryReport.objects.get(), actor=staff_user())
    need.refresh_from_db()
    assert need.quantity_delivered == 20
    assert Evidence.objects.filter(kind=EvidenceKind.PHOTO).count() == 1


def test_a_delivery_report_sent_back_with_errors_says_the_files_must_be_chosen_again(officer_client, approved):
    response = _report(officer_client, approved, photos=[png("a.png")], bast=pdf(), quantity="999")
    assert response.status_code == 400
    assert "choose the photos and the document again before sending" in response.content.decode()
    assert not DeliveryReport.objects.exists()
