"""Test data for the partner portal: files, and a snapshot of everything a request could change."""

import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from facilities.models import Need
from matching.models import DeliveryReport, Evidence, Pledge, PledgeStatusChange
from notifications.models import Notification, OutgoingEmail
from partners.models import Company, Officer
from programs.models import Program, ProgramStatusChange

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
        "program_changes": list(ProgramStatusChange.objects.order_by("pk").values()),
        "program_fields": list(Program.fields.through.objects.order_by("pk").values()),
        "program_targets": list(Program.target_regions.through.objects.order_by("pk").values()),
        "users": list(get_user_model().objects.order_by("pk").values(*user_fields)),
        "notifications": list(Notification.objects.order_by("pk").values()),
        "emails": list(OutgoingEmail.objects.order_by("pk").values()),
    }
