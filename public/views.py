"""The public site: needs, facilities and their open data. No login, nothing private.

For anonymous visitors each page is kept whole (``public.page_cache.kept_page``: the CSRF
token filled in per visitor) until the public data changes; everyone else, and the first
visitor of a link, gets it rendered by the plain views below.
"""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.pagination import CappedPaginator, matches_by_id, query_without
from facilities import selectors as facility_selectors
from facilities.filters import REGION_CODE_RE, FacilityFilter, NeedFilter, csr_field_choices, csr_fields
from facilities.models import Need, NeedStatus
from partners.services import partner_interest_submit
from public import maps, opendata, selectors
from public.forms import PartnerInterestForm
from public.limits import interest_within_limits
from public.page_cache import kept_page, kept_page_with_figures
from regions.selectors import region_children, region_choices
from reports import figures

NEEDS_PER_PAGE = 20
FACILITIES_PER_PAGE = 24
# Counting stops here (see CappedPaginator): 50 pages of needs, then "narrow your filters".
LISTING_COUNT_CAP = 1000
FACILITY_NEEDS_SHOWN = 30
OTHER_NEEDS_SHOWN = 3
JSON_PAGE_SIZE = 500
JSON_MAX_PAGE = 100_000
# Ids beyond a 64-bit integer cannot exist; refusing them early spares the database the question.
MAX_ID = 2**63 - 1


def _need_filter(request: HttpRequest, needs: QuerySet[Need]) -> NeedFilter:
    return NeedFilter(request.GET, queryset=needs)


@require_safe
@kept_page
def need_list(request: HttpRequest) -> HttpResponse:
    # The CSR fields are read once, for the filter's choices and the cards' badges.
    fields = csr_fields()
    listed = facility_selectors.listed_needs_without_field()
    needs = NeedFilter(request.GET, queryset=listed, field_choices=csr_field_choices(fields))
    matching, found = needs.qs, None
    if needs.text and needs.region_code:
        # A word's matches within a region lie scattered along every order's index, which holds
        # the whole country: they are read by id, then the page among them (matches_by_id).
        matching, found = matches_by_id(needs.qs, listed, needs.ordering(), LISTING_COUNT_CAP)
    paginator = CappedPaginator(matching, NEEDS_PER_PAGE, cap=LISTING_COUNT_CAP, found=found)
    page = paginator.get_page(request.GET.get("page"))
    query = query_without(request.GET, "page")
    context = {
        "filter": needs,
        "page_obj": page,
        "needs": facility_selectors.with_fields(list(page.object_list), fields),
        "paginator": paginator,
        "regions": region_choices(needs.region_code),
        "region_code": needs.region_code,
        "query_without_page": query,
        "query_for_data": query,
    }
    results = render_to_string("facilities/includes/need_results.html", context, request)
    return render(request, "facilities/need_list.html", {"results": results})


@require_http_methods(["GET", "HEAD", "POST"])
@kept_page
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if pk > MAX_ID:
        raise Http404
    need = facility_selectors.need_for_public(pk)
    if need is None:
        raise Http404
    form = PartnerInterestForm(request.POST if request.method == "POST" else None)
    status = 400 if form.is_bound else 200
    if request.method == "POST" and form.is_valid():
        # A robot (the honeypot filled in) is thanked and dropped; it does not count.
        if form.is_robot or interest_within_limits(request, form.cleaned_data["email"]):
            if not form.is_robot:
                partner_interest_submit(need=need, **{name: form.cleaned_data[name] for name in form.Meta.fields})
            messages.success(
                request, _("Thank you. Dinas Sosial has received your request and will contact you by e-mail.")
            )
            # To the message itself: a redirect without a fragment would keep the form's #step-forward.
            return redirect(f"{need.get_absolute_url()}#messages")
        form.add_error(
            None,
            _(
                "Dinas Sosial has received many requests from you in the last hour. "
                "Please try again later, or write to Dinas Sosial directly."
            ),
        )
        status = 429
    body_context = {
        "need": need,
        "partners": selectors.partners_of_need(need),
        "deliveries": selectors.deliveries_of_need(need),
    }
    # A need nothing is left to offer for points to the facility's other needs instead of the form.
    others = [] if need.quantity_open else selectors.other_open_needs(need, limit=OTHER_NEEDS_SHOWN)
    context = {
        "need": need,
        "body": render_to_string("facilities/includes/need_body.html", body_context, request),
        "form": form,
        "other_needs": others,
    }
    return render(request, "facilities/need_detail.html", context, status=status)


