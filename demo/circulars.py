"""The Perbup on the portal: Pulang Pisau circulates Peraturan Bupati Nomor 24 Tahun 2020 to its
forum members and a camat (the Pulang Pisau article: the draft went to the camat first, then to
the companies), and some have acknowledged it. Everything goes through ``circulars.services``;
loading twice changes nothing."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from agencies.models import Agency
from circulars import services as circulars
from circulars.models import AcknowledgementChannel, Circular, CircularKind
from demo.pdf import text_pdf
from partners.models import Company, Partnership

User = get_user_model()

PERBUP_NUMBER = "Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020"
PERBUP_TITLE = "Forum Tanggung Jawab Sosial dan Lingkungan Perusahaan (TSLP)"
# Members that acknowledged at the forum's meeting (recorded by staff); the others have not yet,
# among them csr.pulpis's company, whose officer finds the document waiting in the portal.
ACKNOWLEDGED_AT_MEETING = ("bank-kalteng", "pln-ulp-pulang-pisau")


def load_circulars() -> None:
    agency = Agency.objects.get(slug="dinsos-pulang-pisau")
    perbup = Circular.objects.filter(agency=agency, number=PERBUP_NUMBER).first()
    if perbup is None:
        perbup = circulars.circular_create(
            agency=agency,
            kind=CircularKind.REGULATION,
            title=PERBUP_TITLE,
            number=PERBUP_NUMBER,
            # The day it was enacted is not in the source; the demo dates it at the year's end.
            issued_on=datetime.date(2020, 12, 31),
            summary=(
                "Perusahaan yang beroperasi di Kabupaten Pulang Pisau menyalurkan TSLP dalam empat bentuk "
                "(pemberdayaan masyarakat, bina lingkungan dan sosial, donasi dan promosi, kemitraan usaha "
                "mikro dan koperasi) dan melaporkan realisasinya kepada Forum TSLP. Dokumen demo."
            ),
            file=SimpleUploadedFile(
                "perbup-24-2020.pdf",
                text_pdf([f"{PERBUP_NUMBER} - DOKUMEN DEMO", f"tentang {PERBUP_TITLE}"]),
                content_type="application/pdf",
            ),
            actor=None,
        )
    members = Company.objects.filter(
        pk__in=Partnership.objects.filter(agency=agency, forum_member=True).values("company_id")
    )
    camat = User.objects.filter(username="camat.kahayanhilir").first()
    circulars.circular_send(circular=perbup, companies=list(members), users=[camat] if camat else [], actor=None)
    staff = User.objects.get(username="dinsos.pulpis")
    for recipient in perbup.recipients.filter(company__slug__in=ACKNOWLEDGED_AT_MEETING, acknowledged_at=None):
        circulars.circular_record_offline(
            recipient=recipient,
            on=timezone.localdate(),
            channel=AcknowledgementChannel.MEETING,
            note="Rapat Forum TSLP Kabupaten Pulang Pisau",
            actor=staff,
        )
    if camat is not None and perbup.recipients.filter(user=camat, acknowledged_at=None).exists():
        circulars.circular_acknowledge(circular=perbup, actor=camat)
