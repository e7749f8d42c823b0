"""Pulang Pisau's Perbup, its forum members, an officer of one of them and a camat; Jakarta's
staff, who must see none of it."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from agencies.models import AgencyStaff, StaffRole
from circulars import services
from circulars.models import CircularKind
from partners.models import Partnership
from tests.factories import CompanyFactory, OfficerFactory, StaffFactory, UserFactory, agency, region

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PERBUP_NUMBER = "Peraturan Bupati Pulang Pisau Nomor 24 Tahun 2020"


def pdf(name: str = "perbup-24-2020.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def english(settings):
    """Refusals and pages in English, the language of the msgids."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def pulpis(db):
    return agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")


@pytest.fixture
def staff(pulpis):
    return StaffFactory(agency=pulpis, first_name="Dewi")


@pytest.fixture
def viewer(pulpis):
    return StaffFactory(agency=pulpis, agency__role=StaffRole.VIEWER)


@pytest.fixture
def jakarta_staff(db):
    return StaffFactory(agency=agency("31", "Dinas Sosial Provinsi DKI Jakarta"))


@pytest.fixture
def camat(pulpis):
    """The camat of Kahayan Hilir: a viewer of the agency, narrowed to the kecamatan."""
    user = StaffFactory(agency=pulpis, agency__role=StaffRole.VIEWER, email="camat@pulpis.example")
    AgencyStaff.objects.filter(user=user).update(region=region("62.11.01"), organisation="Kecamatan Kahayan Hilir")
    user.refresh_from_db()
    return user


@pytest.fixture
def member(pulpis):
    """A forum member with one officer."""
    company = CompanyFactory(name="PT Sawit Kahayan")
    Partnership.objects.create(agency=pulpis, company=company, forum_member=True)
    return company


@pytest.fixture
def officer(member):
    return OfficerFactory(
        company=member, user=UserFactory(username="siti@sawit.example", email="siti@sawit.example", first_name="Siti")
    )


@pytest.fixture
def other_officer(db):
    return OfficerFactory(
        company=CompanyFactory(name="PT Lain Sekali"),
        user=UserFactory(username="budi@lain.example", email="budi@lain.example"),
    )


@pytest.fixture
def perbup(pulpis, staff):
    return services.circular_create(
        agency=pulpis,
        kind=CircularKind.REGULATION,
        title="Tanggung Jawab Sosial dan Lingkungan Perusahaan",
        number=PERBUP_NUMBER,
        issued_on=datetime.date(2020, 6, 2),
        summary="Forum TSLP Kabupaten Pulang Pisau.",
        file=pdf(),
        actor=staff,
    )


@pytest.fixture
def sent(perbup, member, officer, camat, staff):
    """The Perbup sent to the forum member and to the camat."""
    services.circular_send(circular=perbup, companies=[member], users=[camat], actor=staff)
    return perbup
