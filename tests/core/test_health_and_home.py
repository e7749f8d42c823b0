import pytest

from tests.factories import CompanyFactory, FacilityFactory, NeedFactory

pytestmark = pytest.mark.django_db


def test_home_shows_live_counts(client):
    facility = FacilityFactory()
    NeedFactory.create_batch(3, facility=facility)
    NeedFactory(facility=facility, is_public=False)  # internal needs are not counted
    CompanyFactory()
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["stats"]["open_needs"] == 3
    assert response.context["stats"]["facilities"] == 1
    assert response.context["stats"]["partners"] == 1
    assert b'data-stat="open-needs">3<' in response.content


def test_home_speaks_indonesian_first_and_english_on_request(client):
    assert client.get("/").headers["Content-Language"] == "id"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").headers["Content-Language"] == "en"


def test_home_query_count_is_constant(client, django_assert_num_queries):
    NeedFactory.create_batch(5)
    # headline figures (3), the most urgent needs, the partners thanked
    with django_assert_num_queries(5):
        client.get("/")
