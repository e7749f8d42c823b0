"""A facility account sends photos of its own facility; only Dinsos publishes them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from facilities.models import FacilityPhoto
from tests.photo_helpers import jpeg_bytes

pytestmark = pytest.mark.django_db


def _send(client, content, **data):
    return client.post(
        reverse("facility:photos"),
        {"photo": SimpleUploadedFile("asrama.jpg", content, content_type="image/jpeg"), **data},
    )


def test_a_facility_account_sends_a_photo_that_waits_for_dinsos(member_client, member):
    response = _send(member_client, jpeg_bytes(800, 600), caption="Asrama putra", published="on")
    assert response.status_code == 302
    photo = FacilityPhoto.objects.get()
    assert (photo.facility, photo.caption, photo.published, photo.publish_basis) == (
        member.facility,
        "Asrama putra",
        False,
        "",
    )
    page = member_client.get(reverse("facility:photos")).content.decode()
    assert "Asrama putra" in page and "Waiting for Dinsos to check it" in page


def test_a_file_that_is_not_a_photo_is_a_form_error_and_writes_nothing(member_client):
    response = _send(member_client, b"%PDF-1.4 not a photo")
    assert response.status_code == 400
    assert "not a photo" in response.content.decode()
    assert not FacilityPhoto.objects.exists()


def test_another_facility_sees_only_its_own_photos(client, member_client, member, other_member):
    _send(member_client, jpeg_bytes(640, 480), caption="Ruang makan Taruna Jaya")
    client.force_login(other_member.user)
    page = client.get(reverse("facility:photos")).content.decode()
    assert "Ruang makan Taruna Jaya" not in page
