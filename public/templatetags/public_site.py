"""Template helpers of the public site."""

import re

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from core.formatting import format_rupiah
from core.images import scaled_height, variant_widths
from core.templatetags.portal import thousands
from facilities.models import NeedKind, Priority
from facilities.units import unit_label

register = template.Library()


def width_step(percent: int | float | None) -> int:
    """A percentage rounded to the 5% width classes of the progress bar (``w-0`` … ``w-100``).

    The CSP forbids inline styles, so bars take a class. A little progress never shows as an
    empty bar, and an almost complete one never as a full bar.
    """
    try:
        value = float(percent or 0)
    except (TypeError, ValueError):
        return 0
    if value <= 0:
        return 0
    if value >= 100:
        return 100
    step = int(round(value / 5) * 5)
    return min(max(step, 5), 95)


def percent_of(part: int | None, whole: int | None) -> int:
    """``part`` as a whole percentage of ``whole`` (0 when there is no whole)."""
    if not whole or part is None:
        return 0
    return round(100 * part / whole)


# --- content in two languages -------------------------------------------------------------------


def _english() -> bool:
    return (get_language() or "id").startswith("en")


@register.filter
def localized(obj, field: str) -> str:
    """``obj.<field>_en`` for an English reader when it is written, ``obj.<field>`` otherwise."""
    if _english():
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field, "")


@register.filter
def untranslated(obj, field: str) -> bool:
    """An English reader is shown ``field`` in Indonesian: there is text but no English."""
    return _english() and bool(getattr(obj, field, "")) and not getattr(obj, f"{field}_en", "")


@register.filter
def unit_for(unit: str, quantity: int | None = None) -> str:
    return unit_label(unit, quantity)


@register.filter
def overdue(need) -> bool:
    """An open need whose needed-by date has passed (Asia/Jakarta)."""
    return bool(need.needed_by) and need.status == "open" and need.needed_by < timezone.localdate()


# --- contacts -----------------------------------------------------------------------------------


@register.filter
def tel_href(phone: str) -> str:
    """A phone number as written ("021-840 0000", "0812 3456 789") as a ``tel:`` link target in
    the international form (+62...), which every phone dials from anywhere; "" when no digit."""
    digits = re.sub(r"\D", "", phone or "")
    if not digits:
        return ""
    if (phone or "").strip().startswith("+"):
        return f"tel:+{digits}"
    if digits.startswith("0"):
        return f"tel:+62{digits[1:]}"
    return f"tel:{digits}"


@register.simple_tag
def site_contact() -> dict:
    """The contact of the agency that runs the portal (settings ``AGENCY_*``): read without a
    query, so the footer of every page costs nothing."""
    return {
        "name": settings.AGENCY_NAME,
        "address": settings.AGENCY_ADDRESS,
        "email": settings.AGENCY_EMAIL,
        "phone": settings.AGENCY_PHONE,
    }


# --- photos -------------------------------------------------------------------------------------


@register.simple_tag
def photo_url(kind: str, pk: int, width: int) -> str:
    return reverse(f"facilities:{kind}_photo", kwargs={"pk": pk, "width": width})


def largest_width(width: int) -> int:
    return variant_widths(width)[-1]


@register.simple_tag
def photo_img(kind: str, pk, width, height, alt: str, sizes: str = "100vw", css: str = "", lazy: bool = True):
    """A responsive ``<img>`` of a published photo: every resized copy in ``srcset``, the
    middle one as ``src``, its intrinsic size set (no layout shift), lazy unless asked."""
    if not pk:
        return ""
    widths = variant_widths(int(width))
    srcset = ", ".join(f"{photo_url(kind, pk, w)} {w}w" for w in widths)
    fallback = widths[min(1, len(widths) - 1)]
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{} decoding="async">',
        photo_url(kind, pk, fallback),
        srcset,
        sizes,
        fallback,
        scaled_height(int(width), int(height), fallback),
        alt,
        format_html(' class="{}"', css) if css else "",
        mark_safe(' loading="lazy"') if lazy else mark_safe(' fetchpriority="high"'),
    )


@register.simple_tag(takes_context=True)
def social_image(context, kind: str, pk, width, height) -> dict | None:
    """The absolute URL and size of the copy a shared link shows (``og:image``)."""
    if not pk:
        return None
    largest = largest_width(int(width))
    request = context.get("request")
    url = photo_url(kind, pk, largest)
    return {
        "url": request.build_absolute_uri(url) if request else url,
        "width": largest,
        "height": scaled_height(int(width), int(height), largest),
        "type": "image/jpeg",
    }


@register.simple_tag(takes_context=True)
def share_card_image(context, need) -> dict:
    """The generated picture of a need without a published photo (``public.share_image``), as
    ``social_image``: its absolute URL on the host the page was asked on."""
    request = context.get("request")
    url = reverse("facilities:need_share_image", kwargs={"pk": need.pk})
    return {
        "url": request.build_absolute_uri(url) if request else f"{settings.SITE_URL}{url}",
        "width": 1200,
        "height": 630,
        "type": "image/png",
    }


