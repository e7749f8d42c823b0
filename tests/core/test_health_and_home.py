import pytest

from reports.figures import refresh_figures
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
    client.get("/")  # builds the headline figures' snapshot (the background task does, in production)
    # the figures' snapshot, the most urgent needs, the partners thanked (a link not yet kept)
    with django_assert_num_queries(3):
        client.get("/?utm_source=first")
    NeedFactory.create_batch(20)
    client.get("/")
    with django_assert_num_queries(3):
        client.get("/?utm_source=second")


def test_home_figures_are_not_summed_while_the_visitor_waits(client, settings, django_assert_num_queries):
    # As in production: the snapshot is rebuilt by the background task, not by the reader.
    settings.REPORT_FIGURES_BUILT_ON_READ = False
    NeedFactory.create_batch(2)
    assert client.get("/").context["stats"]["open_needs"] == 2  # no snapshot yet: built once
    NeedFactory()
    with django_assert_num_queries(3, exact=False) as captured:
        response = client.get("/")
    assert not any("SUM(" in query["sql"] or "COUNT(" in query["sql"] for query in captured.captured_queries)
    assert response.context["stats"]["open_needs"] == 2  # the last snapshot, until the task rebuilds it
    refresh_figures.call()
    assert client.get("/").context["stats"]["open_needs"] == 3
