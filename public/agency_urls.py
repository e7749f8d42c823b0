from django.urls import path

from public import agency_views

app_name = "agencies"

urlpatterns = [
    path("", agency_views.agency_list, name="agency_list"),
    path("<slug:slug>/", agency_views.agency_detail, name="agency_detail"),
    path("<slug:slug>/logo/", agency_views.agency_logo, name="agency_logo"),
]
