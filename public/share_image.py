"""The picture a shared need link shows when the need has no published photo: 1200 × 630 px
(the size WhatsApp, Facebook and X preview), generated with Pillow from what the page says: the
need's title, its facility, a bar of what is pledged and delivered, and the agency's name.

Served at ``/needs/<pk>/share.png``, a URL that never changes: browsers and link previews keep it
for an hour (``SHARE_MAX_AGE``) and then ask again with its ETag, which follows every value drawn,
so a changed need gives a new picture and an unchanged one a 304. The picture is in Bahasa
Indonesia, the site's default language (a link preview sends no language), and shows only what
the public page shows.
"""

import hashlib
import io
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as django_cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe
from PIL import Image, ImageDraw, ImageFont

from agencies.scope import agency_for_region
from core.downloads import check_id
from facilities.models import Need

WIDTH, HEIGHT = 1200, 630
MARGIN = 64
SHARE_MAX_AGE = 3600
# The colours of static/css/portal.css: ink, muted, line, brand, pledged (covered), delivered.
INK, MUTED, LINE, BRAND, COVERED, DELIVERED = "#1d2733", "#4a5563", "#d5dbe3", "#0b5d8a", "#3f8fc6", "#1f7a3a"
BACKGROUND = "#f6f7f9"


@dataclass(frozen=True)
class ShareCard:
    """Every value the picture draws (and so its ETag)."""

    title: str
    facility: str
    agency: str
    pledged_percent: int
    delivered_percent: int
    fulfilled: bool


def _percent(part: int, whole: int) -> int:
    return min(100, round(100 * part / whole)) if whole else 0


def share_card(pk: int) -> ShareCard | None:
    """What the picture of a public need shows, or None (two queries: the need, its agency)."""
    need = (
        Need.objects.public()
        .filter(pk=check_id(pk))
        .select_related("facility")
        .only(
            "title",
            "quantity",
            "quantity_covered",
            "quantity_delivered",
            "status",
            "facility__name",
            "facility__region_id",
        )
        .first()
    )
    if need is None:
        return None
    agency = agency_for_region(need.facility.region_id)
    return ShareCard(
        title=need.title,
        facility=need.facility.name,
        agency=agency.name if agency else settings.AGENCY_NAME,
        pledged_percent=_percent(need.quantity_covered, need.quantity),
        delivered_percent=_percent(need.quantity_delivered, need.quantity),
        fulfilled=need.status == "fulfilled",
    )


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    """DejaVu Sans, the font the BAST uses (shipped in matching/fonts with its licence)."""
    fonts = Path(apps.get_app_config("matching").path) / "fonts"
    return ImageFont.truetype(str(fonts / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _lines(text: str, font: ImageFont.FreeTypeFont, width: int, most: int) -> list[str]:
    """``text`` wrapped at spaces to lines no wider than ``width``, at most ``most`` lines; text
    cut off (more lines, or a word wider than a line) ends in an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if not current or font.getlength(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] += " …"
    fitted = []
    for line in lines:
        if font.getlength(line) > width:
            while line and font.getlength(line + "…") > width:
                line = line[:-1]
            line = line.rstrip(" …") + "…"
        fitted.append(line)
    return fitted


def render_png(card: ShareCard) -> bytes:
    """The 1200 × 630 PNG of ``card``."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    draw.rectangle((0, 0, WIDTH, 14), fill=BRAND)
    y = 52
    for line in _lines(card.agency, _font(True, 30), inner, 1):
        draw.text((MARGIN, y), line, font=_font(True, 30), fill=BRAND)
    y += 66
    title_font = _font(True, 60)
    for line in _lines(card.title, title_font, inner, 3):
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 74
    y += 8
    for line in _lines(card.facility, _font(False, 36), inner, 2):
        draw.text((MARGIN, y), line, font=_font(False, 36), fill=MUTED)
        y += 46
    # The bar: what partners pledged, and over it what was delivered (as on the page).
    top = HEIGHT - 170
    draw.rounded_rectangle((MARGIN, top, WIDTH - MARGIN, top + 40), radius=20, fill=LINE)
    for percent, colour in ((card.pledged_percent, COVERED), (card.delivered_percent, DELIVERED)):
        if percent:
            right = MARGIN + max(40, round(inner * percent / 100))
            draw.rounded_rectangle((MARGIN, top, right, top + 40), radius=20, fill=colour)
    with translation.override(settings.LANGUAGE_CODE):
        if card.fulfilled:
            legend = _("Fulfilled")
        else:
            legend = _("Pledged %(pledged)s%% · delivered %(delivered)s%%") % {
                "pledged": card.pledged_percent,
                "delivered": card.delivered_percent,
            }
        site = f"{_('CSR Portal')} · {_('Dinas Sosial')}"
    draw.text((MARGIN, top + 58), legend, font=_font(True, 34), fill=INK)
    draw.text((WIDTH - MARGIN, HEIGHT - 40), site, font=_font(False, 26), fill=MUTED, anchor="rs")
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _etag(card: ShareCard) -> str:
    return hashlib.sha256(repr(astuple(card)).encode()).hexdigest()[:32]


def _card_etag(request: HttpRequest, pk: int) -> str | None:
    card = share_card(pk)
    request.share_card = card
    return _etag(card) if card else None


@require_safe
@cache_control(public=True, max_age=SHARE_MAX_AGE)
@condition(etag_func=_card_etag)
def need_share_image(request: HttpRequest, pk: int) -> HttpResponse:
    card = request.share_card
    if card is None:
        raise Http404
    # The same values draw the same picture: kept for the link previews of a busy share.
    png = django_cache.get_or_set(f"share-png:{_etag(card)}", lambda: render_png(card), SHARE_MAX_AGE)
    return HttpResponse(png, content_type="image/png")
