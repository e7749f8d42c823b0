"""Data versions follow what is committed (core.versioned_cache): a read between a write and its
commit cannot keep old rows under the version readers see afterwards, a bulk write (an import)
bumps the versions as a save does, and a kept page names the host it was asked on."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpResponse
from django.test import Client

from core import kept_pages, versioned_cache
from core.models import SdgGoal
from facilities.models import Need
from public.page_cache import GROUP
from regions.models import Region, RegionLevel
from tests.factories import FacilityFactory, NeedFactory, StaffFactory
from tests.imports.helpers import confirm, need_row, upload, xlsx


@pytest.mark.django_db(transaction=True)
def test_a_read_between_a_write_and_its_commit_cannot_keep_old_rows_under_the_new_version():
    with transaction.atomic():
        Region.objects.create(code="99", name="Provinsi Uji", level=RegionLevel.PROVINCE)
        # Another process reads now: it sees the rows before the write (not committed yet) and
        # keeps what it built under the version it finds in the shared cache.
        kept_by_the_early_reader = versioned_cache.cached(GROUP, "probe", lambda: "before the write", seconds=60)
        assert kept_by_the_early_reader == "before the write"

    # Committed: every reader from now on builds from the committed rows.
    assert versioned_cache.cached(GROUP, "probe", lambda: "after the commit", seconds=60) == "after the commit"


@pytest.mark.django_db(transaction=True)
def test_a_page_kept_between_a_write_and_its_commit_is_not_served_after_the_commit(rf, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 30
    shown = {"rows": "the committed rows"}

    @kept_pages.kept_page(GROUP)
    def view(request):
        return HttpResponse(shown["rows"])

    def visit() -> str:
        request = rf.get("/probe/")
        request.user = AnonymousUser()
        return view(request).content.decode()

    assert visit() == "the committed rows"
    shown["rows"] = "not asked for: the page is kept"
    assert visit() == "the committed rows"
    with transaction.atomic():
        Region.objects.create(code="99", name="Provinsi Uji", level=RegionLevel.PROVINCE)
        # Another process renders now, from the rows before the write, and keeps its page.
        shown["rows"] = "the rows before the write"
        assert visit() == "the rows before the write"
    shown["rows"] = "the rows after the commit"

    assert visit() == "the rows after the commit"


@pytest.mark.django_db
def test_a_bulk_write_bumps_the_versions_of_its_models_groups(django_capture_on_commit_callbacks):
    version_before = versioned_cache.version(GROUP)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        versioned_cache.changed(Need)
    after_now = versioned_cache.version(GROUP)

    assert after_now != version_before
    assert callbacks  # and once more when the transaction commits


@pytest.mark.django_db
def test_an_import_shows_on_the_kept_public_pages_at_once(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 30
    facility = FacilityFactory(name="Panti Sosial 1", slug="panti-sosial-1")
    need = NeedFactory(facility=facility, title="Kasur busa", quantity=40)
    visitor = Client()
    assert "40 buah" in visitor.get(need.get_absolute_url()).content.decode()
    staff = StaffFactory()
    client.force_login(staff)

    # The import writes with bulk_update, which sends no signal.
    confirm(client, Need, upload(client, Need, xlsx([need_row(slug=facility.slug, title="Kasur busa", Jumlah=65)])))

    need.refresh_from_db()
    assert need.quantity == 65
    html = visitor.get(need.get_absolute_url()).content.decode()
    assert "65 buah" in html
    assert "40 buah" not in html


@pytest.mark.django_db
def test_a_kept_page_is_kept_per_host_and_scheme(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 30
    settings.ALLOWED_HOSTS = ["portal.example", "mirror.example"]
    need = NeedFactory(title="Kasur busa")

    first = Client().get(need.get_absolute_url(), HTTP_HOST="portal.example").content.decode()
    second = Client().get(need.get_absolute_url(), HTTP_HOST="mirror.example", secure=True).content.decode()

    assert "http://portal.example/" in first
    assert "https://mirror.example/" in second
    assert "portal.example" not in second


@pytest.mark.django_db
def test_a_needs_goals_changed_alone_show_on_its_kept_page_at_once(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 30
    need = NeedFactory(title="Kasur busa")
    visitor = Client()
    assert "Tanpa Kemiskinan" not in visitor.get(need.get_absolute_url()).content.decode()

    need.sdg_goals.add(SdgGoal.objects.get(number=1))  # no save of the need: a many-to-many change

    assert "Tanpa Kemiskinan" in visitor.get(need.get_absolute_url()).content.decode()
    # and from the goal's side
    SdgGoal.objects.get(number=1).needs.remove(need)
    assert "Tanpa Kemiskinan" not in visitor.get(need.get_absolute_url()).content.decode()
