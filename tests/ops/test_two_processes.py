"""Two gunicorn servers on one database and one Redis: what one saves, the other shows at once.

PostgreSQL only: the servers are other processes, which cannot reach SQLite's in-memory test
database; CI runs them on PostgreSQL with Redis mandatory.
"""

import re

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.factories import NeedFactory, officer_user
from tests.ops.servers import Server

PASSWORD = "secret-pass-for-servers-123"
pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def servers(tmp_path):
    started = []

    def start(**env):
        server = Server(tmp_path, **env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def remaining_on_listing(server: Server, need_id: int) -> str:
    status, page = server.get("/needs/")
    assert status == 200
    card = re.search(rf'data-need="{need_id}".*?<strong>([\d.]+)</strong>', page, re.DOTALL)
    assert card, f"need {need_id} not on the listing"
    return card.group(1)


def officer_for_servers():
    """An officer whose password the servers can check: they hash with production's PBKDF2,
    not with the tests' fast MD5."""
    user = officer_user()
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "saltsaltsalt1234")
    user.save(update_fields=["password"])
    return user


def pledge_through(server: Server, need_id: int, username: str, quantity: int) -> None:
    status, page = server.post_form("/accounts/login/", {"username": username, "password": PASSWORD})
    assert (status, server.last_path) == (200, "/partner/"), page
    status, page = server.post_form(f"/partner/needs/{need_id}/pledge/", {"quantity": str(quantity)})
    assert status == 200
    assert server.last_path.startswith("/partner/pledges/"), page  # the offer was made


def test_a_pledge_saved_through_one_server_shows_at_once_on_the_other(servers, redis_url, key_prefix):
    need = NeedFactory(title="Kasur busa asrama", quantity=40)
    officer = officer_for_servers()
    # A page-cache timeout far longer than the test: only a shared data version can explain a change.
    shared = {"REDIS_URL": redis_url, "REDIS_KEY_PREFIX": key_prefix, "PUBLIC_PAGE_CACHE_SECONDS": "600"}
    first, second = servers(**shared), servers(**shared)
    assert remaining_on_listing(first, need.pk) == "40"
    assert remaining_on_listing(second, need.pk) == "40"  # now cached for ten minutes

    pledge_through(first, need.pk, officer.username, 25)

    assert remaining_on_listing(first, need.pk) == "15"
    assert remaining_on_listing(second, need.pk) == "15"


def test_without_redis_each_server_keeps_its_own_cache(servers):
    """The control: with the local memory cache the second server goes on showing what it
    cached, which is why REDIS_URL is needed as soon as there is more than one process."""
    need = NeedFactory(title="Kasur busa asrama", quantity=40)
    officer = officer_for_servers()
    first, second = servers(PUBLIC_PAGE_CACHE_SECONDS="600"), servers(PUBLIC_PAGE_CACHE_SECONDS="600")
    assert remaining_on_listing(second, need.pk) == "40"

    pledge_through(first, need.pk, officer.username, 25)

    assert remaining_on_listing(first, need.pk) == "15"
    assert remaining_on_listing(second, need.pk) == "40"


def test_healthz_of_a_server_answers_503_when_its_redis_stops(servers, private_redis):
    server = servers(REDIS_URL=private_redis.url)
    status, body = server.get("/healthz")
    assert status == 200
    assert '"redis": "ok"' in body

    private_redis.stop()

    status, body = server.get("/healthz")
    assert status == 503
    assert '"redis": "unavailable"' in body
    assert '"down": ["redis"]' in body
    status, _ = server.get("/needs/")
    assert status == 200


def healthz_requests_counted(server: Server) -> float:
    status, page = server.get("/metrics")
    assert status == 200
    counted = re.search(
        r'django_http_requests_total_by_view_transport_method_total\{[^}]*view="healthz"[^}]*\} (\S+)', page
    )
    assert counted, page[:2000]
    return float(counted.group(1))


def test_metrics_add_up_every_gunicorn_worker(servers, tmp_path):
    server = servers(GUNICORN_WORKERS="2", PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "prometheus"))
    before = healthz_requests_counted(server)  # the start-up probe's
    for _ in range(6):
        assert server.get("/healthz")[0] == 200
    # Whichever of the two workers answered each request, /metrics counts all six.
    assert healthz_requests_counted(server) - before == 6.0
