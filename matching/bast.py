"""The BAST (berita acara serah terima): the numbered handover certificate of a delivery report.

A number is allocated in the transaction that records the delivery report
(``matching.services.delivery_report_submit``), per agency and year, from a counter row that
is locked while it is incremented: two workers never take the same number, none is skipped,
and since a BAST is never deleted no number is ever reused. The number reads like the
agency's other letters: ``001/BAST-CSR/DINSOS-PULANG-PISAU/2026`` (docs/decisions.md, issue 27).

The public verification page (``matching.views.bast_verify``) is found by the BAST's random
token, printed as a QR code on the PDF; it shows the handover's facts and states and nothing
personal.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from agencies.scope import agency_for_region
from core.roles import officer_company_id
from matching import evidence as evidence_checks
from matching.errors import PledgeError
from matching.models import (
    Bast,
    BastCounter,
    DeliveryReport,
    DeliveryStatus,
    Evidence,
    EvidenceKind,
    ReceiptOutcome,
)


def bast_number(agency: Agency, year: int, sequence: int) -> str:
    return f"{sequence:03d}/BAST-CSR/{agency.slug.upper()}/{year}"


def bast_next(*, agency: Agency, year: int) -> int:
    """Take the next number of ``agency`` in ``year``; call inside a transaction."""
    counter, _created = BastCounter.objects.get_or_create(agency=agency, year=year)
    locked = BastCounter.objects.select_for_update().get(pk=counter.pk)
    locked.last_number += 1
    locked.save(update_fields=["last_number"])
    return locked.last_number


def bast_allocate(*, report: DeliveryReport, issued_on: datetime.date) -> Bast | None:
    """Give ``report`` its numbered BAST, from the agency whose area holds the receiving
    facility; None where no agency covers the facility (nobody could number it)."""
    agency = agency_for_region(report.pledge.need.facility.region_id)
    if agency is None:
        return None
    sequence = bast_next(agency=agency, year=issued_on.year)
    return Bast.objects.create(
        report=report,
        agency=agency,
        year=issued_on.year,
        sequence=sequence,
        number=bast_number(agency, issued_on.year, sequence),
        issued_on=issued_on,
    )


def bast_verify_url(bast: Bast) -> str:
    """The absolute address of the public verification page (the QR code on the PDF)."""
    return settings.SITE_URL + reverse("matching:bast_verify", kwargs={"token": bast.token})


def bast_for_token(token: str) -> Bast | None:
    """The BAST of a verification code with what its public page shows, or None."""
    if len(token) != 32 or not token.isalnum():
        return None
    return (
        Bast.objects.select_related(
            "agency",
            "report__pledge__company",
            "report__pledge__need__facility",
            "report__pledge__program",
            "report__receipt",
        )
        .filter(token=token)
        .first()
    )


@dataclass(frozen=True)
class BastState:
    label: str
    done: bool
    on: datetime.date | None
    note: str = ""


def bast_states(bast: Bast) -> list[BastState]:
    """The three steps of a handover: reported by the company, confirmed by the facility,
    verified by Dinsos, each with its date once done."""
    report = bast.report
    receipt = getattr(report, "receipt", None)
    confirmed = receipt is not None and receipt.outcome == ReceiptOutcome.CONFIRMED
    disputed = receipt is not None and receipt.outcome == ReceiptOutcome.DISPUTED
    verified = report.status == DeliveryStatus.VERIFIED
    rejected = report.status == DeliveryStatus.REJECTED
    return [
        BastState(_("Reported by the company"), True, report.delivered_on),
        BastState(
            _("Confirmed by the facility"),
            confirmed,
            receipt.received_on if confirmed else None,
            _("The facility disputed this delivery.") if disputed else "",
        ),
        BastState(
            _("Verified by Dinsos"),
            verified,
            timezone_date(report.verified_at) if verified else None,
            _("Dinsos did not accept this delivery report.") if rejected else "",
        ),
    ]


def timezone_date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def bast_scan_problem(report: DeliveryReport, actor) -> str | None:
    """Why ``actor`` may not upload the signed scan of this report's BAST, or None."""
    if actor is None or not actor.is_active or officer_company_id(actor) != report.pledge.company_id:
        return gettext("Only the delivering company's officers upload the signed BAST.")
    if report.status == DeliveryStatus.REJECTED:
        return gettext("Dinsos did not accept this delivery report.")
    if not Bast.objects.filter(report=report).exists():
        return gettext("This delivery has no BAST.")
    return None


def bast_scan_attach(*, report: DeliveryReport | int, upload: UploadedFile, actor) -> Evidence:
    """The company uploads the BAST signed by the three parties back, as the report's evidence
    (a PDF, checked by its content). Staff then see that the signed scan came back."""
    report_id = report if isinstance(report, int) else report.pk
    content_type = evidence_checks.check_file(upload, EvidenceKind.BAST)
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = DeliveryReport.objects.select_for_update(of=("self",)).select_related("pledge").get(pk=report_id)
            if problem := bast_scan_problem(locked, actor):
                raise PledgeError(problem)
            content = evidence_checks.stored_content(upload, EvidenceKind.BAST, content_type)
            item = Evidence(
                report=locked,
                kind=EvidenceKind.BAST,
                content_type=content_type,
                size=content.size,
                original_name=(upload.name or "")[-200:],
                uploaded_by=actor,
            )
            item.file.save(upload.name or "bast", content, save=False)
            stored.append(item.file.name)
            item.save()
            return item
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise
