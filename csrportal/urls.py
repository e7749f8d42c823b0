from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from core import views as core_views
from portal import views as partner_views
from public import seo
from public import views as public_views

urlpatterns = [
    path("", public_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": seo.SITEMAPS}, name="sitemap"),
    path("favicon.ico", seo.favicon, name="favicon"),
    path("", include("public.urls")),
    path("accounts/continue/", partner_views.after_login, name="after_login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("partner/", include("portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("matching.urls")),
    path("reports/", include("reports.urls")),
    path("admin/", admin.site.urls),
]
