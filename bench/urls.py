"""The portal's URLs plus one minimal view, the yardstick of the benchmark."""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from csrportal.urls import urlpatterns as portal_urlpatterns


@require_safe
def minimal(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do: through the whole middleware stack, no template, no query."""
    return HttpResponse("<!doctype html><title>ok</title><p>ok</p>")


urlpatterns = [path("bench/minimal/", minimal, name="bench_minimal"), *portal_urlpatterns]
