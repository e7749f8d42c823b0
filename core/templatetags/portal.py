from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.formatting import format_rupiah

register = template.Library()


@register.filter
def rupiah(value):
    return format_rupiah(value)


@register.filter
def thousands(value):
    """``12500`` → ``12.500``, the Indonesian way, whatever the active language."""
    if value is None:
        return "-"
    return f"{int(value):,}".replace(",", ".")


@register.inclusion_tag("facilities/includes/form_field.html")
def form_field(field):
    """``{% include "facilities/includes/form_field.html" with field=… %}``, shorter."""
    return {"field": field}


REGION_SELECTS = (
    # (the key of the regions given, the select's id, its label, its empty choice, the code's length)
    ("provinces", "id_region_province", _("Province"), _("All provinces"), 2),
    ("regencies", "id_region_regency", _("Regency/city"), _("All regencies and cities"), 5),
    ("districts", "id_region_district", _("District"), _("All districts"), 8),
)


@register.inclusion_tag("includes/region_filter.html", takes_context=True)
def region_filter(context):
    """The three selects named "region" of a filter form (province, then the regencies/cities
    and districts of the choice above), from ``regions`` (``region_choices``), ``region_code``
    (the chosen code), ``region_within`` (a staff account's area, if any) and ``form`` (its
    region errors). A level with nothing to offer yet is disabled. Without JavaScript, submitting
    after a choice offers the next level; with it (static/js/filters.js), the next level is
    filled at once from ``region_children`` and one submit is enough."""
    regions = context.get("regions") or {}
    code = context.get("region_code") or ""
    selects = [
        {"id": select_id, "label": label, "empty": empty, "chosen": code[:length], "choices": regions.get(key) or ()}
        for key, select_id, label, empty, length in REGION_SELECTS
    ]
    children_url = reverse("facilities:region_children")
    if within := context.get("region_within"):
        children_url += "?" + urlencode({"within": within})
    form = context.get("form")
    errors = form["region"].errors if form is not None and "region" in form.fields else ""
    return {"selects": selects, "hint": not regions.get("districts"), "errors": errors, "children_url": children_url}
