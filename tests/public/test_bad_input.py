"""Whatever a visitor, a crawler or an attacker puts in the query string of a public URL, the
answer is a normal page, a 400 or a 404: never a server error, never their markup echoed raw."""

from urllib.parse import urlencode

import pytest
from django.http import StreamingHttpResponse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.facilities.helpers import cover
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, region

pytestmark = pytest.mark.django_db

MARKUP = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
PARAMETERS = ["q", "field", "kind", "priority", "facility_type", "region", "facility", "status", "needed_by", "sort"]

# Text without lone surrogates (which cannot be encoded into a URL at all).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
values = st.one_of(
    any_text,
    st.just(MARKUP),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(["31", "31.75", "31.75.01", "31.", "99.99.99.9999", ".", "31.75.01.1001.1", "0" * 200]),
    st.sampled_from(["pendidikan", "open", "fulfilled", "all", "urgency", "value", "children", "goods", "1"]),
    st.sampled_from(["2025-02-30", "99999-01-01", "0000-00-00", "1-1-1", "\x00", "%00", "NaN", "1e308", "-0"]),
)
keys = st.one_of(st.sampled_from([*PARAMETERS, "page"]), any_text)
queries = st.lists(st.tuples(keys, values), max_size=6)


@pytest.fixture
def public_urls():
    facility = FacilityFactory(name="PSBR Taruna Jaya 1", region=region("31.75.01"))
    need = NeedFactory(facility=facility)
    cover(need, CompanyFactory(), 5, verified=2)
    NeedFactory(facility=FacilityFactory(region=region("62.11.01")))
    return [
        "/",
        "/needs/",
        need.get_absolute_url(),
        "/facilities/",
        facility.get_absolute_url(),
        "/needs.csv",
        "/needs.json",
    ]


def fetch(client, url: str):
    response = client.get(url)
    # A streamed response runs its query while it is read: read it all to see any failure.
    body = b"".join(response.streaming_content) if isinstance(response, StreamingHttpResponse) else response.content
    return response, body


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries)
def test_public_urls_answer_any_query_string_without_a_server_error(client, public_urls, query):
    for url in public_urls:
        response, body = fetch(client, f"{url}?{urlencode(query)}")
        assert response.status_code in (200, 400, 404), (url, query, response.status_code)
        assert b"<script>alert(1)" not in body
        assert b"<img src=x" not in body


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pk=st.integers(min_value=0, max_value=10**40),
    slug=st.text(st.sampled_from("abc-_0123456789"), min_size=1, max_size=300),
)
def test_need_and_facility_addresses_answer_found_or_not_found(client, public_urls, pk, slug):
    for url in (f"/needs/{pk}/", f"/facilities/{slug}/"):
        response, _ = fetch(client, url)
        assert response.status_code in (200, 404), (url, response.status_code)


def test_markup_staff_wrote_into_a_need_is_shown_as_text_on_its_card_and_pages(client):
    # The card's sentences are written by its tags (need_card_values, need_progress), the region
    # path by a tag: each value escaped as {% blocktranslate %} and {{ }} escape them.
    place = region("31.75.01", MARKUP)
    unit = "<b>kg</b>"  # a unit holds 40 characters at most
    need = NeedFactory(title=MARKUP, unit=unit, facility=FacilityFactory(name=MARKUP, region=place))
    cover(need, CompanyFactory(), 5, verified=2)
    for url in ("/needs/", need.get_absolute_url(), need.facility.get_absolute_url()):
        body = client.get(url).content
        assert b"<script>alert(1)" not in body, url
        assert b"<img src=x" not in body, url
        assert b"<b>kg" not in body, url
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body, url
    assert b"&lt;b&gt;kg&lt;/b&gt;" in client.get("/needs/").content
