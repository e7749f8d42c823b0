import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with no cached public pages (public.views.cached_fragment)."""
    cache.clear()
    yield
    cache.clear()
