from django.urls import path

from portal import circular_views, views

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
    path("circulars/", circular_views.circular_list, name="circular_list"),
    path("circulars/<int:pk>/", circular_views.circular_detail, name="circular_detail"),
    path("circulars/<int:pk>/acknowledge/", circular_views.circular_acknowledge, name="circular_acknowledge"),
]
