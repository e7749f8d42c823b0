import datetime
import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from PIL import Image

from matching import services
from matching.errors import PledgeError
from matching.models import DeliveryReport, Evidence, EvidenceKind, Pledge, PledgeStatus
from tests.factories import NeedFactory, pledge_in_state, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The refusals are read in their English wording, the msgids (Indonesian is the default)."""
    with translation.override("en"):
        yield


S = PledgeStatus


def test_lapse_command_lapses_only_overdue_proposals_and_offers():
    staff = staff_user()
    need = NeedFactory(quantity=100)
    overdue_proposal = pledge_in_state(S.PROPOSED, need=need, staff=staff)
    overdue_offer = pledge_in_state(S.OFFERED, need=need, staff=staff)
    fresh_offer = pledge_in_state(S.OFFERED, need=need, staff=staff)
    approved = pledge_in_state(S.APPROVED, need=need, staff=staff)
    later = timezone.now() + datetime.timedelta(days=15)
    Pledge.objects.filter(pk=fresh_offer.pk).update(respond_by=later + datetime.timedelta(days=1))
    out = io.StringIO()
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("lapse_pledges", stdout=out)
    assert "2 pledge(s) lapsed" in out.getvalue()
    statuses = dict(Pledge.objects.values_list("pk", "status"))
    assert statuses[overdue_proposal.pk] == S.LAPSED
    assert statuses[overdue_offer.pk] == S.LAPSED
    assert statuses[fresh_offer.pk] == S.OFFERED
    assert statuses[approved.pk] == S.APPROVED
    need.refresh_from_db()
    assert (need.quantity_pending, need.quantity_covered) == (10, 10)
    assert overdue_offer.changes.last().actor is None


def test_respond_by_follows_the_configured_days():
    with override_settings(PLEDGE_RESPONSE_DAYS=3):
        pledge = pledge_in_state(S.OFFERED)
    assert datetime.timedelta(days=2, hours=23) < pledge.respond_by - timezone.now() <= datetime.timedelta(days=3)


def png_bytes(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200


def report(pledge, files):
    partner = pledge.company.officers.first().user
    return services.delivery_report_submit(
        pledge=pledge, actor=partner, delivered_on=timezone.localdate(), quantity=2, files=files
    )


def test_photo_and_bast_are_accepted_and_stored_outside_static(settings):
    pledge = pledge_in_state(S.APPROVED)
    made = report(
        pledge,
        [
            (SimpleUploadedFile("foto penyerahan.png", png_bytes(), content_type="image/png"), EvidenceKind.PHOTO),
            (SimpleUploadedFile("bast.pdf", PDF, content_type="application/pdf"), EvidenceKind.BAST),
        ],
    )
    kinds = sorted(made.evidence.values_list("kind", "content_type"))
    assert kinds == [("bast", "application/pdf"), ("photo", "image/png")]
    for item in made.evidence.all():
        assert item.file.path.startswith(str(settings.MEDIA_ROOT))
        assert "penyerahan" not in item.file.name  # random names, nothing of the original


@pytest.mark.parametrize(
    ("name", "content", "kind", "message"),
    [
        ("foto.jpg", ELF, EvidenceKind.PHOTO, "not a JPEG, PNG or WebP photo"),
        ("setup.exe.png", b"MZ" + b"\x00" * 300, EvidenceKind.PHOTO, "not a JPEG, PNG or WebP photo"),
        ("bast.pdf", png_bytes(), EvidenceKind.BAST, "not a PDF"),
        ("bast.pdf", b"%PDF-1.4\n truncated", EvidenceKind.BAST, "not a complete PDF"),
        ("rusak.png", png_bytes()[:60], EvidenceKind.PHOTO, "not a readable image"),
        ("kosong.jpg", b"", EvidenceKind.PHOTO, "empty"),
    ],
    ids=["executable-renamed-jpg", "windows-exe-renamed-png", "image-as-bast", "truncated-pdf", "broken-png", "empty"],
)
def test_bad_evidence_is_refused_and_nothing_is_written(name, content, kind, message):
    pledge = pledge_in_state(S.APPROVED)
    with pytest.raises(PledgeError, match=message):
        report(pledge, [(SimpleUploadedFile(name, content), kind)])
    assert not DeliveryReport.objects.exists()
    assert not Evidence.objects.exists()
    pledge.refresh_from_db()
    assert pledge.quantity_reported == 0


def test_oversized_evidence_is_refused():
    pledge = pledge_in_state(S.APPROVED)
    with override_settings(EVIDENCE_MAX_BYTES=1000), pytest.raises(PledgeError, match="too large"):
        report(pledge, [(SimpleUploadedFile("besar.png", png_bytes((400, 400))), EvidenceKind.PHOTO)])
    assert not DeliveryReport.objects.exists()


def test_files_are_removed_when_the_report_fails_after_storing_them(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pledge = pledge_in_state(S.APPROVED)
    good = (SimpleUploadedFile("a.png", png_bytes()), EvidenceKind.PHOTO)
    with (
        mock.patch("matching.services.moves.notify.pledge_event", side_effect=RuntimeError("boom")),
        pytest.raises(RuntimeError),
    ):
        report(pledge, [good])
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    assert not Evidence.objects.exists()


def test_future_delivery_date_is_refused():
    pledge = pledge_in_state(S.APPROVED)
    partner = pledge.company.officers.first().user
    with pytest.raises(PledgeError, match="future"):
        services.delivery_report_submit(
            pledge=pledge, actor=partner, delivered_on=timezone.localdate() + datetime.timedelta(days=2), quantity=1
        )
