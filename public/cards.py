"""Need cards (and facility cards) rendered once and kept, per need, language and day.

A listing reads, for the needs of its page, only the values a card shows (``card_rows``: the
need's own columns, its facility's name, address and region, its first photo) and asks for their
cards; only the needs whose cards are not kept are loaded whole and rendered (``listed_cards``).
Region and field names are not in those rows: their data version (``public-places``, bumped by
any saved region or field) is in the key instead.

A card is the same HTML for everyone who reads it in one language on one day (``overdue``
follows the date), so a listing renders only the cards it has not seen yet. A card's key is a
digest of every value its need was loaded with (the need, its facility, region and field, its
photo's annotations): a pledge that moves the progress, a new title, a renamed facility or
region give the card a new key, so a changed card is never served, in any process, and nothing
has to be invalidated. The templates and translations of this release are part of the key too.
Cards are kept ``PUBLIC_CARD_CACHE_SECONDS`` (an hour by default; 0 renders every card).
"""

import hashlib
from collections.abc import Callable, Iterable, Sequence
from functools import cache as once

from django.conf import settings
from django.db.models import Model
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core import kept, versioned_cache
from public.page_cache import PLACES_GROUP

CARD_TEMPLATE = "facilities/includes/need_card.html"
FACILITY_CARD_TEMPLATE = "facilities/includes/facility_card.html"
# The templates whose output is kept across requests (the card and what it includes, the empty
# request form of a need page): a change to any of them in a new release makes new keys.
KEPT_TEMPLATES = (
    CARD_TEMPLATE,
    FACILITY_CARD_TEMPLATE,
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


def _reader() -> tuple[str, str]:
    """What a card's HTML depends on beside its values: the language and the day (``overdue``)."""
    return get_language(), timezone.localdate().isoformat()


def _key(state: tuple, reader: tuple[str, str]) -> str:
    digest = hashlib.sha256(repr((state, *reader)).encode())
    return f"card:{release()}:{digest.hexdigest()[:32]}"


def card_key(need: Model, options: tuple, reader: tuple[str, str] | None = None) -> str:
    return _key((loaded_values(need), options), reader or _reader())


def row_key(row: Sequence, options: tuple, places: int, reader: tuple[str, str] | None = None) -> str:
    return _key(("row", tuple(row), options, places), reader or _reader())


def _seconds() -> int:
    return getattr(settings, "PUBLIC_CARD_CACHE_SECONDS", 3600)


def _renderer(heading: str, hide_facility: bool) -> Callable[[Model], str]:
    template = get_template(CARD_TEMPLATE)
    return lambda need: template.render({"need": need, "heading": heading, "hide_facility": hide_facility})


def _joined(cards: Iterable[str]) -> SafeString:
    return mark_safe("".join(cards))  # noqa: S308 (rendered by the template engine)


def render_cards(needs: Iterable[Model], *, heading: str = "h2", hide_facility: bool = False) -> SafeString:
    """The cards of ``needs`` one after the other, as ``{% include %}`` of the card template in a
    loop gives them: the ones kept from before in one cache read, the others rendered and kept."""
    return _kept_cards(needs, (heading, hide_facility), _renderer(heading, hide_facility))


def render_facility_cards(facilities: Iterable[Model]) -> SafeString:
    """The cards of ``facilities`` (``published_facilities``: a facility, its region two levels
    up, its open needs counted and its first photo), kept like the needs' cards: a renamed
    facility or region, a need opened or closed, a new photo give a card a new key."""
    template = get_template(FACILITY_CARD_TEMPLATE)
    return _kept_cards(facilities, ("facility",), lambda facility: template.render({"facility": facility}))


def _kept_cards(objects: Iterable[Model], options: tuple, render: Callable[[Model], str]) -> SafeString:
    objects = list(objects)
    seconds = _seconds()
    if not seconds:
        return _joined(render(obj) for obj in objects)
    reader = _reader()
    keys = [card_key(obj, options, reader) for obj in objects]
    found = kept.get_many(keys, seconds=seconds)
    missing = {}
    for key, obj in zip(keys, objects, strict=True):
        if key not in found:
            missing[key] = found[key] = render(obj)
    if missing:
        kept.set_many(missing, seconds)
    return _joined(found[key] for key in keys)


def listed_cards(
    rows: Sequence[Sequence],
    load: Callable[[list[int]], dict[int, Model]],
    *,
    heading: str = "h2",
    hide_facility: bool = False,
) -> SafeString:
    """The cards of the needs in ``rows`` (``card_rows``: the need's id first), in their order.

    The cards kept for these exact values are read in one cache round trip; ``load(ids)`` gives
    the other needs whole (by id), which are rendered and kept. Nothing is loaded when every card
    is kept."""
    return listed_card_groups([(rows, heading, hide_facility)], load)[0]


def listed_card_groups(
    groups: Sequence[tuple[Sequence[Sequence], str, bool]], load: Callable[[list[int]], dict[int, Model]]
) -> list[SafeString]:
    """``listed_cards`` for several lists of one page (rows, heading, hide_facility) at once:
    one cache round trip, and one ``load`` for the needs of every list whose cards are not kept."""
    seconds = _seconds()
    if not seconds:
        needs = load(list({row[0] for rows, _heading, _hide in groups for row in rows}))
        return [
            _joined(_renderer(heading, hide)(needs[row[0]]) for row in rows if row[0] in needs)
            for rows, heading, hide in groups
        ]
    places = versioned_cache.version(PLACES_GROUP)
    reader = _reader()
    keyed = [
        [(row[0], row_key(row, (heading, hide), places, reader)) for row in rows] for rows, heading, hide in groups
    ]
    found = kept.get_many([key for keys in keyed for _pk, key in keys], seconds=seconds)
    absent = {pk for keys in keyed for pk, key in keys if key not in found}
    if absent:
        # A need that left the public registry between the two reads is left out, not an error.
        needs = load(sorted(absent))
        missing = {}
        for keys, (_rows, heading, hide) in zip(keyed, groups, strict=True):
            render = _renderer(heading, hide)
            for pk, key in keys:
                if key not in found and key not in missing and pk in needs:
                    missing[key] = render(needs[pk])
        kept.set_many(missing, seconds)
        found.update(missing)
    return [_joined(found[key] for _pk, key in keys if key in found) for keys in keyed]
