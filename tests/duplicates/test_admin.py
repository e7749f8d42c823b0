"""The duplicates pages of the admin: the warning after a save, the area's possible duplicates,
the "same"/"different" decision and the merge, each within the staff member's area."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agencies.models import StaffRole
from duplicates.models import Decision, DuplicateDecision, MergeRecord
from facilities.models import Facility
from matching.models import PledgeStatus
from partners.models import Company
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    StaffFactory,
    agency,
    pledge_in_state,
    region,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def jakarta_staff(client):
    user = StaffFactory(agency=agency("31.75"))
    client.force_login(user)
    return user


def facility_form(name, district):
    return {
        "name": name,
        "slug": "",
        "facility_type": "children",
        "operator": "community",
        "is_published": "on",
        "region": district.code,
        "capacity": 40,
        "residents": 30,
        "needs-TOTAL_FORMS": 0,
        "needs-INITIAL_FORMS": 0,
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
    }


def test_adding_a_facility_that_exists_under_a_similar_name_warns_with_the_reason(client, jakarta_staff):
    district = region("31.75.01", "Pasar Rebo")
    existing = FacilityFactory(name="Panti Asuhan Budi Mulia", region=district)
    response = client.post(
        reverse("admin:facilities_facility_add"), {**facility_form("Panti Asuhan Budi Mulya", district), "_continue": 1}
    )
    assert response.status_code == 302
    new = Facility.objects.get(name="Panti Asuhan Budi Mulya")
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    warning = next(text for text in warnings if "mungkin sudah terdaftar" in text)
    assert "Panti Asuhan Budi Mulia" in warning and "kecamatan" in warning
    pair = reverse("admin:duplicates_pair", args=["facility", existing.pk, new.pk])
    assert pair in warning


def test_adding_a_different_facility_does_not_warn(client, jakarta_staff):
    district = region("31.75.01")
    FacilityFactory(name="Panti Asuhan Budi Mulia", region=district)
    response = client.post(reverse("admin:facilities_facility_add"), facility_form("PSAA Harapan Bangsa", district))
    assert response.status_code == 302
    assert not any("mungkin sudah terdaftar" in str(m) for m in get_messages(response.wsgi_request))


def test_possible_duplicates_page_lists_the_area_with_a_pinned_query_count(
    client, jakarta_staff, django_assert_num_queries
):
    district = region("31.75.01")
    FacilityFactory(name="Panti Asuhan Budi Mulia", region=district)
    FacilityFactory(name="Panti Asuhan Budi Mulya", region=district)
    FacilityFactory(name="PSAA Harapan", region=region("62.11.01"))
    FacilityFactory(name="Panti Asuhan Harapan", region=region("62.11.01"))
    url = reverse("admin:duplicates_possible")
    with CaptureQueriesContext(connection) as small:
        response = client.get(url)
    assert response.status_code == 200
    assert [row["pair"].first.name for row in response.context["rows"]] == ["Panti Asuhan Budi Mulia"]
    for n in range(5):
        FacilityFactory(name=f"Panti Asuhan Cahaya {n}", region=district)
        FacilityFactory(name=f"PSAA Cahaya {n}", region=district)  # a pair; another number is not
        NeedFactory(facility=FacilityFactory(region=district), title="Kasur busa")
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["rows"]) > 1


def test_saying_different_records_the_decision_and_drops_the_pair(client, jakarta_staff):
    district = region("31.75.01")
    first = FacilityFactory(name="Panti Asuhan Budi Mulia", region=district)
    second = FacilityFactory(name="Panti Asuhan Budi Mulya", region=district)
    url = reverse("admin:duplicates_pair", args=["facility", first.pk, second.pk])
    response = client.get(url)
    assert "Nama mirip di kecamatan yang sama" in response.content.decode()
    response = client.post(url, {"decision": "different", "note": "Dua panti berbeda"})
    assert response.status_code == 302
    decision = DuplicateDecision.objects.get()
    assert (decision.decision, decision.decided_by, decision.note) == (
        Decision.DIFFERENT,
        jakarta_staff,
        "Dua panti berbeda",
    )
    assert client.get(reverse("admin:duplicates_possible")).context["rows"] == []


def test_two_open_needs_can_be_marked_the_same(client, jakarta_staff):
    facility = FacilityFactory(region=region("31.75.01"))
    first = NeedFactory(facility=facility, title="Kasur busa asrama")
    second = NeedFactory(facility=facility, title="Kasur busa asrama putra", field=first.field)
    url = reverse("admin:duplicates_pair", args=["need", first.pk, second.pk])
    assert client.post(url, {"decision": "same"}).status_code == 302
    assert DuplicateDecision.objects.get().decision == Decision.SAME


def test_a_pair_outside_the_area_is_not_found(client, jakarta_staff):
    first = FacilityFactory(region=region("62.11.01"))
    second = FacilityFactory(region=region("62.11.01"))
    assert client.get(reverse("admin:duplicates_pair", args=["facility", first.pk, second.pk])).status_code == 404
    assert client.get(reverse("admin:duplicates_merge", args=["facility", first.pk, second.pk])).status_code == 404


@pytest.mark.parametrize(
    "url",
    ["pair/nothing/1/2/", "pair/facility/1/1/", "merge/need/1/2/", "pair/facility/99999/99998/"],
    ids=["unknown-kind", "same-record", "needs-are-not-merged", "no-such-records"],
)
def test_bad_addresses_are_not_found(client, jakarta_staff, url):
    FacilityFactory(region=region("31.75.01"))
    assert client.get(f"/admin/duplicates/duplicatedecision/{url}").status_code == 404


def test_merging_two_facilities_moves_the_needs_and_records_it(client, jakarta_staff):
    district = region("31.75.01")
    kept = FacilityFactory(name="Panti Asuhan Budi Mulia", region=district)
    removed = FacilityFactory(name="Panti Asuhan Budi Mulya", region=district)
    need = NeedFactory(facility=removed)
    url = reverse("admin:duplicates_merge", args=["facility", kept.pk, removed.pk])
    response = client.post(url, {"kept": kept.pk, "reason": "", "confirm": "on"})
    assert response.status_code == 200  # no reason: the form says so, nothing changes
    assert Facility.objects.filter(pk=removed.pk).exists()
    response = client.post(url, {"kept": kept.pk, "reason": "Didaftarkan dua kali", "confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:facilities_facility_change", args=[kept.pk])
    need.refresh_from_db()
    assert need.facility == kept
    record = MergeRecord.objects.get()
    assert (record.kept_id, record.removed_id, record.reason) == (kept.pk, removed.pk, "Didaftarkan dua kali")


def test_a_refused_company_merge_shows_the_reason_and_changes_nothing(client):
    pulang_pisau = agency("62.11")
    staff = StaffFactory(agency=pulang_pisau)
    client.force_login(staff)
    kept = CompanyFactory(name="PT Bank Nusantara", forum_member=True, forum_member__agency=pulang_pisau)
    removed = CompanyFactory(name="Bank Nusantara Tbk", forum_member=True, forum_member__agency=pulang_pisau)
    elsewhere = NeedFactory(title="Kasur asrama Jakarta", facility=FacilityFactory(region=region("31.75.01")))
    pledge_in_state(PledgeStatus.OFFERED, need=elsewhere, company=removed)
    url = reverse("admin:duplicates_merge", args=["company", kept.pk, removed.pk])
    response = client.get(url)
    assert "Kasur asrama Jakarta" in response.content.decode()
    response = client.post(url, {"kept": kept.pk, "reason": "sama", "confirm": "on"})
    assert response.status_code == 200
    assert "dinas lain" in response.content.decode()
    assert Company.objects.filter(pk=removed.pk).exists()
    assert not MergeRecord.objects.exists()


def test_a_viewer_may_list_but_not_merge(client):
    viewer = StaffFactory(agency=agency("31.75"), agency__role=StaffRole.VIEWER)
    client.force_login(viewer)
    first = FacilityFactory(region=region("31.75.01"))
    second = FacilityFactory(region=region("31.75.01"))
    assert client.get(reverse("admin:duplicates_possible")).status_code == 200
    response = client.post(
        reverse("admin:duplicates_merge", args=["facility", first.pk, second.pk]),
        {"kept": first.pk, "reason": "x", "confirm": "on"},
    )
    assert response.status_code == 403
    assert Facility.objects.count() == 2


def test_the_merge_action_opens_the_merge_page_for_two_selected(client, jakarta_staff):
    district = region("31.75.01")
    first, second = FacilityFactory(region=district), FacilityFactory(region=district)
    response = client.post(
        reverse("admin:facilities_facility_changelist"),
        {"action": "merge_two", "_selected_action": [first.pk, second.pk]},
    )
    assert response["Location"] == reverse("admin:duplicates_merge", args=["facility", first.pk, second.pk])
    response = client.post(
        reverse("admin:facilities_facility_changelist"), {"action": "merge_two", "_selected_action": [first.pk]}
    )
    assert response.status_code == 302
    assert Facility.objects.count() == 2


def test_adding_a_need_like_an_open_need_of_the_facility_warns(client, jakarta_staff):
    facility = FacilityFactory(region=region("31.75.01"))
    existing = NeedFactory(facility=facility, title="Kasur busa untuk asrama putra")
    response = client.post(
        reverse("admin:facilities_need_add"),
        {
            "facility": facility.pk,
            "title": "Kasur busa asrama putra",
            # The overlap warning (overlaps app) asks why a similar need goes ahead.
            "overlap_reason": "Dua surat permohonan; diperiksa lewat halaman data ganda",
            "field": existing.field_id,
            "kind": "goods",
            "is_public": "on",
            "quantity": 20,
            "unit": "buah",
            "unit_cost": 1_250_000,
            "beneficiaries": 20,
            "priority": 3,
            "pledges-TOTAL_FORMS": 0,
            "pledges-INITIAL_FORMS": 0,
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    warning = next(str(m) for m in get_messages(response.wsgi_request) if "mungkin sudah terdaftar" in str(m))
    assert "Kasur busa untuk asrama putra" in warning
    assert "Kebutuhan terbuka yang mirip" in warning


def test_adding_a_company_like_a_registered_one_warns(client, jakarta_staff):
    CompanyFactory(name="PT Bank Nusantara")
    response = client.post(
        reverse("admin:partners_company_add"),
        {
            "name": "Bank Nusantara Tbk",
            "slug": "bank-nusantara-tbk",
            "kind": "company",
            "country": "Indonesia",
            "status": "prospect",
            "partnerships-TOTAL_FORMS": 0,
            "partnerships-INITIAL_FORMS": 0,
            "officers-TOTAL_FORMS": 0,
            "officers-INITIAL_FORMS": 0,
            "programs-TOTAL_FORMS": 0,
            "programs-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].errors if response.context else ""
    warning = next(str(m) for m in get_messages(response.wsgi_request) if "mungkin sudah terdaftar" in str(m))
    assert "PT Bank Nusantara" in warning and "di daftar perusahaan" in warning
