from django.urls import path

from portal import circular_views, program_views, realisation_views, views

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
    path("deliveries/<int:pk>/signed-bast/", views.bast_scan_upload, name="bast_scan_upload"),
    path("company/", views.company_profile, name="company"),
    # The company's CSR programs (portal.program_views); their realisation reports live beside
    # them under programs/<pk>/realisations/.
    path("programs/", program_views.program_list, name="program_list"),
    path("programs/new/", program_views.program_create, name="program_create"),
    path("programs/<int:pk>/", program_views.program_detail, name="program_detail"),
    path("programs/<int:pk>/edit/", program_views.program_edit, name="program_edit"),
    path("programs/<int:pk>/submit/", program_views.program_submit, name="program_submit"),
    path("programs/<int:pk>/start/", program_views.program_start, name="program_start"),
    path("programs/<int:pk>/complete/", program_views.program_complete, name="program_complete"),
    path("programs/<int:pk>/cancel/", program_views.program_cancel, name="program_cancel"),
    path(
        "programs/<int:pk>/realisations/new/",
        realisation_views.realisation_create,
        name="realisation_create",
    ),
    path("realisations/", realisation_views.realisation_list, name="realisation_list"),
    path("realisations/<int:pk>/", realisation_views.realisation_detail, name="realisation_detail"),
    path("realisations/<int:pk>/correct/", realisation_views.realisation_correct, name="realisation_correct"),
    path("circulars/", circular_views.circular_list, name="circular_list"),
    path("circulars/<int:pk>/", circular_views.circular_detail, name="circular_detail"),
    path("circulars/<int:pk>/acknowledge/", circular_views.circular_acknowledge, name="circular_acknowledge"),
]
