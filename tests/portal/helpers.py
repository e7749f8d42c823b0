"""Test data for the partner portal: files, and a snapshot of everything a request could change."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from circulars import services as circulars
from circulars.models import Circular, CircularRecipient
from facilities.models import Need
from matching.models import DeliveryReport, Evidence, Pledge, PledgeStatusChange
from notifications.models import Notification, OutgoingEmail
from partners.models import Company, Officer
from programs.models import Program
from tests.factories import agency

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png_bytes(size=(12, 12)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def png(name: str = "serah-terima.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def pdf(name: str = "bast.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def snapshot() -> dict:
    """Every row a partner request could write, as plain values (sessions and axes aside)."""
    user_fields = ("id", "username", "email", "first_name", "last_name", "is_active", "is_staff", "password")
    return {
        "pledges": list(Pledge.objects.order_by("pk").values()),
        "changes": list(PledgeStatusChange.objects.order_by("pk").values()),
        "reports": list(DeliveryReport.objects.order_by("pk").values()),
        "evidence": list(Evidence.objects.order_by("pk").values()),
        "needs": list(Need.objects.order_by("pk").values()),
        "companies": list(Company.objects.order_by("pk").values()),
        "company_fields": list(Company.focus_fields.through.objects.order_by("pk").values()),
        "company_regions": list(Company.preferred_regions.through.objects.order_by("pk").values()),
        "officers": list(Officer.objects.order_by("pk").values()),
        "programs": list(Program.objects.order_by("pk").values()),
        "users": list(get_user_model().objects.order_by("pk").values(*user_fields)),
        "notifications": list(Notification.objects.order_by("pk").values()),
        "emails": list(OutgoingEmail.objects.order_by("pk").values()),
        "circulars": list(Circular.objects.order_by("pk").values()),
        "circular_recipients": list(CircularRecipient.objects.order_by("pk").values()),
    }


def circular_sent_to(company) -> Circular:
    """A circular letter sent to ``company``, not yet acknowledged (by the system, as the demo
    loader would)."""
    circular = circulars.circular_create(
        agency=agency("62.11"),
        title="Surat edaran Forum TSLP",
        issued_on=datetime.date(2026, 1, 5),
        file=pdf("edaran.pdf"),
        actor=None,
    )
    circulars.circular_send(circular=circular, companies=[company], actor=None)
    return circular
