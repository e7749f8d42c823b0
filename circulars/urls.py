from django.urls import path

from circulars import views

app_name = "circulars"
urlpatterns = [
    path("documents/<int:pk>/file/", views.circular_file, name="circular_file"),
]
