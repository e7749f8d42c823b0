from django.contrib import admin
from django.urls import include, path

from core import views as core_views
from ops import views as ops_views
from partners import views as partner_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", ops_views.healthz, name="healthz"),
    path("metrics", ops_views.metrics, name="metrics"),
    path("", include("facilities.urls")),
    path("accounts/continue/", partner_views.after_login, name="after_login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("partner/", include("partners.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("matching.urls")),
    path("reports/", include("reports.urls")),
    path("admin/", admin.site.urls),
]
