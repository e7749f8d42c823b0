"""The client's address, as the portal believes it: the one reading of django-axes and
django-ipware (core.client_ip), so /metrics, the login lock-out and the rate limits agree."""

from django.http import HttpRequest

from core.client_ip import client_ip


def client_address(request: HttpRequest) -> str:
    return client_ip(request)
