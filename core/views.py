from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import selectors
from facilities import selectors as public_selectors


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """What the portal is, the headline figures, the most urgent needs and the partners thanked:
    five queries whatever the data size."""
    return render(
        request,
        "core/home.html",
        {
            "stats": selectors.headline_stats(),
            "urgent_needs": public_selectors.most_urgent_needs(limit=6),
            "partners": list(public_selectors.partners_thanked(limit=24)),
        },
    )


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not. For load balancers and uptime checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