# --- need cards ---------------------------------------------------------------------------------


def _said(translated: str, **values) -> SafeString:
    """A translated sentence with ``values`` escaped into it: what ``{% blocktranslate with … %}``
    gives, under the same msgid, for the sentences every card repeats (the block tag renders
    several times slower). Call it with ``gettext("…")`` so that makemessages finds the msgid."""
    return mark_safe(translated % {name: conditional_escape(value) for name, value in values.items()})  # noqa: S308


@register.simple_tag
def need_progress(need) -> dict:
    """What ``facilities/includes/progress.html`` shows of a need, computed once: the shares
    pledged, delivered and offered (whole percentages) with their bar widths (``width_step``)
    and what the bar and its legend say."""
    covered = percent_of(need.quantity_covered, need.quantity)
    delivered = percent_of(need.quantity_delivered, need.quantity)
    offered_quantity = need.quantity_offered
    offered = percent_of(offered_quantity, need.quantity)
    proposed_quantity = need.quantity_proposed
    if offered_quantity:
        label = _said(
            gettext("Pledged %(covered)s%%, delivered %(delivered)s%%, offered and awaiting Dinsos %(offered)s%%"),
            covered=covered,
            delivered=delivered,
            offered=offered,
        )
    else:
        label = _said(gettext("Pledged %(covered)s%%, delivered %(delivered)s%%"), covered=covered, delivered=delivered)
    return {
        "covered_step": width_step(covered),
        "delivered_step": width_step(delivered),
        "offered_step": width_step(offered),
        "offered_quantity": offered_quantity,
        "proposed_quantity": proposed_quantity,
        "label": label,
        "covered_legend": _said(
            gettext("Pledged %(quantity)s (%(covered)s%%)"), quantity=thousands(need.quantity_covered), covered=covered
        ),
        "delivered_legend": _said(
            gettext("Delivered %(quantity)s (%(delivered)s%%)"),
            quantity=thousands(need.quantity_delivered),
            delivered=delivered,
        ),
        "offered_legend": _said(
            gettext("Offered, awaiting Dinsos %(quantity)s (%(offered)s%%)"),
            quantity=thousands(offered_quantity),
            offered=offered,
        )
        if offered_quantity
        else "",
        "proposed_legend": _said(
            gettext("Proposed to a partner %(quantity)s, not yet answered"), quantity=thousands(proposed_quantity)
        )
        if proposed_quantity
        else "",
    }


def _label(choices, value):
    """The label of ``value`` among ``choices`` (an enumeration), as ``get_FOO_display`` gives it
    (the value itself when unknown), without building a dictionary of every choice each time."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


@register.simple_tag
def need_card_values(need) -> dict:
    """What a need card (``facilities/includes/need_card.html``) shows of a need, computed once
    in Python rather than through a filter or ``get_FOO_display`` call each: its title in the
    reader's language, its links, labels, quantities, value and date as written."""
    return {
        "url": need.get_absolute_url(),
        "title": localized(need, "title"),
        "untranslated": untranslated(need, "title"),
        "priority": _label(Priority, need.priority),
        "kind": _label(NeedKind, need.kind),
        "quantities": _said(
            gettext("%(quantity)s %(unit)s needed, <strong>%(remaining)s</strong> not yet pledged or offered"),
            quantity=thousands(need.quantity),
            unit=unit_label(need.unit, need.quantity),
            remaining=thousands(need.quantity_open),
        ),
        "value": _said(gettext("Estimated value %(value)s"), value=format_rupiah(need.estimated_value))
        if need.unit_cost
        else "",
        "needed_by": _said(gettext("needed by %(date)s"), date=date_format(need.needed_by, "j M Y"))
        if need.needed_by
        else "",
        "overdue": overdue(need),
    }


@register.simple_tag
def region_path(region) -> str:
    """A region with up to two levels above it: "Pasar Rebo, Kota Jakarta Timur, DKI Jakarta"
    (escaped as a tag's text is)."""
    names = [region.name]
    if region.parent:
        names.append(region.parent.name)
        if region.parent.parent:
            names.append(region.parent.parent.name)
    return ", ".join(names)


@register.inclusion_tag("facilities/includes/need_cards.html")
def need_cards(needs, heading: str = "h2", hide_facility: bool = False):
    """The cards of ``needs`` (``facilities.selectors.listed_needs``), one after the other."""
    return {"needs": needs, "heading": heading, "hide_facility": hide_facility}


@register.inclusion_tag("facilities/includes/facility_cards.html")
def facility_cards(facilities):
    """The cards of ``facilities`` (``facilities.selectors.published_facilities``)."""
    return {"facilities": facilities}
