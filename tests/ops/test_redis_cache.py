"""The Redis cache (ops.cache): one redis-py client per connection pool, reused."""

from django.core.cache import caches


def test_the_cache_reuses_its_client_and_keeps_what_it_is_given(settings, redis_caches):
    settings.CACHES = redis_caches
    cache = caches["default"]
    cache.set("shared-client", {"a": 1}, 30)

    assert cache.get("shared-client") == {"a": 1}
    assert cache.get_many(["shared-client", "absent"]) == {"shared-client": {"a": 1}}
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: one pool for reads and writes
