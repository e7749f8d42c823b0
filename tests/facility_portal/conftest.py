import pytest
from django.utils import timezone

from matching import services
from matching.models import PledgeStatus
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    FacilityMemberFactory,
    NeedFactory,
    UserFactory,
    officer_user,
    pledge_in_state,
)


@pytest.fixture(autouse=True)
def english(settings):
    """Pages in English, the language of the msgids (Indonesian stays the site's default)."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def facility():
    return FacilityFactory(name="PSBR Taruna Jaya 1")


@pytest.fixture
def member(facility):
    return FacilityMemberFactory(
        facility=facility,
        user=UserFactory(username="kepala@tarunajaya.example", email="kepala@tarunajaya.example", first_name="Wati"),
    )


@pytest.fixture
def other_member():
    """An account of another facility: must never see or change anything of ``facility``."""
    return FacilityMemberFactory(
        facility=FacilityFactory(name="PSAA Putra Utama 1"),
        user=UserFactory(username="staf@putrautama.example", email="staf@putrautama.example"),
    )


@pytest.fixture
def need(facility):
    return NeedFactory(facility=facility, title="Kasur busa untuk asrama", quantity=40, unit="buah")


@pytest.fixture
def company():
    return CompanyFactory(name="PT LG Electronics Indonesia")


def reported(need, company, quantity=10):
    """A delivery report of ``quantity`` on ``need``, waiting for Dinsos."""
    pledge = pledge_in_state(PledgeStatus.APPROVED, need=need, company=company, quantity=quantity)
    officer = pledge.company.officers.select_related("user").first().user
    return services.delivery_report_submit(
        pledge=pledge, actor=officer, delivered_on=timezone.localdate(), quantity=quantity
    )


@pytest.fixture
def report(need, company):
    officer_user(company)
    return reported(need, company)


@pytest.fixture
def member_client(client, member):
    client.force_login(member.user)
    return client
