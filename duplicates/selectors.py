"""Possible duplicates: of one record (on entry and on import) and within a staff account's area
(the "Possible duplicates" page). A pair that staff already decided on is never offered again.

How candidates are found (docs/decisions.md, "Duplicates"):

* facilities: the same LKS registration number, or a similar name (``duplicates.names``) in the
  same kecamatan;
* companies: the same NIB or NPWP, or a similar name anywhere (companies are one registry shared
  by every agency);
* needs: a draft or open need of the same facility and field with a similar title.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import combinations

from django.db.models import Model, Q
from django.utils.translation import gettext as _

from agencies.scope import Scope
from duplicates.models import DuplicateDecision, DuplicateKind
from duplicates.names import NAME_THRESHOLD, blocking_keys, name_similarity, normalise, title_score
from facilities.models import Facility, Need, NeedStatus
from partners.models import Company
from partners.selectors import partnered_q
from regions.models import in_area

UNSETTLED_NEED_STATES = (NeedStatus.DRAFT, NeedStatus.OPEN)
MODELS = {DuplicateKind.FACILITY: Facility, DuplicateKind.COMPANY: Company, DuplicateKind.NEED: Need}


@dataclass(frozen=True)
class Candidate:
    """``record`` may be the same as the one checked, for ``reason``."""

    kind: str
    record: Model
    reason: str
    score: float


@dataclass(frozen=True)
class Pair:
    kind: str
    first: Model
    second: Model
    reason: str
    score: float


def kind_of(record: Model) -> str | None:
    for kind, model in MODELS.items():
        if isinstance(record, model):
            return kind
    return None


def ordered(first_id: int, second_id: int) -> tuple[int, int]:
    return (first_id, second_id) if first_id < second_id else (second_id, first_id)


def decided_pairs(kind: str, ids: Iterable[int] | None = None) -> set[tuple[int, int]]:
    decisions = DuplicateDecision.objects.filter(kind=kind)
    if ids is not None:
        ids = list(ids)
        decisions = decisions.filter(Q(first_id__in=ids) | Q(second_id__in=ids))
    return set(decisions.values_list("first_id", "second_id"))


def kecamatan_code(code: str) -> str:
    """The kecamatan of a region code: ``31.75.01.1001`` → ``31.75.01``."""
    return ".".join((code or "").split(".")[:3])


# --- one record ------------------------------------------------------------------------------


def candidates_for(record: Model, *, limit: int = 10) -> list[Candidate]:
    """Existing records that may be ``record`` (saved or not), best first, undecided pairs only."""
    kind = kind_of(record)
    if kind == DuplicateKind.FACILITY:
        found = _facility_candidates(record)
    elif kind == DuplicateKind.COMPANY:
        found = _company_candidates(record)
    elif kind == DuplicateKind.NEED:
        found = _needs_candidates([record])[0]
    else:
        return []
    return _ranked(kind, record, found, limit)


def _ranked(kind: str, record: Model, found: list[Candidate], limit: int) -> list[Candidate]:
    """The undecided candidates of ``record``, best first, at most ``limit``."""
    if record.pk is not None:
        decided = decided_pairs(kind, [record.pk])
        found = [c for c in found if ordered(record.pk, c.record.pk) not in decided]
    found.sort(key=lambda candidate: (-candidate.score, candidate.record.pk))
    return found[:limit]


def _others(queryset, record):
    return queryset.exclude(pk=record.pk) if record.pk is not None else queryset


def _by_name(record, others, where: str) -> list[Candidate]:
    name = normalise(record.name)
    found = []
    for other in others:
        score = name_similarity(name, normalise(other.name))
        if score >= NAME_THRESHOLD:
            found.append(Candidate(kind_of(record), other, _name_reason(score, where), score))
    return found


def _name_reason(score: float, where: str) -> str:
    return _("Similar name %(where)s (%(percent)s%%)") % {"where": where, "percent": round(score * 100)}


def _facility_candidates(facility: Facility) -> list[Candidate]:
    found: dict[int, Candidate] = {}
    if facility.lks_registration_number:
        same_number = Facility.objects.filter(lks_registration_number=facility.lks_registration_number)
        for other in _others(same_number, facility):
            found[other.pk] = Candidate(DuplicateKind.FACILITY, other, _("Same LKS registration number"), 1.0)
    if facility.region_id:
        nearby = Facility.objects.filter(in_area(kecamatan_code(facility.region_id))).select_related("region")
        for candidate in _by_name(facility, _others(nearby, facility), _("in the same kecamatan")):
            found.setdefault(candidate.record.pk, candidate)
    return list(found.values())


def _company_candidates(company: Company) -> list[Candidate]:
    found: dict[int, Candidate] = {}
    for field, label in (("nib", _("Same NIB")), ("npwp", _("Same NPWP"))):
        number = getattr(company, field)
        if number:
            for other in _others(Company.objects.filter(**{field: number}), company):
                found.setdefault(other.pk, Candidate(DuplicateKind.COMPANY, other, label, 1.0))
    others = _others(Company.objects.only("id", "name", "slug"), company)
    for candidate in _by_name(company, others, _("in the company register")):
        found.setdefault(candidate.record.pk, candidate)
    return list(found.values())


def _needs_candidates(needs: list[Need]) -> list[list[Candidate]]:
    """For each need, the draft or open needs of its facility and field with a similar title,
    read in one query for all of them."""
    groups = {(need.facility_id, need.field_id) for need in needs if need.facility_id and need.field_id}
    unsettled: dict[tuple[int, int], list[Need]] = defaultdict(list)
    if groups:
        same_group = Q()
        for facility_id, field_id in groups:
            same_group |= Q(facility_id=facility_id, field_id=field_id)
        others = Need.objects.filter(same_group, status__in=UNSETTLED_NEED_STATES).select_related("facility", "field")
        for other in others:
            unsettled[(other.facility_id, other.field_id)].append(other)
    found = []
    for need in needs:
        candidates = []
        for other in unsettled.get((need.facility_id, need.field_id), []):
            if need.pk is not None and other.pk == need.pk:
                continue
            score = title_score(need.title, other.title)
            if score:
                reason = _("Similar open need of the same facility and field (%(percent)s%%)") % {
                    "percent": round(score * 100)
                }
                candidates.append(Candidate(DuplicateKind.NEED, other, reason, score))
        found.append(candidates)
    return found


# --- an area ---------------------------------------------------------------------------------


def area_pairs(scope: Scope, *, limit: int = 200) -> list[Pair]:
    """Undecided possible duplicates of the area: facilities and needs in it, and companies of
    which at least one is the area's (registered in it or partnered with the agency)."""
    if not scope.any:
        return []
    pairs = _facility_pairs(scope) + _company_pairs(scope) + _need_pairs(scope)
    pairs.sort(key=lambda pair: (-pair.score, pair.kind, pair.first.pk))
    return _with_needs_read(pairs[:limit])


