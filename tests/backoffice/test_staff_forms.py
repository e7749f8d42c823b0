"""The staff's forms say what they mean (issue 24): rupiah typed as "3.000.000" everywhere, the
facility's page address in words and made from the name, a map beside the coordinates, regions
offered with their level and parent, imports filtered by the registries that take them, and the
times of recorded acknowledgements in WIB."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import ImportRecord
from facilities.models import Facility, Need, NeedProposal
from matching.models import Pledge
from programs.models import Program
from tests.factories import (
    FacilityFactory,
    FacilityMemberFactory,
    NeedFactory,
    OfficerFactory,
    field,
    region,
    staff_user,
)
from tests.portal.helpers import pulpis

pytestmark = pytest.mark.django_db
EN = {"Accept-Language": "en"}


@pytest.fixture
def staff(client):
    user = staff_user()
    client.force_login(user)
    return user


def facility_post(**changes):
    data = {
        "name": "PSBR Taruna Jaya 1",
        "slug": "",
        "facility_type": "youth",
        "operator": "dinsos",
        "is_published": "on",
        "region": region("31.74.01", "Tebet").code,
        "latitude": "-6.232500",
        "longitude": "106.847000",
        "needs-TOTAL_FORMS": 0,
        "needs-INITIAL_FORMS": 0,
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return data


# --- rupiah -------------------------------------------------------------------------------------


def test_staff_type_a_needs_unit_cost_as_people_write_it(client, staff):
    facility = FacilityFactory()
    response = client.post(
        reverse("admin:facilities_need_add"),
        {
            "facility": facility.pk,
            "title": "Pelatihan las untuk 25 remaja",
            "field": "pendidikan",
            "kind": "services",
            "quantity": 25,
            "unit": "orang",
            "unit_cost": "3.500.000",
            "beneficiaries": 25,
            "priority": 2,
            "is_public": "on",
            "pledges-TOTAL_FORMS": 0,
            "pledges-INITIAL_FORMS": 0,
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    need = Need.objects.get()
    assert need.unit_cost == 3_500_000
    page = client.get(reverse("admin:facilities_need_change", args=[need.pk])).content.decode()
    assert 'name="unit_cost" value="3.500.000"' in page and 'inputmode="numeric"' in page


def test_staff_type_a_programs_budget_in_rupiah(client):
    from tests.factories import CompanyFactory, StaffFactory

    client.force_login(StaffFactory(agency=pulpis()))
    company = CompanyFactory()
    response = client.post(
        reverse("admin:programs_program_add"),
        {
            "company": company.pk,
            "title": "Bantuan sembako",
            "form": "donation",
            "fields": [field("sosial-keagamaan").pk],
            "budget": "Rp 250.000.000",
            "start_date": timezone.localdate().isoformat(),
            "target_regions": [region("62.11.01", "Kahayan Hilir").code],
            "target_beneficiaries": 0,
            "status_changes-TOTAL_FORMS": 0,
            "status_changes-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors if response.context else ""
    assert Program.objects.get().budget == 250_000_000


def test_a_facility_proposes_a_unit_cost_as_people_write_it(client):
    member = FacilityMemberFactory(facility=FacilityFactory())
    client.force_login(member.user)
    data = {
        "title": "Lemari pakaian",
        "field": "kesehatan",
        "kind": "goods",
        "quantity": "12",
        "unit": "buah",
        "unit_cost": "Rp 900.000",
        "priority": "2",
        "beneficiaries": "40",
    }
    assert client.post(reverse("facility:need_new"), data).status_code == 302
    assert Need.objects.get(title="Lemari pakaian").unit_cost == 900_000
    assert not NeedProposal.objects.exists()


def test_a_partner_offers_a_value_as_people_write_it(client):
    officer = OfficerFactory()
    need = NeedFactory(quantity=10)
    client.force_login(officer.user)
    response = client.post(reverse("partner:pledge_create", args=[need.pk]), {"quantity": "5", "value": "3.000.000"})
    assert response.status_code == 302
    assert Pledge.objects.get().value == 3_000_000


# --- the facility's form ------------------------------------------------------------------------


def test_the_page_address_is_named_in_words_and_made_from_the_name(client, staff):
    page = client.get(reverse("admin:facilities_facility_add"), headers=EN).content.decode()
    assert "Page address (URL)" in page and ">Slug" not in page
    assert client.post(reverse("admin:facilities_facility_add"), facility_post()).status_code == 302
    assert Facility.objects.get().slug == "psbr-taruna-jaya-1"
    # The same name again: an address no other facility uses.
    assert client.post(reverse("admin:facilities_facility_add"), facility_post()).status_code == 302
    assert sorted(Facility.objects.values_list("slug", flat=True)) == ["psbr-taruna-jaya-1", "psbr-taruna-jaya-1-2"]


def test_a_page_address_already_used_gets_a_clear_message(client, staff):
    FacilityFactory(name="PSBR Taruna Jaya 1", slug="psbr-taruna-jaya-1")
    response = client.post(
        reverse("admin:facilities_facility_add"), facility_post(slug="psbr-taruna-jaya-1"), headers=EN
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "The page address “psbr-taruna-jaya-1” is already used by another facility" in page
    assert "with this Slug already exists" not in page
    assert Facility.objects.count() == 1


def test_the_coordinates_have_a_map_to_pick_from(client, staff):
    page = client.get(reverse("admin:facilities_facility_add"), headers=EN).content.decode()
    assert 'data-location="latitude"' in page and 'data-location="longitude"' in page
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in page
    assert "backoffice/location-picker.js" in page and "vendor/leaflet/leaflet.js" in page
    assert "unpkg.com" not in page and "cdn" not in page.lower()


def test_regions_are_offered_with_their_level_and_parent(client, staff):
    region("31", "DKI Jakarta")
    region("31.74", "Kota Administrasi Jakarta Selatan")
    region("31.74.06", "Cilandak")
    region("31.74.06.1001", "Cilandak Barat")
    region("31.74.06.2001", "Desa Contoh")
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "Cilandak", "app_label": "facilities", "model_name": "facility", "field_name": "region"},
        headers=EN,
    )
    texts = [result["text"] for result in json.loads(response.content)["results"]]
    assert texts == [
        "Cilandak — District, Kota Administrasi Jakarta Selatan",
        "Cilandak Barat — Kelurahan, Kec. Cilandak, Kota Administrasi Jakarta Selatan",
    ]
    assert region("31.74.06.2001").full_label == "Desa Contoh — Desa, Kec. Cilandak, Kota Administrasi Jakarta Selatan"
    # The chosen region is shown the same way on the form.
    facility = FacilityFactory(region=region("31.74.06.1001"))
    page = client.get(reverse("admin:facilities_facility_change", args=[facility.pk]), headers=EN).content.decode()
    assert "Cilandak Barat — Kelurahan, Kec. Cilandak, Kota Administrasi Jakarta Selatan" in page


# --- imports and acknowledgements ---------------------------------------------------------------


def test_the_imports_filter_lists_the_registries_that_take_imports_only(client, staff):
    page = client.get(reverse("admin:core_importrecord_changelist"), headers=EN).content.decode()
    filters = page.split('id="changelist-filter"', 1)[1]
    for name in ("Facilities", "Needs", "Companies", "CSR programs", "Realisation reports", "Poverty figures"):
        assert f"{name}</a>" in filters, name
    for name in ("Pledges", "Sessions", "Permissions", "Content types", "Outgoing e-mails"):
        assert f"{name}</a>" not in filters, name


def test_the_imports_filter_filters(client, staff):
    from django.contrib.contenttypes.models import ContentType

    def record(model):
        return ImportRecord.objects.create(
            user=staff,
            content_type=ContentType.objects.get_for_model(model),
            resource="x",
            file_name=f"{model.__name__}.xlsx",
            file_format="xlsx",
            file_size=1,
            file_sha256="0" * 64,
        )

    needs, facilities = record(Need), record(Facility)
    data = ContentType.objects.get_for_model(Need).pk
    response = client.get(reverse("admin:core_importrecord_changelist"), {"data": data})
    assert [row.pk for row in response.context["cl"].result_list] == [needs.pk]
    assert facilities.pk not in [row.pk for row in response.context["cl"].result_list]
    assert "(" in str(needs) and timezone.localtime(needs.created_at).strftime("%H:%M") in str(needs)


def test_when_a_document_was_recorded_is_shown_in_wib(client):
    from circulars import services
    from tests.factories import StaffFactory
    from tests.portal.helpers import pdf

    agency = pulpis()
    staff = StaffFactory(agency=agency, username="dinsos.pulpis")
    client.force_login(staff)
    circular = services.circular_create(
        agency=agency, title="Surat edaran", issued_on=datetime.date(2026, 1, 5), file=pdf(), actor=staff
    )
    utc = datetime.datetime(2026, 1, 5, 20, 30, tzinfo=datetime.UTC)
    type(circular).objects.filter(pk=circular.pk).update(created_at=utc)
    page = client.get(reverse("admin:circulars_circular_change", args=[circular.pk]), headers=EN).content.decode()
    assert "06-01-2026 03:30 WIB · dinsos.pulpis" in page  # 20:30 UTC is 03:30 the next day in Jakarta
