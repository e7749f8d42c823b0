"""The staff's pledges search (the admin's changelist): every word in the need's title, its
facility's name, the company's name or the pledge's note, as Django's search of the same
columns finds them, with the needs and companies looked up first
(``matching.selectors.pledge_text_match``)."""

import pytest
from django.db.models import Q
from django.urls import reverse

from matching.models import Pledge, PledgeStatus
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, pledge_in_state, staff_user

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:matching_pledge_changelist")


@pytest.fixture
def pledges():
    staff = staff_user()
    school = FacilityFactory(name="LKS Sekolah Rakyat")
    other = FacilityFactory(name="PSBR Taruna Jaya")

    def offer(facility, title, **kwargs):
        need = NeedFactory(facility=facility, title=title)
        return pledge_in_state(PledgeStatus.OFFERED, need=need, staff=staff, **kwargs)

    made = {
        "by facility": offer(school, "Kasur busa"),
        "by title": offer(other, "Perlengkapan SEKOLAH anak"),
        "by company": offer(other, "Seragam", company=CompanyFactory(name="PT Sekolah Maju")),
        "by note": offer(other, "Meja"),
        "other": offer(other, "Kursi roda"),
    }
    Pledge.objects.filter(pk=made["by note"].pk).update(note="Untuk ruang belajar sekolah dasar")
    return made, staff


def found(client, staff, query: str) -> set[str]:
    client.force_login(staff)
    response = client.get(CHANGELIST, {"q": query})
    assert response.status_code == 200
    return {pledge.need.title for pledge in response.context["cl"].result_list}


def test_a_word_is_found_in_the_need_its_facility_the_company_and_the_note(client, pledges):
    _made, staff = pledges

    assert found(client, staff, "sekolah") == {"Kasur busa", "Perlengkapan SEKOLAH anak", "Seragam", "Meja"}


def test_every_word_must_be_found_and_a_quoted_phrase_is_one_word(client, pledges):
    made, staff = pledges

    assert found(client, staff, "sekolah anak") == {"Perlengkapan SEKOLAH anak"}
    assert found(client, staff, '"sekolah dasar"') == {"Meja"}
    assert found(client, staff, "taruna roda") == {"Kursi roda"}
    assert found(client, staff, "") == {pledge.need.title for pledge in made.values()}


def test_it_finds_what_djangos_own_search_of_the_same_columns_finds(client, pledges):
    _made, staff = pledges
    for word in ("sekolah", "anak", "jaya", "maju", "dasar", "tidak-ada"):
        plain = Pledge.objects.filter(
            Q(need__title__icontains=word)
            | Q(need__facility__name__icontains=word)
            | Q(company__name__icontains=word)
            | Q(note__icontains=word)
        )

        assert found(client, staff, word) == {pledge.need.title for pledge in plain}
