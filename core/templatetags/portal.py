import re

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.urls import get_script_prefix
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.form_rendering import escaped
from core.formatting import format_rupiah
from core.kept_pages import CSRF_HOLE, CSRF_INPUT

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


@register.simple_tag
def form_field(field):
    """``{% include "facilities/includes/form_field.html" with field=… %}`` written in Python:
    the same HTML (tests/core/test_form_rendering.py compares them) for the forms that public
    pages render on every first visit."""
    errors = field.errors
    help_text = ""
    if field.help_text:
        help_text = format_html('<p class="helptext" id="{}_help">{}</p>', field.auto_id, field.help_text)
    return format_html(
        '<div class="field{}">\n  <label for="{}">{}</label>\n  {}\n  {}\n  {}\n</div>\n',
        " has-error" if errors else "",
        field.id_for_label,
        field.label,
        field,
        help_text,
        errors,
    )


REGION_SELECTS = (
    # (the key of the regions given, the select's id, its label, its empty choice, the code's length)
    ("provinces", "id_region_province", _("Province"), _("All provinces"), 2),
    ("regencies", "id_region_regency", _("Regency/city"), _("All regencies and cities"), 5),
    ("districts", "id_region_district", _("District"), _("All districts"), 8),
)


@register.simple_tag(takes_context=True)
def region_filter(context):
    """The three selects named "region" of a filter form (province, then the regencies/cities
    and districts of the choice above), from ``regions`` (``region_choices``), ``region_code``
    (the chosen code) and ``form`` (its region errors). Without JavaScript, submitting after a
    choice offers the next level. Written in Python: a select of 500 districts is one join here,
    not 500 template nodes."""
    regions = context.get("regions") or {}
    code = context.get("region_code") or ""
    html = ['<fieldset class="region-filter">\n  <legend>', str(escaped(gettext("Region"))), "</legend>"]
    for key, select_id, label, empty, length in REGION_SELECTS:
        choices = regions.get(key)
        if key != "provinces" and not choices:
            continue
        chosen = code[:length]
        html.append(
            f'\n  <div class="field">\n    <label for="{select_id}">{escaped(label)}</label>'
            f'\n    <select name="region" id="{select_id}">'
            f'\n      <option value="">{escaped(empty)}</option>\n      '
        )
        html.extend(
            f'<option value="{escaped(region.code)}"{" selected" if region.code == chosen else ""}>'
            f"{escaped(region.name)}</option>"
            for region in choices or ()
        )
        html.append("\n    </select>\n  </div>")
    if not regions.get("districts"):
        hint = gettext("Choose a province and press the button below to choose a regency/city, then a district.")
        html.append(f'\n  <p class="helptext">{escaped(hint)}</p>')
    form = context.get("form")
    errors = form["region"].errors if form is not None and "region" in form.fields else ""
    html.append(f"\n  {errors}\n</fieldset>")
    return mark_safe("".join(html))  # noqa: S308 (every value above is escaped)


# The header of every page (brand, navigation, language form) for anonymous visitors: the same
# HTML in one language but for the CSRF token and the path the language form returns to.
NEXT_INPUT = re.compile(r'(<input name="next" type="hidden" value=")[^"]*(">)')
PATH_HOLE = "\x00next-path\x00"
_ANONYMOUS_HEADERS: dict[tuple, str] = {}


@register.simple_tag(takes_context=True)
def site_header(context):
    """``{% include "includes/header.html" %}``. For an anonymous visitor it is rendered once
    per language and process (the templates and translations do not change while it runs; not
    with DEBUG, where they may), then given the visitor's own CSRF token and path."""
    template = context.template.engine.get_template("includes/header.html")
    request = context.get("request")
    user = context.get("user")
    if request is None or user is None or user.is_authenticated or settings.DEBUG:
        return template.render(context)
    # The URLs in it follow the URLconf and the script prefix (a test or a mounted site may
    # change them); the rest follows the language.
    key = (get_language(), getattr(request, "urlconf", None) or settings.ROOT_URLCONF, get_script_prefix())
    header = _ANONYMOUS_HEADERS.get(key)
    if header is None:
        rendered = template.render(context)
        header = NEXT_INPUT.sub(rf"\g<1>{PATH_HOLE}\g<2>", CSRF_INPUT.sub(rf"\g<1>{CSRF_HOLE}\g<2>", rendered))
        if header.count(CSRF_HOLE) != 1 or header.count(PATH_HOLE) != 1:
            return rendered  # not the header this tag knows how to fill: rendered every time
        _ANONYMOUS_HEADERS[key] = header
    filled = header.replace(CSRF_HOLE, get_token(request)).replace(PATH_HOLE, escaped(request.get_full_path()))
    return mark_safe(filled)  # noqa: S308 (rendered by the template engine, the path escaped)
