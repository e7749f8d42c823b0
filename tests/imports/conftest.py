import pytest

from tests.factories import FacilityFactory, StaffFactory


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def facility():
    return FacilityFactory(name="Panti Sosial 1", slug="panti-sosial-1")
