"""No admin URL answers 500 for a non-numeric id, an unknown version or an unknown parameter:
every route of the admin's own URLconf is walked with such values, as a superuser and as an
agency's administrator. A 500 is never an answer (issue 22)."""

import importlib
import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.agencies.test_admin_matrix import _objects, _patterns, evidence  # noqa: F401  (fixture)
from tests.factories import UserFactory
from tests.photo_helpers import gps_exif, jpeg_bytes

pytestmark = pytest.mark.django_db

BAD_VALUES = ["abc", "1.5", "%20", "99999999999999999999999"]
BAD_QUERIES = ["format=abc", "foo=bar", "o=abc", "p=abc", "q=%00", "format=", "e=1", "_changelist_filters=%%"]


def routes(side):
    """Every route of every registered ModelAdmin and of the site, with the side's object (or
    None) for routes that name one."""
    objects = _objects(side)
    for model, model_admin in admin.site._registry.items():
        obj = objects.get(model._meta.label_lower)
        for pattern, _name in _patterns(model_admin.get_urls()):
            yield f"/admin/{model._meta.app_label}/{model._meta.model_name}/", pattern.lstrip("^").rstrip("$"), obj
    for pattern, _name in _patterns(admin.site.get_urls()):
        if "<" not in pattern and not pattern.startswith(("r/", "login", "logout", "password")):
            yield "/admin/", pattern.lstrip("^").rstrip("$"), None


# A converter (``<int:pk>``) or a regular expression's group (``([^/]+)``, simple-history's).
PARAMETER = re.compile(r"<(?:\w+:)?\w+>|\((?:\?P<\w+>)?[^)]*\)")
OBJECT = re.compile(r"<(?:\w+:)?(?:object_id|pk)>|\((?:\?P<object_id>)?\[\^/\]\+\)")


def fill(route: str, obj, bad: str) -> list[str]:
    """The route with every parameter bad; and, where it names an object that exists, the
    object's id with every other parameter bad."""
    urls = [PARAMETER.sub(bad, route)]
    if obj is not None and OBJECT.search(route):
        with_id = OBJECT.sub(str(obj.pk), route, count=1)
        if PARAMETER.search(with_id):
            urls.append(PARAMETER.sub(bad, with_id))
    return urls


@pytest.fixture
def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.mark.parametrize("who", ["superuser", "agency_admin"])
def test_no_admin_url_answers_500_for_a_bad_id(client, jakarta, pulpis, evidence, superuser, who):  # noqa: F811
    user = superuser if who == "superuser" else jakarta.staff
    if who == "agency_admin":
        membership = user.agency_staff
        membership.role = "admin"
        membership.save()
    client.force_login(user)
    client.raise_request_exception = False
    failures = []
    for prefix, route, obj in routes(jakarta):
        candidates = []
        if PARAMETER.search(route):
            for bad in BAD_VALUES:
                candidates.extend(fill(route, obj, bad))
        else:
            candidates.extend(f"{route}?{query}" for query in BAD_QUERIES)
        for url in dict.fromkeys(candidates):
            response = client.get(prefix + url)
            if response.status_code >= 500:
                failures.append(f"GET {prefix}{url}: {response.status_code}")
    assert failures == [], "\n".join(failures)


def test_an_agency_administrator_can_edit_their_own_agency(client, jakarta):
    membership = jakarta.staff.agency_staff
    membership.role = "admin"
    membership.save()
    client.force_login(jakarta.staff)
    url = f"/admin/agencies/agency/{jakarta.agency.pk}/change/"
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {key: value for key, value in form.initial.items() if key in form.fields and key != "logo"}
    data.update({"phone": "021-555-0199", "email": "humas@dinsos.example.go.id"})
    data = {key: ("" if value is None else value) for key, value in data.items()}
    response = client.post(url, data)
    assert response.status_code == 302, getattr(response, "context", {}) and response.context["adminform"].form.errors
    jakarta.agency.refresh_from_db()
    assert jakarta.agency.phone == "021-555-0199"


def test_an_agency_logo_is_stored_without_its_location(client, jakarta):
    """Issue 22: an agency's logo kept its EXIF and GPS and was served publicly."""
    membership = jakarta.staff.agency_staff
    membership.role = "admin"
    membership.save()
    client.force_login(jakarta.staff)
    url = f"/admin/agencies/agency/{jakarta.agency.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if key in form.fields and key != "logo"}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data["logo"] = SimpleUploadedFile("logo.jpg", jpeg_bytes(exif=gps_exif()), content_type="image/jpeg")
    assert client.post(url, data).status_code == 302
    jakarta.agency.refresh_from_db()
    with jakarta.agency.logo.open("rb") as handle:
        assert b"GPS" not in handle.read()
    served = client.get(f"/agencies/{jakarta.agency.slug}/logo/")
    assert served.status_code == 200
    assert b"GPS" not in b"".join(served.streaming_content)


def test_a_logo_that_is_no_image_is_a_form_error(client, jakarta):
    membership = jakarta.staff.agency_staff
    membership.role = "admin"
    membership.save()
    client.force_login(jakarta.staff)
    url = f"/admin/agencies/agency/{jakarta.agency.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if key in form.fields and key != "logo"}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data["logo"] = SimpleUploadedFile("logo.png", b"MZ not an image", content_type="image/png")
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo"]


def test_logos_stored_before_are_cleaned_by_the_migration(jakarta):
    jakarta.agency.logo.save("lama.jpg", ContentFile(jpeg_bytes(exif=gps_exif())))
    migration = importlib.import_module("agencies.migrations.0003_logos_without_metadata")
    migration.clean_logos(apps, None)
    with jakarta.agency.logo.open("rb") as handle:
        assert b"GPS" not in handle.read()
