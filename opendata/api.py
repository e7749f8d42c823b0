"""The read API, version 1 (``/api/v1/``): the open datasets as paginated JSON, with an OpenAPI
description at ``/api/v1/openapi.json``. Public data needs no key.

django-ninja builds the OpenAPI document from the operations (docs/decisions.md, issue 27).
Bad input answers 400 with the message per parameter, as the dataset files do.
"""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError
from ninja.security import HttpBearer
from pydantic import Field

from facilities.models import Need, NeedStatus
from opendata import datasets, metadata, selectors
from opendata.forms import DatasetFilterForm
from opendata.services import api_token_for_secret
from regions.models import in_area

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
MAX_OFFSET = 10_000_000

api = NinjaAPI(
    title="CSR Portal open data API",
    version="1",
    description=(
        "Public datasets of the CSR portal (needs of social-care facilities, facilities, realisation of "
        "company CSR programs per kecamatan) as paginated JSON. Licence CC BY 4.0. Region codes are "
        "Kemendagri's."
    ),
    urls_namespace="api-v1",
    # Swagger UI from django-ninja's static files ("ninja" in INSTALLED_APPS): the site's CSP as is.
    docs_url="/docs",
)


class DatasetInfo(Schema):
    slug: str
    title: str
    description: str
    license: str
    filters: list[str]
    url: str
    metadata: str


class Column(Schema):
    name: str
    hxl: str
    type: str
    description: str


class DatasetPage(Schema):
    dataset: str
    limit: int
    offset: int
    next: str | None = Field(description="The next page, or null on the last one.")
    previous: str | None
    results: list[dict[str, Any]]


class ErrorBody(Schema):
    errors: dict[str, list[str]]


class PageQuery(Schema):
    region: str = Field("", description="A Kemendagri region code: that region and everything below it.")
    year: int | None = Field(None, description="The year reported on (program-realisation only).")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


@api.exception_handler(ValidationError)
def bad_parameters(request: HttpRequest, error: ValidationError):
    errors: dict[str, list[str]] = {}
    for item in error.errors:
        name = str(item.get("loc", ["?"])[-1])
        errors.setdefault(name, []).append(item.get("msg", ""))
    return api.create_response(request, {"errors": errors}, status=400)


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@api.get("/datasets", response=list[DatasetInfo], summary="The datasets", tags=["open data"])
def dataset_list(request: HttpRequest):
    base = _base(request)
    return [
        {
            "slug": dataset.slug,
            "title": str(dataset.title),
            "description": str(dataset.description),
            "license": metadata.LICENSE_URL,
            "filters": list(dataset.filters),
            "url": base + reverse("api-v1:dataset_rows", kwargs={"slug": dataset.slug}),
            "metadata": base + reverse("opendata:dataset_metadata", kwargs={"slug": dataset.slug}),
        }
        for dataset in datasets.DATASETS.values()
    ]


@api.get("/datasets/{slug}/columns", response={200: list[Column], 404: ErrorBody}, tags=["open data"])
def dataset_columns(request: HttpRequest, slug: str):
    dataset = datasets.DATASETS.get(slug)
    if dataset is None:
        return Status(404, {"errors": {"slug": ["No dataset has this name."]}})
    return [{"name": c.name, "hxl": c.hxl, "type": c.type, "description": str(c.description)} for c in dataset.columns]