def _pairwise(kind: str, groups: Iterable[list], key, threshold: float, reason, compare) -> list[Pair]:
    pairs = []
    for members in groups:
        for first, second in combinations(members, 2):
            score = compare(key(first), key(second))
            if score and score >= threshold:
                first, second = sorted((first, second), key=lambda record: record.pk)
                pairs.append(Pair(kind, first, second, reason(score), score))
    return pairs


def _facility_pairs(scope: Scope) -> list[Pair]:
    facilities = Facility.objects.filter(scope.q("region")).only("id", "name", "slug", "region_id")
    groups: dict[str, list] = defaultdict(list)
    for facility in facilities:
        groups[kecamatan_code(facility.region_id)].append(facility)
    pairs = _pairwise(
        DuplicateKind.FACILITY,
        groups.values(),
        lambda record: normalise(record.name),
        NAME_THRESHOLD,
        lambda score: _name_reason(score, _("in the same kecamatan")),
        name_similarity,
    )
    return _undecided(DuplicateKind.FACILITY, pairs)


def companies_of_area(scope: Scope):
    """Companies registered in the area or partnered with the account's agency
    (``partners.selectors.partnered_q``: a partnership, or a pledge in the area)."""
    if scope.everything:
        return Company.objects.all()
    return Company.objects.filter(partnered_q(scope) | scope.q("region"))


