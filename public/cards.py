"""Need cards rendered once and kept, per need, language and day.

A card is the same HTML for everyone who reads it in one language on one day (``overdue``
follows the date), so a listing renders only the cards it has not seen yet. A card's key is a
digest of every value its need was loaded with (the need, its facility, region and field, its
photo's annotations): a pledge that moves the progress, a new title, a renamed facility or
region give the card a new key, so a changed card is never served, in any process, and nothing
has to be invalidated. The templates and translations of this release are part of the key too.
Cards are kept ``PUBLIC_CARD_CACHE_SECONDS`` (an hour by default; 0 renders every card).
"""

import hashlib
from collections.abc import Iterable
from functools import cache as once

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

CARD_TEMPLATE = "facilities/includes/need_card.html"
# The templates whose output is kept across requests (the card and what it includes, the empty
# request form of a need page): a change to any of them in a new release makes new keys.
KEPT_TEMPLATES = (
    CARD_TEMPLATE,
    "facilities/includes/progress.html",
    "facilities/includes/region_path.html",
    "facilities/includes/interest_fields.html",
)
# And the code that renders them, should a release change it.
KEPT_CODE = (
    "public/templatetags/public_site.py",
    "core/templatetags/portal.py",
    "core/form_rendering.py",
    "facilities/units.py",
)


@once
def release() -> str:
    """A digest of the kept templates, the code that renders them and the compiled translations."""
    digest = hashlib.sha256()
    for name in KEPT_TEMPLATES:
        digest.update(get_template(name).template.source.encode())
    for path in KEPT_CODE:
        digest.update((settings.BASE_DIR / path).read_bytes())
    for path in settings.LOCALE_PATHS:
        for catalogue in sorted(path.glob("*/LC_MESSAGES/django.mo")):
            digest.update(catalogue.read_bytes())
    return digest.hexdigest()[:16]


def loaded_values(obj: Model) -> tuple:
    """Every value ``obj`` was loaded with (deferred fields are not), with the related objects
    loaded beside it (``select_related``), recursively."""
    values: list = [obj._meta.label]
    # In the order the query set them: the same for every row of the same query.
    for name, value in obj.__dict__.items():
        if name[0] == "_":
            continue
        if isinstance(value, Model):
            value = loaded_values(value)
        elif isinstance(value, list | tuple):
            value = tuple(loaded_values(item) if isinstance(item, Model) else item for item in value)
        values.append((name, value))
    for name, related in obj._state.fields_cache.items():
        values.append((name, loaded_values(related) if related is not None else None))
    return tuple(values)


def card_key(need: Model, options: tuple) -> str:
    state = repr((loaded_values(need), options, get_language(), timezone.localdate().isoformat()))
    return f"need-card:{release()}:{hashlib.sha256(state.encode()).hexdigest()[:32]}"


def render_cards(needs: Iterable[Model], *, heading: str = "h2", hide_facility: bool = False) -> SafeString:
    """The cards of ``needs`` one after the other, as ``{% include %}`` of the card template in a
    loop gives them: the ones kept from before in one cache read, the others rendered and kept."""
    needs = list(needs)
    template = get_template(CARD_TEMPLATE)
    options = (heading, hide_facility)
    seconds = getattr(settings, "PUBLIC_CARD_CACHE_SECONDS", 3600)

    def render(need: Model) -> str:
        return template.render({"need": need, "heading": heading, "hide_facility": hide_facility})

    if not seconds:
        return mark_safe("".join(render(need) for need in needs))  # noqa: S308 (rendered by the template engine)
    keys = [card_key(need, options) for need in needs]
    kept = cache.get_many(keys)
    missing = {}
    for key, need in zip(keys, needs, strict=True):
        if key not in kept:
            missing[key] = kept[key] = render(need)
    if missing:
        cache.set_many(missing, seconds)
    return mark_safe("".join(kept[key] for key in keys))  # noqa: S308 (rendered by the template engine)
