import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with no cached public pages (core.kept_pages)."""
    cache.clear()
    yield
    cache.clear()
