from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_prometheus.exports import ExportToDjangoView

from ops.health import health_report
from ops.network import client_address


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database (and Redis, when configured) answer, 503 naming what is down
    otherwise; with the e-mail queue's length and the age of its oldest e-mail. For load
    balancers and uptime checks."""
    healthy, report = health_report()
    return JsonResponse(report, status=200 if healthy else 503)


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus metrics, only for the addresses in METRICS_ALLOWED_IPS; a 404 for anyone else,
    so that the endpoint is not advertised."""
    if client_address(request) not in settings.METRICS_ALLOWED_IPS:
        raise Http404
    return ExportToDjangoView(request)
