from django.urls import path

from matching import views

app_name = "matching"
urlpatterns = [
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("receipts/<int:pk>/photo/", views.receipt_photo, name="receipt_photo"),
    path("deliveries/<int:pk>/bast.pdf", views.bast_download, name="bast_download"),
    path("bast/<str:token>/", views.bast_verify, name="bast_verify"),
]
