"""The public "help with this need" form is limited per client address and per e-mail address
(core.ratelimit in Django's cache): a clear message, never a 500, and the honeypot still works."""

import pytest
from django.test import Client, override_settings

from partners.models import PartnerInterest
from tests.factories import NeedFactory

pytestmark = pytest.mark.django_db
TOO_MANY = "Dinas Sosial has received many requests from you in the last hour"


def _data(email="csr@daehong.example", **extra):
    return {"name": "Kim", "organisation": "Daehong", "email": email, "message": "Kami ingin membantu.", **extra}


@override_settings(INTEREST_LIMIT_PER_CLIENT=5, INTEREST_LIMIT_PER_EMAIL=100)
def test_one_client_address_is_stopped_after_the_limit():
    need = NeedFactory()
    spammer = Client(REMOTE_ADDR="203.0.113.9", HTTP_ACCEPT_LANGUAGE="en")
    answers = [spammer.post(need.get_absolute_url(), _data(email=f"a{n}@spam.example")) for n in range(20)]
    assert [a.status_code for a in answers] == [302] * 5 + [429] * 15
    assert TOO_MANY in answers[-1].content.decode()
    assert PartnerInterest.objects.count() == 5
    # Someone else is not affected.
    other = Client(REMOTE_ADDR="198.51.100.3")
    assert other.post(need.get_absolute_url(), _data(email="csr@lg.example")).status_code == 302
    assert PartnerInterest.objects.count() == 6


@override_settings(INTEREST_LIMIT_PER_CLIENT=100, INTEREST_LIMIT_PER_EMAIL=3)
def test_one_email_address_is_stopped_after_the_limit_from_any_address():
    need = NeedFactory()
    answers = [
        Client(REMOTE_ADDR=f"203.0.113.{n}").post(need.get_absolute_url(), _data(email="CSR@Daehong.example"))
        for n in range(6)
    ]
    assert [a.status_code for a in answers] == [302] * 3 + [429] * 3
    assert PartnerInterest.objects.count() == 3


@override_settings(
    INTEREST_LIMIT_PER_CLIENT=2,
    AXES_IPWARE_PROXY_COUNT=0,
    AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
)
def test_behind_the_proxy_each_visitor_counts_apart():
    need = NeedFactory()
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    first = [
        proxy.post(need.get_absolute_url(), _data(email=f"a{n}@x.example"), HTTP_X_FORWARDED_FOR="10.0.0.8")
        for n in range(3)
    ]
    assert [a.status_code for a in first] == [302, 302, 429]
    second = proxy.post(need.get_absolute_url(), _data(email="b@x.example"), HTTP_X_FORWARDED_FOR="10.0.0.9")
    assert second.status_code == 302


@override_settings(INTEREST_LIMIT_PER_CLIENT=1)
def test_the_honeypot_still_drops_robots_and_they_do_not_use_the_limit():
    need = NeedFactory()
    client = Client(REMOTE_ADDR="203.0.113.20")
    for _ in range(3):
        assert client.post(need.get_absolute_url(), _data(website="http://spam.example")).status_code == 302
    assert not PartnerInterest.objects.exists()
    assert client.post(need.get_absolute_url(), _data()).status_code == 302
    assert PartnerInterest.objects.count() == 1
