"""What search engines and browsers ask of every site: robots.txt, the sitemap, /favicon.ico."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from facilities.models import Facility, Need

# URLs in one sitemap file: the protocol allows 50,000; a file of 5,000 needs is written in about
# 0.3 s (docs/performance.md, "The sitemap at national scale").
SITEMAP_LIMIT = 5_000


class _RegistrySitemap(Sitemap):
    """Rows of a registry, ``SITEMAP_LIMIT`` to a file, each with its last change."""

    limit = SITEMAP_LIMIT

    def lastmod(self, row):
        return row.updated_at

    def get_latest_lastmod(self):
        # For the index, in one query (Django's default calls lastmod() for every row).
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class NeedSitemap(_RegistrySitemap):
    """Every public need (open and fulfilled). One URL per need: the language follows the
    visitor's cookie or browser, not the URL (docs/decisions.md, "Sitemap")."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Need.objects.public().only("id", "updated_at").order_by("id")


class FacilitySitemap(_RegistrySitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Facility.objects.published().only("id", "slug", "updated_at").order_by("id")


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home", "facilities:need_list", "facilities:facility_list", "privacy"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"pages": PageSitemap, "needs": NeedSitemap, "facilities": FacilitySitemap}


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """``/sitemap.xml``: the sitemap files of each section, a file per ``SITEMAP_LIMIT`` URLs
    (``?p=2`` and on), with the latest change in each section. One file of everything went over
    the protocol's 50,000 URLs at national scale, and the needs beyond its first page were
    listed nowhere."""
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """``/sitemap-<section>.xml?p=<page>``: one file of the index (an unknown section or page
    is a 404)."""
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


# Staff, partner and account pages are no business of a search engine; the public site is.
ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /partner/
Disallow: /accounts/
Disallow: /i18n/
Disallow: /evidence/
Allow: /

Sitemap: {sitemap}
"""


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them to the icon."""
    return redirect(static("img/favicon.svg"), permanent=True)
