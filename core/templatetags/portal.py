from django import template
from django.utils.html import format_html

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
