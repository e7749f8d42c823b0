from django import template

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
