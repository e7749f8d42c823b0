"""Photos of facilities and needs: published only with a reason, served publicly only when
published and public, uploaded in the admin with a clear error for what is not an image."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import images
from facilities import photos
from facilities.models import FacilityPhoto, NeedPhoto, PhotoBasis
from tests.facilities.helpers import grow
from tests.factories import FacilityFactory, NeedFactory, StaffFactory
from tests.photo_helpers import gps_exif, jpeg_bytes, published_photo

pytestmark = pytest.mark.django_db


def photo_url(photo, width):
    return reverse(f"facilities:{photo.kind}_photo", kwargs={"pk": photo.pk, "width": width})


def test_a_new_photo_is_stored_cleaned_with_its_copies_and_unpublished():
    need = NeedFactory()
    photo = photos.photo_add(
        owner=need, processed=images.process(jpeg_bytes(2000, 1000, exif=gps_exif())), actor=StaffFactory()
    )

    assert (photo.published, photo.confirmed_by, photo.confirmed_at) == (False, None, None)
    assert photo.variant_widths == [480, 960, 1000]
    for name in photos.stored_names(photo):
        assert default_storage.exists(name)
        with default_storage.open(name) as handle:
            assert b"GPS" not in handle.read()


def test_publishing_needs_a_reason_and_records_who_confirmed_and_when():
    staff = StaffFactory()
    photo = photos.photo_add(owner=FacilityFactory(), processed=images.process(jpeg_bytes()), actor=staff)

    with pytest.raises(photos.PhotoError) as error:
        photos.photo_update(photo=photo, actor=staff, changes={"published": True})
    assert error.value.field == "publish_basis"

    photos.photo_update(photo=photo, actor=staff, changes={"published": True, "publish_basis": PhotoBasis.CONSENT})
    photo.refresh_from_db()
    assert (photo.published, photo.publish_basis, photo.confirmed_by) == (True, PhotoBasis.CONSENT, staff)
    assert photo.confirmed_at is not None

    photos.photo_update(photo=photo, actor=staff, changes={"published": False})
    photo.refresh_from_db()
    assert (photo.published, photo.publish_basis, photo.confirmed_by, photo.confirmed_at) == (False, "", None, None)


def test_deleting_a_photo_removes_its_files_once_committed(django_capture_on_commit_callbacks):
    photo = published_photo(NeedFactory())
    names = photos.stored_names(photo)
    with django_capture_on_commit_callbacks(execute=True):
        photos.photo_delete(photo=photo, actor=StaffFactory())
    assert not any(default_storage.exists(name) for name in names)


def test_a_published_photo_is_served_with_long_cache_headers(client):
    photo = published_photo(NeedFactory())
    response = client.get(photo_url(photo, 480))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=604800"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


@pytest.mark.parametrize("case", ["unpublished", "hidden-need", "unpublished-facility", "unknown-width"])
def test_a_photo_not_meant_for_the_public_is_not_found(client, case):
    need = NeedFactory(is_public=case != "hidden-need")
    photo = published_photo(need)
    width = 480
    if case == "unpublished":
        photos.photo_update(photo=photo, actor=None, changes={"published": False})
    elif case == "unpublished-facility":
        need.facility.is_published = False
        need.facility.save()
    elif case == "unknown-width":
        width = 333
    assert client.get(photo_url(photo, width)).status_code == 404


def test_staff_see_an_unpublished_photo_to_check_it_never_cached(client):
    photo = photos.photo_add(owner=FacilityFactory(), processed=images.process(jpeg_bytes()), actor=None)
    client.force_login(StaffFactory())
    response = client.get(photo_url(photo, 480))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_need_page_shows_its_photos_and_shares_the_first_as_og_image(client):
    need = NeedFactory(title="Kasur busa")
    first = published_photo(need, caption="Kasur lama yang sudah rusak", caption_en="The worn-out mattresses")
    published_photo(need)
    photos.photo_add(owner=need, processed=images.process(jpeg_bytes()), actor=None)  # not published

    html = client.get(need.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert html.count('<figure class="photo">') == 2
    assert f'<meta property="og:image" content="http://testserver{photo_url(first, 1200)}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    img = re.search(r'<img src="[^"]+" srcset="([^"]+)" sizes="[^"]+" width="960" height="640" alt="([^"]+)"', html)
    assert img, "the gallery's first image has its srcset, intrinsic size and alt"
    assert img.group(1) == ", ".join(f"{photo_url(first, w)} {w}w" for w in (480, 960, 1200))
    assert img.group(2) == "The worn-out mattresses"


def test_need_page_without_a_photo_shares_its_generated_picture_not_the_facilitys_photo(client):
    need = NeedFactory()
    published_photo(need.facility)
    html = client.get(need.get_absolute_url()).content.decode()
    share = reverse("facilities:need_share_image", kwargs={"pk": need.pk})
    assert f'<meta property="og:image" content="http://testserver{share}">' in html


def test_cards_show_the_first_photo_lazily(client):
    need = NeedFactory()
    photo = published_photo(need)
    html = client.get(reverse("facilities:need_list")).content.decode()
    assert re.search(rf'<img src="{photo_url(photo, 960)}" [^>]*class="card-photo" loading="lazy"', html)


@pytest.mark.parametrize("size", [2, 8], ids=["small", "larger"])
def test_photos_add_no_query_per_card(client, django_assert_num_queries, size):
    grow(size)
    for need in NeedFactory._meta.model.objects.all():
        published_photo(need)
    for facility in FacilityFactory._meta.model.objects.all():
        published_photo(facility)

    # fields, regions, count, the page (its needs with their first photos)
    with django_assert_num_queries(4):
        assert client.get(reverse("facilities:need_list")).status_code == 200
    # regions, count, the page (its facilities with their first photos)
    with django_assert_num_queries(3):
        assert client.get(reverse("facilities:facility_list")).status_code == 200


# --- the admin ------------------------------------------------------------------------------------


def inline_post(need, **row):
    data = {
        "facility": need.facility_id,
        "title": need.title,
        "field": need.field_id,
        "kind": need.kind,
        "quantity": need.quantity,
        "unit": need.unit,
        "unit_cost": need.unit_cost,
        "priority": need.priority,
        "beneficiaries": need.beneficiaries,
        "is_public": "on",
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "pledges-TOTAL_FORMS": "0",
        "pledges-INITIAL_FORMS": "0",
        "pledges-MIN_NUM_FORMS": "0",
        "pledges-MAX_NUM_FORMS": "1000",
    }
    data.update({f"photos-0-{name}": value for name, value in row.items()})
    return data


def test_staff_upload_a_need_photo_in_the_admin_and_publish_it_with_a_reason(client):
    staff = StaffFactory()
    client.force_login(staff)
    need = NeedFactory()
    url = reverse("admin:facilities_need_change", args=[need.pk])
    upload = SimpleUploadedFile("kasur.jpg", jpeg_bytes(exif=gps_exif()), content_type="image/jpeg")

    response = client.post(
        url, inline_post(need, upload=upload, caption="Kasur", order="0", published="on", publish_basis="no_resident")
    )

    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    photo = NeedPhoto.objects.get()
    assert (photo.need, photo.caption, photo.published, photo.confirmed_by) == (need, "Kasur", True, staff)


def test_a_file_that_is_not_an_image_gets_a_form_error_and_changes_nothing(client):
    client.force_login(StaffFactory())
    need = NeedFactory()
    upload = SimpleUploadedFile("kasur.jpg", b"%PDF-1.4 pretending", content_type="image/jpeg")

    response = client.post(
        reverse("admin:facilities_need_change", args=[need.pk]),
        inline_post(need, upload=upload, order="0"),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "This file is not a photo Pillow can read" in response.content.decode()
    assert not NeedPhoto.objects.exists()


def test_publishing_in_the_admin_without_a_reason_is_refused(client):
    client.force_login(StaffFactory())
    need = NeedFactory()
    upload = SimpleUploadedFile("kasur.jpg", jpeg_bytes(), content_type="image/jpeg")
    response = client.post(
        reverse("admin:facilities_need_change", args=[need.pk]),
        inline_post(need, upload=upload, order="0", published="on"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Say why this photo may be published" in response.content.decode()
    assert not NeedPhoto.objects.exists()
    assert not FacilityPhoto.objects.exists()


def test_facility_cards_show_the_first_photo_at_its_size(client):
    facility = FacilityFactory()
    first = published_photo(facility)
    published_photo(facility)
    html = client.get(reverse("facilities:facility_list")).content.decode()
    card = re.search(r'<li class="card facility-card has-photo">\s*(<img [^>]*>)', html)
    assert card, "the directory's card carries its facility's first photo"
    assert f'src="{photo_url(first, 960)}"' in card.group(1)
    assert 'width="960" height="640"' in card.group(1)
