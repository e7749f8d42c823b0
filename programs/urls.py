from django.urls import path

from programs import views

app_name = "programs"
urlpatterns = [
    path("programs/evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
]
