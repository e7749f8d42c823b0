import pytest

from tests.factories import CompanyFactory, NeedFactory, OfficerFactory, UserFactory, field, region


@pytest.fixture
def company():
    return CompanyFactory(name="PT Hyundai Motors Indonesia", focus_fields=[field("kesehatan")])


@pytest.fixture
def officer(company):
    return OfficerFactory(
        company=company,
        user=UserFactory(
            username="siti@hyundai.example", email="siti@hyundai.example", first_name="Siti", last_name="Rahma"
        ),
    )


@pytest.fixture
def other_officer():
    """An officer of another company: must never see or change anything of ``company``."""
    return OfficerFactory(
        company=CompanyFactory(name="PT LG Electronics Indonesia"),
        user=UserFactory(username="budi@lg.example", email="budi@lg.example", first_name="Budi"),
    )


@pytest.fixture
def need():
    return NeedFactory(title="Kasur busa untuk asrama", quantity=40, unit="buah", unit_cost=1_250_000)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer.user)
    return client


@pytest.fixture
def jakarta():
    return region("31.75.01", "Pasar Rebo")


@pytest.fixture(autouse=True)
def english(settings):
    """Pages in English, the language of the msgids, whatever catalogues exist: the tests read
    the texts an officer reads. (Indonesian stays the site's default; see test_pages.)"""
    settings.LANGUAGE_CODE = "en"
