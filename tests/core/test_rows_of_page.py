"""core.pagination.rows_of_page: a page sliced over ids, its rows read whole in the same order."""

import pytest
from django.db.models import Value

from core.pagination import rows_of_page
from facilities.models import Need
from tests.factories import NeedFactory

pytestmark = pytest.mark.django_db


def test_the_rows_come_in_the_order_of_the_ids_with_their_annotations_and_gone_ones_left_out(
    django_assert_num_queries,
):
    first, second, third = NeedFactory(), NeedFactory(), NeedFactory()
    ranked = Need.objects.select_related("facility").annotate(mark=Value(7))
    ids = [third.pk, first.pk, 999_999_999, second.pk]
    with django_assert_num_queries(1):
        rows = rows_of_page(ranked, ids)
        assert [row.pk for row in rows] == [third.pk, first.pk, second.pk]
        assert {row.mark for row in rows} == {7}
        assert rows[0].facility.name == third.facility.name
