"""Pulang Pisau's forum, one member's registered program in two kecamatan, and the people who
act on its realisation reports."""

import pytest
from django.utils import translation

from agencies.models import StaffRole
from programs.models import ProgramStatus
from tests.factories import CompanyFactory, OfficerFactory, ProgramFactory, StaffFactory, agency, region


@pytest.fixture(autouse=True)
def english():
    """The services' refusals in English, the language of their msgids."""
    with translation.override("en"):
        yield


@pytest.fixture
def pulpis():
    region("62", "Kalimantan Tengah")
    region("62.11", "Pulang Pisau")
    return agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau")


@pytest.fixture
def kahayan(pulpis):
    return region("62.11.01", "Kahayan Hilir")


@pytest.fixture
def maliku(pulpis):
    return region("62.11.02", "Maliku")


@pytest.fixture
def sebangau(pulpis):
    """A kecamatan of Pulang Pisau that is not among the program's targets."""
    return region("62.11.05", "Sebangau Kuala")


@pytest.fixture
def company():
    return CompanyFactory(name="PT Sawit Kahayan Lestari")


@pytest.fixture
def officer(company):
    return OfficerFactory(company=company).user


@pytest.fixture
def program(company, pulpis, kahayan, maliku):
    program = ProgramFactory(company=company, agency=pulpis, title="Sekolah lapang petani", status=ProgramStatus.ACTIVE)
    program.target_regions.set([kahayan, maliku])
    return program


@pytest.fixture
def pulpis_staff(pulpis):
    return StaffFactory(agency=pulpis, email="dinsos@pulpis.example")


@pytest.fixture
def jakarta_staff():
    return StaffFactory(agency=agency("31", "Dinas Sosial Provinsi DKI Jakarta"))


@pytest.fixture
def pulpis_viewer(pulpis):
    return StaffFactory(agency=pulpis, agency__role=StaffRole.VIEWER)
