"""The Redis cache (ops.cache): Django's own, keeping what it is given."""

from django.core.cache import caches


def test_the_cache_keeps_what_it_is_given(settings, redis_caches):
    settings.CACHES = redis_caches
    cache = caches["default"]
    cache.set("kept-value", {"a": 1}, 30)

    assert cache.get("kept-value") == {"a": 1}
    assert cache.get_many(["kept-value", "absent"]) == {"kept-value": {"a": 1}}
