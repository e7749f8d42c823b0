"""Kemendagri region columns of a row: the province, regency/city and kecamatan (codes and names)
of the region a row points at, read from the row's own joins (the region and three levels above)
rather than a query per row."""

from typing import Any

# How long a code is at each level: 31, 31.75, 31.75.01, 31.75.01.1001.
CODE_LENGTHS = {1: 2, 2: 5, 3: 8}


def value_paths(path: str) -> list[str]:
    """The ``.values()`` paths that read the region at ``path`` and the three levels above it."""
    paths = []
    for depth in range(4):
        prefix = path + "__parent" * depth
        paths += [f"{prefix}__code", f"{prefix}__name"]
    return paths


def admin_levels(values: dict[str, Any], path: str) -> dict[str, str]:
    """``adm1_code``, ``adm1_name``, ... ``adm3_name`` of the row's region (empty when the region
    lies above that level)."""
    names = {}
    for depth in range(4):
        prefix = path + "__parent" * depth
        code = values.get(f"{prefix}__code")
        if code:
            names[code] = values[f"{prefix}__name"]
    own = values[f"{path}__code"]
    levels = {}
    for level, length in CODE_LENGTHS.items():
        code = own[:length] if len(own) >= length else ""
        levels[f"adm{level}_code"] = code
        levels[f"adm{level}_name"] = names.get(code, "")
    return levels


ADMIN_COLUMNS = ("adm1_code", "adm1_name", "adm2_code", "adm2_name", "adm3_code", "adm3_name")
