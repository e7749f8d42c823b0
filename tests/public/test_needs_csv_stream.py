"""/needs.csv at national scale (issue 23): streamed from a database cursor in batches of lines,
a fixed number of queries however many needs match."""

import csv
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from public import opendata
from tests.factories import NeedFactory

pytestmark = pytest.mark.django_db
CSV_URL = reverse("facilities:needs_csv")


def download(client) -> tuple[list[str], int, int]:
    """The chunks the server writes, the data rows, and the queries it took."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(CSV_URL)
        assert isinstance(response, StreamingHttpResponse)
        chunks = [chunk.decode("utf-8") for chunk in response.streaming_content]
    rows = list(csv.DictReader(io.StringIO("".join(chunks).removeprefix("\ufeff"))))
    return chunks, len(rows), len(captured.captured_queries)


def test_csv_is_written_in_batches_with_the_same_queries_at_two_sizes(client, monkeypatch):
    monkeypatch.setattr(opendata, "LINES_PER_WRITE", 5)
    monkeypatch.setattr(opendata, "CHUNK_SIZE", 4)
    NeedFactory.create_batch(3)
    download(client)  # the listing filter's choices, read once and kept
    _chunks, small_rows, small_queries = download(client)
    NeedFactory.create_batch(20)
    chunks, rows, queries = download(client)
    assert (small_rows, rows) == (3, 23)
    assert queries == small_queries
    assert len(chunks) == 5  # 23 lines in batches of 5: one write per batch, not one per line
    assert chunks[0].startswith("\ufeffid,url,title")


def test_csv_batches_keep_every_line_whole():
    records = (dict.fromkeys(opendata.COLUMNS, f"v{index}") for index in range(7))
    text = "".join(opendata.csv_lines(records, batch=3))
    assert text.count("\r\n") == 8 and text.endswith("\r\n")
