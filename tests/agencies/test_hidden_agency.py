"""An agency not listed on the public site (``is_public`` off) keeps its forum to itself: its
Forum TSLP report is not public, and the all-forums report leaves its members out (issue 22)."""

import pytest
from django.urls import reverse

from agencies.models import StaffRole
from partners.models import Partnership
from tests.factories import CompanyFactory, StaffFactory

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture
def hidden(pulpis):
    pulpis.agency.is_public = False
    pulpis.agency.save()
    company = CompanyFactory(name="PT Anggota Tersembunyi")
    Partnership.objects.create(agency=pulpis.agency, company=company, forum_member=True)
    return pulpis


def forum_urls():
    return [reverse(name, args=[YEAR]) + "?region=62.11" for name in ("reports:forum", "reports:forum_xlsx")]


def test_a_hidden_agencys_forum_report_is_not_public(client, hidden, jakarta):
    for url in forum_urls():
        assert client.get(url).status_code == 404, url
    client.force_login(jakarta.staff)
    for url in forum_urls():
        assert client.get(url).status_code == 404, url


def test_the_hidden_agencys_own_staff_and_viewers_read_it(client, hidden):
    for user in (hidden.staff, StaffFactory(agency=hidden.agency, agency__role=StaffRole.VIEWER)):
        client.force_login(user)
        for url in forum_urls():
            assert client.get(url).status_code == 200, url


def test_the_all_forums_report_leaves_out_a_hidden_agencys_members(client, hidden):
    page = client.get(reverse("reports:forum", args=[YEAR])).content.decode()
    assert "PT Anggota Tersembunyi" not in page
    hidden.agency.is_public = True
    hidden.agency.save()
    page = client.get(reverse("reports:forum", args=[YEAR])).content.decode()
    assert "PT Anggota Tersembunyi" in page
