from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from notifications.password_reset import QueuedPasswordResetForm
from opendata.api import api as opendata_api
from ops import views as ops_views
from portal import views as partner_views
from public import privacy, seo
from public import views as public_views

urlpatterns = [
    path("", public_views.home, name="home"),
    path("healthz", ops_views.healthz, name="healthz"),
    path("metrics", ops_views.metrics, name="metrics"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", seo.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo.sitemap_section, name="sitemap_section"),
    path("favicon.ico", seo.favicon, name="favicon"),
    path("privasi/", privacy.privacy_notice, name="privacy"),
    path("", include("public.urls")),
    path("agencies/", include("public.agency_urls")),
    path("accounts/continue/", partner_views.after_login, name="after_login"),
    # The reset e-mail goes through the outbox, sent by the worker (notifications.password_reset).
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("partner/", include("portal.urls")),
    path("facility/", include("facility_portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("matching.urls")),
    path("", include("programs.urls")),
    path("", include("circulars.urls")),
    path("reports/", include("reports.urls")),
    path("data/", include("opendata.urls")),
    path("api/v1/", opendata_api.urls),
    path("admin/", admin.site.urls),
]
