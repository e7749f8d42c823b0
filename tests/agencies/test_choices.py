"""Choices that would show another agency's world (issue 22): the dashboard's region select
offers only the account's own area; a program aimed at another agency's area reaches it."""

import re

import pytest
from django.urls import reverse

from agencies.scope import staff_scope
from matching.work_queue import programs_waiting
from notifications.models import Notification
from programs import services as program_services
from tests.factories import officer_user, program_data

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


def test_a_program_a_company_of_another_area_submits_in_jakarta_reaches_jakarta(jakarta, pulpis):
    """Issue 22: a Pulang Pisau company registering a program in Jakarta's area must not do so
    without Jakarta knowing: the program goes to Jakarta, its staff are told, and it waits in
    Jakarta's work queue (and in no other agency's)."""
    company = pulpis.offer.company
    officer = officer_user(company)
    program = program_services.program_create(
        company=company, actor=officer, data=program_data(jakarta.facility.region_id), submit=True
    )
    assert program.agency == jakarta.agency
    assert Notification.objects.filter(recipient=jakarta.staff, program=program, event="program_submitted").exists()
    assert not Notification.objects.filter(recipient=pulpis.staff, program=program).exists()
    assert program in programs_waiting(staff_scope(jakarta.staff))  # the work queue's programs
    assert program not in programs_waiting(staff_scope(pulpis.staff))
