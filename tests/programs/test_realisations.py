"""Realisation reports through their services (programs.realisations): filing, correcting a
returned report, verifying and returning, who may do what, and bad input that writes nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from agencies.models import ReportingPeriod
from notifications.models import Notification, OutgoingEmail
from programs import realisations
from programs.models import (
    ProgramStatus,
    Realisation,
    RealisationEvidence,
    RealisationEvidenceKind,
    RealisationShare,
    RealisationStatus,
)
from programs.realisations import RealisationError
from programs.rules import ShareLine
from tests.factories import CompanyFactory, OfficerFactory, ProgramFactory, StaffFactory, agency, region
from tests.photo_helpers import gps_exif, jpeg_bytes
from tests.portal.helpers import pdf, png

pytestmark = pytest.mark.django_db
LAST_YEAR = timezone.localdate().year - 1
PHOTO = RealisationEvidenceKind.PHOTO
DOCUMENT = RealisationEvidenceKind.DOCUMENT


def rows() -> dict:
    return {
        "reports": list(Realisation.objects.order_by("pk").values()),
        "shares": list(RealisationShare.objects.order_by("pk").values()),
        "evidence": list(RealisationEvidence.objects.order_by("pk").values()),
        "notifications": Notification.objects.count(),
        "emails": OutgoingEmail.objects.count(),
    }


def submit(program, actor, **changes):
    targets = list(program.target_regions.order_by("code"))
    values = {
        "program": program,
        "actor": actor,
        "year": LAST_YEAR,
        "quarter": 0,
        "amount": 30_000_000,
        "shares": [ShareLine(targets[0], 20_000_000, 40), ShareLine(targets[-1], 10_000_000, 15)],
        "households": 55,
        "persons": 180,
        "women": 95,
        "children": 60,
        "activities": "Sekolah lapang padi organik di dua kecamatan.",
        "files": [(png("kegiatan.png"), PHOTO)],
    }
    values.update(changes)
    return realisations.realisation_submit(**values)


def test_a_report_split_over_two_kecamatan_with_a_photo(program, officer, pulpis_staff, kahayan, maliku):
    report = submit(program, officer)
    assert report.status == RealisationStatus.SUBMITTED
    assert (report.year, report.quarter, report.amount, report.households, report.persons) == (
        LAST_YEAR,
        0,
        30_000_000,
        55,
        180,
    )
    assert report.elderly is None  # not known is not zero
    assert {(s.region_id, s.amount, s.households) for s in report.shares.all()} == {
        (kahayan.code, 20_000_000, 40),
        (maliku.code, 10_000_000, 15),
    }
    (photo,) = report.evidence.all()
    assert (photo.kind, photo.content_type, photo.original_name) == (PHOTO, "image/png", "kegiatan.png")
    assert photo.file.name.startswith(f"evidence/programs/{program.pk}/") and "kegiatan" not in photo.file.name
    # The agency's deciding staff hear of it, in the app and by e-mail.
    notice = Notification.objects.get(recipient=pulpis_staff)
    assert notice.event == "realisation_submitted" and "Sekolah lapang petani" in notice.text
    assert OutgoingEmail.objects.filter(to=pulpis_staff.email, event="realisation_submitted").exists()


def test_the_photo_is_stored_without_its_metadata(program, officer):
    upload = SimpleUploadedFile("gps.jpg", jpeg_bytes(exif=gps_exif()), content_type="image/jpeg")
    report = submit(program, officer, files=[(upload, PHOTO)])
    with report.evidence.get().file.open("rb") as handle, Image.open(handle) as image:
        assert not image.getexif()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": 35_000_000}, "The split adds up to Rp 30.000.000 but the total realised is Rp 35.000.000."),
        ({"year": LAST_YEAR + 2}, "The period has not begun yet: a report cannot be made for the future."),
        ({"quarter": 2}, "asks for one report per year, not per quarter."),
        ({"households": -1}, "Counts of beneficiaries cannot be negative."),
        ({"women": -3}, "Counts of beneficiaries cannot be negative."),
        ({"persons": 50}, "cannot be larger than the persons reached (50)"),
        ({"households": 20}, "The split counts 55 households but the report reached 20."),
        ({"activities": "  "}, "Describe the activities of the period."),
        ({"shares": []}, "Split the rupiah realised over at least one kecamatan or village."),
        (
            {"files": [(SimpleUploadedFile("foto.jpg", b"hello, not a photo", content_type="image/jpeg"), PHOTO)]},
            "foto.jpg is not a JPEG, PNG or WebP photo.",
        ),
        ({"files": [(png("a.png"), DOCUMENT)]}, "a.png is not a PDF document."),
        ({"files": [(png(f"{n}.png"), PHOTO) for n in range(11)]}, "Attach at most 10 photos."),
        ({"files": [(pdf("a.pdf"), DOCUMENT), (pdf("b.pdf"), DOCUMENT)]}, "Attach at most 1 PDF document."),
    ],
    ids=[
        "split-not-adding-up",
        "future-period",
        "quarter-where-agency-asks-years",
        "negative-households",
        "negative-women",
        "group-larger-than-persons",
        "split-households-above-total",
        "no-activities",
        "no-split",
        "text-bytes-named-jpg",
        "photo-as-document",
        "too-many-photos",
        "two-documents",
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_writes_nothing(program, officer, changes, message):
    before = rows()
    with pytest.raises(RealisationError) as refused:
        submit(program, officer, **changes)
    assert message in refused.value.message
    assert rows() == before


def test_a_kecamatan_outside_the_targets_or_the_area_is_refused(program, officer, kahayan, sebangau):
    gambir = region("31.71.01", "Gambir")
    before = rows()
    with pytest.raises(RealisationError) as refused:
        submit(
            program,
            officer,
            amount=30,
            households=0,
            shares=[ShareLine(kahayan, 10), ShareLine(sebangau, 10), ShareLine(gambir, 10)],
        )
    assert refused.value.problems == [
        "Sebangau Kuala (62.11.05) is not among the program's target regions.",
        "Gambir (31.71.01) lies outside the area of Dinas Sosial Kabupaten Pulang Pisau.",
    ]
    assert rows() == before


def test_every_problem_is_told_at_once(program, officer):
    with pytest.raises(RealisationError) as refused:
        submit(program, officer, amount=1, households=-1, activities="")
    assert len(refused.value.problems) == 3


def test_a_report_for_another_companys_program_is_refused(program):
    stranger = OfficerFactory(company=CompanyFactory(name="PT Lain")).user
    before = rows()
    with pytest.raises(RealisationError, match="Only an officer of the program's company"):
        submit(program, stranger)
    assert rows() == before


@pytest.mark.parametrize(
    "status", [ProgramStatus.DRAFT, ProgramStatus.SUBMITTED, ProgramStatus.DECLINED, ProgramStatus.CANCELLED]
)
def test_a_program_not_registered_takes_no_report(program, officer, status):
    program.status = status
    program.save(update_fields=["status"])
    with pytest.raises(RealisationError, match="registered"):
        submit(program, officer)
    assert not Realisation.objects.exists()


def test_quarterly_agency_takes_quarters(program, officer, pulpis):
    pulpis.realisation_period = ReportingPeriod.QUARTER
    pulpis.save(update_fields=["realisation_period"])
    with pytest.raises(RealisationError, match="choose a quarter"):
        submit(program, officer)
    assert submit(program, officer, quarter=3).period_label == f"{LAST_YEAR} Q3"


@pytest.mark.parametrize("status", [RealisationStatus.SUBMITTED, RealisationStatus.VERIFIED])
def test_a_period_reported_already_is_refused(program, officer, pulpis_staff, status):
    report = submit(program, officer)
    if status == RealisationStatus.VERIFIED:
        realisations.realisation_verify(report=report, actor=pulpis_staff)
    before = rows()
    with pytest.raises(RealisationError, match="already"):
        submit(program, officer, amount=30_000_000)
    assert rows() == before


def test_a_returned_report_is_corrected_by_submitting_it_again(program, officer, pulpis_staff, kahayan):
    report = submit(program, officer)
    realisations.realisation_return(report=report, actor=pulpis_staff, reason="Foto kegiatan di Maliku kurang.")
    report.refresh_from_db()
    assert report.status == RealisationStatus.RETURNED
    assert report.review_note == "Foto kegiatan di Maliku kurang."
    returned_at = report.submitted_at
    notice = Notification.objects.get(recipient=officer)
    assert notice.event == "realisation_returned" and "Foto kegiatan di Maliku kurang." in notice.text
    assert notice.url == f"/partner/realisations/{report.pk}/"

    corrected = submit(
        program,
        officer,
        amount=25_000_000,
        shares=[ShareLine(kahayan, 25_000_000, 50)],
        households=50,
        files=[(png("maliku.png"), PHOTO), (pdf("laporan.pdf"), DOCUMENT)],
    )
    assert corrected.pk == report.pk
    corrected.refresh_from_db()
    assert corrected.status == RealisationStatus.SUBMITTED
    assert corrected.submitted_at > returned_at
    assert corrected.amount == 25_000_000
    assert [(s.region_id, s.amount) for s in corrected.shares.all()] == [(kahayan.code, 25_000_000)]
    # The first photo stays; the new files are added.
    assert sorted(corrected.evidence.values_list("original_name", flat=True)) == [
        "kegiatan.png",
        "laporan.pdf",
        "maliku.png",
    ]
    assert Realisation.objects.count() == 1
    assert Notification.objects.filter(recipient=pulpis_staff, event="realisation_submitted").count() == 2


def test_a_failed_correction_leaves_the_returned_report_as_it_was(program, officer, pulpis_staff):
    report = submit(program, officer)
    realisations.realisation_return(report=report, actor=pulpis_staff, reason="Kurang")
    before = rows()
    with pytest.raises(RealisationError):
        submit(program, officer, amount=1, files=[(png("baru.png"), PHOTO)])
    assert rows() == before


def test_staff_of_the_agency_verify_and_the_company_hears_of_it(program, officer, pulpis_staff):
    report = submit(program, officer)
    verified = realisations.realisation_verify(report=report, actor=pulpis_staff, note="Sesuai kunjungan lapangan")
    assert verified.status == RealisationStatus.VERIFIED
    assert verified.verified_by == pulpis_staff and verified.verified_at is not None
    assert Notification.objects.get(recipient=officer).event == "realisation_verified"
    assert OutgoingEmail.objects.filter(event="realisation_verified").count() == 1


def test_returning_needs_a_reason(program, officer, pulpis_staff):
    report = submit(program, officer)
    with pytest.raises(RealisationError, match="reason"):
        realisations.realisation_return(report=report, actor=pulpis_staff, reason="  ")
    report.refresh_from_db()
    assert report.status == RealisationStatus.SUBMITTED


@pytest.mark.parametrize("who", ["officer", "jakarta_staff", "pulpis_viewer"])
@pytest.mark.parametrize("action", ["verify", "return"])
def test_only_staff_of_the_reports_agency_review_it(request, program, officer, who, action):
    report = submit(program, officer)
    actor = request.getfixturevalue(who)
    before = rows()
    with pytest.raises(RealisationError, match="not allowed"):
        if action == "verify":
            realisations.realisation_verify(report=report, actor=actor)
        else:
            realisations.realisation_return(report=report, actor=actor, reason="Tidak")
    assert rows() == before


@pytest.mark.parametrize("status", [RealisationStatus.VERIFIED, RealisationStatus.RETURNED])
def test_only_a_submitted_report_moves(program, officer, pulpis_staff, status):
    report = submit(program, officer)
    realisations.realisation_move(report=report, to=status, actor=pulpis_staff, reason="Catatan")
    for to in (RealisationStatus.VERIFIED, RealisationStatus.RETURNED):
        with pytest.raises(RealisationError, match="cannot become"):
            realisations.realisation_move(report=report, to=to, actor=pulpis_staff, reason="Lagi")


def test_staff_of_a_province_above_the_regency_may_review(program, officer):
    kalteng_staff = StaffFactory(agency=agency("62", "Dinas Sosial Provinsi Kalimantan Tengah"))
    report = submit(program, officer)
    assert realisations.moves_for(report, kalteng_staff) == {RealisationStatus.VERIFIED, RealisationStatus.RETURNED}


def test_a_program_without_agency_is_reviewed_by_the_agency_of_its_shares(company, officer, pulpis_staff, kahayan):
    program = ProgramFactory(company=company, agency=None, status=ProgramStatus.ACTIVE)
    program.target_regions.set([kahayan])
    report = submit(program, officer, amount=5, households=0, shares=[ShareLine(kahayan, 5)])
    assert realisations.reviews(pulpis_staff, report)
    realisations.realisation_verify(report=report, actor=pulpis_staff)


def test_moves_for_lists_exactly_what_the_table_allows(program, officer, pulpis_staff):
    report = submit(program, officer)
    assert realisations.moves_for(report, officer) == frozenset()
    realisations.realisation_return(report=report, actor=pulpis_staff, reason="Kurang")
    report.refresh_from_db()
    assert realisations.moves_for(report, officer) == {RealisationStatus.SUBMITTED}
    assert realisations.moves_for(report, pulpis_staff) == frozenset()


def test_a_program_in_its_first_year_reports_no_earlier_than_it_began(program, officer):
    # The rules accept any begun period; a start date later in the year does not matter.
    program.start_date = datetime.date(LAST_YEAR, 11, 1)
    program.save(update_fields=["start_date"])
    assert submit(program, officer).year == LAST_YEAR
