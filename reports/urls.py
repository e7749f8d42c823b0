from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.summary, name="summary"),
    path("forum/<int:year>/", views.forum_report, name="forum"),
    path("forum/<int:year>.xlsx", views.forum_xlsx, name="forum_xlsx"),
    path("forum/<int:year>/<slug:slug>/", views.forum_report, name="forum_company"),
    path("forum/<int:year>/<slug:slug>.xlsx", views.forum_xlsx, name="forum_company_xlsx"),
]
