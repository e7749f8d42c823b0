"""The privacy notice (UU No. 27/2022 on personal data protection, UU PDP): what personal data
the portal holds, why, who controls it, how long it is kept, and how to ask about it."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from agencies.models import Agency

# What `manage.py prune_login_records` keeps by default (docs/decisions.md, "django-axes' tables").
LOGIN_RECORD_DAYS = 90


@require_safe
@cache_control(public=True, max_age=3600)
def privacy_notice(request: HttpRequest) -> HttpResponse:
    """One query: the public agencies, whose contacts are where a person asks."""
    agencies = list(
        Agency.objects.filter(is_public=True)
        .only("name", "slug", "address", "email", "phone", "level")
        .order_by("level", "name")
    )
    return render(
        request,
        "core/privacy.html",
        {"agencies": agencies, "agency_name": settings.AGENCY_NAME, "login_days": LOGIN_RECORD_DAYS},
    )
