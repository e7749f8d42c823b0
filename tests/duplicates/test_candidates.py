"""Possible duplicates on entry and in an area: same identifier, similar name in the same
kecamatan, a similar open need of the same facility and field; a decided pair is not asked again."""

import pytest
from django.core.exceptions import PermissionDenied

from agencies.models import StaffRole
from agencies.scope import staff_scope
from duplicates.models import Decision, DuplicateKind
from duplicates.names import normalise
from duplicates.selectors import area_pairs, candidates_for
from duplicates.services import decision_record
from facilities.models import Facility, NeedStatus
from partners.models import Company
from tests.factories import CompanyFactory, FacilityFactory, NeedFactory, StaffFactory, agency, field, region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("PT Bank Nusantara", "Bank Nusantara Tbk"),
        ("PT. Bank Nusantara (Persero) Tbk.", "bank nusantara"),
        ("Panti Asuhan Budi Mulia", "PSAA Budi Mulia"),
        ("Yayasan Kasih Ibu", "Kasih Ibu"),
    ],
    ids=["legal-forms", "punctuation-and-case", "facility-prefix", "foundation"],
)
def test_names_that_differ_only_by_form_normalise_alike(first, second):
    assert normalise(first) == normalise(second)


def test_similar_facility_name_in_the_same_kecamatan_is_a_candidate():
    existing = FacilityFactory(name="Panti Asuhan Budi Mulia", region=region("31.75.01.1001"))
    new = Facility(name="Panti Asuhan Budi Mulya", region=region("31.75.01.1002"))
    found = candidates_for(new)
    assert [candidate.record for candidate in found] == [existing]
    assert "kecamatan" in found[0].reason


def test_similar_facility_name_in_another_kecamatan_is_not():
    FacilityFactory(name="Panti Asuhan Budi Mulia", region=region("31.75.01"))
    assert candidates_for(Facility(name="Panti Asuhan Budi Mulya", region=region("31.75.02"))) == []


def test_different_facility_name_in_the_same_kecamatan_is_not():
    FacilityFactory(name="Panti Asuhan Budi Mulia", region=region("31.75.01"))
    assert candidates_for(Facility(name="Panti Asuhan Harapan Bangsa", region=region("31.75.01"))) == []


def test_numbered_facilities_of_one_name_are_not_duplicates():
    FacilityFactory(name="PSBR Taruna Jaya 1", region=region("31.75.01"))
    assert candidates_for(Facility(name="PSBR Taruna Jaya 2", region=region("31.75.01"))) == []


def test_same_lks_number_is_a_candidate_anywhere():
    existing = FacilityFactory(name="LKSA Cahaya", region=region("31.75.01"), lks_registration_number="460/123/LKS")
    new = Facility(name="Rumah Anak Bangsa", region=region("62.11.01"), lks_registration_number="460/123/LKS")
    found = candidates_for(new)
    assert [c.record for c in found] == [existing]
    assert found[0].reason == "Nomor tanda daftar LKS sama"


def test_company_with_legal_form_moved_is_a_candidate():
    existing = CompanyFactory(name="PT Bank Nusantara")
    found = candidates_for(Company(name="Bank Nusantara Tbk"))
    assert [c.record for c in found] == [existing]


def test_company_with_the_same_npwp_is_a_candidate():
    existing = CompanyFactory(name="PT Sinar Jaya", npwp="0123456789012345")
    found = candidates_for(Company(name="CV Lain Sama Sekali", npwp="0123456789012345"))
    assert [(c.record, c.reason) for c in found] == [(existing, "NPWP sama")]


def test_similar_open_need_of_the_same_facility_and_field_is_a_candidate():
    facility = FacilityFactory()
    existing = NeedFactory(facility=facility, title="Kasur busa untuk asrama", field=field("kesehatan"))
    NeedFactory(facility=facility, title="Kasur busa untuk asrama", field=field("pendidikan"))  # another field
    NeedFactory(facility=facility, title="Kasur busa untuk asrama", status=NeedStatus.FULFILLED)  # settled
    NeedFactory(title="Kasur busa untuk asrama")  # another facility
    new = NeedFactory.build(facility=facility, title="Kasur busa asrama", field=field("kesehatan"))
    assert [c.record for c in candidates_for(new)] == [existing]


def test_a_decided_pair_is_not_asked_again():
    staff = StaffFactory()
    existing = FacilityFactory(name="Panti Asuhan Budi Mulia", region=region("31.75.01"))
    other = FacilityFactory(name="Panti Asuhan Budi Mulya", region=region("31.75.01"))
    assert [c.record for c in candidates_for(other)] == [existing]
    decision_record(first=other, second=existing, decision=Decision.DIFFERENT, actor=staff, note="Dua panti")
    assert candidates_for(other) == []
    assert area_pairs(staff_scope(staff)) == []


