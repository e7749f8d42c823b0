"""Site-wide guards (core.middleware): NUL bytes are a 400 everywhere, private pages are never
cached, the language cookie is for HTTPS only in production, and the public CSV opens in Excel."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import CompanyFactory, NeedFactory, officer_user, pledge_in_state

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
NUL = "\x00"


@pytest.fixture
def superuser_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "x-pass-123"))
    return client


def _changelist_filter_urls(client) -> list[tuple[str, str]]:
    """(changelist URL, parameter) for every filter parameter of every admin list, and its search."""
    cases = []
    for model, model_admin in admin.site._registry.items():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = client.get(url)
        assert response.status_code == 200, url
        changelist = response.context["cl"]
        for spec in changelist.filter_specs:
            cases.extend((url, parameter) for parameter in spec.expected_parameters())
        if model_admin.search_fields:
            cases.append((url, "q"))
    return cases


def test_every_admin_list_answers_400_to_a_nul_in_any_filter(superuser_client):
    pledge_in_state("approved")  # some rows, so that every list and filter has something to show
    CompanyFactory()
    cases = _changelist_filter_urls(superuser_client)
    # The red team's 14 URLs are among them: pledge, need and company lists.
    reported = {
        (reverse("admin:matching_pledge_changelist"), "status__exact"),
        (reverse("admin:facilities_need_changelist"), "status__exact"),
        (reverse("admin:partners_company_changelist"), "status__exact"),
    }
    assert reported <= set(cases)
    assert len(cases) >= 14
    for url, parameter in cases:
        for value in (NUL, f"a{NUL}b"):
            response = superuser_client.get(url, {parameter: value})
            assert response.status_code == 400, (url, parameter)
    # The exact URL of the report, and a NUL in a parameter's name.
    assert superuser_client.get("/admin/matching/pledge/?status=%00").status_code == 400
    assert superuser_client.get("/admin/matching/pledge/?st%00atus=1").status_code == 400


def test_nul_bytes_in_public_filters_forms_and_paths_are_400(client):
    need = NeedFactory()
    assert client.get(reverse("facilities:need_list"), {"field": NUL}).status_code == 400
    assert client.get(reverse("facilities:needs_csv"), {"region": NUL}).status_code == 400
    response = client.post(need.get_absolute_url(), {"name": f"A{NUL}", "email": "a@example.org"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert client.get("/needs/%00/").status_code == 400
    assert client.get(reverse("facilities:need_list"), {"field": "pendidikan"}).status_code == 200


# --- Cache-Control -----------------------------------------------------------------------------


def _private(response) -> bool:
    value = response.get("Cache-Control", "")
    return "private" in value and "no-store" in value


def test_admin_partner_and_account_pages_are_never_cached(client, superuser_client):
    assert _private(client.get(reverse("login")))
    assert _private(client.get(reverse("password_reset")))
    for name in ("admin:index", "admin:matching_pledge_changelist", "admin:partners_company_changelist"):
        assert _private(superuser_client.get(reverse(name))), name


def test_partner_portal_pages_are_never_cached(client):
    officer = officer_user(CompanyFactory())
    client.force_login(officer)
    for name in ("partner:dashboard", "partner:need_list", "partner:pledge_list", "partner:company"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert _private(response), name


def test_public_pages_are_private_only_for_logged_in_visitors(client):
    need = NeedFactory()
    anonymous = client.get(need.get_absolute_url())
    assert "no-store" not in anonymous.get("Cache-Control", "")
    client.force_login(officer_user(CompanyFactory()))
    assert _private(client.get(need.get_absolute_url()))
    assert _private(client.get(reverse("home")))


# --- the language cookie -----------------------------------------------------------------------


def test_language_cookie_is_http_only_and_same_site(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]  # DEBUG on a laptop: plain http works


def test_language_cookie_is_secure_in_production():
    code = "import django; django.setup(); from django.conf import settings as s; print(s.LANGUAGE_COOKIE_SECURE)"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    production = {
        "DJANGO_SETTINGS_MODULE": "csrportal.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "k" * 20 + "-production-secret-with-enough-entropy-9f8e7d6c5b4a",
        "DJANGO_ALLOWED_HOSTS": "csr.dinsos.example.go.id",
    }
    result = subprocess.run(  # noqa: S603 (our own settings, fixed code)
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **production}, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "True", result.stderr


# --- the public CSV ----------------------------------------------------------------------------


def test_public_needs_csv_starts_with_a_byte_order_mark(client):
    NeedFactory(title="Perbaikan atap asrama")
    content = b"".join(client.get(reverse("facilities:needs_csv")).streaming_content)
    assert content.startswith("\ufeffid,url,title".encode())
    assert content.count("\ufeff".encode()) == 1
