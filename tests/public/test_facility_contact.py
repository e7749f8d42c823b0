"""A facility page gives its address and a call link to its office phone; a person's number
(the contact phone) and the address of a hidden location (a safe house) never show."""

import pytest

from tests.factories import FacilityFactory

pytestmark = pytest.mark.django_db


def test_facility_page_shows_address_and_a_tel_link_to_the_office_phone(client):
    facility = FacilityFactory(
        address="Jl. Raya Bogor Km. 28\nPasar Rebo, Jakarta Timur",
        phone="021-840 1234",
        head_name="Ibu Kepala Rahasia",
        contact_phone="0812-9999-0000",
    )
    html = client.get(facility.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert '<address class="facility-address">Jl. Raya Bogor Km. 28<br>Pasar Rebo, Jakarta Timur</address>' in html
    assert '<a class="tel" href="tel:+62218401234">021-840 1234</a>' in html
    assert "<dt>Telepon</dt>" in html and "<dt>Alamat</dt>" in html
    assert "0812-9999-0000" not in html and "Ibu Kepala Rahasia" not in html


def test_a_hidden_location_shows_neither_address_nor_an_empty_line(client):
    facility = FacilityFactory(address="Rumah aman, Jl. Rahasia 1", address_public=False, phone="")
    html = client.get(facility.get_absolute_url()).content.decode()
    assert "Rumah aman" not in html
    assert "facility-address" not in html and "tel:" not in html.split('<footer class="site-footer">')[0]
