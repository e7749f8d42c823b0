"""The only way realisation reports (laporan realisasi) change.

A company's officer files one report per program and period (``realisation_submit``); the
registering agency's staff verify it or return it with a reason (``realisation_verify``,
``realisation_return``); a returned report is corrected by submitting the same period again.
Status moves follow the one table ``TRANSITIONS`` through ``realisation_move``. Every function
runs in one transaction and, on any problem, raises :class:`RealisationError` with all the
problems found and writes nothing (evidence files stored before a failure are removed again).
The rules themselves (period, split, counts) are ``programs.rules``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.scope import agency_for_region, deciding_staff, staff_scope
from core import evidence as evidence_checks
from core import versioned_cache
from core.roles import is_dinsos, officer_company_id
from notifications import services as notify
from programs.models import (
    REGISTERED_STATES,
    Program,
    Realisation,
    RealisationEvidence,
    RealisationEvidenceKind,
    RealisationShare,
    RealisationStatus,
)
from programs.rules import ShareLine, count_problems, period_problems, share_problems

S = RealisationStatus
OFFICER, STAFF = "officer", "staff"
VERIFY_PERMISSION = "programs.change_realisation"
# The same caps as a delivery report: ten photos and one PDF per submission; a report corrected
# many times keeps at most MAX_EVIDENCE files.
MAX_PHOTOS = 10
MAX_DOCUMENTS = 1
MAX_EVIDENCE = 40
ACTIVITIES_MAX_LENGTH = 5000
MAX_COUNT = 10_000_000


class RealisationError(Exception):
    """What is wrong with a report or a move, as sentences for the person who tried it."""

    def __init__(self, problems: Sequence[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        self.message = " ".join(self.problems)
        super().__init__(self.message)


@dataclass(frozen=True)
class Move:
    by: str
    event: str
    reason_required: bool = False


# The one table of allowed moves: (from, to) -> who may make it. A new report starts SUBMITTED.
TRANSITIONS: dict[tuple[str, str], Move] = {
    (S.SUBMITTED, S.VERIFIED): Move(STAFF, "realisation_verified"),
    (S.SUBMITTED, S.RETURNED): Move(STAFF, "realisation_returned", reason_required=True),
    # The company corrects a returned report by submitting the period again.
    (S.RETURNED, S.SUBMITTED): Move(OFFICER, "realisation_submitted"),
}


# --- who is acting ---------------------------------------------------------------------------


def report_regions(report: Realisation) -> list[str]:
    """The regions whose agencies may review a report: the registering agency's region, and
    the kecamatan or villages its rupiah was spent in."""
    agency = report.program.agency
    codes = [share.region_id for share in report.shares.all()]
    if agency is not None and agency.region_id:
        codes.insert(0, agency.region_id)
    return codes


def reviews(actor, report: Realisation) -> bool:
    """Whether ``actor`` is staff who may verify or return ``report``: not a viewer, with the
    permission, and the report's agency or regions in their area."""
    if actor is None or not is_dinsos(actor) or not actor.has_perm(VERIFY_PERMISSION):
        return False
    scope = staff_scope(actor)
    if scope.read_only:
        return False
    return scope.everything or any(scope.covers(code) for code in report_regions(report))


def _role(actor, report: Realisation) -> str | None:
    if actor is None or not actor.is_active:
        return None
    if officer_company_id(actor) == report.program.company_id:
        return OFFICER
    if reviews(actor, report):
        return STAFF
    return None


def move_problem(report: Realisation, to: str, actor) -> str | None:
    """Why ``actor`` may not move ``report`` to ``to`` now, or None."""
    move = TRANSITIONS.get((report.status, to))
    if move is None:
        return _("A realisation report that is “%(old)s” cannot become “%(new)s”.") % {
            "old": S(report.status).label,
            "new": S(to).label,
        }
    if _role(actor, report) != move.by:
        return _("You are not allowed to make this change to this realisation report.")
    return None


def moves_for(report: Realisation, actor) -> frozenset[str]:
    """The states this actor may move the report to now: the buttons the admin offers."""
    return frozenset(
        to for (frm, to) in TRANSITIONS if frm == report.status and move_problem(report, to, actor) is None
    )