def test_area_list_shows_only_the_staff_members_area():
    jakarta = StaffFactory(agency=agency("31.75"))
    FacilityFactory(name="Panti Asuhan Budi Mulia", region=region("31.75.01"))
    FacilityFactory(name="Panti Asuhan Budi Mulya", region=region("31.75.01"))
    FacilityFactory(name="PSAA Harapan Kita", region=region("62.11.01"))
    FacilityFactory(name="Panti Asuhan Harapan Kita", region=region("62.11.01"))
    pairs = area_pairs(staff_scope(jakarta))
    assert [(p.kind, p.first.name, p.second.name) for p in pairs] == [
        (DuplicateKind.FACILITY, "Panti Asuhan Budi Mulia", "Panti Asuhan Budi Mulya")
    ]
    national = StaffFactory()
    assert len(area_pairs(staff_scope(national))) == 2


def test_area_list_shows_companies_partnered_with_the_agency():
    pulang_pisau = agency("62.11")
    staff = StaffFactory(agency=pulang_pisau)
    CompanyFactory(name="PT Bank Nusantara", forum_member=True, forum_member__agency=pulang_pisau)
    CompanyFactory(name="Bank Nusantara Tbk")
    CompanyFactory(name="PT Sawit Makmur")
    CompanyFactory(name="Sawit Makmur Tbk")  # neither is Pulang Pisau's
    pairs = area_pairs(staff_scope(staff))
    assert [(p.first.name, p.second.name) for p in pairs] == [("PT Bank Nusantara", "Bank Nusantara Tbk")]


def test_the_register_is_compared_by_shared_keys_and_a_common_word_alone_pairs_nothing():
    national = StaffFactory()
    for number in range(120):  # "bank" and "mitra" in every name: too common to pair by
        CompanyFactory(name=f"PT Bank Mitra {number:05d}")
    CompanyFactory(name="PT Bank Sinar Harapan")
    CompanyFactory(name="Bank Sinar Harapann Tbk")  # shares "sinar"
    CompanyFactory(name="PT Sinarmas Abadi")
    CompanyFactory(name="Sinar Mas Abadi")  # shares only "abadi" and "sina"
    pairs = {(p.first.name, p.second.name) for p in area_pairs(staff_scope(national)) if p.kind == "company"}
    assert pairs == {("PT Bank Sinar Harapan", "Bank Sinar Harapann Tbk"), ("PT Sinarmas Abadi", "Sinar Mas Abadi")}


def test_a_viewer_cannot_record_a_decision():
    viewer = StaffFactory(agency=agency("31.75"), agency__role=StaffRole.VIEWER)
    first = FacilityFactory(region=region("31.75.01"))
    second = FacilityFactory(region=region("31.75.01"))
    with pytest.raises(PermissionDenied):
        decision_record(first=first, second=second, decision=Decision.SAME, actor=viewer)


def test_staff_cannot_decide_on_facilities_outside_their_area():
    staff = StaffFactory(agency=agency("31.75"))
    first = FacilityFactory(region=region("62.11.01"))
    second = FacilityFactory(region=region("62.11.01"))
    with pytest.raises(PermissionDenied):
        decision_record(first=first, second=second, decision=Decision.DIFFERENT, actor=staff)


def test_the_area_list_reads_its_needs_as_titles_and_the_listed_ones_in_one_query(django_assert_num_queries):
    national = StaffFactory()
    facility = FacilityFactory()
    for _ in range(2):
        NeedFactory(facility=facility, field=field(), title="Kasur busa asrama putra")
    NeedFactory(facility=facility, field=field(), title="Renovasi kamar mandi")
    scope = staff_scope(national)
    # the facilities, the area's companies, the needs' titles, the decided need pairs, the listed
    # needs: the same with three times the needs
    with django_assert_num_queries(5) as few:
        pairs = area_pairs(scope)
    assert [(p.kind, str(p.first), str(p.second)) for p in pairs] == [
        (DuplicateKind.NEED, f"Kasur busa asrama putra ({facility})", f"Kasur busa asrama putra ({facility})")
    ]

    for _ in range(4):
        NeedFactory(facility=facility, field=field(), title="Kasur busa untuk asrama")
    NeedFactory(facility=facility, field=field(), title="Kursi roda")

    with django_assert_num_queries(len(few.captured_queries)):
        assert len(area_pairs(scope)) == 15  # every pair of the six mattresses
