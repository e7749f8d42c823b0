"""Every public page ends with the agency's contact and a link to the privacy notice; the notice
says what personal data the portal holds, why, who controls it, how long and how to ask."""

import pytest
from django.urls import reverse

from public.templatetags.public_site import tel_href
from tests.factories import agency

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/needs/", "/facilities/", "/agencies/", "/reports/", "/privasi/"])
def test_every_public_page_has_the_footer_with_contact_and_privacy_link(client, settings, path):
    settings.AGENCY_NAME = "Dinas Sosial Provinsi DKI Jakarta"
    settings.AGENCY_PHONE = "021-384 1234"
    settings.AGENCY_EMAIL = "dinsos@jakarta.example"
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Dinas Sosial Provinsi DKI Jakarta" in footer
    assert 'href="tel:+62213841234"' in footer
    assert 'href="mailto:dinsos@jakarta.example"' in footer
    assert f'href="{reverse("privacy")}"' in footer


def test_the_footer_leaves_out_contacts_that_are_not_set(client, settings):
    settings.AGENCY_PHONE = settings.AGENCY_EMAIL = settings.AGENCY_ADDRESS = ""
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert "tel:" not in footer and "mailto:" not in footer


def test_the_privacy_notice_names_data_purposes_retention_rights_and_the_agencies_to_ask(client):
    agency("62.11", "Dinas Sosial Kabupaten Pulang Pisau", email="dinsos@pulpis.example", phone="0513-61234")
    agency("31", "Dinas Sosial Provinsi DKI Jakarta", is_public=False)
    response = client.get("/privasi/", HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pemberitahuan privasi" in html
    assert "UU No. 27/2022" in html or "UU PDP" in html
    for words in ["tidak ada data tentang penghuni", "90 hari", "mailto:dinsos@pulpis.example", "tel:+6251361234"]:
        assert words in html.lower() or words in html
    assert "Dinas Sosial Provinsi DKI Jakarta" not in html.split('<footer class="site-footer">')[0]


def test_the_privacy_notice_is_in_english_for_an_english_reader(client):
    html = client.get("/privasi/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "What personal data the portal holds" in html
    assert "No data about residents." in html
    assert "Your rights" in html


def test_the_privacy_notice_is_in_the_sitemap(client):
    assert "/privasi/" in client.get("/sitemap-pages.xml").content.decode()


@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("021-840 0000", "tel:+62218400000"),
        ("0812 3456 789", "tel:+628123456789"),
        ("+62 536 4441", "tel:+625364441"),
        ("(021) 7654321 ext", "tel:+62217654321"),
        ("—", ""),
    ],
)
def test_phone_numbers_become_international_tel_links(written, href):
    assert tel_href(written) == href
