from django.urls import path

from facility_portal import views

app_name = "facility"

urlpatterns = [
    path("", views.home, name="home"),
    path("needs/new/", views.need_new, name="need_new"),
    path("needs/<int:pk>/change/", views.need_change, name="need_change"),
    path("photos/", views.photos, name="photos"),
    path("deliveries/", views.delivery_list, name="delivery_list"),
    path("deliveries/<int:pk>/", views.delivery_detail, name="delivery_detail"),
    path("deliveries/<int:pk>/confirm/", views.delivery_confirm, name="delivery_confirm"),
    path("deliveries/<int:pk>/dispute/", views.delivery_dispute, name="delivery_dispute"),
]
