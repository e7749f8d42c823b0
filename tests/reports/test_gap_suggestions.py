"""Suggestions use the gap: a need in a district where CSR lags furthest behind poverty ranks
higher for a company, with the reason in words."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from matching.gap import wide_gap_districts
from matching.selectors import W_GAP, explain_need_suggestions, suggest_needs_for_company
from tests.factories import (
    CompanyFactory,
    FacilityFactory,
    NeedFactory,
    PovertyFigureFactory,
    officer_user,
    region,
    staff_user,
)
from tests.reports import dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    """Three districts with at least 100 poor households and one below that threshold."""
    return {
        "kahayan": region("62.11.01", "Kahayan Hilir"),
        "maliku": region("62.11.02", "Maliku"),
        "sebangau": region("62.11.04", "Sebangau Kuala"),
        "small": region("62.11.05", "Kahayan Kuala"),
        "village": region("62.11.02.2001", "Maliku Baru"),
    }


def deliver(district, rupiah: int) -> None:
    """A verified delivery of ``rupiah`` to a facility in ``district``."""
    company = CompanyFactory()
    officer_user(company)
    need = NeedFactory(facility=FacilityFactory(region=district), quantity=1, unit_cost=rupiah)
    dataset.make_pledge(
        need,
        company,
        1,
        staff=staff_user(),
        made=datetime.date(2024, 1, 10),
        state=dataset.S.VERIFIED,
        reports=[(datetime.date(2024, 2, 1), 1, 1, "verified")],
    )


def ranked(company):
    with translation.override("en"):
        return explain_need_suggestions(list(suggest_needs_for_company(company).select_related("facility__region")))


def test_wide_gap_is_the_lowest_third_of_districts_with_enough_poor_households(places):
    PovertyFigureFactory(region=places["kahayan"], poor_households=800)
    PovertyFigureFactory(region=places["maliku"], poor_households=400)
    PovertyFigureFactory(region=places["sebangau"], poor_households=200)
    PovertyFigureFactory(region=places["small"], poor_households=50)  # below the threshold: never a gap
    deliver(places["kahayan"], 8_000_000)  # Rp 10.000 per poor household
    deliver(places["sebangau"], 4_000_000)  # Rp 20.000
    # Maliku: Rp 0, the lowest of three: the lowest third.
    assert wide_gap_districts() == {"62.11.02": "Maliku"}


def test_the_kept_districts_follow_deliveries_and_a_new_poverty_figure_at_once(
    places, settings, django_assert_num_queries
):
    settings.SUGGESTION_GAP_CACHE_SECONDS = 3600
    PovertyFigureFactory(region=places["kahayan"], poor_households=800)
    PovertyFigureFactory(region=places["maliku"], poor_households=400)
    PovertyFigureFactory(region=places["sebangau"], poor_households=200)
    deliver(places["kahayan"], 8_000_000)
    assert set(wide_gap_districts()) == {"62.11.02", "62.11.04"}  # nothing delivered to either
    with django_assert_num_queries(0):  # kept: not counted again for every page of suggestions
        assert set(wide_gap_districts()) == {"62.11.02", "62.11.04"}

    deliver(places["sebangau"], 4_000_000)
    assert wide_gap_districts() == {"62.11.02": "Maliku"}
    deliver(places["maliku"], 40_000_000)  # Rp 100.000 per poor household: Kahayan Hilir lags now
    assert wide_gap_districts() == {"62.11.01": "Kahayan Hilir"}
    PovertyFigureFactory(region=places["sebangau"], poor_households=20_000, year=2030)  # Rp 200 each
    assert wide_gap_districts() == {"62.11.04": "Sebangau Kuala"}


def test_no_gap_without_enough_districts_to_compare(places):
    PovertyFigureFactory(region=places["kahayan"], poor_households=800)
    PovertyFigureFactory(region=places["maliku"], poor_households=400)
    assert wide_gap_districts() == {}


def test_districts_tied_at_the_cutoff_are_all_gaps(places):
    for name in ("kahayan", "maliku", "sebangau"):
        PovertyFigureFactory(region=places[name], poor_households=300)
    # Nothing delivered anywhere: every district is as badly served as the worst.
    assert set(wide_gap_districts()) == {"62.11.01", "62.11.02", "62.11.04"}


def test_need_in_a_wide_gap_district_ranks_higher_with_the_reason(places):
    company = CompanyFactory()
    # Created first, so that without the gap it ranks second (newer needs first on a tie).
    in_maliku = NeedFactory(facility=FacilityFactory(region=places["maliku"]), title="Kursi roda Maliku")
    in_kahayan = NeedFactory(facility=FacilityFactory(region=places["kahayan"]), title="Kursi roda Kahayan")
    before = ranked(company)
    assert [s.obj.pk for s in before[:2]] == [in_kahayan.pk, in_maliku.pk]
    assert not any("wide gap" in s.reason_text for s in before)

    PovertyFigureFactory(region=places["kahayan"], poor_households=800)
    PovertyFigureFactory(region=places["maliku"], poor_households=400)
    PovertyFigureFactory(region=places["sebangau"], poor_households=200)
    deliver(places["kahayan"], 8_000_000)
    deliver(places["sebangau"], 4_000_000)

    after = ranked(company)
    scores = {s.obj.pk: s for s in after}
    assert [s.obj.pk for s in after[:2]] == [in_maliku.pk, in_kahayan.pk]
    assert scores[in_maliku.pk].score - scores[in_kahayan.pk].score == W_GAP
    assert "wide gap in CSR against poverty: Maliku" in scores[in_maliku.pk].reasons
    assert not any("wide gap" in reason for reason in scores[in_kahayan.pk].reasons)


def test_facility_in_a_village_of_a_gap_district_names_the_district(places):
    for name, households in (("kahayan", 800), ("maliku", 400), ("sebangau", 200)):
        PovertyFigureFactory(region=places[name], poor_households=households)
    deliver(places["kahayan"], 8_000_000)
    deliver(places["sebangau"], 4_000_000)
    need = NeedFactory(facility=FacilityFactory(region=places["village"]))
    suggestion = next(s for s in ranked(CompanyFactory()) if s.obj.pk == need.pk)
    assert "wide gap in CSR against poverty: Maliku" in suggestion.reasons


def test_suggestions_keep_their_query_count_with_more_gap_districts(places):
    company = CompanyFactory()
    for name, households in (("kahayan", 800), ("maliku", 400), ("sebangau", 200)):
        PovertyFigureFactory(region=places[name], poor_households=households)
        NeedFactory(facility=FacilityFactory(region=places[name]))
    with CaptureQueriesContext(connection) as small:
        ranked(company)
    for index in range(10):
        district = region(f"62.11.{20 + index}", f"Kecamatan {index}")
        PovertyFigureFactory(region=district, poor_households=500 + index)
        NeedFactory(facility=FacilityFactory(region=district))
        deliver(district, 1_000_000 * index)
    with CaptureQueriesContext(connection) as large:
        ranked(company)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(wide_gap_districts()) > 1


def test_only_the_latest_figure_counts_for_the_threshold(places):
    PovertyFigureFactory(region=places["kahayan"], poor_households=800)
    PovertyFigureFactory(region=places["maliku"], poor_households=400)
    PovertyFigureFactory(region=places["sebangau"], poor_households=200)
    # Kahayan Kuala had 900 poor households in 2023, 50 in 2024: below the threshold now.
    PovertyFigureFactory(region=places["small"], year=2023, poor_households=900)
    PovertyFigureFactory(region=places["small"], year=2024, poor_households=50)
    deliver(places["kahayan"], 8_000_000)
    deliver(places["sebangau"], 4_000_000)
    assert wide_gap_districts() == {"62.11.02": "Maliku"}
