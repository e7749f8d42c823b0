"""core.kept: entries read from the process's own memory before the shared cache."""

from django.core.cache import cache, caches

from core import kept


def two_levels(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "own"},
    }
    settings.LOCAL_CACHE_SECONDS = 300


def test_a_value_is_kept_in_both_levels_and_read_back_from_the_shared_one(settings):
    two_levels(settings)
    kept.set("card:1", "<li>1</li>", 3600)
    assert cache.get("card:1") == caches["local"].get("card:1") == "<li>1</li>"

    # Another process: nothing in its memory yet, so the shared cache answers and the copy is kept.
    caches["local"].clear()
    assert kept.get("card:1", seconds=3600) == "<li>1</li>"
    assert caches["local"].get("card:1") == "<li>1</li>"


def test_the_local_copy_answers_without_the_shared_cache(settings):
    two_levels(settings)
    kept.set_many({"card:1": "a", "card:2": "b"}, 3600)
    cache.clear()

    assert kept.get_many(["card:1", "card:2", "card:3"], seconds=3600) == {"card:1": "a", "card:2": "b"}


def test_the_missing_ones_come_from_the_shared_cache_in_one_read(settings):
    two_levels(settings)
    cache.set_many({"card:1": "a", "card:2": "b"})
    caches["local"].set("card:1", "a")

    assert kept.get_many(["card:1", "card:2"], seconds=3600) == {"card:1": "a", "card:2": "b"}
    assert caches["local"].get("card:2") == "b"


def test_without_a_second_level_the_default_cache_is_all(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    kept.set("card:1", "a", 60)
    assert kept.get("card:1", seconds=60) == "a"
    assert kept.get_many(["card:1"], seconds=60) == {"card:1": "a"}
