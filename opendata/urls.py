from django.urls import path

from opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("catalog.json", views.catalog_json, name="catalog_json"),
    path("iati/activities.xml", views.iati_activities, name="iati_activities"),
    path("<slug:slug>/metadata.json", views.dataset_metadata, name="dataset_metadata"),
    path("<slug:slug>.csv", views.dataset_csv, name="dataset_csv"),
    path("<slug:slug>.hxl.csv", views.dataset_hxl, name="dataset_hxl"),
    path("<slug:slug>.json", views.dataset_json, name="dataset_json"),
]
