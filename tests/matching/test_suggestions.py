"""Suggestions rank in the database and explain themselves in words."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from facilities.models import Priority
from matching import services
from matching.models import PledgeStatus
from matching.selectors import explain_need_suggestions, suggest_companies_for_need, suggest_needs_for_company
from partners.models import CompanyStatus
from regions.models import Region
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    ProgramFactory,
    agency,
    field,
    officer_user,
    pledge_in_state,
    region,
    staff_user,
)

pytestmark = pytest.mark.django_db
S = PledgeStatus


@pytest.fixture
def jakarta_timur_need():
    facility = FacilityFactory(region=region("31.75.01", "Pasar Rebo"))
    region("31.75")
    Region.objects.filter(code="31.75").update(name="Jakarta Timur")
    return NeedFactory(facility=facility, field=field("pendidikan"), quantity=100)


def test_companies_rank_by_field_region_history_and_program(jakarta_timur_need):
    need = jakarta_timur_need
    staff = staff_user()
    CompanyFactory(name="A District", focus_fields=[field("pendidikan")], preferred_regions=[region("31.75.01")])
    CompanyFactory(name="B Regency", focus_fields=[field("pendidikan")], preferred_regions=[region("31.75")])
    CompanyFactory(name="C Field", focus_fields=[field("pendidikan")])
    with_program = CompanyFactory(name="D Program", focus_fields=[field("kesehatan")])
    ProgramFactory(company=with_program, fields=[field("pendidikan")], budget=10_000_000)
    veteran = CompanyFactory(name="E Veteran")
    other_need = NeedFactory(field=field("pendidikan"), quantity=100)
    for _ in range(6):
        pledge_in_state(S.APPROVED, need=other_need, company=veteran, quantity=1, staff=staff)
    CompanyFactory(name="F Nothing", focus_fields=[field("kesehatan")])
    CompanyFactory(name="G Inactive", status=CompanyStatus.INACTIVE, focus_fields=[field("pendidikan")])

    with translation.override("en"):
        ranked = suggest_companies_for_need(need)
    # 40 + 30, 40 + 20, 40, six pledges capped at 5 × 4 = 20, 15
    assert [s.obj.name for s in ranked] == ["A District", "B Regency", "C Field", "E Veteran", "D Program"]
    assert [s.score for s in ranked] == [70, 60, 40, 20, 15]
    assert ranked[0].reason_text == "same field: Education; region: Pasar Rebo"
    assert ranked[1].reason_text == "same field: Education; region: Jakarta Timur"
    assert ranked[3].reason_text == "5+ earlier pledges in this field"
    assert ranked[4].reason_text == "active program with budget left"


def test_a_program_whose_budget_is_taken_no_longer_counts(jakarta_timur_need):
    company = CompanyFactory(name="Spent")
    program = ProgramFactory(company=company, fields=[field("pendidikan")], budget=1_000_000)
    assert [s.obj for s in suggest_companies_for_need(jakarta_timur_need)] == [company]
    services.pledge_offer(
        need=NeedFactory(), company=company, quantity=1, value=1_000_000, program=program, actor=officer_user(company)
    )
    assert suggest_companies_for_need(jakarta_timur_need) == []


def test_need_suggestion_query_count_does_not_grow(django_assert_num_queries, jakarta_timur_need):
    for _ in range(15):
        CompanyFactory(focus_fields=[field("pendidikan")], preferred_regions=[region("31.75")])
    with django_assert_num_queries(3):
        assert len(suggest_companies_for_need(jakarta_timur_need)) == 15


def test_company_suggestions_for_needs(jakarta_timur_need):
    company = CompanyFactory(focus_fields=[field("pendidikan")], preferred_regions=[region("31.75")])
    elsewhere = NeedFactory(
        facility=FacilityFactory(region=region("62.11.01", "Kahayan Hilir")),
        field=field("kesehatan"),
        priority=Priority.LOW,
        needed_by=None,
    )
    full = NeedFactory(field=field("pendidikan"), quantity=5)
    pledge_in_state(S.APPROVED, need=full, quantity=5)
    ranked = list(suggest_needs_for_company(company).select_related("facility__region", "field"))
    assert ranked[0] == jakarta_timur_need
    assert full not in ranked  # nothing remains of it
    assert ranked[-1] == elsewhere
    with translation.override("en"):
        top = explain_need_suggestions(ranked[:1])[0]
    assert "same field: Education" in top.reason_text
    assert "region: Pasar Rebo" in top.reason_text


def test_company_suggestions_keep_their_query_count(jakarta_timur_need):
    company = CompanyFactory(focus_fields=[field("pendidikan")], preferred_regions=[region("31.75")])
    ProgramFactory(company=company)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            needs = suggest_needs_for_company(company).select_related("facility__region", "field")
            explain_need_suggestions(list(needs))
        return len(queries.captured_queries)

    small = count()
    NeedFactory.create_batch(10)
    pledge_in_state(S.APPROVED, company=company, need=NeedFactory(field=field("pendidikan")))
    assert count() == small


def test_a_track_record_in_another_agencys_area_does_not_rank_first(django_assert_num_queries):
    """Issue 22: for a Pulang Pisau need, a company that pledged and runs programs only in
    Jakarta was suggested before Pulang Pisau's own partners."""
    jakarta, pulpis = agency("31", "Dinsos DKI Jakarta"), agency("62.11", "Dinsos Pulang Pisau")
    staff = staff_user()
    need = NeedFactory(facility=FacilityFactory(region=region("62.11.01")), field=field("pendidikan"), quantity=100)
    far = CompanyFactory(name="A Jakarta only")
    jakarta_need = NeedFactory(facility=FacilityFactory(region=region("31.74.01")), field=field("pendidikan"))
    for _ in range(6):
        pledge_in_state(S.APPROVED, need=jakarta_need, company=far, quantity=1, staff=staff)
    ProgramFactory(company=far, agency=jakarta, fields=[field("pendidikan")], budget=10_000_000)
    local = CompanyFactory(name="B Pulang Pisau")
    local_need = NeedFactory(facility=FacilityFactory(region=region("62.11.02")), field=field("pendidikan"))
    pledge_in_state(S.APPROVED, need=local_need, company=local, quantity=1, staff=staff)
    ProgramFactory(company=local, agency=pulpis, fields=[field("pendidikan")], budget=10_000_000)

    with django_assert_num_queries(3):
        ranked = suggest_companies_for_need(need)

    assert [s.obj.name for s in ranked] == ["B Pulang Pisau"]
