from django.urls import path

from public import photos, share_image, views

app_name = "facilities"

urlpatterns = [
    path("needs/", views.need_list, name="need_list"),
    path("needs/<int:pk>/", views.need_detail, name="need_detail"),
    path("needs/<int:pk>/share.png", share_image.need_share_image, name="need_share_image"),
    path("needs.csv", views.needs_csv, name="needs_csv"),
    path("needs.json", views.needs_json, name="needs_json"),
    path("regions/children.json", views.region_children_json, name="region_children"),
    path("facilities/", views.facility_list, name="facility_list"),
    path("facilities/<slug:slug>/", views.facility_detail, name="facility_detail"),
    path("photos/need/<int:pk>/<int:width>.jpg", photos.need_photo, name="need_photo"),
    path("photos/facility/<int:pk>/<int:width>.jpg", photos.facility_photo, name="facility_photo"),
]
