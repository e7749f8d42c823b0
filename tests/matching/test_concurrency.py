"""Many partners pledging against the same need at the same moment never cover it twice.

Only PostgreSQL can prove this (SQLite serialises every writer); CI runs it there.
"""

import threading

import pytest
from django.db import connection
from django.utils import translation

from facilities.models import Need
from matching import services
from matching.errors import PledgeError
from matching.models import Pledge
from tests.factories import CompanyFactory, NeedFactory, officer_user

THREADS = 24


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_offers_never_exceed_the_need():
    need = NeedFactory(quantity=40)
    companies = [CompanyFactory() for _ in range(THREADS)]
    officers = [officer_user(company) for company in companies]
    barrier = threading.Barrier(THREADS)
    results: list[tuple[str, object]] = []
    lock = threading.Lock()

    def pledge(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            translation.activate("en")
            made = services.pledge_offer(need=need.pk, company=companies[index], quantity=3, actor=officers[index])
            outcome = ("ok", made.quantity)
        except PledgeError as error:
            outcome = ("refused", error.message)
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=pledge, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(results) == THREADS
    accepted = [q for kind, q in results if kind == "ok"]
    refused = [message for kind, message in results if kind == "refused"]
    # 13 offers of 3 fit in 40; the 14th would need 42.
    assert sum(accepted) == 39
    assert len(refused) == THREADS - 13
    # Offers are refused only once 39 are taken, so every refusal tells what is left: 1.
    assert set(refused) == {"Only 1 buah of this need remain uncovered; you asked for 3."}
    need.refresh_from_db()
    assert need.quantity_pending == 39 == sum(Pledge.objects.filter(need=need).values_list("quantity", flat=True))
    assert Need.objects.get(pk=need.pk).quantity_remaining == 1
