"""Choices that would show another agency's world (issue 22): the dashboard's region select
offers only the account's own area."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def region_options(html: str) -> set[str]:
    return set(re.findall(r'<option value="([0-9.]+)"', html))


def test_the_dashboard_offers_only_regions_of_the_agencys_area(client, jakarta, pulpis):
    client.force_login(pulpis.staff)
    page = client.get(reverse("admin:reports_dashboard")).content.decode()
    options = region_options(page)
    assert "62" in options
    assert "62.11.01" in options
    assert not {code for code in options if code.startswith("31")}


def test_national_staff_are_offered_every_province(admin_client, jakarta, pulpis):
    options = region_options(admin_client.get(reverse("admin:reports_dashboard")).content.decode())
    assert {"31", "62"} <= options
