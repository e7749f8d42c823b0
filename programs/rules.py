"""The rules a program and a realisation report must keep, written once for the partner portal,
the admin and the spreadsheet import. Each function returns the problems it finds as
sentences for the user (an empty list: nothing wrong); nothing here writes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency, ReportingPeriod
from core.formatting import format_rupiah
from regions.models import Region, RegionLevel


def _under(code: str, area: str) -> bool:
    """Whether region ``code`` is ``area`` or lies below it (``""``: the whole country)."""
    return not area or code == area or code.startswith(area + ".")


def period_end(year: int, quarter: int) -> datetime.date:
    """The last day of a report's period: a quarter of ``year``, or the year (``quarter`` 0)."""
    if not quarter:
        return datetime.date(year, 12, 31)
    first_of_next = datetime.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


def period_start(year: int, quarter: int) -> datetime.date:
    return datetime.date(year, 3 * (quarter - 1) + 1 if quarter else 1, 1)


def period_due(agency: Agency | None, year: int, quarter: int) -> datetime.date:
    """The day by which a report of the period is on time."""
    days = agency.realisation_due_days if agency is not None else 30
    return period_end(year, quarter) + datetime.timedelta(days=days)


def period_problems(agency: Agency | None, year: int, quarter: int, *, today: datetime.date | None = None) -> list[str]:
    """A report's period: the kind the agency asks for, and begun (not in the future)."""
    today = today or timezone.localdate()
    if not 1 <= quarter <= 4 and quarter != 0:
        return [_("The quarter must be 1, 2, 3 or 4.")]
    if not 2000 <= year <= 2100:
        return [_("The year %(year)s is not a year that can be reported on.") % {"year": year}]
    problems = []
    quarterly = agency is not None and agency.realisation_period == ReportingPeriod.QUARTER
    if quarterly and not quarter:
        problems.append(_("%(agency)s asks for a report per quarter: choose a quarter.") % {"agency": agency})
    elif agency is not None and not quarterly and quarter:
        problems.append(_("%(agency)s asks for one report per year, not per quarter.") % {"agency": agency})
    if period_start(year, quarter) > today:
        problems.append(_("The period has not begun yet: a report cannot be made for the future."))
    return problems


def target_problems(agency: Agency | None, regions: Iterable[Region]) -> list[str]:
    """A program's target regions: at least one, each a kecamatan or village inside the
    registering agency's area, or the agency's own region."""
    regions = list(regions)
    if not regions:
        return [_("Choose at least one target kecamatan or village.")]
    area = agency.area_code if agency is not None else ""
    outside = [region for region in regions if not _under(region.code, area)]
    if outside:
        return [
            _("%(regions)s lie outside the area of %(agency)s.")
            % {"regions": ", ".join(f"{r.name} ({r.code})" for r in outside), "agency": agency}
        ]
    return []


@dataclass(frozen=True)
class ShareLine:
    """One line of a report's split: a region and the rupiah spent there."""

    region: Region
    amount: int
    households: int = 0


def share_problems(
    *,
    amount: int,
    shares: Sequence[ShareLine],
    targets: Iterable[Region],
    agency: Agency | None,
    households: int | None = None,
) -> list[str]:
    """The split of a report's rupiah over kecamatan or villages: every region a kecamatan or
    village inside the program's targets (or below one) and the agency's area, none twice, no
    negative rupiah, and the parts adding up to the total; with ``households`` (the report's
    households reached), the lines' households no more than that."""
    problems = []
    if amount < 0:
        problems.append(_("The rupiah realised cannot be negative."))
    if not shares:
        problems.append(_("Split the rupiah realised over at least one kecamatan or village."))
        return problems
    target_codes = [region.code for region in targets]
    area = agency.area_code if agency is not None else ""
    seen = set()
    for line in shares:
        region = line.region
        label = f"{region.name} ({region.code})"
        if line.amount < 0 or line.households < 0:
            problems.append(_("%(region)s: amounts and counts cannot be negative.") % {"region": label})
        if region.code in seen:
            problems.append(_("%(region)s appears twice in the split.") % {"region": label})
        seen.add(region.code)
        if region.level < RegionLevel.DISTRICT:
            problems.append(_("%(region)s is not a kecamatan or village.") % {"region": label})
        elif not _under(region.code, area):
            problems.append(_("%(region)s lies outside the area of %(agency)s.") % {"region": label, "agency": agency})
        elif target_codes and not any(_under(region.code, code) for code in target_codes):
            problems.append(_("%(region)s is not among the program's target regions.") % {"region": label})
    total = sum(line.amount for line in shares)
    if total != amount:
        problems.append(
            _("The split adds up to %(split)s but the total realised is %(total)s.")
            % {"split": format_rupiah(total), "total": format_rupiah(amount)}
        )
    split_households = sum(line.households for line in shares)
    if households is not None and households >= 0 and split_households > households:
        problems.append(
            _("The split counts %(split)s households but the report reached %(total)s.")
            % {"split": split_households, "total": households}
        )
    return problems


def count_problems(*, households: int, persons: int, **groups: int | None) -> list[str]:
    """Beneficiary counts: none negative, and no group (women, children…) larger than the persons reached."""
    problems = []
    if households < 0 or persons < 0 or any(value is not None and value < 0 for value in groups.values()):
        problems.append(_("Counts of beneficiaries cannot be negative."))
        return problems
    too_many = [name for name, value in groups.items() if value is not None and value > persons]
    if too_many:
        problems.append(
            _("A group of beneficiaries cannot be larger than the persons reached (%(persons)s).")
            % {"persons": persons}
        )
    return problems
