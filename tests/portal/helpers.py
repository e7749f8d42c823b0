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
from partners.models import Company, Officer, Partnership
from programs import realisations
from programs.models import (
    Program,
    ProgramStatus,
    ProgramStatusChange,
    Realisation,
    RealisationEvidence,
    RealisationShare,
)
from programs.rules import ShareLine
from tests.factories import ProgramFactory, StaffFactory, agency, region

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
        "realisations": [
            list(Realisation.objects.order_by("pk").values()),
            list(RealisationShare.objects.order_by("pk").values()),
            list(RealisationEvidence.objects.order_by("pk").values()),
        ],
        "program_changes": list(ProgramStatusChange.objects.order_by("pk").values()),
        "program_fields": list(Program.fields.through.objects.order_by("pk").values()),
        "program_targets": list(Program.target_regions.through.objects.order_by("pk").values()),
        "users": list(get_user_model().objects.order_by("pk").values(*user_fields)),
        "notifications": list(Notification.objects.order_by("pk").values()),
        "emails": list(OutgoingEmail.objects.order_by("pk").values()),
        "circulars": list(Circular.objects.order_by("pk").values()),
        "circular_recipients": list(CircularRecipient.objects.order_by("pk").values()),
    }


# --- realisation reports ---------------------------------------------------------------------


def pulpis():
    region("62", "Kalimantan Tengah")
    region("62.11", "Pulang Pisau")
    return agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")


def pulpis_staff():
    return StaffFactory(agency=pulpis())


def registered_program(company, *, title: str = "Sekolah lapang petani") -> Program:
    """A program of ``company`` registered by Pulang Pisau, in Kahayan Hilir and Maliku."""
    program = ProgramFactory(company=company, agency=pulpis(), title=title, status=ProgramStatus.ACTIVE)
    program.target_regions.set([region("62.11.01", "Kahayan Hilir"), region("62.11.02", "Maliku")])
    return program


def file_realisation(program, officer_user, year: int, *, amount: int = 3_000_000, files=()) -> Realisation:
    kahayan = region("62.11.01", "Kahayan Hilir")
    return realisations.realisation_submit(
        program=program,
        actor=officer_user,
        year=year,
        quarter=0,
        amount=amount,
        shares=[ShareLine(kahayan, amount)],
        households=10,
        persons=30,
        activities="Pelatihan",
        files=files,
    )


def realisation_post(*, year: int, lines=(("62.11.01", "Rp 1.000.000", "4"),), **changes) -> dict:
    """The form of a new report as a browser sends it: the period, the total and the split."""
    data = {
        "year": str(year),
        "amount": "Rp 1.000.000",
        "households": "4",
        "persons": "12",
        "women": "",
        "children": "5",
        "elderly": "",
        "disabled": "",
        "activities": "Pelatihan pembibitan di Kahayan Hilir",
        "shares-TOTAL_FORMS": str(max(len(lines), 3)),
        "shares-INITIAL_FORMS": "0",
        "shares-MIN_NUM_FORMS": "0",
        "shares-MAX_NUM_FORMS": "50",
    }
    for index, (code, amount, households) in enumerate(lines):
        data[f"shares-{index}-region"] = code
        data[f"shares-{index}-amount"] = amount
        data[f"shares-{index}-households"] = households
    data.update(changes)
    return data


def circular_sent_to(company) -> Circular:
    """A circular letter sent to ``company`` (a member of the agency's forum), not yet
    acknowledged (by the system, as the demo loader would)."""
    forum = agency("62.11")
    Partnership.objects.get_or_create(agency=forum, company=company, defaults={"forum_member": True})
    circular = circulars.circular_create(
        agency=forum,
        title="Surat edaran Forum TSLP",
        issued_on=datetime.date(2026, 1, 5),
        file=pdf("edaran.pdf"),
        actor=None,
    )
    circulars.circular_send(circular=circular, companies=[company], actor=None)
    return circular
