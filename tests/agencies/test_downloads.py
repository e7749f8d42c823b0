"""Every private file download, found in the URLconf by its ``@private_download`` marker, as
every kind of account: staff of the agency whose area holds the file's facility or report get
it; staff of another agency, a viewer, a camat of another kecamatan, an officer of another
company, an account of another facility and a signed-out visitor get a 404 (issue 22).

A new download view is in this matrix the moment it is routed: the test fails until it has a
case below."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from agencies.models import StaffRole
from circulars.models import Circular
from core import images
from facilities import photos
from matching import receipts
from matching.models import Evidence
from programs import realisations
from programs.models import ProgramStatus, RealisationEvidence
from programs.rules import ShareLine
from tests.factories import (
    CompanyFactory,
    FacilityMemberFactory,
    ProgramFactory,
    StaffFactory,
    officer_user,
    region,
)
from tests.photo_helpers import jpeg_bytes
from tests.portal.helpers import png

pytestmark = pytest.mark.django_db


def private_download_names() -> set[str]:
    """The URL names (``namespace:name``) of every view marked ``@private_download``."""
    found = set()

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and getattr(entry.callback, "private_download", False):
                found.add(f"{namespace}:{entry.name}" if namespace else entry.name)

    walk(get_resolver().url_patterns, None)
    return found


@pytest.fixture
def files(jakarta):
    """One private file of each kind, all of Jakarta (its facility, delivery, program, agency)."""
    side = jakarta
    company = side.offer.company
    evidence = Evidence.objects.create(
        report=side.report,
        kind="photo",
        file=png("bukti.png"),
        content_type="image/png",
        original_name="bukti.png",
        size=10,
        uploaded_by=side.report.reported_by,
    )
    receipt = receipts.delivery_receipt_confirm(
        report=side.report,
        actor=side.member.user,
        quantity_received=5,
        received_on=timezone.localdate(),
        condition="good",
        photo=png("terima.png"),
    )
    program = ProgramFactory(company=company, agency=side.agency, status=ProgramStatus.ACTIVE)
    program.target_regions.set([side.facility.region])
    report = realisations.realisation_submit(
        program=program,
        actor=officer_user(company),
        year=timezone.localdate().year - 1,
        quarter=0,
        amount=1000,
        shares=[ShareLine(side.facility.region, 1000)],
        households=1,
        persons=1,
        activities="Uji",
        files=[(png("kegiatan.png"), "photo")],
    )
    need_photo = photos.photo_add(owner=side.need, processed=images.process(jpeg_bytes()), actor=side.staff)
    facility_photo = photos.photo_add(owner=side.facility, processed=images.process(jpeg_bytes()), actor=side.staff)
    return {
        "matching:evidence_download": reverse("matching:evidence_download", args=[evidence.pk]),
        "matching:receipt_photo": reverse("matching:receipt_photo", args=[receipt.pk]),
        "matching:bast_download": reverse("matching:bast_download", args=[side.report.pk]),
        "programs:evidence_download": reverse(
            "programs:evidence_download", args=[RealisationEvidence.objects.get(realisation=report).pk]
        ),
        "circulars:circular_file": reverse(
            "circulars:circular_file", args=[Circular.objects.get(agency=side.agency).pk]
        ),
        # Unpublished photos: for the facility and its agency's staff only, until published.
        "facilities:need_photo": reverse(
            "facilities:need_photo", kwargs={"pk": need_photo.pk, "width": need_photo.variant_widths[0]}
        ),
        "facilities:facility_photo": reverse(
            "facilities:facility_photo", kwargs={"pk": facility_photo.pk, "width": facility_photo.variant_widths[0]}
        ),
    }


def test_the_matrix_knows_every_private_download(files):
    assert private_download_names() == set(files)


@pytest.fixture
def strangers(pulpis):
    """Everyone who must get nothing of Jakarta's files."""
    camat = StaffFactory(agency=pulpis.agency, agency__role=StaffRole.VIEWER)
    camat.agency_staff.region = region("62.11.01")
    camat.agency_staff.save()
    return {
        "staff of Pulang Pisau": pulpis.staff,
        "viewer of Pulang Pisau": StaffFactory(agency=pulpis.agency, agency__role=StaffRole.VIEWER),
        "camat in Pulang Pisau": camat,
        "officer of another company": officer_user(CompanyFactory()),
        "account of another facility": FacilityMemberFactory(facility=pulpis.facility).user,
        "signed-out visitor": None,
    }


@pytest.mark.parametrize(
    "who",
    sorted(
        [
            "staff of Pulang Pisau",
            "viewer of Pulang Pisau",
            "camat in Pulang Pisau",
            "officer of another company",
            "account of another facility",
            "signed-out visitor",
        ]
    ),
)
def test_no_private_file_reaches_another_agency_company_or_facility(client, files, strangers, who):
    user = strangers[who]
    if user is not None:
        client.force_login(user)
    answered = {name: client.get(url).status_code for name, url in files.items()}
    assert answered == dict.fromkeys(files, 404)


def test_the_agency_whose_area_holds_the_file_gets_every_one(client, files, jakarta):
    client.force_login(jakarta.staff)
    answered = {name: client.get(url).status_code for name, url in files.items()}
    assert answered == dict.fromkeys(files, 200)


def test_a_viewer_of_the_area_reads_the_files_of_deliveries_and_reports(client, files, jakarta):
    client.force_login(StaffFactory(agency=jakarta.agency, agency__role=StaffRole.VIEWER))
    for name in (
        "matching:evidence_download",
        "matching:receipt_photo",
        "matching:bast_download",
        "programs:evidence_download",
    ):
        assert client.get(files[name]).status_code == 200, name


def test_private_files_are_never_kept_by_a_shared_cache(client, files, jakarta):
    client.force_login(jakarta.staff)
    for name, url in files.items():
        response = client.get(url)
        assert response["Cache-Control"] == "private, no-store", name
