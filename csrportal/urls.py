from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import views as core_views
from notifications.password_reset import QueuedPasswordResetForm
from portal import views as partner_views
from public import views as public_views

urlpatterns = [
    path("", public_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
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
    path("reports/", include("reports.urls")),
    path("admin/", admin.site.urls),
]
