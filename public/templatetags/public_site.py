"""Template helpers of the public site."""

from django import template

register = template.Library()


@register.filter
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


@register.filter
def percent_of(part: int | None, whole: int | None) -> int:
    """``part`` as a whole percentage of ``whole`` (0 when there is no whole)."""
    if not whole or part is None:
        return 0
    return round(100 * part / whole)
