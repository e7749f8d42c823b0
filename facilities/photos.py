"""The only way facility and need photos change: added, edited (caption, order, publication)
and deleted.

A photo is stored as ``core.images`` made it (metadata stripped, resized copies beside it) and
starts unpublished. Residents are often children (UU PDP, 2022): staff publish a photo only
after confirming that no resident can be identified or that consent is on file, and the
photo records which, who confirmed and when. Unpublishing clears the confirmation.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.images import ProcessedImage
from facilities.models import Facility, FacilityPhoto, Need, NeedPhoto, Photo

EDITABLE = frozenset({"caption", "caption_en", "order", "published", "publish_basis"})


class PhotoError(Exception):
    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def variant_name(name: str, width: int) -> str:
    """Where the copy ``width`` pixels wide of the photo stored as ``name`` lives."""
    stem = name.rsplit(".", 1)[0]
    return f"{stem}-{width}.jpg"


def stored_names(photo: Photo) -> list[str]:
    return [photo.image.name, *(variant_name(photo.image.name, width) for width in photo.variant_widths)]


def _require(actor: AbstractBaseUser | None, model: type[Photo]) -> None:
    owner = "facility" if model is FacilityPhoto else "need"
    if actor is not None and not (actor.is_active and actor.has_perm(f"facilities.change_{owner}")):
        raise PhotoError(_("You may not change photos."))


def _member_facility_id(actor: AbstractBaseUser | None) -> int | None:
    member = getattr(actor, "facility_member", None) if actor is not None and actor.is_active else None
    return member.facility_id if member is not None else None


def _confirm(photo: Photo, actor: AbstractBaseUser | None) -> None:
    """Record who confirmed a publication and when; refuse one without its reason."""
    if photo.published:
        if not photo.publish_basis:
            raise PhotoError(
                _(
                    "Say why this photo may be published: no resident can be identified, or consent is on file. "
                    "Residents are often children."
                ),
                field="publish_basis",
            )
        photo.confirmed_by = actor
        photo.confirmed_at = timezone.now()
    else:
        photo.publish_basis = ""
        photo.confirmed_by = None
        photo.confirmed_at = None


def _write(kind: str, processed: ProcessedImage) -> str:
    name = default_storage.save(f"photos/{kind}/{uuid.uuid4().hex}.jpg", ContentFile(processed.original.content))
    for width, encoded in processed.variants.items():
        default_storage.save(variant_name(name, width), ContentFile(encoded.content))
    return name


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


@transaction.atomic
def photo_add(
    *, owner: Facility | Need, processed: ProcessedImage, actor: AbstractBaseUser | None, **values: Any
) -> Photo:
    """A new photo of a facility or a need, unpublished unless ``published=True`` with its
    ``publish_basis``."""
    model = FacilityPhoto if isinstance(owner, Facility) else NeedPhoto
    facility_id = owner.pk if model is FacilityPhoto else owner.facility_id
    if actor is not None and _member_facility_id(actor) == facility_id:
        # A facility account adds photos of its own facility; only staff publish them, once they
        # have confirmed that no resident can be identified or consent is on file.
        values = {**values, "published": False, "publish_basis": ""}
    else:
        _require(actor, model)
    unknown = set(values) - EDITABLE
    if unknown:
        raise TypeError(f"photo_add got fields it may not set: {sorted(unknown)}")
    photo = model(**values, width=processed.width, height=processed.height)
    setattr(photo, "facility" if model is FacilityPhoto else "need", owner)
    _confirm(photo, actor)
    photo.image.name = _write(model.kind, processed)
    # Files written before the row: if the row is not saved after all, they go with it.
    try:
        photo.save()
    except Exception:
        _delete_files(stored_names(photo))
        raise
    return photo


@transaction.atomic
def photo_update(*, photo: Photo, actor: AbstractBaseUser | None, changes: Mapping[str, Any]) -> Photo:
    """Caption, order or publication. Publishing records the reason, who and when."""
    _require(actor, type(photo))
    unknown = set(changes) - EDITABLE
    if unknown:
        raise PhotoError(_("These fields of a photo cannot be edited: %(fields)s.") % {"fields": sorted(unknown)})
    locked = type(photo).objects.select_for_update().get(pk=photo.pk)
    was_published, old_basis = locked.published, locked.publish_basis
    for name, value in changes.items():
        setattr(locked, name, value)
    if locked.published != was_published or (locked.published and locked.publish_basis != old_basis):
        _confirm(locked, actor)
    locked.save()
    for field in type(photo)._meta.concrete_fields:
        setattr(photo, field.attname, getattr(locked, field.attname))
    return locked


@transaction.atomic
def photo_delete(*, photo: Photo, actor: AbstractBaseUser | None) -> None:
    """The photo and its files (once the deletion is committed)."""
    _require(actor, type(photo))
    names = stored_names(photo)
    photo.delete()
    transaction.on_commit(lambda: _delete_files(names))
