"""The partner portal's realisation reports as an officer uses them: the form, its errors, the
list, the detail, a correction, and who may download the evidence."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from agencies.models import ReportingPeriod, StaffRole
from programs import realisations
from programs.models import ProgramStatus, Realisation, RealisationStatus
from tests.factories import StaffFactory, agency, officer_user, region
from tests.portal.helpers import (
    file_realisation,
    pdf,
    png,
    pulpis_staff,
    realisation_post,
    registered_program,
    snapshot,
)

pytestmark = pytest.mark.django_db
LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def program(company):
    return registered_program(company)


def _new_url(program):
    return reverse("partner:realisation_create", args=[program.pk])


def test_the_nav_leads_to_the_reports(officer_client):
    page = officer_client.get(reverse("partner:dashboard")).content.decode()
    assert f'href="{reverse("partner:realisation_list")}"' in page
    assert "Realisation reports" in page


def test_the_form_offers_the_programs_targets_and_the_villages_below_them(officer_client, program):
    region("62.11.01.2001", "Pulang Pisau")
    region("62.11.05", "Sebangau Kuala")
    response = officer_client.get(_new_url(program))
    assert response.status_code == 200
    options = {value for value, _label in response.context["formset"].forms[0].fields["region"].choices if value}
    assert {str(o) for o in options} == {"62.11.01", "62.11.01.2001", "62.11.02"}
    page = response.content.decode()
    assert 'name="quarter"' not in page  # Pulang Pisau asks for one report a year
    assert 'name="year"' in page


def test_a_quarterly_agency_gets_a_quarter_select(officer_client, program):
    program.agency.realisation_period = ReportingPeriod.QUARTER
    program.agency.save(update_fields=["realisation_period"])
    page = officer_client.get(_new_url(program)).content.decode()
    assert 'name="quarter"' in page


def test_an_officer_reports_a_realisation_split_over_two_kecamatan_with_a_photo(officer_client, program, officer):
    data = realisation_post(
        year=LAST_YEAR,
        amount="Rp 1.250.000",
        lines=[("62.11.01", "Rp 1.000.000", "3"), ("62.11.02", "250.000", "1")],
        photos=[png("panen.png")],
        document=pdf("laporan.pdf"),
    )
    response = officer_client.post(_new_url(program), data)
    report = Realisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("partner:realisation_detail", args=[report.pk])
    assert (report.amount, report.status, report.reported_by) == (1_250_000, RealisationStatus.SUBMITTED, officer.user)
    assert sorted(report.shares.values_list("region_id", "amount")) == [("62.11.01", 1_000_000), ("62.11.02", 250_000)]
    assert report.evidence.count() == 2
    detail = officer_client.get(response["Location"]).content.decode()
    assert "Rp 1.250.000" in detail and "Maliku" in detail
    for item in report.evidence.all():
        assert reverse("programs:evidence_download", args=[item.pk]) in detail


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "Rp 2.000.000"}, "The split adds up to Rp 1.000.000 but the total realised is Rp 2.000.000."),
        ({"year": LAST_YEAR + 2}, "a report cannot be made for the future"),
        ({"households": "-4"}, "Counts of beneficiaries cannot be negative."),
        ({"children": "-1"}, "Counts of beneficiaries cannot be negative."),
        ({"shares-0-amount": "-5"}, "Rupiah cannot be negative."),
        ({"amount": "satu juta"}, "Write rupiah like Rp 1.250.000"),
        ({"shares-0-region": "62.11.05"}, "Select a valid choice."),
        ({"shares-0-region": "31.71.01"}, "Select a valid choice."),
        (
            {"photos": [SimpleUploadedFile("foto.jpg", b"just some text", content_type="image/jpeg")]},
            "foto.jpg is not a JPEG, PNG or WebP photo.",
        ),
    ],
    ids=[
        "split-not-adding-up",
        "future-year",
        "negative-households",
        "negative-children",
        "negative-line",
        "words-for-rupiah",
        "kecamatan-outside-targets",
        "kecamatan-outside-the-area",
        "text-bytes-named-jpg",
    ],
)
def test_bad_input_gives_a_form_error_and_writes_nothing(officer_client, program, changes, message):
    region("62.11.05", "Sebangau Kuala")
    region("31.71.01", "Gambir")
    before = snapshot()
    response = officer_client.post(_new_url(program), realisation_post(**{"year": LAST_YEAR, **changes}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot() == before


def test_a_program_not_yet_registered_takes_no_report(officer_client, program):
    program.status = ProgramStatus.SUBMITTED
    program.save(update_fields=["status"])
    response = officer_client.post(_new_url(program), realisation_post(year=LAST_YEAR), follow=True)
    assert "Only a program the agency has registered takes realisation reports." in response.content.decode()
    assert not Realisation.objects.exists()


def test_a_period_already_reported_is_a_form_error(officer_client, program, officer):
    file_realisation(program, officer.user, LAST_YEAR)
    before = snapshot()
    response = officer_client.post(_new_url(program), realisation_post(year=LAST_YEAR))
    assert response.status_code == 400
    assert "is already submitted, awaiting verification" in response.content.decode()
    assert snapshot() == before


def test_a_returned_report_is_corrected_from_its_page(officer_client, program, officer):
    report = file_realisation(program, officer.user, LAST_YEAR, files=[(png("a.png"), "photo")])
    realisations.realisation_return(report=report, actor=pulpis_staff(), reason="Rincian Maliku kurang")
    detail = officer_client.get(reverse("partner:realisation_detail", args=[report.pk])).content.decode()
    assert "Rincian Maliku kurang" in detail
    correct_url = reverse("partner:realisation_correct", args=[report.pk])
    assert correct_url in detail
    form_page = officer_client.get(correct_url)
    assert form_page.context["form"].initial["amount"] == 3_000_000
    assert form_page.context["formset"].forms[0].initial["region"] == "62.11.01"
    response = officer_client.post(
        correct_url,
        realisation_post(
            year=LAST_YEAR - 5,  # ignored: a correction keeps its period
            amount="3.000.000",
            lines=[("62.11.01", "2.000.000", "6"), ("62.11.02", "1.000.000", "4")],
            households="10",
        ),
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.year, report.status, report.shares.count(), report.evidence.count()) == (
        LAST_YEAR,
        RealisationStatus.SUBMITTED,
        2,
        1,
    )


def test_only_a_returned_report_can_be_corrected(officer_client, program, officer):
    report = file_realisation(program, officer.user, LAST_YEAR)
    before = snapshot()
    url = reverse("partner:realisation_correct", args=[report.pk])
    response = officer_client.post(url, realisation_post(year=LAST_YEAR, amount="Rp 1.000.000"))
    assert response.status_code == 302
    assert response["Location"] == reverse("partner:realisation_detail", args=[report.pk])
    assert snapshot() == before


def _reports(program, officer, years):
    for year in years:
        file_realisation(program, officer.user, year, files=[(png(), "photo")])


def test_the_list_costs_the_same_queries_however_many_reports(
    officer_client, company, officer, program, django_assert_num_queries
):
    url = reverse("partner:realisation_list")
    _reports(program, officer, [LAST_YEAR, LAST_YEAR - 1])
    # session, user, officer with company, count, page of reports, registered programs
    with django_assert_num_queries(6):
        first = officer_client.get(url)
    other = registered_program(company, title="Bank sampah desa")
    _reports(other, officer, [LAST_YEAR, LAST_YEAR - 1, LAST_YEAR - 2])
    with django_assert_num_queries(6):
        second = officer_client.get(url)
    assert len(first.context["reports"]) == 2 and len(second.context["reports"]) == 5
    page = second.content.decode()
    assert "Bank sampah desa" in page and reverse("partner:realisation_create", args=[other.pk]) in page


def test_the_detail_costs_the_same_queries_however_large_the_report(
    officer_client, officer, program, django_assert_num_queries
):
    small = file_realisation(program, officer.user, LAST_YEAR, files=[(png(), "photo")])
    large = file_realisation(program, officer.user, LAST_YEAR - 1, files=[(png(f"{n}.png"), "photo") for n in range(4)])
    with django_assert_num_queries(6):
        officer_client.get(reverse("partner:realisation_detail", args=[small.pk]))
    with django_assert_num_queries(6):
        officer_client.get(reverse("partner:realisation_detail", args=[large.pk]))


def test_evidence_downloads_only_for_the_company_and_staff_in_scope(client, company, officer, other_officer, program):
    report = file_realisation(program, officer.user, LAST_YEAR, files=[(png(), "photo")])
    url = reverse("programs:evidence_download", args=[report.evidence.get().pk])
    assert client.get(url).status_code == 404  # anonymous
    allowed = {
        "the reporting officer": officer.user,
        "a colleague": officer_user(company),
        "Pulang Pisau staff": pulpis_staff(),
        "a Pulang Pisau viewer": StaffFactory(agency=program.agency, agency__role=StaffRole.VIEWER),
    }
    refused = {
        "another company": other_officer.user,
        "Jakarta staff": StaffFactory(agency=agency("31", "Dinas Sosial Provinsi DKI Jakarta")),
    }
    for who, user in allowed.items():
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, who
        assert response["Cache-Control"] == "private, no-store"
    for who, user in refused.items():
        client.force_login(user)
        assert client.get(url).status_code == 404, who
    assert client.get(reverse("programs:evidence_download", args=[2**63])).status_code == 404


def test_a_form_sent_back_with_errors_says_the_photo_must_be_chosen_again(officer_client, program):
    before = snapshot()
    data = realisation_post(year=LAST_YEAR, amount="Rp 9.000.000", photos=[png("panen.png")])
    response = officer_client.post(_new_url(program), data)

    assert response.status_code == 400
    assert "choose the photos and the document again before sending" in response.content.decode()
    assert snapshot() == before


def test_a_form_sent_back_without_files_does_not_mention_them(officer_client, program):
    response = officer_client.post(_new_url(program), realisation_post(year=LAST_YEAR, amount="Rp 9.000.000"))
    assert response.status_code == 400
    assert "choose the photos and the document again" not in response.content.decode()