# --- notices ---------------------------------------------------------------------------------


def subject_of(report: Realisation) -> str:
    program = report.program
    return f"{program.title} ({program.company.name}), {report.period_label}"


def _notify(report: Realisation, event: str, *, note: str = "") -> None:
    """Officers of the company hear of the agency's answer; the agency's deciding staff hear of
    a submission. The registering agency signs (or, without one, the agency of the first region)."""
    program = report.program
    agency = program.agency or agency_for_region(next(iter(report_regions(report)), None))
    signature = agency.name if agency is not None else ""
    if event == "realisation_submitted":
        users = deciding_staff(agency)
        url = reverse("admin:programs_realisation_change", args=[report.pk])
    else:
        users = program.company.officers.filter(user__is_active=True).select_related("user")
        users = [officer.user for officer in users]
        url = reverse("partner:realisation_detail", args=[report.pk])
    notify.subject_event(event, users=users, subject=subject_of(report), note=note, url=url, signature=signature)


# --- moves -----------------------------------------------------------------------------------


def _lock(report_id: int) -> Realisation:
    return (
        Realisation.objects.select_for_update(of=("self",))
        .select_related("program__agency", "program__company")
        .get(pk=report_id)
    )


def _apply(report: Realisation, to: str, actor, reason: str) -> None:
    """Perform a move on a locked report."""
    if problem := move_problem(report, to, actor):
        raise RealisationError(problem)
    move = TRANSITIONS[(report.status, to)]
    reason = (reason or "").strip()
    if move.reason_required and not reason:
        raise RealisationError(_("Please give a reason."))
    report.status = to
    fields = ["status"]
    if move.by == STAFF:
        report.verified_by = actor
        report.verified_at = timezone.now()
        report.review_note = reason
        fields += ["verified_by", "verified_at", "review_note"]
    else:
        report.submitted_at = timezone.now()
        report.verified_by = None
        report.verified_at = None
        fields += ["submitted_at", "verified_by", "verified_at"]
    report.save(update_fields=fields)
    _notify(report, move.event, note=reason)


@transaction.atomic
def realisation_move(*, report: Realisation | int, to: str, actor, reason: str = "") -> Realisation:
    """Move a report to another state, if the table allows it and the actor may."""
    locked = _lock(report if isinstance(report, int) else report.pk)
    _apply(locked, to, actor, reason)
    return locked


def realisation_verify(*, report: Realisation | int, actor, note: str = "") -> Realisation:
    return realisation_move(report=report, to=S.VERIFIED, actor=actor, reason=note)


def realisation_return(*, report: Realisation | int, actor, reason: str) -> Realisation:
    return realisation_move(report=report, to=S.RETURNED, actor=actor, reason=reason)


# --- filing a report -------------------------------------------------------------------------


def evidence_problems(files: Sequence[tuple[UploadedFile, str]], *, already: int = 0) -> list[str]:
    """Photos and PDF documents checked by content, and the caps on how many."""
    problems = []
    photos = sum(1 for _upload, kind in files if kind == RealisationEvidenceKind.PHOTO)
    documents = sum(1 for _upload, kind in files if kind == RealisationEvidenceKind.DOCUMENT)
    if photos > MAX_PHOTOS:
        problems.append(_("Attach at most %(count)s photos.") % {"count": MAX_PHOTOS})
    if documents > MAX_DOCUMENTS:
        problems.append(_("Attach at most %(count)s PDF document.") % {"count": MAX_DOCUMENTS})
    if photos + documents != len(files):
        problems.append(_("Unknown kind of evidence."))
    if already + len(files) > MAX_EVIDENCE:
        problems.append(_("A report keeps at most %(count)s evidence files.") % {"count": MAX_EVIDENCE})
    if problems:
        return problems
    for upload, kind in files:
        try:
            evidence_checks.check_upload(upload, photo=kind == RealisationEvidenceKind.PHOTO)
        except evidence_checks.EvidenceFileError as error:
            problems.append(error.message)
    return problems


def submit_problem(program: Program, actor) -> str | None:
    """Why ``actor`` may not report on ``program`` at all, or None."""
    if actor is None or not actor.is_active or officer_company_id(actor) != program.company_id:
        return _("Only an officer of the program's company can report on it.")
    if program.status not in REGISTERED_STATES:
        return _("Only a program the agency has registered takes realisation reports.")
    return None