@require_safe
@kept_page
def facility_list(request: HttpRequest) -> HttpResponse:
    facilities = FacilityFilter(request.GET, queryset=facility_selectors.published_facilities().order_by("name", "id"))
    paginator = CappedPaginator(facilities.qs, FACILITIES_PER_PAGE, cap=LISTING_COUNT_CAP)
    page = paginator.get_page(request.GET.get("page"))
    listed = list(page.object_list)
    context = {
        "filter": facilities,
        "page_obj": page,
        "facilities": listed,
        "map": maps.listing_map(listed),
        "paginator": paginator,
        "regions": region_choices(facilities.region_code),
        "region_code": facilities.region_code,
        "query_without_page": query_without(request.GET, "page"),
    }
    results = render_to_string("facilities/includes/facility_results.html", context, request)
    return render(request, "facilities/facility_list.html", {"results": results})


@require_safe
@kept_page
def facility_detail(request: HttpRequest, slug: str) -> HttpResponse:
    facility = facility_selectors.facility_for_public(slug)
    if facility is None:
        raise Http404
    shown = FACILITY_NEEDS_SHOWN
    open_needs = facility_selectors.needs_of_facility(facility, status=NeedStatus.OPEN, limit=shown + 1)
    fulfilled = facility_selectors.needs_of_facility(facility, status=NeedStatus.FULFILLED, limit=shown + 1)
    context = {
        "facility": facility,
        "open_needs": open_needs[:shown],
        "more_open_needs": len(open_needs) > shown,
        "fulfilled_needs": fulfilled[:shown],
        "more_fulfilled_needs": len(fulfilled) > shown,
        "partners": selectors.partners_of_facility(facility, limit=100),
        # Its open needs in the popup: how many (when all are listed here) and the first titles.
        "map": maps.map_data(
            [facility],
            {
                facility.pk: (
                    0 if len(open_needs) > shown else len(open_needs),
                    [maps.localized_title(row) for row in open_needs[: maps.TITLES_SHOWN]],
                )
            },
        ),
    }
    body = render_to_string("facilities/includes/facility_body.html", context, request)
    return render(request, "facilities/facility_detail.html", {"facility": facility, "body": body})


@require_safe
def needs_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every public need that matches the filters, one row each, streamed as it is read."""
    needs = _need_filter(request, facility_selectors.public_needs())
    urls = opendata.UrlBuilder(request.build_absolute_uri("/").rstrip("/"))
    response = StreamingHttpResponse(
        opendata.csv_lines(opendata.rows(needs.qs, urls)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="needs.csv"'
    return response


@require_safe
def needs_json(request: HttpRequest) -> JsonResponse:
    """The matching public needs in pages of 500, with links to the next and previous pages."""
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        return JsonResponse({"error": _("page must be a whole number")}, status=400)
    if not 1 <= page <= JSON_MAX_PAGE:
        raise Http404
    needs = _need_filter(request, facility_selectors.public_needs())
    urls = opendata.UrlBuilder(request.build_absolute_uri("/").rstrip("/"))
    offset = (page - 1) * JSON_PAGE_SIZE
    # One row more than a page tells whether a next page exists, without counting.
    records = list(opendata.rows(needs.qs[offset : offset + JSON_PAGE_SIZE + 1], urls, chunked=False))
    base = request.build_absolute_uri(request.path)
    query = query_without(request.GET, "page")
    joiner = f"{base}?{query}&" if query else f"{base}?"
    return JsonResponse(
        {
            "page": page,
            "page_size": JSON_PAGE_SIZE,
            "next": f"{joiner}page={page + 1}" if len(records) > JSON_PAGE_SIZE else None,
            "previous": f"{joiner}page={page - 1}" if page > 1 else None,
            # Codes only: a message would echo the visitor's input back.
            "errors": {
                name: [error["code"] for error in errors] for name, errors in needs.errors.get_json_data().items()
            },
            "results": records[:JSON_PAGE_SIZE],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
@kept_page_with_figures
def home(request: HttpRequest) -> HttpResponse:
    """What the portal is, the headline figures, the most urgent needs and the partners thanked:
    three queries whatever the data size. The headline figures are read from their snapshot
    (``reports.figures``, as an agency page's), not summed over every need while the visitor
    waits; the page is kept until the public data or the snapshots change."""
    return render(
        request,
        "core/home.html",
        {
            "stats": figures.read(selectors.headline_stats, area=""),
            "urgent_needs": facility_selectors.most_urgent_needs(limit=6),
            "partners": list(selectors.partners_thanked(limit=24)),
        },
    )


@require_safe
@kept_page
def region_children_json(request: HttpRequest) -> HttpResponse:
    """The regencies of ``?parent=<province>`` or the districts of ``?parent=<regency>``, within
    ``?within=<area>`` when given (a staff account's report), as ``[{"code", "name"}, ...]``: what
    the filter forms' script puts in the next region select, so a visitor picks a district
    without submitting the form at each level."""
    parent = request.GET.get("parent", "")
    within = request.GET.get("within", "")
    if not REGION_CODE_RE.match(parent) or (within and not REGION_CODE_RE.match(within)):
        return HttpResponseBadRequest(_("Choose a region from the list."))
    children = [{"code": code, "name": name} for code, name in region_children(parent, within or None)]
    return JsonResponse(children, safe=False)
