from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
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