@api.get(
    "/datasets/{slug}",
    response={200: DatasetPage, 400: ErrorBody, 404: ErrorBody},
    url_name="dataset_rows",
    summary="One page of a dataset's rows",
    tags=["open data"],
)
def dataset_rows(request: HttpRequest, slug: str, query: Query[PageQuery]):
    dataset = datasets.DATASETS.get(slug)
    if dataset is None:
        return Status(404, {"errors": {"slug": ["No dataset has this name."]}})
    data = {name: value for name, value in request.GET.items() if name in ("region", "year")}
    form = DatasetFilterForm(data, filters=dataset.filters)
    unknown = form.unknown()
    if not form.is_valid() or unknown:
        errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        for name in unknown:
            errors[name] = ["This dataset has no such filter."]
        return Status(400, {"errors": errors})
    rows = dataset.page(datasets.Links(_base(request)), offset=query.offset, limit=query.limit, **form.filters())
    path = request.build_absolute_uri(request.path)
    filters = "".join(f"&{name}={value}" for name, value in form.filters().items())

    def link(offset: int) -> str:
        return f"{path}?limit={query.limit}&offset={offset}{filters}"

    return {
        "dataset": dataset.slug,
        "limit": query.limit,
        "offset": query.offset,
        "next": link(query.offset + query.limit) if len(rows) > query.limit else None,
        "previous": link(max(query.offset - query.limit, 0)) if query.offset else None,
        "results": rows[: query.limit],
    }


class AgencyToken(HttpBearer):
    """``Authorization: Bearer <secret>`` of a live token: the request reads that token's agency
    only. A wrong or revoked token is a 401."""

    def authenticate(self, request: HttpRequest, token: str):
        found = api_token_for_secret(token)
        if found is None:
            return None
        request.api_agency = found.agency
        return found


class AgencyNeedsPage(Schema):
    agency: str
    limit: int
    offset: int
    next: str | None
    results: list[dict[str, Any]]


class AgencyPageQuery(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


AGENCY_NEED_FIELDS = (
    "id",
    "title",
    "status",
    "is_public",
    "facility_id",
    "facility__name",
    "facility__region_id",
    "field_id",
    "kind",
    "quantity",
    "unit",
    "unit_cost",
    "quantity_pending",
    "quantity_covered",
    "quantity_delivered",
    "priority",
    "needed_by",
    "updated_at",
)


@api.get(
    "/agency/needs",
    auth=AgencyToken(),
    response={200: AgencyNeedsPage, 400: ErrorBody},
    summary="All needs of the token's agency, public or not, with what is awaiting an answer, covered and delivered",
    tags=["agency data"],
)
def agency_needs(request: HttpRequest, query: Query[AgencyPageQuery]):
    agency = request.api_agency
    needs = (
        Need.objects.exclude(status=NeedStatus.DRAFT)
        .filter(in_area(agency.region_id or "", "facility__region"))
        .order_by("pk")
        .values(*AGENCY_NEED_FIELDS)[query.offset : query.offset + query.limit + 1]
    )
    rows = list(needs)
    path = request.build_absolute_uri(request.path)
    return {
        "agency": agency.name,
        "limit": query.limit,
        "offset": query.offset,
        "next": f"{path}?limit={query.limit}&offset={query.offset + query.limit}" if len(rows) > query.limit else None,
        "results": rows[: query.limit],
    }


class AgencyRealisationsPage(Schema):
    agency: str
    limit: int
    offset: int
    next: str | None
    results: list[dict[str, Any]]


class AgencyRealisationQuery(AgencyPageQuery):
    year: int | None = Field(None, ge=2000, le=2100, description="Only the reports on this year.")


@api.get(
    "/agency/realisations",
    auth=AgencyToken(),
    response={200: AgencyRealisationsPage, 400: ErrorBody},
    summary="Realisation reports of the programs the token's agency registered, verified or not, with rupiah per "
    "kecamatan or village",
    tags=["agency data"],
)
def agency_realisations(request: HttpRequest, query: Query[AgencyRealisationQuery]):
    agency = request.api_agency
    rows = selectors.agency_realisations(agency, year=query.year, offset=query.offset, limit=query.limit + 1)
    path = request.build_absolute_uri(request.path)
    year = f"&year={query.year}" if query.year is not None else ""
    return {
        "agency": agency.name,
        "limit": query.limit,
        "offset": query.offset,
        "next": f"{path}?limit={query.limit}&offset={query.offset + query.limit}{year}"
        if len(rows) > query.limit
        else None,
        "results": rows[: query.limit],
    }
