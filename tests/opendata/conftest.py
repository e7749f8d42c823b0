import csv
import io
import json

import pytest
from django.core.cache import cache
from django.http import StreamingHttpResponse


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def body(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8-sig")


def csv_rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body(response))))


def json_body(response) -> dict:
    return json.loads(body(response))
