"""The staff's needs search (the admin's changelist): every word in the title, description or
source of the need or in its facility's name, as Django's search of the same columns finds them,
and on PostgreSQL answered by the trigram indexes (migrations facilities/0006 and 0012)."""

import pytest
from django.db import connection
from django.db.models import Q
from django.urls import reverse

from facilities.filters import need_text_match
from facilities.models import Need
from tests.factories import FacilityFactory, NeedFactory, staff_user

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:facilities_need_changelist")


@pytest.fixture
def needs():
    school = FacilityFactory(name="LKS Sekolah Rakyat")
    other = FacilityFactory(name="PSBR Taruna Jaya")
    return {
        "by facility": NeedFactory(facility=school, title="Kasur busa"),
        "by title": NeedFactory(facility=other, title="Perlengkapan SEKOLAH anak"),
        "by description": NeedFactory(facility=other, title="Seragam", description="Untuk anak sekolah dasar"),
        "by source": NeedFactory(facility=other, title="Meja", source="Musrenbang sekolah 2026"),
        "other": NeedFactory(facility=other, title="Kursi roda", description="Untuk lansia"),
    }


def found(client, query: str) -> set[str]:
    client.force_login(staff_user())
    response = client.get(CHANGELIST, {"q": query})
    assert response.status_code == 200
    return {need.title for need in response.context["cl"].result_list}


def test_a_word_is_found_in_each_column_and_in_the_facilitys_name(client, needs):
    assert found(client, "sekolah") == {
        "Kasur busa",
        "Perlengkapan SEKOLAH anak",
        "Seragam",
        "Meja",
    }


def test_every_word_must_be_found_and_a_quoted_phrase_is_one_word(client, needs):
    assert found(client, "sekolah anak") == {"Perlengkapan SEKOLAH anak", "Seragam"}
    assert found(client, '"sekolah dasar"') == {"Seragam"}
    assert found(client, "taruna lansia") == {"Kursi roda"}
    assert found(client, "") == {need.title for need in needs.values()}


def test_it_finds_what_djangos_own_search_of_the_same_columns_finds(client, needs):
    for word in ("sekolah", "anak", "jaya", "2026", "busa", "tidak-ada"):
        plain = Need.objects.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(source__icontains=word)
            | Q(facility__name__icontains=word)
        )
        assert found(client, word) == set(plain.values_list("title", flat=True)), word


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_each_column_is_answered_by_its_trigram_index(needs):
    with connection.cursor() as cursor:
        # On a few rows a sequential scan is cheapest: forbid it (and plain index scans, which
        # could walk another index) so the plan shows which indexes answer the match.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = Need.objects.filter(need_text_match("sekolah", ("title", "description", "source"))).explain()
    for index in ("need_title_trgm_idx", "need_description_trgm_idx", "need_source_trgm_idx"):
        assert index in plan