#: A blocking key shared by more companies than this (a word such as "indonesia" or "bank") is
#: too common to say two companies may be one; the names are compared under their other keys.
MAX_BLOCK = 100


def _company_pairs(scope: Scope) -> list[Pair]:
    ours = set(companies_of_area(scope).values_list("pk", flat=True))
    if not ours:
        return []
    # Only names that share a blocking key (duplicates.names.blocking_keys) are compared, and only
    # pairs with one of the area's companies: near-linear in the size of the register, where
    # comparing every pair of a 5,000-company register took a minute.
    names = {company.pk: (company, normalise(company.name)) for company in Company.objects.only("id", "name", "slug")}
    blocks: dict[str, list[int]] = defaultdict(list)
    for pk, (_company, name) in names.items():
        for key in blocking_keys(name):
            blocks[key].append(pk)
    compared: set[tuple[int, int]] = set()
    pairs = []
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for first_id, second_id in combinations(sorted(members), 2):
            if (first_id, second_id) in compared or not (first_id in ours or second_id in ours):
                continue
            compared.add((first_id, second_id))
            score = name_similarity(names[first_id][1], names[second_id][1])
            if score >= NAME_THRESHOLD:
                reason = _name_reason(score, _("in the company register"))
                pairs.append(Pair(DuplicateKind.COMPANY, names[first_id][0], names[second_id][0], reason, score))
    return _undecided(DuplicateKind.COMPANY, pairs)


@dataclass(frozen=True)
class _NeedTitle:
    """A need as the area's comparison reads it: its key and title, no model instance (85,000
    unsettled needs at national scale); ``_with_needs_read`` reads the listed pairs' needs."""

    pk: int
    title: str


def _need_pairs(scope: Scope) -> list[Pair]:
    rows = Need.objects.filter(scope.q("facility__region"), status__in=UNSETTLED_NEED_STATES).values_list(
        "pk", "title", "facility_id", "field_id"
    )
    groups: dict[tuple, list] = defaultdict(list)
    for pk, title, facility_id, field_id in rows:
        groups[(facility_id, field_id)].append(_NeedTitle(pk, title))
    pairs = _pairwise(
        DuplicateKind.NEED,
        groups.values(),
        lambda record: record.title,
        0,
        lambda score: (
            _("Similar open need of the same facility and field (%(percent)s%%)") % {"percent": round(score * 100)}
        ),
        title_score,
    )
    return _undecided(DuplicateKind.NEED, pairs)


def _with_needs_read(pairs: list[Pair]) -> list[Pair]:
    """``pairs`` with the needs of need pairs read (with their facility, as a need names
    itself), in one query."""
    ids = {record.pk for pair in pairs if pair.kind == DuplicateKind.NEED for record in (pair.first, pair.second)}
    if not ids:
        return pairs
    needs = Need.objects.select_related("facility").only("id", "title", "facility__name").in_bulk(ids)
    return [
        replace(pair, first=needs[pair.first.pk], second=needs[pair.second.pk])
        if pair.kind == DuplicateKind.NEED
        else pair
        for pair in pairs
    ]


def _undecided(kind: str, pairs: list[Pair]) -> list[Pair]:
    if not pairs:
        return pairs
    decided = decided_pairs(kind)
    return [pair for pair in pairs if (pair.first.pk, pair.second.pk) not in decided]


def import_rows_notes(records: list[Model]) -> list[list[str]]:
    """For an import preview, the notes of each new row (in order) that looks like an existing
    record (rows matching an identifier already update that record, core.spreadsheets.identified).
    The needs of a file are compared in one query; facilities and companies one by one."""
    if records and all(kind_of(record) == DuplicateKind.NEED for record in records):
        found = [
            _ranked(DuplicateKind.NEED, record, candidates, 3)
            for record, candidates in zip(records, _needs_candidates(records), strict=True)
        ]
    else:
        found = [candidates_for(record, limit=3) for record in records]
    return [
        [
            _("may be a duplicate of %(record)s (#%(pk)s): %(reason)s")
            % {"record": candidate.record, "pk": candidate.record.pk, "reason": candidate.reason}
            for candidate in candidates
        ]
        for candidates in found
    ]
