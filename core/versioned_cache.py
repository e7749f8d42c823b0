"""Values kept in the cache under a data version, so that a change shows at once.

A *group* of models (the public registry, the reports' figures) has a version: a number kept in
the cache and replaced by a new one whenever a model of the group changes. A value cached under
a group carries the version in its key (``key_for``, ``cached``), so the first read after a
change misses and builds the value again; entries of older versions are never read again and
expire. With a cache shared by every process (``REDIS_URL``) the version is shared too.

Saves, deletions and many-to-many changes are seen through Django's signals. A change bumps its
groups twice: at once (so the writer's own next read sees it) and again when its transaction
commits (``transaction.on_commit``): a reader in another process between the write and the
commit reads the old rows and may keep them under the first new version, which the second one
leaves behind. Bulk writes send no signal: whoever makes one (``bulk_create``, ``bulk_update``,
``QuerySet.update()``, the spreadsheet imports) calls ``changed(Model)``. Groups are declared
by the apps that read them (``watch`` in their ``AppConfig.ready``), models named by label.
"""

import hashlib
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "data-version:{group}"
# Groups by model label ("facilities.Need") and by app label ("programs": every model of it).
_MODEL_GROUPS: dict[str, set[str]] = {}
_APP_GROUPS: dict[str, set[str]] = {}


def version(group: str) -> int:
    key = VERSION_KEY.format(group=group)
    value = cache.get(key)
    if value is None:
        # A new value, never an old one again: entries made under an evicted version stay unreachable.
        cache.add(key, time.time_ns(), None)
        value = cache.get(key)
    # A cache that cannot keep anything (Redis down) gives a version that matches nothing.
    return time.time_ns() if value is None else value


def bump(group: str) -> None:
    cache.set(VERSION_KEY.format(group=group), time.time_ns(), None)


def _groups_of(model) -> set[str]:
    meta = getattr(model, "_meta", None)
    if meta is None:
        return set()
    return _MODEL_GROUPS.get(meta.label, set()) | _APP_GROUPS.get(meta.app_label, set())


def changed(*models, using: str | None = None) -> None:
    """Say that rows of ``models`` changed without a signal (a bulk write): their groups' versions
    are bumped now and again when the transaction on ``using`` commits."""
    for group in set().union(*(_groups_of(model) for model in models)):
        bump(group)
        transaction.on_commit(lambda group=group: bump(group), using=using)


def _changed(sender, using: str | None = None, **kwargs) -> None:
    changed(sender, using=using)


def _relations_changed(sender, instance, action: str, model=None, using: str | None = None, **kwargs) -> None:
    # A many-to-many change (a need's SDG goals) is a change of the models on both sides.
    if action in ("post_add", "post_remove", "post_clear"):
        changed(type(instance), *([model] if model is not None else []), using=using)


def watch(group: str, *, models: Iterable[str] = (), app_labels: Iterable[str] = ()) -> None:
    """Bump ``group``'s version whenever one of ``models`` (labels) or any model of
    ``app_labels`` is saved or deleted."""
    for label in models:
        apps.get_model(label)  # a misspelt label fails at start-up, not silently
        _MODEL_GROUPS.setdefault(label, set()).add(group)
    for app_label in app_labels:
        apps.get_app_config(app_label)
        _APP_GROUPS.setdefault(app_label, set()).add(group)
    post_save.connect(_changed, dispatch_uid="core.versioned_cache.save")
    post_delete.connect(_changed, dispatch_uid="core.versioned_cache.delete")
    m2m_changed.connect(_relations_changed, dispatch_uid="core.versioned_cache.relations")


def key_for(group: str, name: str, *parts: Any) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"versioned:{group}:{version(group)}:{name}:{digest}"


def cached(group: str, name: str, build: Callable[[], Any], *parts: Any, seconds: int) -> Any:
    """``build()``, or what it returned for the same ``parts`` since ``group``'s data last
    changed (and within ``seconds``; 0 builds every time)."""
    if not seconds:
        return build()
    key = key_for(group, name, *parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value
