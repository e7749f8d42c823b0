"""The portal's URLs plus one view that fails, for the tests of error reporting."""

from django.urls import path

from csrportal.urls import urlpatterns as portal_urlpatterns


def failing_view(request):
    raise RuntimeError("the disk is full")


urlpatterns = [path("test-failure/", failing_view), *portal_urlpatterns]
