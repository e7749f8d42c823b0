"""The Dinsos admin for the registries: access, query counts, history, rupiah."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from facilities.models import Facility, Need
from partners.models import Company
from tests.factories import (
    CompanyFactory,
    EngagementFactory,
    FacilityFactory,
    NeedFactory,
    OfficerFactory,
    PovertyFigureFactory,
    ProgramFactory,
    UserFactory,
    field,
    region,
    staff_user,
)

pytestmark = pytest.mark.django_db

CHANGELISTS = {
    "facilities_facility": lambda: NeedFactory(facility=FacilityFactory()).facility,
    "facilities_need": lambda: NeedFactory(),
    "partners_company": lambda: ProgramFactory(company=OfficerFactory().company),
    "partners_officer": lambda: OfficerFactory(),
    "partners_engagement": lambda: EngagementFactory(companies=[CompanyFactory(), CompanyFactory()]),
    "programs_program": lambda: ProgramFactory(),
    "regions_povertyfigure": lambda: PovertyFigureFactory(region=region(f"62.11.{PovertyFigureFactory._n():02d}")),
    "regions_region": lambda: region(f"31.7{PovertyFigureFactory._n() % 6}.0{PovertyFigureFactory._n() % 9 + 1}"),
}


def _counter():
    n = 0

    def next_n():
        nonlocal n
        n += 1
        return n

    return next_n


PovertyFigureFactory._n = staticmethod(_counter())


@pytest.fixture
def staff(client):
    user = staff_user()
    client.force_login(user)
    return user


@pytest.mark.parametrize("model", list(CHANGELISTS), ids=str)
def test_changelist_query_count_does_not_grow_with_rows(client, staff, model, django_assert_num_queries):
    make = CHANGELISTS[model]
    url = reverse(f"admin:{model}_changelist")
    for _ in range(2):
        make()
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for _ in range(8):
        make()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_staff_group_can_add_a_facility_and_a_need(client, staff):
    district = region("31.75.01", "Pasar Rebo")
    response = client.post(
        reverse("admin:facilities_facility_add"),
        {
            "name": "PSBR Taruna Jaya 1",
            "slug": "psbr-taruna-jaya-1",
            "facility_type": "youth",
            "operator": "dinsos",
            "is_published": "on",
            "region": district.code,
            "capacity": 150,
            "residents": 120,
            "needs-TOTAL_FORMS": 0,
            "needs-INITIAL_FORMS": 0,
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors if response.context else ""
    facility = Facility.objects.get(slug="psbr-taruna-jaya-1")
    response = client.post(
        reverse("admin:facilities_need_add"),
        {
            "facility": facility.pk,
            "title": "Pelatihan las untuk 25 remaja",
            "field": "pendidikan",
            "kind": "services",
            "status": "open",
            "is_public": "on",
            "quantity": 25,
            "unit": "orang",
            "unit_cost": 3_500_000,
            "beneficiaries": 25,
            "priority": 2,
            "pledges-TOTAL_FORMS": 0,
            "pledges-INITIAL_FORMS": 0,
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    need = Need.objects.get()
    assert need.estimated_value == 87_500_000
    # History records who made the change.
    assert need.history.first().history_user == staff
    assert facility.history.first().history_user == staff


def test_a_zero_quantity_need_is_refused_by_the_form(client, staff):
    facility = FacilityFactory()
    response = client.post(
        reverse("admin:facilities_need_add"),
        {
            "facility": facility.pk,
            "title": "Kasur",
            "field": "kesehatan",
            "kind": "goods",
            "status": "open",
            "quantity": 0,
            "unit": "buah",
            "unit_cost": 0,
            "beneficiaries": 0,
            "priority": 3,
            "pledges-TOTAL_FORMS": 0,
            "pledges-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "quantity" in response.context["adminform"].form.errors
    assert not Need.objects.exists()


def test_history_is_written_and_visible_on_change(client, staff):
    company = CompanyFactory(name="PT LG Electronics Indonesia", focus_fields=[field("pendidikan")])
    company.status = "inactive"
    company.save()
    records = list(company.history.order_by("history_date").values_list("status", flat=True))
    assert records == ["active", "inactive"]
    response = client.get(reverse("admin:partners_company_history", args=[company.pk]))
    assert response.status_code == 200


def test_rupiah_shows_the_indonesian_way(client, staff):
    NeedFactory(quantity=40, unit_cost=1_250_000)
    response = client.get(reverse("admin:facilities_need_changelist"))
    assert "Rp 1.250.000" in response.content.decode()
    assert "Rp 50.000.000" in response.content.decode()


def test_staff_cannot_hard_delete_needs_or_companies(client, staff):
    need = NeedFactory()
    assert client.post(reverse("admin:facilities_need_delete", args=[need.pk]), {"post": "yes"}).status_code == 403
    company = CompanyFactory()
    assert client.post(reverse("admin:partners_company_delete", args=[company.pk]), {"post": "yes"}).status_code == 403
    assert Need.objects.filter(pk=need.pk).exists() and Company.objects.filter(pk=company.pk).exists()


def test_a_csr_officer_cannot_enter_the_admin(client):
    officer = OfficerFactory()
    client.force_login(officer.user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    # Even if someone ticks "staff status" by mistake.
    officer.user.is_staff = True
    officer.user.save()
    response = client.get(reverse("admin:facilities_need_changelist"))
    assert response.status_code == 302


def test_a_plain_user_cannot_enter_the_admin(client):
    client.force_login(UserFactory())
    assert client.get(reverse("admin:index")).status_code == 302
