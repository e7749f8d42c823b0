from django.urls import path

from portal import realisation_views, views

app_name = "partner"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("needs/", views.need_list, name="need_list"),
    path("needs/<int:pk>/pledge/", views.pledge_create, name="pledge_create"),
    path("pledges/", views.pledge_list, name="pledge_list"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge_detail"),
    path("pledges/<int:pk>/accept/", views.pledge_accept, name="pledge_accept"),
    path("pledges/<int:pk>/decline/", views.pledge_decline, name="pledge_decline"),
    path("pledges/<int:pk>/withdraw/", views.pledge_withdraw, name="pledge_withdraw"),
    path("pledges/<int:pk>/report/", views.delivery_report, name="delivery_report"),
    path("company/", views.company_profile, name="company"),
    path(
        "programs/<int:pk>/realisations/new/",
        realisation_views.realisation_create,
        name="realisation_create",
    ),
    path("realisations/", realisation_views.realisation_list, name="realisation_list"),
    path("realisations/<int:pk>/", realisation_views.realisation_detail, name="realisation_detail"),
    path("realisations/<int:pk>/correct/", realisation_views.realisation_correct, name="realisation_correct"),
]