def realisation_submit(
    *,
    program: Program | int,
    actor,
    year: int,
    quarter: int,
    amount: int,
    shares: Sequence[ShareLine],
    households: int,
    persons: int,
    women: int | None = None,
    children: int | None = None,
    elderly: int | None = None,
    disabled: int | None = None,
    activities: str,
    files: Sequence[tuple[UploadedFile, str]] = (),
) -> Realisation:
    """A company's report of what a program realised in a period. A period already reported
    and returned is corrected (its split replaced, its evidence kept and added to); a period
    submitted or verified already is refused."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            return _submit(
                program_id=program if isinstance(program, int) else program.pk,
                actor=actor,
                period=(year, quarter),
                amount=amount,
                shares=list(shares),
                counts={
                    "households": households,
                    "persons": persons,
                    "women": women,
                    "children": children,
                    "elderly": elderly,
                    "disabled": disabled,
                },
                activities=(activities or "").strip(),
                files=list(files),
                stored=stored,
            )
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise


def _submit(*, program_id, actor, period, amount, shares, counts, activities, files, stored) -> Realisation:
    # The program's row is locked first: two submissions of one program wait for each other,
    # so a period never gets two reports.
    program = Program.objects.select_for_update(of=("self",)).select_related("agency", "company").get(pk=program_id)
    if problem := submit_problem(program, actor):
        raise RealisationError(problem)
    year, quarter = period
    problems = period_problems(program.agency, year, quarter)
    problems += share_problems(
        amount=amount,
        shares=shares,
        targets=program.target_regions.all(),
        agency=program.agency,
        households=counts["households"],
    )
    problems += count_problems(**counts)
    if any(value is not None and value > MAX_COUNT for value in counts.values()):
        problems.append(_("Counts of beneficiaries cannot exceed %(max)s.") % {"max": MAX_COUNT})
    if not activities:
        problems.append(_("Describe the activities of the period."))
    elif len(activities) > ACTIVITIES_MAX_LENGTH:
        problems.append(_("Describe the activities in at most %(n)s characters.") % {"n": ACTIVITIES_MAX_LENGTH})
    existing = Realisation.objects.select_for_update().filter(program=program, year=year, quarter=quarter).first()
    if existing is not None and existing.status != S.RETURNED:
        problems.append(
            _("The report for %(period)s is already %(status)s: it cannot be submitted again.")
            % {"period": existing.period_label, "status": S(existing.status).label.lower()}
        )
    already = existing.evidence.count() if existing is not None else 0
    problems += evidence_problems(files, already=already)
    if problems:
        raise RealisationError(problems)

    values = {"amount": amount, "activities": activities, **counts}
    if existing is None:
        report = Realisation.objects.create(
            program=program,
            year=year,
            quarter=quarter,
            status=S.SUBMITTED,
            reported_by=actor,
            submitted_at=timezone.now(),
            **values,
        )
    else:
        report = existing
        report.program = program
        for name, value in values.items():
            setattr(report, name, value)
        report.save(update_fields=list(values))
        report.shares.all().delete()
    RealisationShare.objects.bulk_create(
        RealisationShare(realisation=report, region=line.region, amount=line.amount, households=line.households)
        for line in shares
    )
    versioned_cache.changed(RealisationShare)  # a bulk write sends no signal
    _store_evidence(report, files, actor, stored)
    if existing is None:
        _notify(report, "realisation_submitted")
    else:
        _apply(report, S.SUBMITTED, actor, "")
    return report


def _store_evidence(report: Realisation, files, actor, stored: list[str]) -> None:
    for upload, kind in files:
        content_type = evidence_checks.check_upload(upload, photo=kind == RealisationEvidenceKind.PHOTO)
        content = evidence_checks.stored_content(upload, content_type)
        item = RealisationEvidence(
            realisation=report,
            kind=kind,
            content_type=content_type,
            size=content.size,
            original_name=(upload.name or "")[-200:],
            uploaded_by=actor,
        )
        item.file.save(upload.name or "evidence", content, save=False)
        stored.append(item.file.name)
        item.save()
