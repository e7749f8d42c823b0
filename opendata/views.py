"""The catalogue page, the metadata and the dataset files. Thin: the rows come from
``opendata.datasets``, the pieces of each file from ``opendata.formats``."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from opendata import datasets, formats, iati, metadata, selectors
from opendata.forms import DatasetFilterForm


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _dataset(slug: str) -> datasets.Dataset:
    try:
        return datasets.DATASETS[slug]
    except KeyError:
        raise Http404 from None


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opendata/catalogue.html",
        {
            "datasets": list(datasets.DATASETS.values()),
            "license_name": metadata.LICENSE_NAME,
            "license_url": metadata.LICENSE_URL,
            "producer": settings.AGENCY_NAME,
        },
    )


@require_safe
def catalog_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(metadata.catalog(_base(request)), json_dumps_params={"ensure_ascii": False})


@require_safe
def dataset_metadata(request: HttpRequest, slug: str) -> JsonResponse:
    dataset = _dataset(slug)
    return JsonResponse(metadata.dataset_metadata(dataset, _base(request)), json_dumps_params={"ensure_ascii": False})


def _filtered(request: HttpRequest, dataset: datasets.Dataset) -> tuple[dict | None, HttpResponse | None]:
    """The dataset's filters from the query, or a 400 that says what is wrong (nothing is read)."""
    form = DatasetFilterForm(request.GET, filters=dataset.filters)
    unknown = form.unknown()
    if not form.is_valid() or unknown:
        errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        for name in unknown:
            errors[name] = [_("This dataset has no such filter.")]
        return None, JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})
    return form.filters(), None


def _stream(pieces, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(pieces, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def dataset_csv(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = _dataset(slug)
    filters, error = _filtered(request, dataset)
    if error:
        return error
    records = dataset.rows(datasets.Links(_base(request)), **filters)
    return _stream(formats.csv_lines(dataset, records), "text/csv; charset=utf-8", f"{slug}.csv")


@require_safe
def dataset_hxl(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = _dataset(slug)
    filters, error = _filtered(request, dataset)
    if error:
        return error
    records = dataset.rows(datasets.Links(_base(request)), **filters)
    return _stream(formats.csv_lines(dataset, records, hxl=True), "text/csv; charset=utf-8", f"{slug}.hxl.csv")


@require_safe
def dataset_json(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = _dataset(slug)
    filters, error = _filtered(request, dataset)
    if error:
        return error
    base = _base(request)
    head = {
        "dataset": dataset.slug,
        "title": str(dataset.title),
        "license": metadata.LICENSE_URL,
        "metadata": base + reverse("opendata:dataset_metadata", kwargs={"slug": dataset.slug}),
        "filters": filters,
    }
    records = dataset.rows(datasets.Links(base), **filters)
    return _stream(formats.json_pieces(head, records), "application/json; charset=utf-8", f"{slug}.json")


@require_safe
def iati_activities(request: HttpRequest) -> HttpResponse:
    """Programs funded by international donors as IATI 2.03 activities."""
    programs = list(selectors.iati_programs())
    if not programs:
        # The schema wants at least one activity: an empty file would not be valid IATI.
        return HttpResponse(
            _("No program funded by an international donor is published yet."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(iati.activities_xml(programs), content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="iati-activities.xml"'
    return response
