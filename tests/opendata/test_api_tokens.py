import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from facilities.models import NeedStatus
from opendata.models import ApiToken
from opendata.services import api_token_issue, api_token_revoke
from tests.factories import FacilityFactory, NeedFactory, StaffFactory, agency, region

pytestmark = pytest.mark.django_db

URL = "/api/v1/agency/needs"


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def two_agencies():
    jakarta, pulpis = agency("31"), agency("62.11")
    NeedFactory(title="Kasur Jakarta", facility=FacilityFactory(region=region("31.75.01")))
    NeedFactory(title="Internal Jakarta", is_public=False, facility=FacilityFactory(region=region("31.74.01")))
    NeedFactory(title="Draft Jakarta", status=NeedStatus.DRAFT, facility=FacilityFactory(region=region("31.75.01")))
    NeedFactory(title="Beras Pulang Pisau", facility=FacilityFactory(region=region("62.11.01")))
    return jakarta, pulpis


def test_a_token_reads_only_its_own_agencys_needs_public_or_not(client, two_agencies):
    jakarta, _ = two_agencies
    token, secret = api_token_issue(agency=jakarta, name="SIKS Bappeda DKI", actor=StaffFactory(agency=jakarta))

    response = client.get(URL, **bearer(secret))

    assert response.status_code == 200
    titles = [row["title"] for row in response.json()["results"]]
    assert sorted(titles) == ["Internal Jakarta", "Kasur Jakarta"]
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_secret_is_not_stored(two_agencies):
    token, secret = api_token_issue(agency=two_agencies[0], name="x", actor=StaffFactory())

    stored = ApiToken.objects.filter(pk=token.pk).values_list("prefix", "secret_hash").get()
    assert secret not in stored[1] and secret[:8] == stored[0]


@pytest.mark.parametrize("header", [None, "Bearer wrong-secret", "Token abc"], ids=["none", "wrong", "other-scheme"])
def test_no_or_a_wrong_token_is_a_401(client, two_agencies, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    assert client.get(URL, **extra).status_code == 401


def test_a_revoked_token_is_a_401(client, two_agencies):
    staff = StaffFactory(agency=two_agencies[0])
    token, secret = api_token_issue(agency=two_agencies[0], name="x", actor=staff)
    assert client.get(URL, **bearer(secret)).status_code == 200

    api_token_revoke(token=token, actor=staff)

    assert client.get(URL, **bearer(secret)).status_code == 401


def test_agency_pages_take_a_fixed_number_of_queries(client, two_agencies, django_assert_num_queries):
    _, secret = api_token_issue(agency=two_agencies[0], name="x", actor=StaffFactory())
    # The token (with its agency), recording its use, the page.
    with django_assert_num_queries(3):
        client.get(URL, **bearer(secret))
    NeedFactory.create_batch(4, facility=FacilityFactory(region=region("31.75.01")))
    with django_assert_num_queries(3):
        assert len(client.get(URL, {"limit": 3}, **bearer(secret)).json()["results"]) == 3


def test_staff_issue_a_token_in_the_admin_see_its_secret_once_and_only_their_agencys_tokens(client, two_agencies):
    jakarta, pulpis = two_agencies
    staff = StaffFactory(agency=jakarta)
    api_token_issue(agency=pulpis, name="Sistem Pulang Pisau", actor=StaffFactory(agency=pulpis))
    client.force_login(staff)

    response = client.post(
        reverse("admin:opendata_apitoken_add"), {"agency": jakarta.pk, "name": "SIKS Bappeda DKI"}, follow=True
    )

    token = ApiToken.objects.get(name="SIKS Bappeda DKI")
    text = response.content.decode()
    assert "Bearer" in text
    listing = client.get(reverse("admin:opendata_apitoken_changelist")).content.decode()
    assert "SIKS Bappeda DKI" in listing and "Sistem Pulang Pisau" not in listing
    refused = client.post(reverse("admin:opendata_apitoken_add"), {"agency": pulpis.pk, "name": "Curang"})
    assert refused.status_code == 200 and not ApiToken.objects.filter(name="Curang").exists()
    assert token.agency == jakarta


def test_token_changelist_takes_a_fixed_number_of_queries(client, two_agencies):
    jakarta = two_agencies[0]
    staff = StaffFactory(agency=jakarta)
    client.force_login(staff)
    api_token_issue(agency=jakarta, name="Satu", actor=staff)
    url = reverse("admin:opendata_apitoken_changelist")
    client.get(url)  # the session and permission caches warm up
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(5):
        api_token_issue(agency=jakarta, name=f"Sistem {index}", actor=StaffFactory(agency=jakarta))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.decode().count("Sistem ") >= 5
    assert len(many) == len(few), (len(few), len(many))
    assert len(few) == 9  # pinned: the same whatever the number of tokens
