"""The sitemap at national scale: an index of files of at most ``SITEMAP_LIMIT`` URLs each, in
which every public need and published facility is listed once (one file of everything went over
the protocol's 50,000 URLs, and the needs beyond its first page were listed nowhere)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from facilities.models import Need, NeedStatus
from public import seo
from tests.factories import FacilityFactory, NeedFactory

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>http://testserver([^<]+)</loc>")


def locations(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return LOC.findall(response.content.decode())


@pytest.fixture
def small_files(monkeypatch):
    monkeypatch.setattr(seo.NeedSitemap, "limit", 2)
    monkeypatch.setattr(seo.FacilitySitemap, "limit", 2)


def test_the_index_lists_a_file_per_limit_and_the_files_list_every_public_need_once(client, small_files):
    facility = FacilityFactory()
    shown = [NeedFactory(facility=facility) for _ in range(4)]
    shown.append(NeedFactory(facility=facility, status=NeedStatus.FULFILLED))
    NeedFactory(facility=facility, is_public=False)
    NeedFactory(facility=facility, status=NeedStatus.DRAFT)
    NeedFactory(facility=FacilityFactory(is_published=False))

    files = locations(client, "/sitemap.xml")

    need_files = [path for path in files if path.startswith("/sitemap-needs.xml")]
    assert need_files == ["/sitemap-needs.xml", "/sitemap-needs.xml?p=2", "/sitemap-needs.xml?p=3"]
    assert "/sitemap-pages.xml" in files
    assert "/sitemap-facilities.xml" in files
    listed = [path for file in need_files for path in locations(client, file)]
    assert all(len(locations(client, file)) <= 2 for file in need_files)
    assert sorted(listed) == sorted(need.get_absolute_url() for need in shown)


def test_the_index_gives_each_section_its_latest_change(client):
    old, new = NeedFactory(), NeedFactory()
    latest = timezone.now() - timedelta(days=1)
    Need.objects.filter(pk=old.pk).update(updated_at=latest - timedelta(days=30))
    Need.objects.filter(pk=new.pk).update(updated_at=latest)

    xml = client.get("/sitemap.xml").content.decode()

    needs_entry = re.search(r"<sitemap><loc>[^<]*/sitemap-needs\.xml</loc><lastmod>([^<]+)</lastmod>", xml)
    assert needs_entry is not None
    assert needs_entry.group(1).startswith(timezone.localtime(latest).date().isoformat())


@pytest.mark.parametrize("path", ["/sitemap-needs.xml?p=9", "/sitemap-needs.xml?p=x", "/sitemap-staff.xml"])
def test_a_file_that_is_not_in_the_index_is_not_found(client, path):
    NeedFactory()

    assert client.get(path).status_code == 404


def test_the_index_and_a_file_keep_their_queries_as_the_needs_grow(client, small_files, django_assert_num_queries):
    NeedFactory.create_batch(3)
    # index: per section with rows, its count and its latest change; a file: its count, its page
    with django_assert_num_queries(4):
        client.get("/sitemap.xml")
    with django_assert_num_queries(2):
        client.get("/sitemap-needs.xml?p=2")

    NeedFactory.create_batch(6)

    with django_assert_num_queries(4):
        client.get("/sitemap.xml")
    with django_assert_num_queries(2):
        client.get("/sitemap-needs.xml?p=2")
