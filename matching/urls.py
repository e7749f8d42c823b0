from django.urls import path

from matching import views

app_name = "matching"
urlpatterns = [
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("receipts/<int:pk>/photo/", views.receipt_photo, name="receipt_photo"),
]
