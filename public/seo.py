"""What search engines and browsers ask of every site: robots.txt, the sitemap, /favicon.ico."""

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from facilities.models import Facility, Need


class NeedSitemap(Sitemap):
    """Every public need (open and fulfilled). One URL per need: the language follows the
    visitor's cookie or browser, not the URL (docs/decisions.md, "Sitemap")."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Need.objects.public().only("id", "updated_at").order_by("id")

    def lastmod(self, need: Need):
        return need.updated_at


class FacilitySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Facility.objects.published().only("id", "slug", "updated_at").order_by("id")

    def lastmod(self, facility: Facility):
        return facility.updated_at


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home", "facilities:need_list", "facilities:facility_list", "privacy"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"pages": PageSitemap, "needs": NeedSitemap, "facilities": FacilitySitemap}

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
